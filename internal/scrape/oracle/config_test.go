package oracle

import (
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/config"
)

func TestKind(t *testing.T) {
	parse := func(yml string) error {
		_, err := config.Parse([]byte(yml), "config.yaml", func(string) (string, bool) { return "", false }, config.Plugins{Sources: []config.Kind{Kind}})
		return err
	}
	ok := "sources:\n  - {name: a, type: oracle, url: \"https://ejov.fa.ca2.oraclecloud.com\", site: CX_1, language: fr}\n"
	if err := parse(ok); err != nil {
		t.Fatal(err)
	}
	s, err := config.Parse([]byte(ok), "config.yaml", func(string) (string, bool) { return "", false }, config.Plugins{Sources: []config.Kind{Kind}})
	if err != nil {
		t.Fatal(err)
	}
	if c := config.SettingsOf[Config](s.Sources[0].Settings); c.Site != "CX_1" || c.Language != "fr" {
		t.Fatalf("settings %+v", c)
	}
	cases := []struct{ yml, want string }{
		{"sources:\n  - name: a\n    type: oracle\n    url: \"https://x.example\"\n", "config.yaml:2: sources[0].site: is required for type oracle"},
		{"sources:\n  - name: a\n    type: oracle\n    site: CX\n", "sources[0].url: is required for type oracle"},
		{"sources:\n  - name: a\n    type: oracle\n    url: \"https://x.example\"\n    site: sites/CX\n", "config.yaml:5: sources[0].site: must be the siteNumber"},
	}
	for _, c := range cases {
		if err := parse(c.yml); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: got %v, want %q", c.yml, err, c.want)
		}
	}
}
