package normalize

// The embedded taxonomy.yaml's SHA-256 and the fingerprint LoadTaxonomy(nil)
// computes of it (embeddedversion.go). Written by
// go test ./internal/normalize -run TestVersionFollowsOutput -update.
const (
	embeddedTaxonomyFileSum = "6965ca13d0cf9420c63976bb6be9bff2c512e2123d511b1a3e4aa9e53111ea1c"
	embeddedTaxonomySum     = "0932353335b0d7f8acf1eb608653346d704142141de5be376a8cde9415ae84e8"
)
