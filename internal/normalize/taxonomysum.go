package normalize

// The embedded taxonomy.yaml's SHA-256 and the fingerprint LoadTaxonomy(nil)
// computes of it (embeddedversion.go). Written by
// go test ./internal/normalize -run TestVersionFollowsOutput -update.
const (
	embeddedTaxonomyFileSum = "48d8da6882427ceea7096f142f09852dd119d272a6f33cb2ba86a1ea28b44f60"
	embeddedTaxonomySum     = "8cb7f7aa2c1d7868e1e7dd69d9831dea628238f3407b885450093cdcf70f4594"
)
