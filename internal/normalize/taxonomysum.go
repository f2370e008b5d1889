package normalize

// The embedded taxonomy.yaml's SHA-256 and the fingerprint LoadTaxonomy(nil)
// computes of it (embeddedversion.go). Written by
// go test ./internal/normalize -run TestVersionFollowsOutput -update.
const (
	embeddedTaxonomyFileSum = "1edc261a93f5e63f1ac8a4bde9548c42c5a6100a00e02e67bdbefb25895487c9"
	embeddedTaxonomySum     = "85909f0cee6fa2b69cb91f0c1384bd83c4b5ae9b6f3393b8fc4713276061af37"
)
