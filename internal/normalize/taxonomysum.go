package normalize

// The embedded taxonomy.yaml's SHA-256 and the fingerprint LoadTaxonomy(nil)
// computes of it (embeddedversion.go). Written by
// go test ./internal/normalize -run TestVersionFollowsOutput -update.
const (
	embeddedTaxonomyFileSum = "b33938f2570bf1a1fe86b5e38083cf8da43a63e8adcc9005f2663b1e9e3fd781"
	embeddedTaxonomySum     = "7faf39974353df1acbfdcf1300b20377e149bab694295436a1fbefbc34d08391"
)
