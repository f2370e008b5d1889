package watch

import (
	"sync"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
	"github.com/careers-watcher/careers-watcher/internal/normalize"
	"github.com/careers-watcher/careers-watcher/internal/scrape/eightfold/fake"
)

// A run in which nothing is new or changed compares versions only and
// never compiles the normalizer; a run with a new posting does, and the
// version it compared with is the compiled normalizer's.
func TestQuietRunBuildsNoNormalizer(t *testing.T) {
	nf := fake.New(t, "netflix.com", []fake.Job{job(1), job(2)})
	h := newHook(t)
	r1, cfg := newRunner(t, nf, h)
	if res := run(t, r1, cfg); res.Sources[0].Added != 2 {
		t.Fatalf("first run added %d, want 2", res.Sources[0].Added)
	}
	if !r1.norm.built.Load() {
		t.Fatal("a run that added postings did not build the normalizer")
	}

	r2 := quietRunner(t, cfg, Options{})
	if res := run(t, r2, cfg); res.Sources[0].Added+res.Sources[0].Changed+res.Sources[0].Rewrites != 0 {
		t.Fatalf("quiet run: %+v", res.Sources[0])
	}
	if r2.norm.built.Load() {
		t.Fatal("a run with nothing new or changed built the normalizer")
	}

	nf.SetJobs([]fake.Job{job(1), job(2), job(3)})
	if res := run(t, r2, cfg); res.Sources[0].Added != 1 {
		t.Fatalf("third run added %d, want 1", res.Sources[0].Added)
	}
	if !r2.norm.built.Load() {
		t.Fatal("a run that added a posting did not build the normalizer")
	}
	if got, want := r2.norm.Version(), normalize.New(nil).Version(); got != want {
		t.Fatalf("lazy version %q, compiled %q", got, want)
	}
}

// The lazy normalizer gives what normalize.New gives, from any goroutine.
func TestLazyNormalizerSameOutput(t *testing.T) {
	tax, err := normalize.LoadTaxonomy([]normalize.SkillDef{{Name: "Frobnicator", Category: "Tools", Aliases: []string{"frobnicator"}}})
	if err != nil {
		t.Fatal(err)
	}
	want := normalize.New(tax)
	l := newLazyNormalizer(tax)
	if l.Version() != want.Version() {
		t.Fatalf("version %q, want %q", l.Version(), want.Version())
	}
	raw := model.Raw{ID: "7", Title: "Senior Data Engineer", DescriptionHTML: "<p>Requirements</p><ul><li>SQL, Python and Frobnicator</li></ul>", Locations: []string{"Berlin, Germany"}}
	w := want.Normalize("src", "Acme", raw)
	wb, err := model.Encode(w)
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			gb, err := model.Encode(l.Normalize("src", "Acme", raw))
			if err != nil || string(gb) != string(wb) {
				t.Errorf("lazy normalizer output differs (%v):\n%s\nwant\n%s", err, gb, wb)
			}
		})
	}
	wg.Wait()
	if len(w.Skills.Required)+len(w.Skills.Preferred)+len(w.Skills.Mentioned) == 0 {
		t.Fatalf("the posting found no skills: %+v", w)
	}
}
