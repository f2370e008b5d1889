package normalize

// The embedded taxonomy.yaml's SHA-256 and the fingerprint LoadTaxonomy(nil)
// computes of it (embeddedversion.go). Written by
// go test ./internal/normalize -run TestVersionFollowsOutput -update.
const (
	embeddedTaxonomyFileSum = "d8561958d393cce29891f249a6e3fa558d012aeeebfcf05294f1e22721686347"
	embeddedTaxonomySum     = "8286e7a88cea619dc9d7a8d92ab3f367ce7867085e1113c1498074cfbfb6df47"
)
