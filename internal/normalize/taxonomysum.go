package normalize

// The embedded taxonomy.yaml's SHA-256 and the fingerprint LoadTaxonomy(nil)
// computes of it (embeddedversion.go). Written by
// go test ./internal/normalize -run TestVersionFollowsOutput -update.
const (
	embeddedTaxonomyFileSum = "03c5d37ced9a4087a9741b0c6e8def367cc804f77d181883708a189070937ce6"
	embeddedTaxonomySum     = "3004976df9a5310ea939a48ea45bbca690596682e287ac6913c325730616d09a"
)
