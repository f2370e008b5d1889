package normalize

// The embedded taxonomy.yaml's SHA-256 and the fingerprint LoadTaxonomy(nil)
// computes of it (embeddedversion.go). Written by
// go test ./internal/normalize -run TestVersionFollowsOutput -update.
const (
	embeddedTaxonomyFileSum = "486587bd47a3da96377ab648615c935f52f4b974d8a0f780b1cac0c8177dd1ca"
	embeddedTaxonomySum     = "084d62ff16b3816657d8f6334d34ee09bac90b1200b521bb9c0460b3fa7b2dd3"
)
