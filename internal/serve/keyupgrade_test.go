package serve

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/careers-watcher/careers-watcher/internal/gitrepo"
	"github.com/careers-watcher/careers-watcher/internal/model"
	"github.com/careers-watcher/careers-watcher/internal/snapshot"
)

// The commit of the key upgrade (files moved from the names of the rule
// before d86d7b3 to their keys' names, no posting changed) is no change in
// the history: a posting's history keeps its real add, the events and the
// feed carry nothing for it; before the upgrade, an old-named posting's
// history is read under its key.
func TestKeyUpgradeCommitIsNoChange(t *testing.T) {
	f := writeFolder(t, nil)
	repo, err := gitrepo.Open(f.Dir)
	if err != nil {
		t.Fatal(err)
	}
	at := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	commit := func(msg string, paths ...string) string {
		t.Helper()
		at = at.Add(time.Hour)
		h, ok, err := repo.Commit(paths, msg, gitrepo.Author{Name: "w", Email: "w@localhost"}, at)
		if err != nil || !ok {
			t.Fatalf("commit %q: %v %v", msg, ok, err)
		}
		return h
	}
	path := func(name string) string { return filepath.Join(f.Dir, "acme", name) }
	oldName := snapshot.PostingName(model.PostingKey(" 42 "))
	var added []string
	for name, p := range map[string]model.Posting{oldName: {ID: "42", Title: "Analyst"}, "7.json": {ID: "7", Title: "Scientist"}} {
		p.Source = "acme"
		b, err := model.Encode(p)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path(name), b, 0o644); err != nil {
			t.Fatal(err)
		}
		added = append(added, path(name))
	}
	c1 := commit("acme: 2 added", added...)

	// before the upgrade: 42 is open, its history its add
	d, err := f.Detail(context.Background(), "acme", "42")
	if err != nil {
		t.Fatal(err)
	}
	if !d.Open || len(d.History) != 1 || d.History[0].Type != "posting.added" || d.History[0].Commit != c1 {
		t.Errorf("before the upgrade: open %v, history %+v; want open, added in %s", d.Open, d.History, c1)
	}

	if err := os.Rename(path(oldName), path("42.json")); err != nil {
		t.Fatal(err)
	}
	c2 := commit(snapshot.UpgradeCommitSubject, path(oldName), path("42.json"))
	if err := os.Remove(path("42.json")); err != nil {
		t.Fatal(err)
	}
	c3 := commit("acme: 1 removed", path("42.json"))

	hist, err := f.History("acme", "42")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, ev := range hist {
		got = append(got, ev.Type+" "+ev.Commit)
	}
	want := []string{"posting.removed " + c3, "posting.added " + c1}
	if len(got) != 2 || got[0] != want[0] || got[1] != want[1] {
		t.Errorf("history of 42:\n got %q\nwant %q (upgrade commit %s)", got, want, c2)
	}
	evs, err := f.Events(EventQuery{})
	if err != nil {
		t.Fatal(err)
	}
	n := map[string]int{}
	for _, ev := range evs {
		if ev.Commit == c2 {
			t.Errorf("event for the upgrade commit: %s %s", ev.Type, ev.Data.Posting.ID)
		}
		n[ev.Type]++
	}
	if n["posting.added"] != 2 || n["posting.removed"] != 1 || len(evs) != 3 {
		t.Errorf("events %v (%d), want 2 added, 1 removed", n, len(evs))
	}
	s := New(f, "", nil)
	resp, feed := fetch(t, s.Handler(), "/feed.atom")
	if resp.StatusCode != 200 {
		t.Fatalf("feed: %d", resp.StatusCode)
	}
	if got := strings.Count(feed, "<entry>"); got != 3 {
		t.Errorf("feed has %d entries, want 3:\n%s", got, feed)
	}
}
