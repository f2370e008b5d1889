package normalize

import (
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// A description longer than maxParsed is read for its structure in its
// first part only, and the rest is kept as plain lines: the stored
// description loses nothing (text, HTML, and plain text in an HTML
// field), and the first part is read as before.
func TestLongDescriptionIsStoredWhole(t *testing.T) {
	n := normalizer(t)
	filler := strings.Repeat("We ship software every week and talk to our users.\n", maxParsed/50+10)
	for _, c := range []struct {
		name string
		raw  model.Raw
		tail string
	}{
		{"text", model.Raw{DescriptionText: "Requirements:\n- Python\n\n" + filler + "The last line & its words."},
			"The last line & its words."},
		{"html", model.Raw{DescriptionHTML: "<h3>Requirements</h3><ul><li>Python</li></ul><p>" +
			strings.ReplaceAll(filler, "\n", "</p><p>") + "</p><p>The last line &amp; <b>its</b> words.</p>"},
			"The last line & its words."},
		{"lines in an HTML field", model.Raw{DescriptionHTML: "Requirements:\n- Python\n\n" + filler + "The last line &amp; its words."},
			"The last line & its words."},
	} {
		p := n.Normalize("s", "Acme", c.raw)
		if !strings.Contains(p.Description, c.tail) {
			t.Errorf("%s: the description's end is lost: ...%q", c.name, p.Description[max(0, len(p.Description)-80):])
		}
		if strings.Contains(p.Description, "<p>") || strings.Contains(p.Description, "<b>") {
			t.Errorf("%s: tags kept in the description's rest", c.name)
		}
		if got := strings.Count(p.Description, "We ship software every week"); got != maxParsed/50+10 {
			t.Errorf("%s: %d filler lines kept, want %d", c.name, got, maxParsed/50+10)
		}
		if len(p.Skills.Required) != 1 || p.Skills.Required[0] != "Python" {
			t.Errorf("%s: required %v, want [Python]", c.name, p.Skills.Required)
		}
	}
}

// stripTags keeps the text between tags, a block's tag as a line break,
// and a "<" that opens no tag as text.
func TestStripTags(t *testing.T) {
	for in, want := range map[string]string{
		"<p>a <b>b</b> c</p><li>d</li>": "\na  b  c\n\nd\n",
		"x < y and z":                   "x < y and z",
		"<br/>e<BR>f":                   "\ne\nf",
	} {
		if got := stripTags(in); got != want {
			t.Errorf("stripTags(%q) = %q, want %q", in, got, want)
		}
	}
}
