package normalize

// The embedded taxonomy.yaml's SHA-256 and the fingerprint LoadTaxonomy(nil)
// computes of it (embeddedversion.go). Written by
// go test ./internal/normalize -run TestVersionFollowsOutput -update.
const (
	embeddedTaxonomyFileSum = "2e34a6fb3ab6ffd763c7edcf07b34465b195c094d865b28662a042961b528161"
	embeddedTaxonomySum     = "2c08e7c1725734c672300d263092cf645e058b64e5f6b937e5c5b3094585a29b"
)
