package normalize

// The embedded taxonomy.yaml's SHA-256 and the fingerprint LoadTaxonomy(nil)
// computes of it (embeddedversion.go). Written by
// go test ./internal/normalize -run TestVersionFollowsOutput -update.
const (
	embeddedTaxonomyFileSum = "309faf85d851140a4914edd38144caa3f0cb8b8883226be5eb62709ffabba676"
	embeddedTaxonomySum     = "2d0bd598c7c940d182ba771efe3df147f969e9b9b3716c083e43b5759cf8e963"
)
