package normalize

// The embedded taxonomy.yaml's SHA-256 and the fingerprint LoadTaxonomy(nil)
// computes of it (embeddedversion.go). Written by
// go test ./internal/normalize -run TestVersionFollowsOutput -update.
const (
	embeddedTaxonomyFileSum = "8cc2f771f2dede862ee489af3f5de829a9c884d0a6f68f04ce5aa4f92fd8697c"
	embeddedTaxonomySum     = "f89487a07719d939b5dcbb8e56f433a69b8cf7b39d815dfc83d5b04aae582c82"
)
