package normalize

// The embedded taxonomy.yaml's SHA-256 and the fingerprint LoadTaxonomy(nil)
// computes of it (embeddedversion.go). Written by
// go test ./internal/normalize -run TestVersionFollowsOutput -update.
const (
	embeddedTaxonomyFileSum = "3b4c4139bab8cc86766de8c9e04bd05857ffcd1f446fc82fcb4a37f4c40f1868"
	embeddedTaxonomySum     = "d8f09fec57d4b60422e37542336ba0964c5e9c1b56b0f2a7e0d7058cabf6f0bb"
)
