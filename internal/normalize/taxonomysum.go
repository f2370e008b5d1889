package normalize

// The embedded taxonomy.yaml's SHA-256 and the fingerprint LoadTaxonomy(nil)
// computes of it (embeddedversion.go). Written by
// go test ./internal/normalize -run TestVersionFollowsOutput -update.
const (
	embeddedTaxonomyFileSum = "9a4909e6b0a2c17fb29dbd0a3c7c84c3e9beb0f10bdbcdf3f38c78f45ca1ec84"
	embeddedTaxonomySum     = "71be3ffd5f5ace8f6ace8f480a80844b30130493b2f6feacd31602015ba03505"
)
