package watch

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// A posting stored by older rules with its posted date in the board's own
// offset ("2026-07-27" for 2026-07-27T23:30:00-04:00) upgrades to the UTC
// date without an event, though its listed stamp (a digest of the posted
// date) changed; and afterwards the same instant written in UTC is no
// change (review s16 R5).
func TestPostedUTCUpgradesQuietly(t *testing.T) {
	t.Parallel()
	var utc atomic.Bool
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fp := "2026-07-27T23:30:00-04:00"
		if utc.Load() {
			fp = "2026-07-28T03:30:00Z"
		}
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, `{"jobs": [{"id": 1, "title": "Data Engineer", "absolute_url": "https://boards.greenhouse.io/acme/jobs/1",
 "updated_at": "2026-07-27T23:30:00-04:00", "first_published": "`+fp+`", "content": "&lt;p&gt;SQL and Python&lt;/p&gt;"}]}`)
	}))
	t.Cleanup(srv.Close)
	dir, h := t.TempDir(), newHook(t)
	src := fmt.Sprintf("{name: gh, type: greenhouse, board: acme, url: %q}", srv.URL)
	r, cfg := upgradeRunner(t, dir, src, h.URL, "")
	if res := run(t, r, cfg); len(h.take()) != 1 || res.Commit == "" {
		t.Fatalf("first run: want one posting added, commit %q", res.Commit)
	}
	now := readSnapshot(t, cfg.Snapshots, "gh/1.json")
	if now.Posted != "2026-07-28" {
		t.Fatalf("posted %q, want the UTC date 2026-07-28", now.Posted)
	}
	// the folder as older rules left it: the board's local date, the
	// stamp over it, another normalizer version
	old := now
	old.Posted = "2026-07-27"
	b, err := model.Encode(old)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := r.store.WritePosting("gh", "1", b); err != nil {
		t.Fatal(err)
	}
	idx, err := r.store.LoadIndex("gh")
	if err != nil {
		t.Fatal(err)
	}
	e := idx.Postings["1"]
	e.Hash, e.Stamp = model.Hash(b), "2026-07-27T23:30:00-04:00:0123456789abcdef"
	idx.Postings["1"], idx.Normalizer = e, "0000000000000000"
	idx.PostedUTC = false // as older watchers saved it
	if _, err := r.store.SaveIndex("gh", idx); err != nil {
		t.Fatal(err)
	}
	r2, cfg2 := upgradeRunner(t, dir, src, h.URL, "")
	res := run(t, r2, cfg2)
	if s := res.Sources[0]; len(h.take()) != 0 || s.Changed != 0 || s.Rewrites != 1 {
		t.Errorf("upgrade run: %d changed, %d rewrites (want none, one); lines %q", s.Changed, s.Rewrites, s.Lines())
	}
	if p := readSnapshot(t, cfg2.Snapshots, "gh/1.json"); p.Posted != "2026-07-28" {
		t.Errorf("after the upgrade: posted %q, want 2026-07-28", p.Posted)
	}
	utc.Store(true)
	res = run(t, r2, cfg2)
	if got := h.take(); len(got) != 0 || res.Sources[0].Changed != 0 {
		t.Errorf("the same instant in UTC: %d events, lines %q", len(got), res.Sources[0].Lines())
	}
}
