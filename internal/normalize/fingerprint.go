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
		return EmbeddedVersion()
	}
	return versionOfSum(t.sum)
}

// versionOfSum is the Version for a taxonomy's fingerprint.
func versionOfSum(taxonomySum string) string {
	// the snapshot format is in the fingerprint: a new one makes the next
	// run rewrite every stored posting once, quietly (as a rules change does)
	sum := sha256.Sum256(fmt.Appendf(nil, "rules %d\ntaxonomy %s\nformat %d\n", rulesVersion, taxonomySum, model.SnapshotFormat))
	return hex.EncodeToString(sum[:6])
}
