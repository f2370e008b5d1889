package normalize

// The embedded taxonomy.yaml's SHA-256 and the fingerprint LoadTaxonomy(nil)
// computes of it (embeddedversion.go). Written by
// go test ./internal/normalize -run TestVersionFollowsOutput -update.
const (
	embeddedTaxonomyFileSum = "0c2e163634b9c4882ba8cc6987fd333894493d10a111d4af4253694c1ad73ca8"
	embeddedTaxonomySum     = "9a828226038d81f97313a362c41c2600dbb295fa4b327647c76ba08ab625d656"
)
