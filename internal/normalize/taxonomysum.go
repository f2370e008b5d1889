package normalize

// The embedded taxonomy.yaml's SHA-256 and the fingerprint LoadTaxonomy(nil)
// computes of it (embeddedversion.go). Written by
// go test ./internal/normalize -run TestVersionFollowsOutput -update.
const (
	embeddedTaxonomyFileSum = "c1ffc6caae16eafaeb5f42193ad74ee8a8a08abb0e6758f676c662daa29028b0"
	embeddedTaxonomySum     = "3a480e8cc932a798eb17a3f8e25036eaf3d3add4dce8e493d20273ae3724351d"
)
