package normalize

// The embedded taxonomy.yaml's SHA-256 and the fingerprint LoadTaxonomy(nil)
// computes of it (embeddedversion.go). Written by
// go test ./internal/normalize -run TestVersionFollowsOutput -update.
const (
	embeddedTaxonomyFileSum = "070afd81b1bb8d1d9671657d557fbbe951e657fcb3c9bb347d21fb57d46ea426"
	embeddedTaxonomySum     = "6f58743ce8745efcd43a4ff8909e9bd22a4299fb9719505d92e7a492cab48e13"
)
