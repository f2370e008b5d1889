package normalize

// The embedded taxonomy.yaml's SHA-256 and the fingerprint LoadTaxonomy(nil)
// computes of it (embeddedversion.go). Written by
// go test ./internal/normalize -run TestVersionFollowsOutput -update.
const (
	embeddedTaxonomyFileSum = "6f77abe9f3f495e0301ef22ab4050c2add0e08de92670d275bd22387cced6122"
	embeddedTaxonomySum     = "8f9708215dbecc09007786f3afaac6aba7574091daa60ac988232d8e4bceda60"
)
