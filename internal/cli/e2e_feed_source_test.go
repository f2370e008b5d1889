package cli

import (
	"os"
	"strings"
	"testing"

	"github.com/mmcdole/gofeed"

	"github.com/careers-watcher/careers-watcher/internal/scrape/eightfold/fake"
)

// TestFeedHasSourceEvents: a source that fails and recovers shows
// source.failed and source.recovered in the Atom feed, read from the
// history after the outbox is empty, with the ids the webhook got; the
// entry ids stay the same from one read to the next.
func TestFeedHasSourceEvents(t *testing.T) {
	e := newEnv(t, []fake.Job{netflixJob(1), netflixJob(2)})
	b, err := os.ReadFile(e.cfg)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(e.cfg, []byte(strings.Replace(string(b), "guard:\n", "guard:\n  fail_after: 1\n", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := e.run(t, "run"); code != 0 {
		t.Fatalf("first run: exit %d\n%s", code, stderr)
	}
	e.hook.take(t)
	e.nf.FailList(func(int) (int, string) { return 503, "down" })
	if code, _, _ := e.run(t, "run"); code != ExitFailed {
		t.Fatalf("failing run: exit %d", code)
	}
	e.nf.FailList(func(int) (int, string) { return 0, "" })
	if code, _, stderr := e.run(t, "run"); code != 0 {
		t.Fatalf("recovering run: exit %d\n%s", code, stderr)
	}
	sent := map[string]string{} // type -> webhook-id
	for _, ev := range e.hook.take(t) {
		sent[ev.Type] = ev.ID
	}
	if sent["source.failed"] == "" || sent["source.recovered"] == "" {
		t.Fatalf("webhook events: %v", sent)
	}

	base := startServe(t, e)
	read := func() map[string]*gofeed.Item {
		t.Helper()
		_, body := get(t, base+"/sources/netflix-data-insights/feed.atom")
		f, err := gofeed.NewParser().ParseString(string(body))
		if err != nil {
			t.Fatalf("feed: %v\n%s", err, body)
		}
		m := map[string]*gofeed.Item{}
		for _, it := range f.Items {
			m[it.GUID] = it
		}
		return m
	}
	first := read()
	for typ, id := range sent {
		it, ok := first["urn:careers-watcher:event:"+id]
		if !ok {
			t.Fatalf("no feed entry for %s %s; entries: %v", typ, id, first)
		}
		if !strings.Contains(it.Title, typ) {
			t.Errorf("entry %s: title %q lacks %s", id, it.Title, typ)
		}
	}
	second := read()
	if len(second) != len(first) || len(first) != 4 { // 2 added, failed, recovered
		t.Fatalf("feed entries: %d then %d, want 4", len(first), len(second))
	}
	for id := range first {
		if _, ok := second[id]; !ok {
			t.Fatalf("entry %s gone on the second read", id)
		}
	}
}
