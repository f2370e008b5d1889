package watch

import (
	"encoding/json"
	"fmt"
	"sync"

	"github.com/careers-watcher/careers-watcher/internal/normalize"
)

// normalizers keeps the normalizers this process built, by the config's
// extra skills: building one (decoding the embedded taxonomy's YAML,
// compiling the alias trie) costs tens of milliseconds and a few MB,
// which every Runner paid again (a daemon's every cycle, and the
// hundreds of runs of internal/cli's and this package's tests: about 40%
// of internal/cli's in-process test CPU). A Normalizer is immutable and
// safe for concurrent use, so Runners with the same extra skills share
// one, loaded here and compiled at the first posting any of them
// normalizes (lazynorm.go). A failed load is not kept (its error comes
// again next time).
var normalizers = struct {
	sync.Mutex
	m map[string]*sharedNormalizer
}{m: map[string]*sharedNormalizer{}}

// maxNormalizers bounds the cache: a process that sees more taxonomies
// than that (a daemon whose config keeps changing) starts it over.
const maxNormalizers = 8

// normalizerFor is the normalizer of the embedded taxonomy plus extra
// (normalize.LoadTaxonomy's rules, its errors unchanged).
func normalizerFor(extra []normalize.SkillDef) (*sharedNormalizer, error) {
	k := "" // no extra skills (nil or empty)
	if len(extra) > 0 {
		kb, err := json.Marshal(extra) // unambiguous: tells any two lists apart
		if err != nil {
			return nil, fmt.Errorf("normalizer cache key: %w", err)
		}
		k = string(kb)
	}
	normalizers.Lock()
	n := normalizers.m[k]
	normalizers.Unlock()
	if n != nil {
		return n, nil
	}
	if k == "" {
		// the embedded taxonomy alone has nothing to check: a quiet run
		// needs only its version, which needs no decode of the YAML
		n = newEmbeddedNormalizer()
	} else {
		tax, err := normalize.LoadTaxonomy(extra)
		if err != nil {
			return nil, err
		}
		n = newSharedNormalizer(tax)
	}
	normalizers.Lock()
	defer normalizers.Unlock()
	if old := normalizers.m[k]; old != nil {
		return old, nil // another Runner built it meanwhile
	}
	if len(normalizers.m) >= maxNormalizers {
		clear(normalizers.m)
	}
	normalizers.m[k] = n
	return n, nil
}
