package normalize

// The embedded taxonomy.yaml's SHA-256 and the fingerprint LoadTaxonomy(nil)
// computes of it (embeddedversion.go). Written by
// go test ./internal/normalize -run TestVersionFollowsOutput -update.
const (
	embeddedTaxonomyFileSum = "9854e7838407843a2128b944776767afe25bc3cfe9842d4c0cde8d1b87215258"
	embeddedTaxonomySum     = "d44a6f7492f9d44555fa12c6bef6e63e649d27b6a7b0b7c32ef086d557412626"
)
