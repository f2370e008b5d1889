package normalize

// The embedded taxonomy.yaml's SHA-256 and the fingerprint LoadTaxonomy(nil)
// computes of it (embeddedversion.go). Written by
// go test ./internal/normalize -run TestVersionFollowsOutput -update.
const (
	embeddedTaxonomyFileSum = "450e8cc666fbe01a40241e0cffab08940b6c30d29cb4368ffa423b92d5389082"
	embeddedTaxonomySum     = "72d22801b1ea141cbd29a1f2cf4d02fd4d45f327371da47d3c11217399aaffc9"
)
