package watch

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"os"
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/config"
	"github.com/careers-watcher/careers-watcher/internal/scrape/eightfold/fake"
)

// keptRunner is a runner over one eightfold source (nf) of nf's server,
// with the guard's remove_after, logging into logs.
func keptRunner(t *testing.T, nf *fake.Server, removeAfter int, logs *bytes.Buffer) (*Runner, *config.Config) {
	t.Helper()
	yml := fmt.Sprintf("snapshots: snaps\nhttp: {per_host_delay: 1ms, retries: 1}\nguard: {shrink_pause: 1ms, remove_after: %d, max_shrink: 0.9}\nsources:\n  - {name: nf, type: eightfold, url: %q, domain: netflix.com}\n", removeAfter, nf.URL)
	cfg := parseConfig(t, t.TempDir(), yml, nil)
	return quietRunner(t, cfg, Options{Logger: slog.New(slog.NewTextHandler(logs, nil))}), cfg
}

// fetchOne fetches the runner's one source without writing anything.
func fetchOne(t *testing.T, r *Runner, cfg *config.Config) fetched {
	t.Helper()
	f := r.fetchAll(context.Background(), cfg.Sources)[0]
	if f.err != nil {
		t.Fatal(f.err)
	}
	return f
}

func jobs(n int) []fake.Job {
	out := make([]fake.Job, n)
	for i := range out {
		out[i] = job(i + 1)
	}
	return out
}

// A quiet run whose listing pages are the last run's, byte for byte, keeps
// the stored postings without decoding them; a listing changed after such
// a run, on its first or its second page, is read in full and its change
// reported, and the run after that keeps it again.
func TestSameListingKeptThenChangeDetected(t *testing.T) {
	t.Parallel()
	if programBuild() == "" {
		t.Fatal("no build id in the test binary: no listing can be kept")
	}
	var logs bytes.Buffer
	js := jobs(12) // two pages of 10
	nf := fake.New(t, "netflix.com", js)
	r, cfg := keptRunner(t, nf, 2, &logs)
	if res := run(t, r, cfg); res.Sources[0].Added != 12 {
		t.Fatalf("first run: %+v", res.Sources[0])
	}
	f := fetchOne(t, r, cfg)
	if !f.sameListing || len(f.items) != 12 || f.details != 0 {
		t.Fatalf("quiet fetch: same listing %v, %d items, %d details", f.sameListing, len(f.items), f.details)
	}
	for _, it := range f.items {
		if !it.keep || !it.onDisk || it.size <= 0 {
			t.Fatalf("item %+v not kept with its file's size", it)
		}
	}
	if res := run(t, r, cfg); res.Commit != "" || res.Sources[0].Details != 0 || res.Sources[0].Listed != 12 {
		t.Fatalf("quiet run: %+v, commit %q", res.Sources[0], res.Commit)
	}

	for _, tc := range []struct {
		name string
		edit func([]fake.Job) []fake.Job
		want func(SourceResult) bool
	}{
		{"a title on the first page", func(js []fake.Job) []fake.Job {
			js[2].Name, js[2].TUpdate = "Staff Data Scientist (L6)", js[2].TUpdate+1
			return js
		}, func(s SourceResult) bool { return s.Changed == 1 && s.Added+s.Removed == 0 }},
		{"a title on the second page", func(js []fake.Job) []fake.Job {
			js[11].Name, js[11].TUpdate = "Principal Data Scientist (L7)", js[11].TUpdate+1
			return js
		}, func(s SourceResult) bool { return s.Changed == 1 && s.Added+s.Removed == 0 }},
		{"a posting added on the second page", func(js []fake.Job) []fake.Job {
			return append(js, job(13))
		}, func(s SourceResult) bool { return s.Added == 1 && s.Changed+s.Removed == 0 }},
		{"the update time alone", func(js []fake.Job) []fake.Job {
			js[5].TUpdate++
			js[5].Description += "<p>Remote within the US.</p>"
			return js
		}, func(s SourceResult) bool { return s.Changed == 1 && s.Details == 1 }},
	} {
		js = tc.edit(js)
		nf.SetJobs(js)
		if f := fetchOne(t, r, cfg); f.sameListing {
			t.Fatalf("%s: the changed listing was kept", tc.name)
		}
		res := run(t, r, cfg)
		if s := res.Sources[0]; !tc.want(s) || s.Listed != len(js) {
			t.Fatalf("%s: %+v", tc.name, s)
		}
		if f := fetchOne(t, r, cfg); !f.sameListing || len(f.items) != len(js) {
			t.Fatalf("%s: the run after the change: same listing %v, %d items", tc.name, f.sameListing, len(f.items))
		}
	}
}

// A snapshot file edited or deleted by hand after a quiet run that kept
// the listing is caught as before: the next run takes the full path,
// rewrites the edited file and restores the deleted one, with warnings
// naming them, and no event.
func TestSameListingStillCatchesHandEdits(t *testing.T) {
	t.Parallel()
	var logs bytes.Buffer
	nf := fake.New(t, "netflix.com", jobs(3))
	r, cfg := keptRunner(t, nf, 2, &logs)
	run(t, r, cfg)
	if f := fetchOne(t, r, cfg); !f.sameListing {
		t.Fatal("the quiet listing was not kept")
	}
	run(t, r, cfg) // a run that kept the listing

	s := snapStore(t, cfg)
	edited, deleted := s.PostingPath("nf", "102"), s.PostingPath("nf", "103")
	good, goodDeleted := readFile(t, edited), readFile(t, deleted)
	if err := os.WriteFile(edited, []byte(strings.Replace(good, "Data Scientist 2 (L4)", "Hacked", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(deleted); err != nil {
		t.Fatal(err)
	}
	if f := fetchOne(t, r, cfg); f.sameListing {
		t.Fatal("a listing was kept over an edited and a deleted file")
	}
	res := run(t, r, cfg)
	if sr := res.Sources[0]; sr.Added+sr.Removed+sr.Changed != 0 || len(res.Events) != 0 {
		t.Fatalf("%+v, %d events: want nothing reported", sr, len(res.Events))
	}
	if readFile(t, edited) != good || readFile(t, deleted) != goodDeleted {
		t.Fatal("the edited file was not rewritten, or the deleted one not restored")
	}
	if !warned(logs.String(), "source=nf", edited, "edited") || !warned(logs.String(), "source=nf", deleted) {
		t.Fatalf("no warnings naming the files:\n%s", logs.String())
	}
	if f := fetchOne(t, r, cfg); !f.sameListing {
		t.Fatal("the repaired folder's listing is not kept again")
	}
}

// A posting gone from the listing is reported removed after remove_after
// runs, the quiet runs between kept undecoded (its missing count moves
// on all the same).
func TestSameListingKeepsTheRemovalGrace(t *testing.T) {
	t.Parallel()
	var logs bytes.Buffer
	js := jobs(5)
	nf := fake.New(t, "netflix.com", js)
	r, cfg := keptRunner(t, nf, 3, &logs)
	run(t, r, cfg)
	nf.SetJobs(js[:4])
	if res := run(t, r, cfg); res.Sources[0].Missing != 1 || res.Sources[0].Removed != 0 {
		t.Fatalf("first run without it: %+v", res.Sources[0])
	}
	for i, want := range []struct{ missing, removed int }{{1, 0}, {0, 1}} {
		f := fetchOne(t, r, cfg)
		if !f.sameListing || len(f.items) != 4 {
			t.Fatalf("run %d: same listing %v, %d items", i+2, f.sameListing, len(f.items))
		}
		res := run(t, r, cfg)
		if s := res.Sources[0]; s.Missing != want.missing || s.Removed != want.removed {
			t.Fatalf("run %d without it: %+v", i+2, s)
		}
	}
	if _, _, err := snapStore(t, cfg).Read("nf", "105"); err == nil {
		t.Fatal("the removed posting's file is still there")
	}
}

// A run whose detail failed records no listing to keep: the next run on
// the same listing takes the full path and asks the detail again (a
// known posting's and a new one's alike).
func TestSameListingNotKeptAfterAFailedDetail(t *testing.T) {
	t.Parallel()
	var logs bytes.Buffer
	js := jobs(3)
	nf := fake.New(t, "netflix.com", js)
	r, cfg := keptRunner(t, nf, 2, &logs)
	run(t, r, cfg)
	js = append(js, job(4))
	js[0].TUpdate++
	nf.SetJobs(js)
	nf.FailDetail(func(int64) (int, string) { return 404, `{"message":"gone"}` })
	if res := run(t, r, cfg); res.Sources[0].DetailFailures != 2 {
		t.Fatalf("failing details: %+v", res.Sources[0])
	}
	nf.FailDetail(nil)
	if f := fetchOne(t, r, cfg); f.sameListing {
		t.Fatal("a listing with failed details was kept")
	}
	res := run(t, r, cfg)
	if s := res.Sources[0]; s.Added != 1 || s.Details != 2 {
		t.Fatalf("details asked again: %+v", s)
	}
	if f := fetchOne(t, r, cfg); !f.sameListing {
		t.Fatal("the listing is not kept once its details came")
	}
}

// The digests are bound to the source's settings: a source whose settings
// changed (here its company) reads its listing in full once.
func TestSameListingBoundToSettings(t *testing.T) {
	t.Parallel()
	var logs bytes.Buffer
	nf := fake.New(t, "netflix.com", jobs(2))
	r, cfg := keptRunner(t, nf, 2, &logs)
	run(t, r, cfg)
	if f := fetchOne(t, r, cfg); !f.sameListing {
		t.Fatal("not kept")
	}
	cfg.Sources[0].Company = "Netflix, Inc."
	if f := fetchOne(t, r, cfg); f.sameListing {
		t.Fatal("kept under other settings")
	}
}

func TestBuildIDIn(t *testing.T) {
	t.Parallel()
	note := []byte{4, 0, 0, 0, 5, 0, 0, 0, 4, 0, 0, 0, 'G', 'o', 0, 0, 'a', '/', 'b', '/', 'c'}
	for _, tc := range []struct {
		in   []byte
		want string
	}{
		{append([]byte("\x7fELF...."), note...), "a/b/c"},
		{[]byte("xx\xff Go build ID: \"x/y\"\n \xff"), "x/y"},
		{[]byte("Go\x00\x00 no note"), ""},
		{nil, ""},
	} {
		if got := buildIDIn(tc.in); got != tc.want {
			t.Errorf("buildIDIn(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
