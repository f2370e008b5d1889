package htmlsel

import "testing"

// Review s16 R3: links whose query holds a ';' (view.php?req=101;lang=en)
// lost their whole query (Go's reading drops such pairs), so every posting
// of the page had one id and they merged into one, silently.
func TestIDKeepsSemicolonQueries(t *testing.T) {
	seen := map[string]string{}
	for _, link := range []string{
		"https://x.example/jobs/view.php?req=101;lang=en",
		"https://x.example/jobs/view.php?req=102;lang=en",
		"https://x.example/jobs/view.php?req=103;lang=en",
	} {
		id := ID(link)
		if other, dup := seen[id]; dup {
			t.Fatalf("%s and %s share the id %q", other, link, id)
		}
		seen[id] = link
	}
	if got := ID("https://x.example/jobs/view.php?req=101;lang=en&utm_source=x"); got != "/jobs/view.php?req=101;lang=en" {
		t.Errorf("ID = %q", got)
	}
}

// Review s16 R9: ids do not depend on the escape case of the board's
// encoder; a posting stored under an id of the earlier rule is found under
// today's (CurrentID, which the runner's id migration reads).
func TestIDEscapeCase(t *testing.T) {
	a, b := ID("https://x.example/jobs/z%C3%BCrich-1"), ID("https://x.example/jobs/z%c3%bcrich-1")
	if a != b || a != "/jobs/z%C3%BCrich-1" {
		t.Fatalf("ids %q and %q", a, b)
	}
	if got := (&HTML{}).CurrentID("/jobs/z%c3%bcrich-1"); got != a {
		t.Errorf("CurrentID of the earlier id = %q, want %q", got, a)
	}
}
