package platforms

import (
	"fmt"
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/config"
)

// TestBaseURLQueryRefused: a source type whose url key is a base that the
// adapter appends its API paths to refuses a url with a query or a
// fragment (it would build https://host?x=1/v1/boards/...), naming the key
// and its line, and without echoing the value; the types whose url is a
// page (jsonld, html, phenom, icims, hrmdirect) keep its query.
func TestBaseURLQueryRefused(t *testing.T) {
	plugins := config.Plugins{Sources: Kinds()}
	extra := map[string]string{
		"eightfold": ", domain: acme.com", "workday": ", tenant: acme, site: ext", "oracle": ", site: CX",
	}
	var checked int
	for _, kd := range Kinds() {
		typ := kd.Type
		keys := ""
		for _, k := range kd.Keys {
			if k.Name == "board" {
				keys = ", board: acme"
			}
		}
		keys += extra[typ]
		for _, tail := range []string{"?token=S3CR3T", "/#frag", "/api?x=1"} {
			yml := fmt.Sprintf("snapshots: s\nsources:\n  - name: a\n    type: %s\n    url: ${U}\n    x: 1\n", typ)
			yml = strings.Replace(yml, "    x: 1\n", "    "+strings.TrimPrefix(keys, ", ")+"\n", 1)
			if keys == "" {
				yml = strings.Replace(yml, "    \n", "", 1)
			}
			yml = strings.ReplaceAll(yml, ", ", "\n    ")
			getenv := func(k string) (string, bool) { return "https://h.example" + tail, k == "U" }
			_, err := config.Parse([]byte(yml), "config.yaml", getenv, plugins)
			switch typ {
			case "jsonld", "html", "auto", "phenom", "icims", "hrmdirect", "oracle", "sitemap":
				// a page or a host: a query is the page's own, or unused
				if err != nil && strings.Contains(err.Error(), "sources[0].url") {
					t.Errorf("%s url %q: %v", typ, tail, err)
				}
				continue
			}
			checked++
			want := "config.yaml:5: sources[0].url: must be a base URL such as https://host or https://host/path, without a query (?...) or fragment (#...)"
			if err == nil || !strings.Contains(err.Error(), want) {
				t.Errorf("%s url %q: %v\nwant %s\n%s", typ, tail, err, want, yml)
			} else if strings.Contains(err.Error(), "S3CR3T") {
				t.Errorf("%s: the value reached a message: %v", typ, err)
			}
		}
		// the base itself, with a path, is fine
		yml := fmt.Sprintf("snapshots: s\nsources:\n  - name: a\n    type: %s\n    url: https://h.example/base/\n%s", typ, strings.ReplaceAll(strings.TrimPrefix(keys, ", "), ", ", "\n    "))
		if keys != "" {
			yml = strings.Replace(yml, "/base/\n", "/base/\n    ", 1) + "\n"
		}
		if _, err := config.Parse([]byte(yml), "config.yaml", func(string) (string, bool) { return "", false }, plugins); err != nil && strings.Contains(err.Error(), "sources[0].url") {
			t.Errorf("%s base with a path: %v\n%s", typ, err, yml)
		}
	}
	if checked < 15*3 {
		t.Errorf("only %d checks of the base URL types", checked)
	}
}
