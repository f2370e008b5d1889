package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"

	"github.com/careers-watcher/careers-watcher/internal/scrape/eightfold/fake"
)

// statePath is the committed state of the eightfold source.
func (e *env) statePath() string {
	return filepath.Join(e.dir, "snaps", ".watcher", "state", "netflix-data-insights.json")
}

// touched lists the paths that differ between two commits of the snapshot
// repository.
func (e *env) touched(t *testing.T, from, to string) []string {
	t.Helper()
	repo, err := git.PlainOpen(filepath.Join(e.dir, "snaps"))
	if err != nil {
		t.Fatal(err)
	}
	tree := func(h string) *object.Tree {
		c, err := repo.CommitObject(plumbing.NewHash(h))
		if err != nil {
			t.Fatal(err)
		}
		tr, err := c.Tree()
		if err != nil {
			t.Fatal(err)
		}
		return tr
	}
	changes, err := tree(from).Diff(tree(to))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, c := range changes {
		name := c.To.Name
		if name == "" {
			name = c.From.Name
		}
		out = append(out, name)
	}
	slices.Sort(out)
	return out
}

// TestRunEightfoldInterfaceSwitch: the tenant moves from the apply
// interface to pcsx between two runs. The second run reads pcsx, remembers
// it in the committed state, and reports nothing: no event, no snapshot
// file changed. The third run starts with pcsx (no request to the refused
// interface) and reports exactly the one real change.
func TestRunEightfoldInterfaceSwitch(t *testing.T) {
	t.Parallel()
	jobs := []fake.Job{netflixJob(1), netflixJob(2), netflixJob(3)}
	e := newEnv(t, jobs)

	code, _, stderr := e.run(t, "run")
	if code != 0 {
		t.Fatalf("first run: exit %d\n%s", code, stderr)
	}
	if c := countTypes(e.hook.take(t)); c["posting.added"] != 3 {
		t.Fatalf("first run: events %v", c)
	}
	if b, err := os.ReadFile(e.statePath()); err != nil || strings.TrimSpace(string(b)) != `{"interface":"apply"}` {
		t.Fatalf("state after the first run: %q, %v", b, err)
	}
	files := e.files(t)
	hash1, _ := e.head(t)
	al1, ad1 := e.nf.CountIn(fake.ApplyOnly)
	if al1 != 1 || ad1 != 3 {
		t.Fatalf("first run: %d apply list and %d apply detail requests", al1, ad1)
	}

	// 2. The tenant now refuses the apply list ("Not authorized for PCSX").
	e.nf.SetInterfaces(fake.PCSXOnly)
	code, stdout, stderr := e.run(t, "run")
	if code != 0 {
		t.Fatalf("second run: exit %d\n%s", code, stderr)
	}
	if evs := e.hook.take(t); len(evs) != 0 {
		t.Fatalf("second run sent %d events: %v", len(evs), countTypes(evs))
	}
	if strings.TrimSpace(stdout) != "" {
		t.Fatalf("second run printed events:\n%s", stdout)
	}
	if !equalMaps(files, e.files(t)) {
		t.Fatal("second run changed snapshot files")
	}
	if b, err := os.ReadFile(e.statePath()); err != nil || strings.TrimSpace(string(b)) != `{"interface":"pcsx"}` {
		t.Fatalf("state after the switch: %q, %v", b, err)
	}
	hash2, _ := e.head(t)
	if hash2 == hash1 {
		t.Fatal("the switched interface was not committed: a one-shot job would forget it")
	}
	for _, p := range e.touched(t, hash1, hash2) {
		if !strings.HasPrefix(p, ".watcher/") {
			t.Fatalf("second run's commit touches %s", p)
		}
	}
	al2, ad2 := e.nf.CountIn(fake.ApplyOnly)
	pl2, pd2 := e.nf.CountIn(fake.PCSXOnly)
	if al2-al1 != 1 || ad2 != ad1 || pl2 != 1 || pd2 != 3 {
		t.Fatalf("second run: %d apply list (refused), %d apply detail, %d pcsx list, %d pcsx detail requests; want 1, 0, 1, 3", al2-al1, ad2-ad1, pl2, pd2)
	}

	// 3. A real change: job 2 gets a new title. Exactly that is reported,
	// and the remembered interface is asked first.
	jobs[1].Name = "Senior Data Engineer 2 (L6)"
	jobs[1].TUpdate++
	e.nf.SetJobs(jobs)
	code, _, stderr = e.run(t, "run")
	if code != 0 {
		t.Fatalf("third run: exit %d\n%s", code, stderr)
	}
	evs := e.hook.take(t)
	if len(evs) != 1 || evs[0].Type != "posting.changed" || !strings.Contains(fmt.Sprint(evs[0].Body), "Senior Data Engineer 2 (L6)") {
		t.Fatalf("third run events: %v", countTypes(evs))
	}
	after := e.files(t)
	for name, b := range files {
		if (after[name] != b) != (name == "790311790002.json") {
			t.Fatalf("third run: snapshot %s changed %v", name, after[name] != b)
		}
	}
	al3, _ := e.nf.CountIn(fake.ApplyOnly)
	pl3, pd3 := e.nf.CountIn(fake.PCSXOnly)
	if al3 != al2 || pl3-pl2 != 1 || pd3-pd2 != 1 {
		t.Fatalf("third run: %d apply, %d pcsx list, %d pcsx detail requests; want 0, 1, 1", al3-al2, pl3-pl2, pd3-pd2)
	}
	hash3, msg := e.head(t)
	if hash3 == hash2 || !strings.HasPrefix(msg, "netflix-data-insights: 1 changed") {
		t.Fatalf("third commit: %s", msg)
	}
}

// TestRunEightfoldSwitchIsQuietWhenTheShapeDiffers: the same postings read
// through the other interface may come out differently (another URL form,
// another description markup). The run that switches writes them as a
// re-normalization, without events; the next change is reported.
func TestRunEightfoldSwitchIsQuietWhenTheShapeDiffers(t *testing.T) {
	t.Parallel()
	jobs := []fake.Job{netflixJob(1), netflixJob(2)}
	e := newEnv(t, jobs)
	e.nf.SetInterfaces(fake.PCSXOnly)
	if code, _, stderr := e.run(t, "run"); code != 0 {
		t.Fatalf("first run: exit %d\n%s", code, stderr)
	}
	if c := countTypes(e.hook.take(t)); c["posting.added"] != 2 {
		t.Fatalf("first run: events %v", c)
	}
	files := e.files(t)

	// The tenant goes back to the older interface, whose markup differs.
	e.nf.SetInterfaces(fake.ApplyOnly)
	jobs[0].Description = strings.Replace(jobs[0].Description, "<p>Netflix is one", "<p>Netflix</p><p>is one", 1)
	e.nf.SetJobs(jobs)
	code, _, stderr := e.run(t, "run")
	if code != 0 {
		t.Fatalf("second run: exit %d\n%s", code, stderr)
	}
	if evs := e.hook.take(t); len(evs) != 0 {
		t.Fatalf("the switching run sent events: %v", countTypes(evs))
	}
	after := e.files(t)
	if after["790311790001.json"] == files["790311790001.json"] || after["790311790002.json"] != files["790311790002.json"] {
		t.Fatal("the switching run did not rewrite the posting whose shape differs, or rewrote the other")
	}
	if _, msg := e.head(t); !strings.Contains(msg, "1 re-normalized") {
		t.Fatalf("commit: %s", msg)
	}
	if b, _ := os.ReadFile(e.statePath()); strings.TrimSpace(string(b)) != `{"interface":"apply"}` {
		t.Fatalf("state: %s", b)
	}

	// From now on a difference is a change again.
	jobs[0].Description += "<p>Experience with Trino.</p>"
	jobs[0].TUpdate++
	e.nf.SetJobs(jobs)
	if code, _, stderr := e.run(t, "run"); code != 0 {
		t.Fatalf("third run: exit %d\n%s", code, stderr)
	}
	if evs := e.hook.take(t); len(evs) != 1 || evs[0].Type != "posting.changed" {
		t.Fatalf("third run events: %v", countTypes(evs))
	}
}
