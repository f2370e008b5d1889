package normalize

// The embedded taxonomy.yaml's SHA-256 and the fingerprint LoadTaxonomy(nil)
// computes of it (embeddedversion.go). Written by
// go test ./internal/normalize -run TestVersionFollowsOutput -update.
const (
	embeddedTaxonomyFileSum = "348bb741b67c542d92af1c154a7225e29f92d7bbee4e2c0ad8feefcb2de60078"
	embeddedTaxonomySum     = "a9e2304684ce852174405b243e52af000af30d20c1253d7511178f7a0e65a4ce"
)
