package config_test

import (
	"strings"
	"testing"
)

// Review s20 F7: a source or notifier URL no request can reach (a port
// out of range, port 0, no host) is a config problem naming the key and
// line, not a source failing every run with another library's message.
func TestURLHostAndPortAreChecked(t *testing.T) {
	for _, c := range []struct{ url, want string }{
		{"http://example.com:99999/", "sources[0].url: must have a port from 1 to 65535"},
		{"http://example.com:0/x", "sources[0].url: must have a port from 1 to 65535"},
		{"http://:80/x", "sources[0].url: must name a host"},
	} {
		yml := "sources:\n  - {name: a, type: jsonld, url: \"" + c.url + "\"}\n"
		_, err := parse([]byte(yml), "c.yaml", nil)
		if err == nil || !strings.Contains(err.Error(), "c.yaml:2: "+c.want) {
			t.Errorf("%s: %v, want %q", c.url, err, c.want)
		}
		if err != nil && strings.Contains(err.Error(), "example.com") {
			t.Errorf("the message echoes the URL: %v", err)
		}
	}
	for _, ok := range []string{"http://example.com:8080/x", "https://example.com/x", "http://[::1]:443/x"} {
		yml := "sources:\n  - {name: a, type: jsonld, url: \"" + ok + "\"}\n"
		if _, err := parse([]byte(yml), "c.yaml", nil); err != nil {
			t.Errorf("%s: %v", ok, err)
		}
	}
}
