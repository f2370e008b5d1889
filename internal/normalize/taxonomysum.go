package normalize

// The embedded taxonomy.yaml's SHA-256 and the fingerprint LoadTaxonomy(nil)
// computes of it (embeddedversion.go). Written by
// go test ./internal/normalize -run TestVersionFollowsOutput -update.
const (
	embeddedTaxonomyFileSum = "ee65aa654fcd4f415df877a7ece0b04704a4b429755a17d69ffb24285e82c62c"
	embeddedTaxonomySum     = "b60b19e787bc37fd275f8dcf7d96bd78ecde0baa7e8b242de166e19a06d88ca1"
)
