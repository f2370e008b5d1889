package normalize

// The embedded taxonomy.yaml's SHA-256 and the fingerprint LoadTaxonomy(nil)
// computes of it (embeddedversion.go). Written by
// go test ./internal/normalize -run TestVersionFollowsOutput -update.
const (
	embeddedTaxonomyFileSum = "f5d2a3e7308f5f2c002eafe70b8776e4e7b5780705010320b254fbca272da117"
	embeddedTaxonomySum     = "97694ee61f3922b496005385f0816d0eadf0493151fe354088c786fb8fb68681"
)
