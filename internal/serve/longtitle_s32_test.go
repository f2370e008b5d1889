package serve

import (
	"strings"
	"testing"
)

// TestLongTitleIsCutInLists: a posting whose title is as long as a board's
// answer (250 KB) makes the source's list and the page's <title> a few
// hundred bytes longer, not 250 KB; its own page shows the title whole.
func TestLongTitleIsCutInLists(t *testing.T) {
	long := strings.Repeat("Senior Data Engineer ", 12000)
	ps := hostile()
	ps[1].Title = long
	h := New(writeFolder(t, ps), "", nil).Handler()
	resp, page := fetch(t, h, "/sources/acme")
	if resp.StatusCode != 200 {
		t.Fatalf("source page: %d", resp.StatusCode)
	}
	if len(page) > 50000 {
		t.Errorf("source page is %d bytes", len(page))
	}
	if !strings.Contains(page, ">Senior Data Engineer Senior") || !strings.Contains(page, "…</a>") {
		t.Errorf("the cut title is not listed with its start and an ellipsis")
	}
	_, page = fetch(t, h, "/sources/acme/postings/ok-1")
	if !strings.Contains(page, strings.TrimSpace(long)) {
		t.Error("the posting's page does not show its title whole")
	}
	if i := strings.Index(page, "</title>"); i < 0 || i > 2000 {
		t.Errorf("the page's <title> ends at byte %d", i)
	}
}
