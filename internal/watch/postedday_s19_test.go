package watch

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
)

// Reread16 M3: in an upgrade run (new normalizer rules) a posted date that
// really moved by one day, everything else the same, was taken for the
// same instant read in another offset and silenced. An index a UTC-reading
// watcher saved (posted_utc) gives no such leeway: the change is reported.
func TestOneDayPostedChangeInUpgradeRunIsReportedS19(t *testing.T) {
	t.Parallel()
	var moved atomic.Bool
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fp, up := "2026-07-27T10:00:00Z", "2026-07-27T10:00:00Z"
		if moved.Load() {
			fp, up = "2026-07-28T10:00:00Z", "2026-07-28T10:00:00Z"
		}
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, `{"jobs": [{"id": 1, "title": "Data Engineer", "absolute_url": "https://boards.greenhouse.io/acme/jobs/1",
 "updated_at": "`+up+`", "first_published": "`+fp+`", "content": "&lt;p&gt;SQL and Python&lt;/p&gt;"}]}`)
	}))
	t.Cleanup(srv.Close)
	dir, h := t.TempDir(), newHook(t)
	src := fmt.Sprintf("{name: gh, type: greenhouse, board: acme, url: %q}", srv.URL)
	r, cfg := upgradeRunner(t, dir, src, h.URL, "")
	run(t, r, cfg)
	h.take()
	idx, err := r.store.LoadIndex("gh")
	if err != nil {
		t.Fatal(err)
	}
	if !idx.PostedUTC {
		t.Fatal("the index a run saved does not say posted_utc")
	}
	idx.Normalizer = "0000000000000000" // new rules since
	if _, err := r.store.SaveIndex("gh", idx); err != nil {
		t.Fatal(err)
	}
	moved.Store(true)
	r2, cfg2 := upgradeRunner(t, dir, src, h.URL, "")
	res := run(t, r2, cfg2)
	if s := res.Sources[0]; s.Changed != 1 || len(h.take()) != 1 {
		t.Errorf("upgrade run: %d changed, %d rewrites; want the date's change reported (lines %q)", s.Changed, s.Rewrites, s.Lines())
	}
}
