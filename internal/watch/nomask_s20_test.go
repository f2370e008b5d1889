package watch

import (
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/scrape/eightfold/fake"
)

// With no secret in the config every source shares one empty posting
// mask, and no per-source entry is kept (a quiet run of 10,000 sources
// held 2-3 MB of them).
func TestNoSecretNoMaskPerSource(t *testing.T) {
	t.Parallel()
	nf, h := fake.New(t, "netflix.com", []fake.Job{job(1)}), newHook(t)
	r, _ := newRunner(t, nf, h)
	if !r.red.Empty() {
		t.Skip("the test config has a secret")
	}
	a, b := r.postingRedactor("a"), r.postingRedactor("b")
	if a != b || !a.Empty() {
		t.Fatalf("masks %p %p, empty %v", a, b, a.Empty())
	}
	n := 0
	r.postRed.Range(func(any, any) bool { n++; return true })
	if n != 0 {
		t.Fatalf("%d per-source masks kept", n)
	}
}
