package normalize

// The embedded taxonomy.yaml's SHA-256 and the fingerprint LoadTaxonomy(nil)
// computes of it (embeddedversion.go). Written by
// go test ./internal/normalize -run TestVersionFollowsOutput -update.
const (
	embeddedTaxonomyFileSum = "0255a0a999a4ce81e1701efeb6c91fb2b561a3a5af8a3a130a14433e2bc1e535"
	embeddedTaxonomySum     = "268da36702532eab48c9a289440ae6283126f044fda9afabbef336bee8eb43ef"
)
