package jsonld

import "testing"

// Re-read s17 F2: a posting page at the site's root with a query was
// stored by the earlier rule as "host?query" (StableURL trims the root's
// '/'); today's rule reads it again (its tracking tag gone), so the
// posting keeps its file rather than being removed and added.
func TestCurrentIDOfARootPageWithAQuery(t *testing.T) {
	link := "https://jobs.example.com/?gh_jid=4567&gh_src=abc123"
	stored := "jobs.example.com?gh_jid=4567&gh_src=abc123"
	if got, want := (&JSONLD{}).CurrentID(stored), StableURL(link); got != want {
		t.Errorf("CurrentID(%q) = %q, want %q", stored, got, want)
	}
	for _, id := range []string{"R-100?x", "Müller-1", "job;7"} {
		if got := (&JSONLD{}).CurrentID(id); got != id {
			t.Errorf("an identifier %q read as %q", id, got)
		}
	}
}
