package normalize

// The embedded taxonomy.yaml's SHA-256 and the fingerprint LoadTaxonomy(nil)
// computes of it (embeddedversion.go). Written by
// go test ./internal/normalize -run TestVersionFollowsOutput -update.
const (
	embeddedTaxonomyFileSum = "f4c5c25ad0ef1c6332202239e14e14804f45a6dc48cc84daeeb00fe7dad720a8"
	embeddedTaxonomySum     = "9531eae69ebad74a611632a253e8979697b4d162364c552e845cfb477b7be535"
)
