package normalize

// The embedded taxonomy.yaml's SHA-256 and the fingerprint LoadTaxonomy(nil)
// computes of it (embeddedversion.go). Written by
// go test ./internal/normalize -run TestVersionFollowsOutput -update.
const (
	embeddedTaxonomyFileSum = "86898881936795f1e1f6d226f06eacd83c48dd1e1ef72ea2f65f18ff058e881f"
	embeddedTaxonomySum     = "590901d15dc6a95c7ee68a470306fa6a9a61950ed6c79f28ac138ba00cee8b09"
)
