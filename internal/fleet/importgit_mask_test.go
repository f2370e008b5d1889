package fleet

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/config"
	"github.com/careers-watcher/careers-watcher/internal/gitrepo"
	"github.com/careers-watcher/careers-watcher/internal/model"
	"github.com/careers-watcher/careers-watcher/internal/redact"
	"github.com/careers-watcher/careers-watcher/internal/snapshot"
)

// A history written before posting keys were masked holds an id with a
// secret the source's board was sent (its URL's key), unmasked, in its
// file and its index: import-git keys that posting, and moves its index
// entry, to the key the pipeline gives it (the secret masked), keeping the
// entry's stamp. A secret the board was not sent stays in the key.
func TestImportMasksSentSecretsInKeys(t *testing.T) {
	const sent, other = "Tok3nSecretX", "Customer12"
	cfg := &config.Config{Secrets: []redact.Secret{{Name: "LV_TOKEN", Value: sent}, {Name: "HOOK", Value: other}}}
	cfg.HTTP.UserAgent = "careers-watcher-test/1.0"
	src := config.Source{Name: "lv", Type: "lever", URL: "https://api.example/postings/acme?key=" + sent}
	mask := PostingMask(cfg, src)
	if mask == nil {
		t.Fatal("no posting mask for a source whose URL holds a secret")
	}
	oldID := "req-" + sent + "-" + other
	wantKey := "req-[redacted:LV_TOKEN]-" + other
	if got := snapshot.Key(oldID, mask); got != wantKey {
		t.Fatalf("Key(%q) = %q, want %q", oldID, got, wantKey)
	}

	dir := t.TempDir()
	git := func(args ...string) {
		t.Helper()
		cmd := exec.Command("git", append([]string{"-C", dir, "-c", "user.name=t", "-c", "user.email=t@example.com"}, args...)...)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	b, err := model.Encode(model.Posting{ID: oldID, Source: "lv", Title: "Analyst"})
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(dir, "lv"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "lv", snapshot.PostingName(oldID)), b, 0o644); err != nil {
		t.Fatal(err)
	}
	git("init", "-q")
	git("add", "-A")
	git("commit", "-q", "-m", "lv: 1 added")
	hist, err := gitrepo.OpenHistory("", dir)
	if err != nil {
		t.Fatal(err)
	}
	head, err := hist.Head()
	if err != nil {
		t.Fatal(err)
	}
	batches, err := sourceHistory(hist, []*gitrepo.Commit{head}, src, mask)
	if err != nil {
		t.Fatal(err)
	}
	if len(batches) != 1 || len(batches[0].Changes) != 1 || batches[0].Changes[0].PostingID != wantKey {
		t.Fatalf("batches %+v, want the posting under %q", batches, wantKey)
	}
	c := batches[0].Changes[0]
	p, err := model.Decode(c.Snapshot)
	if err != nil || p.ID != wantKey || c.Hash != model.Hash(c.Snapshot) {
		t.Fatalf("imported snapshot id %q (%v), hash %s; want id %q and the hash of its bytes", p.ID, err, c.Hash, wantKey)
	}

	idx := snapshot.Index{Generation: 3, Incidents: 2, Postings: map[string]snapshot.Entry{
		oldID: {Stamp: "2026-11-20T10:00:00Z", Hash: model.Hash(b), Missing: 1},
	}}
	got, moved := rekeyIndex(idx, headHashes(batches), mask)
	e, ok := got.Postings[wantKey]
	if !moved || !ok || len(got.Postings) != 1 {
		t.Fatalf("index keys %v (moved %v), want only %q", got.Postings, moved, wantKey)
	}
	if e.Stamp != "2026-11-20T10:00:00Z" || e.Missing != 1 || e.Hash != c.Hash || got.Generation != 3 || got.Incidents != 2 {
		t.Fatalf("moved entry %+v (index %+v), want the stamp and counters kept and the imported hash %s", e, got, c.Hash)
	}
	if _, moved := rekeyIndex(got, headHashes(batches), mask); moved {
		t.Fatal("an index under today's keys moved again")
	}
}
