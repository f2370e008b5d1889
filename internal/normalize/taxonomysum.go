package normalize

// The embedded taxonomy.yaml's SHA-256 and the fingerprint LoadTaxonomy(nil)
// computes of it (embeddedversion.go). Written by
// go test ./internal/normalize -run TestVersionFollowsOutput -update.
const (
	embeddedTaxonomyFileSum = "6393b52980b376a6c2904da8a85a64c1ebe933496fcbbb414be3e614cf81513f"
	embeddedTaxonomySum     = "b22e8d25e746fdb66c9b10aac2e120634beac5c4d11ffc3e5a70a9bedd5089d2"
)
