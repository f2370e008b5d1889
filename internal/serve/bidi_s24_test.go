package serve

import (
	"strings"
	"testing"
	"time"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// A board's title with a right-to-left override ("Engineer \u202egnp.exe"
// shows as "Engineer exe.png") reaches no page or feed with the override
// (review s23 F10): the notifiers drop it, the dashboard, the posting
// pages, the events page and the feeds too. The API keeps the data exact.
func TestPagesAndFeedsDropBidiOverrides(t *testing.T) {
	title := "Engineer \u202egnp.exe\u202c \u2067x\u2069"
	f := writeFolder(t, []model.Posting{{ID: "42", Title: title, Company: "Acme\u200f", Role: "Software Engineer"}})
	commitPaths(t, f, "acme: 1 added", time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC), f.Dir+"/acme/42.json")
	h := New(f, "", nil).Handler()
	for _, path := range []string{"/", "/events", "/sources/acme", "/sources/acme/postings/42", "/feed.atom", "/sources/acme/feed.atom"} {
		resp, page := fetch(t, h, path)
		if resp.StatusCode != 200 {
			t.Fatalf("%s: %d\n%s", path, resp.StatusCode, page)
		}
		if strings.ContainsFunc(page, func(r rune) bool {
			return r == '\u202e' || r == '\u202c' || r == '\u2067' || r == '\u2069' || r == '\u200f'
		}) {
			t.Errorf("%s shows a bidirectional control", path)
		}
		if path != "/" && path != "/events" && !strings.Contains(page, "Engineer gnp.exe") {
			t.Errorf("%s does not show the title's text", path)
		}
	}
	_, body := fetch(t, h, "/api/v1/sources/acme/postings/42")
	if !strings.Contains(body, `\u202egnp.exe`) && !strings.Contains(body, "\u202egnp.exe") {
		t.Errorf("the API changed the title: %s", body)
	}
}
