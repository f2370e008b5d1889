package watch

import (
	"sync"
	"sync/atomic"

	"github.com/careers-watcher/careers-watcher/internal/model"
	"github.com/careers-watcher/careers-watcher/internal/normalize"
)

// lazyNormalizer is the run's normalizer, compiled from the taxonomy the
// first time a posting is normalized: a run in which nothing is new or
// changed (a quiet cycle) only compares stored postings' versions with
// Version and never builds the matcher (about 1.3 MB of live heap and
// 10-15 ms). The taxonomy itself is loaded, and a bad extra skill
// refused, when the runner is made.
type lazyNormalizer struct {
	version string
	get     func() *normalize.Normalizer
	built   atomic.Bool // the matcher was compiled (tests)
}

func newLazyNormalizer(tax *normalize.Taxonomy) *lazyNormalizer {
	l := &lazyNormalizer{version: normalize.VersionOf(tax)}
	l.get = sync.OnceValue(func() *normalize.Normalizer {
		l.built.Store(true)
		return normalize.New(tax)
	})
	return l
}

// Version is normalize.Normalizer.Version of the normalizer it builds.
func (l *lazyNormalizer) Version() string { return l.version }

// Normalize is normalize.Normalizer.Normalize (safe for concurrent use).
func (l *lazyNormalizer) Normalize(source, company string, r model.Raw) model.Posting {
	return l.get().Normalize(source, company, r)
}
