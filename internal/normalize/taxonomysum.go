package normalize

// The embedded taxonomy.yaml's SHA-256 and the fingerprint LoadTaxonomy(nil)
// computes of it (embeddedversion.go). Written by
// go test ./internal/normalize -run TestVersionFollowsOutput -update.
const (
	embeddedTaxonomyFileSum = "4120c8b5cbe343bbab16505e632d7bf32b085de9fcecf513197cf917b41e68be"
	embeddedTaxonomySum     = "eca13b9d2bdf313341b25826a7fc5734217fce8ad9fd73d7122b920bb945434d"
)
