package normalize

// The embedded taxonomy.yaml's SHA-256 and the fingerprint LoadTaxonomy(nil)
// computes of it (embeddedversion.go). Written by
// go test ./internal/normalize -run TestVersionFollowsOutput -update.
const (
	embeddedTaxonomyFileSum = "71e71200c0b95d786c0ac7ddb5aaf5e7d9654a851d7939c02a056e43da59bbea"
	embeddedTaxonomySum     = "c7ae1b3bbb5e66e23864eb0a5ad018ba6166b7429fc729ee8aa4b23ba5e3cb2d"
)
