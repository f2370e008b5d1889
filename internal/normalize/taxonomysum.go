package normalize

// The embedded taxonomy.yaml's SHA-256 and the fingerprint LoadTaxonomy(nil)
// computes of it (embeddedversion.go). Written by
// go test ./internal/normalize -run TestVersionFollowsOutput -update.
const (
	embeddedTaxonomyFileSum = "6af2836ae7b0ce220f7e00d306fe41128b871aa44ad33e85f0a5fda689b6bc4f"
	embeddedTaxonomySum     = "8f45d142fae1b3558fc0a311f7e0d6faee8edaffe67715bc4155273aca2b977e"
)
