package normalize

// The embedded taxonomy.yaml's SHA-256 and the fingerprint LoadTaxonomy(nil)
// computes of it (embeddedversion.go). Written by
// go test ./internal/normalize -run TestVersionFollowsOutput -update.
const (
	embeddedTaxonomyFileSum = "0bf228b77b84ffd2dff5aeb771138b7c26144f1a060206a53956c73605dec917"
	embeddedTaxonomySum     = "2e95692118fe41394f5d3c2b97846589f5d86576ae313a716458cc7450786e85"
)
