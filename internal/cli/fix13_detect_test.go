package cli

import (
	"bytes"
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/config"
	"github.com/careers-watcher/careers-watcher/internal/watch"
)

// TestDetectAddressName: a careers page at a bare IP address is named
// after the whole address ("0" was the suggestion for 10.0.0.0, the last
// label of 127.0.0.1 was "1"), and the item is still a valid config.
func TestDetectAddressName(t *testing.T) {
	t.Parallel()
	for url, name := range map[string]string{
		"http://10.0.0.0/careers":          "ip-10-0-0-0",
		"http://127.0.0.1:8080/jobs":       "ip-127-0-0-1",
		"https://careers.acme.co.uk/jobs":  "acme",
		"https://localhost:8443/jobs/list": "localhost",
	} {
		var out, errb bytes.Buffer
		if code := Main([]string{"detect", url}, &out, &errb); code != ExitOK {
			t.Fatalf("%s: exit %d: %s", url, code, errb.String())
		}
		if !strings.Contains(out.String(), "\n- name: "+name+"\n") {
			t.Errorf("%s: want name %s:\n%s", url, name, out.String())
		}
		if _, err := config.Parse([]byte("sources:\n"+out.String()), "pasted.yaml", func(string) (string, bool) { return "", false }, watch.Plugins()); err != nil {
			t.Errorf("%s: %v\n%s", url, err, out.String())
		}
	}
}
