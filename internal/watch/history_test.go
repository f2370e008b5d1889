package watch

import (
	"bytes"
	"encoding/json"
	"io"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
	"github.com/careers-watcher/careers-watcher/internal/retry"
	"github.com/careers-watcher/careers-watcher/internal/scrape/eightfold/fake"
)

// gitOut runs the real git binary in dir.
func gitOut(t *testing.T, dir string, args ...string) string {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("no git binary")
	}
	cmd := exec.Command("git", append([]string{"-C", dir, "-c", "user.name=t", "-c", "user.email=t@example.com", "-c", "core.quotepath=off"}, args...)...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("git %v: %v\n%s", args, err, out)
	}
	return string(out)
}

// diffLines is the lines a patch adds and removes (not its file headers).
func diffLines(patch string) (added, removed []string) {
	for l := range strings.SplitSeq(patch, "\n") {
		switch {
		case strings.HasPrefix(l, "+++"), strings.HasPrefix(l, "---"):
		case strings.HasPrefix(l, "+"):
			added = append(added, l)
		case strings.HasPrefix(l, "-"):
			removed = append(removed, l)
		}
	}
	return added, removed
}

const longDescription = `<p>At Netflix, we want to entertain the world. Our Data &amp; Insights team turns the viewing of three hundred million members into decisions. We build the pipelines, the metrics and the experiments that the company runs on. This role sits in the Content Analytics group.</p>
<p><strong>Responsibilities</strong></p>
<ul><li>Own the data models behind our content dashboards. Keep them fast and correct.</li>
<li>Partner with product managers on experiment design. Explain the results to leadership.</li>
<li>Review the code of your peers. Mentor new analysts.</li></ul>
<p><strong>Requirements</strong></p>
<ul><li>SQL and Python. Experience with large data sets.</li></ul>
<p>We are an equal opportunity employer. We celebrate diversity. We do not discriminate on the basis of race, religion, color or national origin.</p>`

// A one-sentence edit of a long description is a one-line diff in git log -p.
func TestOneSentenceEditIsOneLineDiff(t *testing.T) {
	t.Parallel()
	j := job(1)
	j.Description = longDescription
	nf, h := fake.New(t, "netflix.com", []fake.Job{j, job(2)}), newHook(t)
	r, cfg := newRunner(t, nf, h)
	run(t, r, cfg)
	h.take()

	j.Description = strings.Replace(longDescription, "Explain the results to leadership.", "Present the results to the leadership team.", 1)
	j.TUpdate++
	nf.SetJobs([]fake.Job{j, job(2)})
	res := run(t, r, cfg)
	if res.Sources[0].Changed != 1 || len(h.take()) != 1 {
		t.Fatalf("second run: %+v", res.Sources[0])
	}
	patch := gitOut(t, cfg.Snapshots, "log", "-p", "-1", "--format=", "--", "nf/101.json")
	added, removed := diffLines(patch)
	if len(added) != 1 || len(removed) != 1 ||
		removed[0] != `-    "Explain the results to leadership.\n",` || added[0] != `+    "Present the results to the leadership team.\n",` {
		t.Errorf("want a one-line diff, got:\n%s", patch)
	}
	// the commit body says what changed, one line per field
	msg := gitOut(t, cfg.Snapshots, "log", "-1", "--format=%B")
	if want := "nf: 1 changed\n\n~ 101 Data Scientist 1 (L4)\n  description changed (+1 -1 sentence)\n"; !strings.HasPrefix(msg, want) {
		t.Errorf("commit message:\n%s\nwant:\n%s", msg, want)
	}

	// a title, a skill and the pay: old -> new values, sorted by field
	j.Name = "Senior Data Scientist 1 (L4)"
	j.Description = strings.Replace(j.Description, "SQL and Python.", "SQL, Python and PyTorch. Pay: $150,000 - $200,000 per year.", 1)
	j.TUpdate++
	nf.SetJobs([]fake.Job{j, job(2)})
	run(t, r, cfg)
	msg = gitOut(t, cfg.Snapshots, "log", "-1", "--format=%B")
	for _, want := range []string{
		"~ 101 Senior Data Scientist 1 (L4)\n  description changed (+2 -1 sentences)\n",
		"  salary +USD 150,000-200,000/year\n",
		"  skills.required +PyTorch\n",
		"  title Data Scientist 1 (L4) -> Senior Data Scientist 1 (L4)\n",
	} {
		if !strings.Contains(msg, want) {
			t.Errorf("commit message lacks %q:\n%s", want, msg)
		}
	}
}

// oldFormat is a posting file as SnapshotFormat 1 wrote it: the description
// as one string.
func oldFormat(t *testing.T, b []byte) []byte {
	t.Helper()
	p, err := model.Decode(b)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(p); err != nil { // Posting's own JSON: the description as one string
		t.Fatal(err)
	}
	return buf.Bytes()
}

// A snapshot folder written in the old format (and its index under the old
// normalizer version) is rewritten by the next run: one commit, every file
// in the new format, no event; the run after it changes nothing.
func TestOldFormatMigratesInOneQuietCommit(t *testing.T) {
	t.Parallel()
	j := job(1)
	j.Description = longDescription
	jobs := []fake.Job{j, job(2), job(3)}
	nf, h := fake.New(t, "netflix.com", jobs), newHook(t)
	r, cfg := newRunner(t, nf, h)
	run(t, r, cfg)
	if got := h.take(); len(got) != 3 {
		t.Fatalf("first run: %d events", len(got))
	}

	// Turn the folder into what a watcher of the old format left behind.
	store := snapStore(t, cfg)
	idx, err := store.LoadIndex("nf")
	if err != nil {
		t.Fatal(err)
	}
	idx.Normalizer = "0a1b2c3d4e5f" // an older normalizer and format
	for id, e := range idx.Postings {
		b, err := os.ReadFile(store.PostingPath("nf", id))
		if err != nil {
			t.Fatal(err)
		}
		old := oldFormat(t, b)
		if bytes.Contains(old, []byte(`"description": [`)) || bytes.Equal(old, b) {
			t.Fatalf("not the old format:\n%s", old)
		}
		if err := os.WriteFile(store.PostingPath("nf", id), old, 0o644); err != nil {
			t.Fatal(err)
		}
		e.Hash = model.Hash(old)
		idx.Postings[id] = e
	}
	if _, err := store.SaveIndex("nf", idx); err != nil {
		t.Fatal(err)
	}
	gitOut(t, cfg.Snapshots, "add", "-A")
	gitOut(t, cfg.Snapshots, "commit", "-q", "-m", "written by the old format")
	before := strings.TrimSpace(gitOut(t, cfg.Snapshots, "rev-parse", "HEAD"))

	// A new process (the new binary) runs on it.
	r2, err := New(cfg, Options{Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), Retry: retry.Policy{Attempts: 1}})
	if err != nil {
		t.Fatal(err)
	}
	res := run(t, r2, cfg)
	s := res.Sources[0]
	if s.Added+s.Changed+s.Removed != 0 || s.Rewrites != 3 {
		t.Errorf("migration run: %+v, want 3 re-normalized and nothing else", s)
	}
	if got := h.take(); len(got) != 0 {
		t.Errorf("migration run sent %d events", len(got))
	}
	if n := strings.TrimSpace(gitOut(t, cfg.Snapshots, "rev-list", "--count", before+"..HEAD")); n != "1" {
		t.Errorf("migration made %s commits, want 1", n)
	}
	if msg := gitOut(t, cfg.Snapshots, "log", "-1", "--format=%s"); !strings.HasPrefix(msg, "nf: 3 re-normalized") {
		t.Errorf("migration commit subject %q", msg)
	}
	changed := strings.Fields(gitOut(t, cfg.Snapshots, "diff", "--name-only", before, "HEAD", "--", "nf"))
	if len(changed) != 3 {
		t.Errorf("migration commit touched %v, want the 3 posting files", changed)
	}
	files, _ := filepath.Glob(filepath.Join(cfg.Snapshots, "nf", "*.json"))
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		p, err := model.Decode(b)
		if err != nil {
			t.Fatal(err)
		}
		if want, _ := model.Encode(p); !bytes.Equal(b, want) || !bytes.Contains(b, []byte(`"description": [`)) {
			t.Errorf("%s is not in the new format:\n%s", f, b)
		}
	}
	if !strings.Contains(gitOut(t, cfg.Snapshots, "show", "HEAD:nf/101.json"), `"At Netflix, we want to entertain the world. ",`) {
		t.Error("the committed file is not in the new format")
	}

	// Once: the next run changes nothing.
	head := strings.TrimSpace(gitOut(t, cfg.Snapshots, "rev-parse", "HEAD"))
	res = run(t, r2, cfg)
	if s := res.Sources[0]; s.Rewrites+s.Added+s.Changed+s.Removed != 0 || res.Commit != "" {
		t.Errorf("run after the migration: %+v, commit %q", s, res.Commit)
	}
	if got := strings.TrimSpace(gitOut(t, cfg.Snapshots, "rev-parse", "HEAD")); got != head || len(h.take()) != 0 {
		t.Errorf("run after the migration moved HEAD or sent events")
	}
}
