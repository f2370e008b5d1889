package normalize

// The embedded taxonomy.yaml's SHA-256 and the fingerprint LoadTaxonomy(nil)
// computes of it (embeddedversion.go). Written by
// go test ./internal/normalize -run TestVersionFollowsOutput -update.
const (
	embeddedTaxonomyFileSum = "f9b1187fee34fd76516fc0fb2f6a82255694d23b7b20207590205a1991986723"
	embeddedTaxonomySum     = "beaf1a4e5d3606d3e24c2dc6c2ae168a060d5e5a4872a2c157557bccbd55f334"
)
