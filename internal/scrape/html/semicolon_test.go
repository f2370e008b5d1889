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
