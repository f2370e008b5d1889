package normalize

// The embedded taxonomy.yaml's SHA-256 and the fingerprint LoadTaxonomy(nil)
// computes of it (embeddedversion.go). Written by
// go test ./internal/normalize -run TestVersionFollowsOutput -update.
const (
	embeddedTaxonomyFileSum = "af8f834fd74a010a92f28b75142ebb425999c8d80e94b857a988bc887cf499ee"
	embeddedTaxonomySum     = "b09fe90cd897142f59547041017cb9a352a312e5c957771c534a915aa32a4fbc"
)
