package normalize

// The embedded taxonomy.yaml's SHA-256 and the fingerprint LoadTaxonomy(nil)
// computes of it (embeddedversion.go). Written by
// go test ./internal/normalize -run TestVersionFollowsOutput -update.
const (
	embeddedTaxonomyFileSum = "aa5a00eceb85ab4dd5c2aa532fbe4f65726f287ed00df6bce8ea32a845c75ea1"
	embeddedTaxonomySum     = "443af2d363d2579e1c12233017f1e4e59325139f289998f63400dc5bcea310b0"
)
