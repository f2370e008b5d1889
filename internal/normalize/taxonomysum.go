package normalize

// The embedded taxonomy.yaml's SHA-256 and the fingerprint LoadTaxonomy(nil)
// computes of it (embeddedversion.go). Written by
// go test ./internal/normalize -run TestVersionFollowsOutput -update.
const (
	embeddedTaxonomyFileSum = "1bc392ef2eab0c7afdc53482630009b724da5e0dfdc9251b1af6e2bc795d7a4d"
	embeddedTaxonomySum     = "3a1ae5bd6d7ad220e81f352cb2862f57759c747327339fa00049420456484631"
)
