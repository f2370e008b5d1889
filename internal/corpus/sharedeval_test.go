package corpus

import (
	"context"
	"sync"

	"github.com/careers-watcher/careers-watcher/internal/normalize"
)

// shared is the corpus under testdata evaluated once with the embedded
// taxonomy's normalizer, for the tests that only read an Eval (TestCorpus
// and the dev halves' tables): Evaluate reads every document through its
// adapter and normalizes every posting, about a second of CPU each time,
// and Eval's methods do not change it.
var shared struct {
	once sync.Once
	n    *normalize.Normalizer
	e    Eval
}

// sharedEval returns the shared evaluation of testdata and its normalizer.
func sharedEval() (Eval, *normalize.Normalizer) {
	shared.once.Do(func() {
		shared.n = normalize.New(nil)
		shared.e = Evaluate(context.Background(), "testdata", shared.n)
	})
	return shared.e, shared.n
}
