package config_test

import (
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/config"
)

// fake is a plug-in's typed config, as a source type declares it.
type fake struct {
	Slug  string            `yaml:"slug"`
	Tags  []string          `yaml:"tags"`
	Pages int               `yaml:"pages"`
	Sel   map[string]string `yaml:"sel"`
}

func (f *fake) Validate(c *config.Check) {
	if strings.HasPrefix(f.Slug, "bad") {
		c.Problem("slug", "is bad: "+c.Shown("slug"))
	}
	if c.Has("sel.b") && !c.Has("sel.a") && !c.Bad("sel.a") {
		c.Problem("sel.b", "needs sel.a")
	}
	for i, t := range f.Tags {
		if t == "x" {
			c.Problem("tags["+string(rune('0'+i))+"]", "is x")
		}
	}
}

var fakePlugins = config.Plugins{Sources: []config.Kind{{
	Type: "fake",
	Keys: []config.Key{
		{Name: "url", Shape: config.URL}, {Name: "slug", Required: true}, {Name: "tags", Shape: config.List},
		{Name: "pages", Shape: config.Int, Min: 1, Max: 5}, {Name: "sel", Shape: config.Map, Sub: []string{"a", "b"}},
	},
	New: func() any { return &fake{Pages: 2} },
}}}

func TestPluginSettingsDecoded(t *testing.T) {
	yml := "sources:\n  - name: a\n    type: fake\n    slug: ${S}\n    tags: [one, '${S}']\n    sel: {a: ' li ', b: p}\n  - {name: b, type: fake, slug: b, pages: 4}\n"
	c, err := config.Parse([]byte(yml), "config.yaml", env(map[string]string{"S": "acme"}), fakePlugins)
	if err != nil {
		t.Fatal(err)
	}
	got := config.SettingsOf[fake](c.Sources[0].Settings)
	if got.Slug != "acme" || strings.Join(got.Tags, ",") != "one,acme" || got.Pages != 2 || got.Sel["a"] != "li" || got.Sel["b"] != "p" {
		t.Errorf("settings %+v", got)
	}
	if got := config.SettingsOf[fake](c.Sources[1].Settings); got.Pages != 4 || got.Slug != "b" {
		t.Errorf("settings %+v", got)
	}
}

func TestPluginProblems(t *testing.T) {
	yml := "sources:\n  - name: a\n    type: fake\n    slug: ${S}\n    tags: [one, x]\n    sel:\n      b: p\n      zzz: q\n" +
		"  - {name: b, type: fake, pages: 9}\n  - {name: c, type: faek, slug: c}\n  - {name: d, type: fake, slug: d, board: d}\n"
	_, err := config.Parse([]byte(yml), "config.yaml", env(map[string]string{"S": "bad-SECRET"}), fakePlugins)
	if err == nil {
		t.Fatal("no error")
	}
	want := []string{
		`config.yaml:4: sources[0].slug: is bad: "${S}"`,
		"config.yaml:5: sources[0].tags[1]: is x",
		"config.yaml:7: sources[0].sel.b: needs sel.a",
		"config.yaml:8: sources[0].sel.zzz: unknown key (known keys: a, b)",
		"config.yaml:9: sources[1].pages: must be between 1 and 5",
		"config.yaml:9: sources[1].slug: is required for type fake",
		`config.yaml:10: sources[2].type: unknown source type "faek" (supported: fake)`,
		"config.yaml:11: sources[3].board: unknown key (known keys: name, type, company, url, slug, tags, pages, sel, schedule, allow_shrink, remove_after, max_shrink, allow_private)",
	}
	if got := err.Error(); got != strings.Join(want, "\n") {
		t.Errorf("problems:\n%s\nwant:\n%s", got, strings.Join(want, "\n"))
	}
}
