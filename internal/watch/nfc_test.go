package watch

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"golang.org/x/text/unicode/norm"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// nfcBoard is a Greenhouse board whose text is served in NFD while nfd is
// set, else in NFC (the same characters).
func nfcBoard(t *testing.T, nfd *atomic.Bool) *httptest.Server {
	body := `{"jobs": [
 {"id": 1, "title": "Ingénieur Zürich Data Scientist", "absolute_url": "https://boards.greenhouse.io/acme/jobs/1",
  "updated_at": "2026-07-01T10:00:00Z", "location": {"name": "Zürich, Switzerland"}, "departments": [{"name": "Données"}],
  "content": "&lt;p&gt;Café résumé. Über uns.&lt;/p&gt;&lt;p&gt;&lt;strong&gt;Requirements&lt;/strong&gt;&lt;/p&gt;&lt;ul&gt;&lt;li&gt;Python and SQL&lt;/li&gt;&lt;/ul&gt;"},
 {"id": 2, "title": "Software Engineer, Genève", "absolute_url": "https://boards.greenhouse.io/acme/jobs/2",
  "updated_at": "2026-07-01T10:00:00Z", "location": {"name": "Genève"},
  "content": "&lt;p&gt;Vous êtes à l'aise avec Go et Kubernetes.&lt;/p&gt;"}]}`
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		b := norm.NFC.String(body)
		if nfd.Load() {
			b = norm.NFD.String(body)
		}
		io.WriteString(w, b)
	}))
	t.Cleanup(srv.Close)
	return srv
}

// A board that sends the same text in NFD instead of NFC (review s16 R6)
// changes nothing: no event, no commit, and back in NFC neither.
func TestNFDBoardIsNoChange(t *testing.T) {
	t.Parallel()
	var nfd atomic.Bool
	srv := nfcBoard(t, &nfd)
	dir, h := t.TempDir(), newHook(t)
	r, cfg := upgradeRunner(t, dir, fmt.Sprintf("{name: gh, type: greenhouse, board: acme, url: %q}", srv.URL), h.URL, "")
	if res := run(t, r, cfg); len(h.take()) != 2 || res.Commit == "" {
		t.Fatalf("first run: want two postings added, commit %q", res.Commit)
	}
	p := readSnapshot(t, cfg.Snapshots, "gh/1.json")
	if len(p.Locations) != 1 || p.Locations[0].City == "" {
		t.Fatalf("NFC Zürich: locations %+v, want the gazetteer's city", p.Locations)
	}
	for i, form := range []bool{true, false, true} {
		nfd.Store(form)
		res := run(t, r, cfg)
		if got := h.take(); len(got) != 0 || res.Commit != "" || res.Sources[0].Changed != 0 {
			t.Errorf("run %d (NFD %v): %d events, commit %q, lines %q", i+2, form, len(got), res.Commit, res.Sources[0].Lines())
		}
	}
}

// A posting stored in NFD by an older normalizer (one that read text as
// it came), with the model that NFD text gave (the place not found in the
// gazetteer), upgrades to the NFC posting without an event: on a platform
// without update stamps (Lever), where only the posting itself tells.
func TestNFDStoredSnapshotUpgradesQuietly(t *testing.T) {
	t.Parallel()
	body := `[{"id": "a1", "text": "Ingénieur Données Zürich", "hostedUrl": "https://jobs.lever.co/acme/a1",
		"categories": {"location": "Zürich, Switzerland", "team": "Données"},
		"descriptionPlain": "Café résumé. Über uns.\nRequirements: SQL and Python.", "createdAt": 1760000000000}]`
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, norm.NFD.String(body))
	}))
	t.Cleanup(srv.Close)
	dir, h := t.TempDir(), newHook(t)
	src := fmt.Sprintf("{name: lv, type: lever, board: acme, url: %q}", srv.URL)
	r, cfg := upgradeRunner(t, dir, src, h.URL, "")
	if res := run(t, r, cfg); len(h.take()) != 1 || res.Commit == "" {
		t.Fatalf("first run: want one posting added, commit %q", res.Commit)
	}
	now := readSnapshot(t, cfg.Snapshots, "lv/a1.json")

	// The folder as the older normalizer left it: the file in NFD, its
	// place a label, the index under another version.
	old := now
	d := norm.NFD.String
	old.Title, old.Team, old.Description = d(now.Title), d(now.Team), d(now.Description)
	old.Locations = []model.Location{{Name: d("Zürich, Switzerland")}}
	old.Role = "Other"
	b, err := model.Encode(old)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := r.store.WritePosting("lv", "a1", b); err != nil {
		t.Fatal(err)
	}
	idx, err := r.store.LoadIndex("lv")
	if err != nil {
		t.Fatal(err)
	}
	e := idx.Postings["a1"]
	e.Hash = model.Hash(b)
	idx.Postings["a1"], idx.Normalizer = e, "0000000000000000"
	if _, err := r.store.SaveIndex("lv", idx); err != nil {
		t.Fatal(err)
	}

	r2, cfg2 := upgradeRunner(t, dir, src, h.URL, "")
	res := run(t, r2, cfg2)
	s := res.Sources[0]
	if got := h.take(); len(got) != 0 || s.Changed != 0 || s.Rewrites != 1 {
		t.Errorf("upgrade run: %d events, %d changed, %d rewrites (want none, none, one); lines %q", len(got), s.Changed, s.Rewrites, s.Lines())
	}
	after := readSnapshot(t, cfg2.Snapshots, "lv/a1.json")
	if b2, _ := model.Encode(after); !norm.NFC.IsNormal(b2) || !strings.Contains(string(b2), "Zürich") {
		t.Errorf("the upgraded snapshot is not the NFC one:\n%s", b2)
	}
	res = run(t, r2, cfg2)
	if got := h.take(); len(got) != 0 || res.Commit != "" {
		t.Errorf("the run after: %d events, commit %q", len(got), res.Commit)
	}
}

// readSnapshot decodes the snapshot file rel (source/id.json) of the
// folder dir.
func readSnapshot(t *testing.T, dir, rel string) model.Posting {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, rel))
	if err != nil {
		t.Fatal(err)
	}
	p, err := model.Decode(b)
	if err != nil {
		t.Fatal(err)
	}
	return p
}
