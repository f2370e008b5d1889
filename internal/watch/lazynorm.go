package watch

import (
	"sync"
	"sync/atomic"

	"github.com/careers-watcher/careers-watcher/internal/model"
	"github.com/careers-watcher/careers-watcher/internal/normalize"
)

// sharedNormalizer is a taxonomy's normalizer, compiled the first time any
// run normalizes a posting with it: a run in which nothing is new or
// changed (a quiet cycle) only compares stored postings' versions with
// its version and never builds the matcher (about 1.3 MB of live heap
// and 10-15 ms). Runners with the same extra skills share one
// (normalizerFor); a Normalizer is immutable and safe for concurrent use.
type sharedNormalizer struct {
	version string
	get     func() *normalize.Normalizer
}

// newEmbeddedNormalizer is the shared normalizer of the embedded taxonomy
// alone: its version comes from normalize.EmbeddedVersion (no YAML
// decode), and the taxonomy is loaded with the matcher, at the first
// posting a run normalizes.
func newEmbeddedNormalizer() *sharedNormalizer {
	return &sharedNormalizer{version: normalize.EmbeddedVersion(), get: sync.OnceValue(func() *normalize.Normalizer {
		return normalize.New(nil) // loads the embedded taxonomy (tested: it loads)
	})}
}

func newSharedNormalizer(tax *normalize.Taxonomy) *sharedNormalizer {
	return &sharedNormalizer{version: normalize.VersionOf(tax), get: sync.OnceValue(func() *normalize.Normalizer {
		return normalize.New(tax)
	})}
}

// lazyNormalizer is one Runner's handle on a shared normalizer.
type lazyNormalizer struct {
	shared *sharedNormalizer
	built  atomic.Bool // this runner asked for the compiled matcher (tests)
}

func newLazyNormalizer(tax *normalize.Taxonomy) *lazyNormalizer {
	return &lazyNormalizer{shared: newSharedNormalizer(tax)}
}

// Version is normalize.Normalizer.Version of the normalizer it builds.
func (l *lazyNormalizer) Version() string { return l.shared.version }

// Normalize is normalize.Normalizer.Normalize (safe for concurrent use).
func (l *lazyNormalizer) Normalize(source, company string, r model.Raw) model.Posting {
	l.built.Store(true)
	return l.shared.get().Normalize(source, company, r)
}
