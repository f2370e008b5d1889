package normalize

// The embedded taxonomy.yaml's SHA-256 and the fingerprint LoadTaxonomy(nil)
// computes of it (embeddedversion.go). Written by
// go test ./internal/normalize -run TestVersionFollowsOutput -update.
const (
	embeddedTaxonomyFileSum = "4faffdcc9512eb799c62dbd94d71b08dcd9c49e6d45715b254d76d5ab422b62c"
	embeddedTaxonomySum     = "86db591c81a7210696f5bc0ded60fea38e78b598299998ddd1683baec5ec70ea"
)
