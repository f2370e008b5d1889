package normalize

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// VersionOf is the Version of the normalizer New(t) builds, without
// compiling it (a run that normalizes nothing compares stored postings'
// versions with it and need not build the matcher). A nil taxonomy is the
// embedded one.
func VersionOf(t *Taxonomy) string {
	if t == nil {
		var err error
		if t, err = LoadTaxonomy(nil); err != nil {
			panic(err) // the embedded taxonomy is tested
		}
	}
	// the snapshot format is in the fingerprint: a new one makes the next
	// run rewrite every stored posting once, quietly (as a rules change does)
	sum := sha256.Sum256(fmt.Appendf(nil, "rules %d\ntaxonomy %s\nformat %d\n", rulesVersion, t.sum, model.SnapshotFormat))
	return hex.EncodeToString(sum[:6])
}
