package watch

import (
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
	"github.com/careers-watcher/careers-watcher/internal/notify"
	"github.com/careers-watcher/careers-watcher/internal/notify/notifytest"
	"github.com/careers-watcher/careers-watcher/internal/scrape/eightfold/fake"
	"github.com/careers-watcher/careers-watcher/internal/snapshot"
)

// Re-read s17 (fixstore 1, 2): an index rebuilt (lost or unreadable)
// over a folder whose snapshot files are stored under an earlier id rule
// (ids with a session and a tag) and two of them unreadable (torn in the
// work tree, their good copies committed). The posting still listed (its
// id today another) is not reported added: it is kept under its stored id,
// its file rewritten. The posting the board dropped is reported removed
// once (after the removal debounce), from its last good committed copy,
// and its file removed in the commit. Earlier the first was a false
// 'added' (and a second file for good), the second no event ever and its
// file left for good.
func TestUnreadableFilesUnderEarlierIDsWithARebuiltIndex(t *testing.T) {
	var mu sync.Mutex
	session, jobs := "A1B2C3D4E5F6", []int{1, 2, 3}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		io.WriteString(w, "<html><body><ul>")
		for _, n := range jobs {
			fmt.Fprintf(w, `<li><a href="/jobs/%d;jsessionid=%s?req=%d&gh_src=li1">Data Engineer %d</a></li>`, n, session, n, n)
		}
		io.WriteString(w, "</ul></body></html>")
	}))
	t.Cleanup(srv.Close)
	h := newHook(t)
	var logs notifytest.Buffer
	cfg := parseConfig(t, t.TempDir(), fmt.Sprintf(`snapshots: snaps
http: {per_host_delay: 1ms, retries: 1}
guard: {shrink_pause: 1ms}
sources:
  - {name: board, type: html, url: %q, selectors: {item: li, title: a, link: a}}
notifiers:
  - {name: hooks, type: webhook, url: %q}
`, srv.URL+"/jobs", h.URL), nil)
	newRunner := func() *Runner {
		return quietRunner(t, cfg, Options{Logger: slog.New(slog.NewTextHandler(&logs, nil))})
	}
	run(t, newRunner(), cfg)
	if n := len(h.take()); n != 3 {
		t.Fatalf("first run: %d events", n)
	}
	oldID := func(n int) string { return fmt.Sprintf("/jobs/%d;jsessionid=A1B2C3D4E5F6?gh_src=li1&req=%d", n, n) }
	oldURL := func(n int) string {
		return fmt.Sprintf("%s/jobs/%d;jsessionid=A1B2C3D4E5F6?req=%d&gh_src=li1", srv.URL, n, n)
	}
	oldOf := map[string][2]string{}
	for _, n := range jobs {
		oldOf[fmt.Sprintf("/jobs/%d?req=%d", n, n)] = [2]string{oldID(n), oldURL(n)}
	}
	earlierFolder(t, cfg.Snapshots, "board", "", oldOf)
	s, err := snapshot.Open(cfg.Snapshots)
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range []int{1, 2} {
		path := s.PostingPath("board", oldID(n))
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, b[:len(b)/2], 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Remove(filepath.Join(cfg.Snapshots, filepath.FromSlash(snapshot.IndexRel("board")))); err != nil {
		t.Fatal(err)
	}
	mu.Lock()
	session, jobs = "F6E5D4C3B2A1", []int{1, 3}
	mu.Unlock()

	step := func(name string, removed, missing int) {
		t.Helper()
		res := run(t, newRunner(), cfg)
		st := res.Sources[0]
		if st.Added != 0 || st.Changed != 0 || st.Removed != removed || st.Missing != missing {
			t.Fatalf("%s: added %d removed %d changed %d missing %d; want removed %d missing %d and nothing else",
				name, st.Added, st.Removed, st.Changed, st.Missing, removed, missing)
		}
		got := h.take()
		if len(got) != removed {
			t.Fatalf("%s: the webhook got %d events, want %d: %v", name, len(got), removed, got)
		}
		for _, e := range res.Events {
			if e.Type != notify.PostingRemoved || e.Data.Posting == nil || e.Data.Posting.Title != "Data Engineer 2" || e.Data.Posting.ID != oldID(2) {
				t.Fatalf("%s: event %+v; want posting 2 removed, with its last good version", name, e)
			}
		}
		if missing == 0 { // (a torn file of a missing posting stays torn until it is removed)
			settledUnderKeys(t, cfg.Snapshots, "board")
		}
	}
	step("index rebuilt", 0, 1)
	if p, _, err := s.Read("board", oldID(1)); err != nil || p.ID != oldID(1) {
		t.Fatalf("posting 1 not rewritten under its stored id: %+v, %v", p, err)
	}
	if s.Exists("board", "/jobs/1?req=1") {
		t.Fatal("posting 1 stored twice")
	}
	step("dropped twice", 1, 0)
	if s.Exists("board", oldID(2)) {
		t.Fatal("the dropped posting's file is still there")
	}
	step("after", 0, 0)
}

// settledUnderKeys is checkSettledSource for ids that are not file names
// as they are: the work tree is HEAD, and every index entry names its
// file (snapshot.PostingName) and the file's content.
func settledUnderKeys(t *testing.T, dir, src string) {
	t.Helper()
	if out := gitOut(t, dir, "status", "--porcelain", "--untracked-files=all"); strings.TrimSpace(out) != "" {
		t.Fatalf("the snapshot folder differs from HEAD:\n%s", out)
	}
	s, err := snapshot.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	idx, err := s.LoadIndex(src)
	if err != nil || idx.Rebuilt {
		t.Fatalf("index: %v, rebuilt %v", err, idx.Rebuilt)
	}
	for id, e := range idx.Postings {
		data, err := os.ReadFile(s.PostingPath(src, id))
		if err != nil || model.Hash(data) != e.Hash || e.Missing != 0 {
			t.Fatalf("posting %s: %v; its file is not the version the index names, or it is missing (%+v)", id, err, e)
		}
	}
}

// Re-read s17 (fixstore 2): an unreadable file with no readable
// committed copy (its posting cannot be known) under a rebuilt index is
// not passed over silently: a warning names it, and it is left as it is
// (nothing reported for it, nothing else disturbed).
func TestUnreadableFileOfUnknownPostingIsNamedInAWarning(t *testing.T) {
	var logs notifytest.Buffer
	nf, h := fake.New(t, "netflix.com", []fake.Job{job(1), job(2)}), newHook(t)
	r, cfg := loggedRunner(t, nf, h, &logs)
	run(t, r, cfg)
	h.take()
	stray := filepath.Join(cfg.Snapshots, "nf", "stray.json")
	if err := os.WriteFile(stray, []byte(`{"id": "stray", "tit`), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(filepath.Join(cfg.Snapshots, filepath.FromSlash(snapshot.IndexRel("nf")))); err != nil {
		t.Fatal(err)
	}
	res := run(t, r, cfg)
	if s := res.Sources[0]; s.Added+s.Removed+s.Changed+s.Missing != 0 || len(res.Events) != 0 {
		t.Fatalf("%+v, %d events; want nothing reported", s, len(res.Events))
	}
	if !warned(logs.String(), "source=nf", stray, "unreadable") {
		t.Fatalf("no warning naming the file:\n%s", logs.String())
	}
	if b, err := os.ReadFile(stray); err != nil || string(b) != `{"id": "stray", "tit` {
		t.Fatalf("the file was touched: %q, %v", b, err)
	}
}
