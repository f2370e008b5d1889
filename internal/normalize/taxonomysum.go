package normalize

// The embedded taxonomy.yaml's SHA-256 and the fingerprint LoadTaxonomy(nil)
// computes of it (embeddedversion.go). Written by
// go test ./internal/normalize -run TestVersionFollowsOutput -update.
const (
	embeddedTaxonomyFileSum = "d3d40d44fc84bdd08adeef2a34d5a3125bee21d640951c1087a06e8053ee8b64"
	embeddedTaxonomySum     = "c522c9c7cbabcbb02217ecdc09a83aa17d9566210963ac87c79b95c4317ca95c"
)
