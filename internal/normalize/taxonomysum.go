package normalize

// The embedded taxonomy.yaml's SHA-256 and the fingerprint LoadTaxonomy(nil)
// computes of it (embeddedversion.go). Written by
// go test ./internal/normalize -run TestVersionFollowsOutput -update.
const (
	embeddedTaxonomyFileSum = "fedef388129289e2dab056b06da9879bfd42bcb7f5ff0322bb1dfb7eb0d6084a"
	embeddedTaxonomySum     = "31bb512beaa079831b42ca36d05577bba62b2f3d80aafce5e2201388e324678c"
)
