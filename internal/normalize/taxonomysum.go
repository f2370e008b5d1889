package normalize

// The embedded taxonomy.yaml's SHA-256 and the fingerprint LoadTaxonomy(nil)
// computes of it (embeddedversion.go). Written by
// go test ./internal/normalize -run TestVersionFollowsOutput -update.
const (
	embeddedTaxonomyFileSum = "4799e760ce0e22970ec9b9a67971b235c27bbfb3a99bb11e2c4093a925cdaa8b"
	embeddedTaxonomySum     = "44c1eaaa20d0a9ef16aa72c8b5182db306990be4cde62728214b0ca92c44f9ca"
)
