package watch

import (
	"fmt"
	"maps"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/scrape"
	"github.com/careers-watcher/careers-watcher/internal/snapshot"
)

// Review s17 F9: a JSON-LD identifier written composed (NFC) on one run
// and decomposed (NFD) on the next is one posting: no added, no removed,
// one file.
func TestDecomposedIdentifierIsTheSamePosting(t *testing.T) {
	var flip atomic.Int32
	ids := [2]string{"M\u00fcller-1", "Mu\u0308ller-1"}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, `<html><head><script type="application/ld+json">{"@type":"JobPosting","identifier":%q,"url":"/jobs/m1","title":"Entwickler","description":"<p>Anforderungen: SQL und Python.</p>","datePosted":"2026-11-01"}</script></head></html>`, ids[flip.Load()%2])
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
