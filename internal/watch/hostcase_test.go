package watch

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
	"github.com/careers-watcher/careers-watcher/internal/notify"
	"github.com/careers-watcher/careers-watcher/internal/snapshot"
)

// A posting stored before the host mask matched any case (its URL holds the
// tenant in lower case, "https://acmecorptenant.example.com/1", the index's
// hash that file's) is, on the next run, the same posting: the difference
// is the mask's alone, so the file is rewritten masked without an event,
// and nothing the run makes (events, files, the commit) holds the tenant in
// any case.
func TestHostMaskOnOldSnapshotIsAQuietRewrite(t *testing.T) {
	t.Parallel()
	const tenant = "AcmeCorpTenant"
	env := map[string]string{"KEY": "sk_live_H0stC4se", "TENANT": tenant}
	cfg := leverConfig(t, env, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprint(w, `[{"id":"1","text":"Data Engineer","hostedUrl":"https://acmecorptenant.example.com/1"}]`)
	}, func(url string) string {
		return fmt.Sprintf("  - {name: lv, type: lever, board: acme, url: \"%s?api_key=${KEY}&tenant=${TENANT}\"}\n", url)
	})
	git := snapGit(t, cfg.Snapshots)
	runQuiet(t, cfg)

	// the folder as the build before the any-case host mask left it
	s := snapStore(t, cfg)
	post, _, err := s.Read("lv", "1")
	if err != nil {
		t.Fatal(err)
	}
	if post.URL != "https://[redacted:TENANT].example.com/1" {
		t.Fatalf("today's snapshot url %q", post.URL)
	}
	post.URL = "https://acmecorptenant.example.com/1"
	old, err := model.Encode(post)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.WritePosting("lv", "1", old); err != nil {
		t.Fatal(err)
	}
	idx, err := s.LoadIndex("lv")
	if err != nil {
		t.Fatal(err)
	}
	e := idx.Postings["1"]
	e.Hash = model.Hash(old)
	idx.Postings["1"] = e
	if _, err := s.SaveIndex("lv", idx); err != nil {
		t.Fatal(err)
	}
	commitAll(git, "an older build's folder")
	before := git("rev-parse", "HEAD")

	var logs strings.Builder
	res, err := quietRunner(t, cfg, Options{Logger: slog.New(slog.NewTextHandler(&logs, nil))}).Run(context.Background(), cfg.Sources)
	if err != nil || res.Failed() {
		t.Fatalf("run: %v %+v", err, res.Sources)
	}
	if len(res.Events) != 0 {
		t.Errorf("events for a difference of the mask alone: %+v", res.Events)
	}
	if sr := res.Sources[0]; sr.Changed+sr.Added+sr.Removed != 0 {
		t.Errorf("changes reported: %+v", sr)
	}
	secret := strings.ToLower(tenant)
	has := func(what, s string) {
		t.Helper()
		if strings.Contains(strings.ToLower(s), secret) {
			t.Errorf("%s holds the tenant:\n%s", what, s)
		}
	}
	has("the events", fmt.Sprintf("%+v", res.Events))
	has("the log", logs.String())
	has("the result", fmt.Sprintf("%+v", res))
	b, err := os.ReadFile(s.PostingPath("lv", "1"))
	if err != nil {
		t.Fatal(err)
	}
	has("the snapshot file", string(b))
	if head := git("rev-parse", "HEAD"); head == before {
		t.Errorf("the masked rewrite was not committed")
	} else {
		has("the run's commit message", git("log", "-1", "--format=%B"))
		out, err := exec.Command("git", "-C", cfg.Snapshots, "grep", "-i", "-l", secret, "HEAD").CombinedOutput()
		if err == nil || len(out) > 0 {
			t.Errorf("the committed tree holds the tenant (%v):\n%s", err, out)
		}
	}
	has("the working tree", git("status", "--porcelain"))
	outbox := filepath.Join(cfg.Snapshots, filepath.FromSlash(snapshot.StateDir))
	filepath.WalkDir(outbox, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			if b, err := os.ReadFile(p); err == nil {
				has(p, string(b))
			}
		}
		return nil
	})
}

// An event's changes carry the values masked as its postings are: a
// string, and a value that encodes to JSON holding a secret.
func TestRedactEventsMasksChanges(t *testing.T) {
	t.Parallel()
	r := redactBenchRunner(t) // TENANT=AcmeCorpTenant in the host of source ef's url
	type link struct{ Href string }
	evs := r.redactEvents([]notify.Event{{Type: notify.PostingChanged, Data: notify.Data{Source: "ef", Changes: []model.Change{
		{Field: "url", Old: "https://acmecorptenant.eightfold.ai/1", New: "https://[redacted:TENANT].eightfold.ai/1"},
		{Field: "links", Old: nil, New: link{"https://AcmeCorpTenant.eightfold.ai/2"}},
		{Field: "title", Old: "Analyst", New: "Data Analyst"},
	}}}})
	out := fmt.Sprintf("%v", evs[0].Data.Changes)
	for _, c := range evs[0].Data.Changes {
		if b, ok := c.New.(json.RawMessage); ok {
			out += string(b)
		}
	}
	if strings.Contains(strings.ToLower(out), "acmecorptenant") {
		t.Errorf("changes keep the tenant: %s", out)
	}
	if c := evs[0].Data.Changes[2]; c.Old != "Analyst" || c.New != "Data Analyst" {
		t.Errorf("a change without a secret was altered: %+v", c)
	}
}
