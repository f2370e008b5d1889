package config_test

import (
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/config"
	"github.com/careers-watcher/careers-watcher/internal/config/registry"
)

// board is one plain source item at indentation ind ("" or "  ").
func board(ind, name string) string {
	return ind + "- name: " + name + "\n" + ind + "  type: eightfold\n" + ind + "  company: Board\n" +
		ind + "  url: https://" + name + ".example.com\n" + ind + "  domain: " + name + ".example\n"
}

func boards(ind string, n int) string {
	var b strings.Builder
	for i := range n {
		b.WriteString(board(ind, "board-"+string(rune('a'+i%26))+strings.Repeat("x", i/26)))
	}
	return b.String()
}

// TestSourcesInParts reads configs of every shape with the sources list in
// parts and whole: the results (configs, or problems with their lines) are
// the same, and the plain shapes are read in parts (a fleet's file never
// whole in memory), the others whole.
func TestSourcesInParts(t *testing.T) {
	notifiers := "notifiers:\n  - name: console\n    type: stdout\n    sources: [board-b, board-c]\n"
	cases := []struct {
		name    string
		yaml    string
		inParts bool
		bad     bool
	}{
		{"plain", "snapshots: /tmp/s\nsources:\n" + boards("  ", 3) + notifiers, true, false},
		{"many parts (over 64 items, over 16 KB)", "sources:\n" + boards("  ", 300) + "http:\n  timeout: 5s\n", true, false},
		{"items at column 0", "sources:\n" + boards("", 5) + notifiers, true, false},
		{"comments and blank lines", "# fleet\nsources: # the boards\n\n  # first\n" + board("  ", "one") +
			"\n# a comment at column 0\n" + board("  ", "two") + "    # inside\n\n  # before the next key\n\n" +
			"notifiers:\n  - name: console\n    type: stdout\n    sources: [one, two]\n", true, false},
		{"a dash alone", "sources:\n  -\n    name: one\n    type: eightfold\n    company: One\n    url: https://one.example.com\n    domain: one.example\n" + board("  ", "two"), true, false},
		{"CRLF", strings.ReplaceAll("sources:\n"+boards("  ", 4)+notifiers, "\n", "\r\n"), true, false},
		{"a block scalar and a flow list in an item", "sources:\n  - name: one\n    type: eightfold\n    company: |\n      One\n      Two\n    url: https://one.example.com\n    domain: one.example\n" +
			"  - {name: two, type: eightfold, company: Two, url: \"https://two.example.com\", domain: two.example}\n", true, false},
		{"an anchor used in its own item", "sources:\n  - name: &n one\n    type: eightfold\n    company: *n\n    url: https://one.example.com\n    domain: one.example\n" + board("  ", "two"), true, false},
		{"defaults merged from an earlier item", "sources:\n  - &d\n    name: one\n    type: eightfold\n    company: One\n    url: https://one.example.com\n    domain: one.example\n  - <<: *d\n    name: two\n", true, false},
		{"defaults merged from an item in another part", "sources:\n  - &d\n    name: one\n    type: eightfold\n    company: One\n    url: https://one.example.com\n    domain: one.example\n" +
			boards("  ", 100) + "  - <<: *d\n    name: two\n", false, false},
		{"an anchor at the top level", "x: &u https://one.example.com\nsources:\n" + boards("  ", 2), false, true},
		{"a flow list", "sources: [{name: one, type: eightfold, company: One, url: \"https://one.example.com\", domain: one.example}]\n", false, false},
		{"unknown key in a later item", "sources:\n" + boards("  ", 40) + "  - name: zz\n    type: eightfold\n    compnay: Z\n    url: https://z.example.com\n    domain: z.example\n", false, true},
		{"duplicate names", "sources:\n" + board("  ", "one") + board("  ", "one"), false, true},
		{"a line at the items' indentation that starts no item", "sources:\n" + board("  ", "one") + "  stray: 1\n" + board("  ", "two"), false, true},
		{"a key less indented than the items", "sources:\n" + board("    ", "one") + "  stray: 1\n", false, true},
		{"a tab", "sources:\n" + board("  ", "one") + "\t- name: two\n", false, true},
		{"a second document", "sources:\n" + board("  ", "one") + "---\nsources:\n" + board("  ", "two"), false, true},
		{"two sources keys", "sources:\n" + board("  ", "one") + "sources:\n" + board("  ", "two"), false, true},
		{"no sources", "snapshots: /tmp/s\n", false, true},
		{"a broken item", "sources:\n" + board("  ", "one") + "  - name: [two\n" + board("  ", "three"), false, true},
		{"an unknown notifier source", "sources:\n" + boards("  ", 2) + "notifiers:\n  - name: c\n    type: stdout\n    sources: [nope]\n", false, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			data := []byte(c.yaml)
			whole, err := config.Parse(data, "fleet.yaml", nil, registry.Plugins())
			got, inParts, errParts := config.ParseInParts(data, "fleet.yaml", nil, registry.Plugins())
			if (err != nil) != c.bad {
				t.Fatalf("whole: err = %v, want bad=%v", err, c.bad)
			}
			if inParts != c.inParts {
				t.Errorf("read in parts: %v, want %v", inParts, c.inParts)
			}
			if !reflect.DeepEqual(whole, got) {
				t.Errorf("configs differ:\nwhole:    %+v\nin parts: %+v", whole, got)
			}
			if (err == nil) != (errParts == nil) || (err != nil && err.Error() != errParts.Error()) {
				t.Errorf("problems differ:\nwhole:    %v\nin parts: %v", err, errParts)
			}
		})
	}
}

// TestShippedConfigsInParts reads the shipped config and the full example
// in parts: the same configs as read whole.
func TestShippedConfigsInParts(t *testing.T) {
	getenv := func(name string) (string, bool) {
		if strings.Contains(name, "SECRET") {
			return "whsec_MDEyMzQ1Njc4OWFiY2RlZg==", true
		}
		return "https://hooks.example.com/x", true
	}
	for _, path := range []string{"../../config.yaml", "testdata/full.yaml"} {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		whole, err := config.Parse(data, path, getenv, registry.Plugins())
		got, inParts, errParts := config.ParseInParts(data, path, getenv, registry.Plugins())
		if err != nil || errParts != nil {
			t.Fatalf("%s: %v / %v", path, err, errParts)
		}
		if !inParts {
			t.Errorf("%s: not read in parts", path)
		}
		if !reflect.DeepEqual(whole, got) {
			t.Errorf("%s: configs differ", path)
		}
	}
}
