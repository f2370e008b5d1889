package watch

import (
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/config"
	"github.com/careers-watcher/careers-watcher/internal/model"
	"github.com/careers-watcher/careers-watcher/internal/scrape"
	"github.com/careers-watcher/careers-watcher/internal/snapshot"
)

// An html board that puts a session id (;jsessionid=...) and a source tag
// (gh_src) in its posting links, and rotates both (review F14, F4). A
// folder an earlier build left names its postings after the links with
// them; upgrading reports nothing: each posting keeps its file, stored id
// and history, its stored link loses the session and the tag (a quiet
// rewrite), and rotations after it are no change. A new posting is named
// by today's rule. Earlier every rotation was every posting removed and
// added again.
// The folder is tried as left by a build of today's normalizer and of an
// earlier one (the upgrade re-normalizes every posting too).
func TestRotatingSessionsKeepStoredIDs(t *testing.T) {
	t.Parallel() // its own board, hook and folder: runs beside the waiting tests
	t.Run("same normalizer", func(t *testing.T) { rotatingSessions(t, "") })
	t.Run("earlier normalizer", func(t *testing.T) { rotatingSessions(t, "0.earlier") })
}

func rotatingSessions(t *testing.T, normalizer string) {
	set, oldID, h, cfg := sessionBoard(t, normalizer)

	s, err := snapshot.Open(cfg.Snapshots)
	if err != nil {
		t.Fatal(err)
	}
	step := func(name string, added int) {
		t.Helper()
		res := run(t, quietRunner(t, cfg, Options{}), cfg) // a new process each time
		st := res.Sources[0]
		if st.Added != added || st.Removed != 0 || st.Changed != 0 || st.Missing != 0 {
			t.Fatalf("%s: added %d removed %d changed %d missing %d; want added %d and nothing else", name, st.Added, st.Removed, st.Changed, st.Missing, added)
		}
		if n := len(h.take()); n != added {
			t.Fatalf("%s: %d events, want %d", name, n, added)
		}
		for _, n := range []int{1, 2} {
			p, _, err := s.Read("board", oldID(n))
			if err != nil {
				t.Fatalf("%s: posting %d not under its stored id: %v", name, n, err)
			}
			if want := fmt.Sprintf("%s/jobs/%d?req=%d", strings.TrimSuffix(cfg.Sources[0].URL, "/jobs"), n, n); p.URL != want || p.ID != oldID(n) {
				t.Fatalf("%s: posting %d stored as id %q url %q; want id %q url %q", name, n, p.ID, p.URL, oldID(n), want)
			}
			if s.Exists("board", fmt.Sprintf("/jobs/%d?req=%d", n, n)) {
				t.Fatalf("%s: posting %d stored twice", name, n)
			}
		}
	}
	set("F6E5D4C3B2A1", "li2", 1, 2)
	step("upgrade, sessions and tags rotated", 0)
	set("0A0B0C0D0E0F", "tw", 1, 2)
	step("rotated again", 0)
	set("1A1B1C1D1E1F", "tw", 1, 2, 3)
	step("a new posting", 1)
	if !s.Exists("board", "/jobs/3?req=3") {
		t.Fatal("the new posting is not named by today's rule")
	}
}

// sessionBoard is an html board whose links carry a session id and a
// source tag (set changes them and the postings listed), a webhook and a
// config of one source "board", its folder left by an earlier build (ids
// and links with the first run's session and tag: oldID; the index's
// normalizer version normalizer unless "") after a first run of postings 1
// and 2, committed.
func sessionBoard(t *testing.T, normalizer string) (set func(session, tag string, jobs ...int), oldID func(int) string, h *hook, cfg *config.Config) {
	t.Helper()
	var mu sync.Mutex
	session, tag, jobs := "A1B2C3D4E5F6", "li1", []int{1, 2}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		io.WriteString(w, "<html><body><ul>")
		for _, n := range jobs {
			fmt.Fprintf(w, `<li><a href="/jobs/%d;jsessionid=%s?req=%d&gh_src=%s">Data Engineer %d</a></li>`, n, session, n, tag, n)
		}
		io.WriteString(w, "</ul></body></html>")
	}))
	t.Cleanup(srv.Close)
	set = func(s, g string, j ...int) { mu.Lock(); session, tag, jobs = s, g, j; mu.Unlock() }

	h = newHook(t)
	dir := t.TempDir()
	cfg = parseConfig(t, dir, fmt.Sprintf(`snapshots: snaps
http: {per_host_delay: 1ms, retries: 1}
guard: {shrink_pause: 1ms}
sources:
  - {name: board, type: html, url: %q, selectors: {item: li, title: a, link: a}}
notifiers:
  - {name: hooks, type: webhook, url: %q}
`, srv.URL+"/jobs", h.URL), nil)
	run(t, quietRunner(t, cfg, Options{}), cfg)
	if n := len(h.take()); n != 2 {
		t.Fatalf("first run: %d events", n)
	}
	// The folder as the build before this rule left it: ids and links
	// with the session and the tag of that run.
	oldID = func(n int) string { return fmt.Sprintf("/jobs/%d;jsessionid=A1B2C3D4E5F6?gh_src=li1&req=%d", n, n) }
	oldURL := func(n int) string {
		return fmt.Sprintf("%s/jobs/%d;jsessionid=A1B2C3D4E5F6?req=%d&gh_src=li1", srv.URL, n, n)
	}
	earlierFolder(t, cfg.Snapshots, "board", normalizer, map[string][2]string{"/jobs/1?req=1": {oldID(1), oldURL(1)}, "/jobs/2?req=2": {oldID(2), oldURL(2)}})
	return set, oldID, h, cfg
}

// earlierFolder makes source's part of the snapshot folder dir as a build
// with another id rule left it: each posting stored under today's id (a
// key of oldOf) renamed to its earlier id (oldOf's [0]), its "id" and
// "url" as that build wrote them (the earlier id, the link [1]), its index
// entry moved with the hash of its bytes; the index's normalizer version
// normalizer unless "", committed.
func earlierFolder(t *testing.T, dir, source, normalizer string, oldOf map[string][2]string) {
	t.Helper()
	git := snapGit(t, dir)
	s, err := snapshot.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	idxPath := filepath.Join(dir, filepath.FromSlash(snapshot.IndexRel(source)))
	var idx map[string]any
	b, err := os.ReadFile(idxPath)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &idx); err != nil {
		t.Fatal(err)
	}
	entries := idx["postings"].(map[string]any)
	if normalizer != "" {
		idx["normalizer"] = normalizer
	}
	for id, old := range oldOf {
		p, _, err := s.Read(source, id)
		if err != nil {
			t.Fatalf("%s: %v", id, err)
		}
		p.ID, p.URL = old[0], old[1]
		data, err := model.Encode(p)
		if err != nil {
			t.Fatal(err)
		}
		from, to := s.PostingPath(source, id), s.PostingPath(source, old[0])
		git("mv", slashRel(t, dir, from), slashRel(t, dir, to))
		if err := os.WriteFile(to, data, 0o644); err != nil {
			t.Fatal(err)
		}
		e := entries[id].(map[string]any)
		e["hash"] = model.Hash(data)
		delete(entries, id)
		entries[old[0]] = e
	}
	if b, err = json.MarshalIndent(idx, "", " "); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(idxPath, append(b, '\n'), 0o644); err != nil {
		t.Fatal(err)
	}
	commitAll(git, "an earlier build's folder")
}

// idRuleAdapter is an adapter whose earlier ids held a "~old" suffix.
type idRuleAdapter struct{ scrape.Adapter }

func (idRuleAdapter) CurrentID(stored string) string { return strings.TrimSuffix(stored, "~old") }

// Several postings stored under ids that read as one today (a board that
// rotated its sessions before the upgrade: one copy listed, the others
// missing): the listed one is kept under today's id, the others go missing
// as before; a posting stored under today's id too is that one; an adapter
// without a rule maps nothing.
func TestFormerKeysPrefersTheListedCopy(t *testing.T) {
	t.Parallel()
	idx := snapshot.Index{Postings: map[string]snapshot.Entry{
		"a~old": {Hash: "1", Missing: 1}, "b~old": {Hash: "2"}, "/x~old": {Hash: "3", Missing: 1},
		"c~old": {Hash: "4"}, "c": {Hash: "5"}, "d": {Hash: "6"},
	}}
	// a and b read as one only through their earlier names' common form
	rule := idRuleAdapter{}
	keyOf := func(id string) string {
		if id == "a" {
			return "b"
		}
		return id
	}
	got := formerKeys(rule, idx, keyOf)
	want := map[string]string{"b": "b~old", "/x": "/x~old"}
	if !maps.Equal(got, want) {
		t.Errorf("formerKeys = %v, want %v", got, want)
	}
	if got := formerKeys(struct{ scrape.Adapter }{}, idx, keyOf); got != nil {
		t.Errorf("an adapter without a rule: %v", got)
	}
}
