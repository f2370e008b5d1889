package snapshot

import (
	"bytes"
	"math/rand"
	"regexp"
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// hostilePostings have titles, URLs and fields that try to break out of
// the Markdown table.
func hostilePostings() []model.Posting {
	ps := []model.Posting{
		{ID: "1", Title: "Pipe | in | title", URL: "https://e.com/1"},
		{ID: "2", Title: "Bracket] (https://evil.example) [x", URL: "https://e.com/2?q=(a)|b"},
		{ID: "3", Title: "Back`tick`s and ```fences```", URL: "https://e.com/3"},
		{ID: "4", Title: "New\nline\r\n| --- | --- |\nrow", URL: "https://e.com/4"},
		{ID: "5", Title: "<img src=x onerror=alert(1)> <a href=\"https://evil.example\">x</a>", URL: "javascript:alert(1)"},
		{ID: "6", Title: "# Heading", URL: "https://e.com/6 space"},
		{ID: "7", Title: "- list item", URL: "https://e.com/7", Levels: []string{"L5|L6"},
			Locations: []model.Location{{City: "A|B", Country: "<US>"}},
			Salary:    []model.Salary{{Min: 1, Max: 2, Currency: "U|SD", Period: "ye`ar"}},
			Skills:    model.Skills{Required: []string{"C|++", "[x](y)"}}},
		{ID: "8", Title: "", URL: "https://e.com/8"},
		{ID: "9", Title: "Pipe | in | title", URL: "https://e.com/9"}, // same title: by id
		{ID: "10", Title: "\u202Egnp.exe", URL: "https://e.com/10"},
	}
	for i := range ps {
		ps[i].Source = "evil"
		ps[i].Company = "Evil | Corp"
		ps[i].Canonical()
	}
	return ps
}

var unescapedPipe = regexp.MustCompile(`(^|[^\\])\|`)

func TestSourceReadmeHostile(t *testing.T) {
	ps := hostilePostings()
	out := SourceReadme("evil", ps)
	s := string(out)
	var rows []string
	for _, l := range strings.Split(strings.TrimSuffix(s, "\n"), "\n") {
		if strings.HasPrefix(l, "|") {
			rows = append(rows, l)
		}
	}
	if len(rows) != len(ps)+2 {
		t.Fatalf("%d table lines, want %d (header, delimiter, one per posting):\n%s", len(rows), len(ps)+2, s)
	}
	for _, r := range rows {
		// "| a | b |": the pipes that separate cells are the only
		// unescaped ones; count them on a copy where "\\" pairs are gone
		clean := strings.ReplaceAll(r, `\\`, "")
		if n := len(unescapedPipe.FindAllString(clean, -1)); n != 6 {
			t.Errorf("row has %d cell separators, want 6: %s", n, r)
		}
	}
	for _, bad := range []string{"](javascript", "javascript:alert(1))", "\u202E", "\r"} {
		if strings.Contains(s, bad) {
			t.Errorf("output contains %q:\n%s", bad, s)
		}
	}
	if regexp.MustCompile(`(^|[^\\])[<>]`).MatchString(strings.ReplaceAll(s, `\\`, "")) {
		t.Errorf("unescaped < or >:\n%s", s)
	}
	if strings.Contains(strings.ReplaceAll(s, "\\`", ""), "`") {
		t.Errorf("unescaped backtick:\n%s", s)
	}
	// links only to the http(s) URLs, percent-encoded
	links := regexp.MustCompile(`(?:^|[^\\])\]\(([^)]*)\)`).FindAllStringSubmatch(s, -1)
	if len(links) != 9 { // all but the javascript: one
		t.Errorf("%d links, want 9", len(links))
	}
	for _, l := range links {
		if !strings.HasPrefix(l[1], "https://e.com/") || strings.ContainsAny(l[1], " |()<>`") {
			t.Errorf("link destination %q", l[1])
		}
	}
	if !strings.Contains(s, "(https://e.com/2?q=%28a%29%7Cb)") || !strings.Contains(s, "(https://e.com/6%20space)") {
		t.Errorf("URLs not encoded:\n%s", s)
	}
	if !strings.Contains(s, "| \\# Heading |") && !strings.Contains(s, "[\\# Heading]") {
		t.Errorf("heading not escaped:\n%s", s)
	}
	// sorted by title, then id: "", "# Heading", ..., "Pipe | in | title" (1) before (9)
	i1 := strings.Index(s, "(https://e.com/1)")
	i9 := strings.Index(s, "(https://e.com/9)")
	i8 := strings.Index(s, "(https://e.com/8)")
	if !(i8 < i1 && i1 < i9) {
		t.Errorf("order: untitled %d, id 1 %d, id 9 %d", i8, i1, i9)
	}
	if !strings.Contains(s, "[(untitled)](https://e.com/8)") {
		t.Errorf("untitled posting:\n%s", s)
	}
	t.Logf("\n%s", s)
}

func TestSourceReadmeDeterministic(t *testing.T) {
	ps := hostilePostings()
	ps = append(ps, model.Posting{ID: "11", Source: "mixed", Company: "Acme", Title: "Data Engineer (L4)", URL: "https://e.com/11",
		Levels: []string{"L4"}, Locations: []model.Location{{City: "Los Gatos", Region: "California", Country: "US"}, {Country: "US", Remote: true}},
		Workplace: "hybrid", Salary: []model.Salary{{Min: 120000, Max: 160000, Currency: "USD", Period: "year"}},
		Skills: model.Skills{Required: []string{"Python", "SQL"}, Preferred: []string{"Spark"}}})
	want := SourceReadme("mixed", ps)
	rng := rand.New(rand.NewSource(1))
	for range 20 {
		rng.Shuffle(len(ps), func(i, j int) { ps[i], ps[j] = ps[j], ps[i] })
		if got := SourceReadme("mixed", ps); !bytes.Equal(got, want) {
			t.Fatalf("output depends on the order of the postings")
		}
	}
	if regexp.MustCompile(`20\d\d-\d\d-\d\d`).Match(want) {
		t.Errorf("README carries a date:\n%s", want)
	}
	empty := string(SourceReadme("none", nil))
	if !strings.HasPrefix(empty, "# none\n\n0 open postings.\n") || strings.Contains(empty, "|") {
		t.Errorf("empty README:\n%s", empty)
	}
}
