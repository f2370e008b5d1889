package normalize

import (
	"crypto/sha256"
	"encoding/hex"
	"sync"
)

// embeddedSum is the fingerprint (Taxonomy.sum) of the embedded taxonomy
// with no extra skills. Working it out decodes the whole taxonomy.yaml
// (about 100 KB of YAML, tens of milliseconds and a few MB), which a run
// that normalizes nothing did only to compare stored postings' versions;
// taxonomysum.go records the sum for the file's hash instead, and a
// hash of the embedded bytes (well under a millisecond) picks it. When the
// file no longer matches the record (taxonomy.yaml edited and the record
// not yet rewritten, see TestVersionFollowsOutputTaxonomySum), the sum is
// worked out as before: slower, never wrong.
var embeddedSum = sync.OnceValue(func() string {
	h := sha256.Sum256(taxonomyYAML)
	if hex.EncodeToString(h[:]) == embeddedTaxonomyFileSum {
		return embeddedTaxonomySum
	}
	t, err := LoadTaxonomy(nil)
	if err != nil {
		panic(err) // the embedded taxonomy is tested
	}
	return t.sum
})

// EmbeddedVersion is VersionOf(nil): the Version of the normalizer of the
// embedded taxonomy with no extra skills, without decoding the taxonomy.
func EmbeddedVersion() string { return versionOfSum(embeddedSum()) }
