package normalize

// The embedded taxonomy.yaml's SHA-256 and the fingerprint LoadTaxonomy(nil)
// computes of it (embeddedversion.go). Written by
// go test ./internal/normalize -run TestVersionFollowsOutput -update.
const (
	embeddedTaxonomyFileSum = "b7d9bdb8581b31264db849524cd4fee9770ef164d81826077496498fb71dde81"
	embeddedTaxonomySum     = "da7ee98f236d50799b73011667729c0b238e6ec4643f28d8796e26c1a6d01c1a"
)
