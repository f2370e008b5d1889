package watch

import (
	"fmt"
	"maps"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/config"
	"github.com/careers-watcher/careers-watcher/internal/scrape"
	"github.com/careers-watcher/careers-watcher/internal/snapshot"
)

// Review s17 F9: a JSON-LD identifier written composed (NFC) on one run
// and decomposed (NFD) on the next is one posting: no added, no removed,
// one file.
func TestDecomposedIdentifierIsTheSamePosting(t *testing.T) {
	var flip atomic.Int32
	ids := [2]string{"M\u00fcller-1", "Mu\u0308ller-1"}
	h, cfg := identifierBoard(t, func() string { return ids[flip.Load()%2] })
	for i := 0; i < 4; i++ {
		flip.Store(int32(i))
		res := run(t, quietRunner(t, cfg, Options{}), cfg)
		st := res.Sources[0]
		want := 0
		if i == 0 {
			want = 1
		}
		if st.Added != want || st.Removed+st.Changed+st.Missing != 0 {
			t.Fatalf("run %d: %+v; want %d added and nothing else", i+1, st, want)
		}
		if i >= 1 && res.Commit != "" {
			t.Fatalf("run %d: commit %s (the id memory flipping with the form?)", i+1, res.Commit)
		}
	}
	if n := len(h.take()); n != 1 {
		t.Fatalf("%d events, want 1", n)
	}
	s := snapStore(t, cfg)
	if !s.Exists("lf", ids[0]) || s.Exists("lf", ids[1]) {
		t.Fatal("the posting is not stored once, under its composed id")
	}
}

// A posting stored under a decomposed id (before keys were composed)
// keeps its key while listed, for an adapter with or without an id rule:
// today's composed key maps to it.
func TestFormerKeysComposesDecomposedIDs(t *testing.T) {
	idx := snapshot.Index{Postings: map[string]snapshot.Entry{
		"Mu\u0308ller-1": {Hash: "1"}, "plain-2": {Hash: "2"}, "Caf\u00e9-3": {Hash: "3"},
	}}
	keyOf := func(id string) string { return snapshot.Key(id, nil) }
	want := map[string]string{"M\u00fcller-1": "Mu\u0308ller-1"}
	if got := formerKeys(struct{ scrape.Adapter }{}, idx, keyOf); !maps.Equal(got, want) {
		t.Errorf("without a rule: %q, want %q", got, want)
	}
	if got := formerKeys(idRuleAdapter{}, idx, keyOf); !maps.Equal(got, want) {
		t.Errorf("with a rule: %q, want %q", got, want)
	}
}

// Verify s17: a folder an earlier build left with a posting stored under
// a decomposed id (the board wrote it NFD) upgrades quietly: no key
// upgrade renames it (the key rule of stored postings does not compose),
// today's composed key maps to it, nothing is reported, and it is stored
// once, under its stored id, whichever form the board writes.
func TestDecomposedStoredIDUpgradesQuietly(t *testing.T) {
	for _, form := range []string{"M\u00fcller-1", "Mu\u0308ller-1"} {
		t.Run(fmt.Sprintf("board writes %+q", form), func(t *testing.T) {
			h, cfg := identifierBoard(t, func() string { return form })
			run(t, quietRunner(t, cfg, Options{}), cfg)
			h.take()
			nfd := "Mu\u0308ller-1"
			earlierFolder(t, cfg.Snapshots, "lf", "0.earlier", map[string][2]string{"M\u00fcller-1": {nfd, strings.TrimSuffix(cfg.Sources[0].URL, "/jobs/") + "/jobs/m1"}})
			for i := 0; i < 2; i++ {
				res := run(t, quietRunner(t, cfg, Options{}), cfg)
				if st := res.Sources[0]; st.Added+st.Removed+st.Changed+st.Missing != 0 || len(res.Events) != 0 {
					t.Fatalf("run %d: %+v, %d events; want nothing reported", i+1, st, len(res.Events))
				}
			}
			s := snapStore(t, cfg)
			if !s.Exists("lf", nfd) || s.Exists("lf", "M\u00fcller-1") {
				t.Fatal("the posting is not stored once, under its stored (decomposed) id")
			}
			if n := len(h.take()); n != 0 {
				t.Fatalf("%d events delivered", n)
			}
			if out := gitOut(t, cfg.Snapshots, "status", "--porcelain", "--untracked-files=all"); out != "" {
				t.Fatalf("the snapshot folder differs from HEAD:\n%s", out)
			}
		})
	}
}

// identifierBoard is a jsonld board of one posting whose identifier is
// id() at each request, a webhook, and the config of its source "lf"
// (remove_after 1).
func identifierBoard(t *testing.T, id func() string) (*hook, *config.Config) {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, `<html><head><script type="application/ld+json">{"@type":"JobPosting","identifier":%q,"url":"/jobs/m1","title":"Entwickler","description":"<p>Anforderungen: SQL und Python.</p>","datePosted":"2026-11-01"}</script></head></html>`, id())
	}))
	t.Cleanup(srv.Close)
	h := newHook(t)
	cfg := parseConfig(t, t.TempDir(), fmt.Sprintf(`snapshots: snaps
http: {per_host_delay: 1ms, retries: 1}
guard: {shrink_pause: 1ms, remove_after: 1}
sources:
  - {name: lf, type: jsonld, url: %q}
notifiers:
  - {name: hooks, type: webhook, url: %q}
`, srv.URL+"/jobs/", h.URL), nil)
	return h, cfg
}
