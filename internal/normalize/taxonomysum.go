package normalize

// The embedded taxonomy.yaml's SHA-256 and the fingerprint LoadTaxonomy(nil)
// computes of it (embeddedversion.go). Written by
// go test ./internal/normalize -run TestVersionFollowsOutput -update.
const (
	embeddedTaxonomyFileSum = "643f2852cad3d9ce0e9482d7189a90c9ef56330b47fd5e119952f708efbeff2f"
	embeddedTaxonomySum     = "5dc7aa61ec175bd69aec72d37f004dd47600c02cae5dc125ff8b98705d4ea000"
)
