package normalize

// The embedded taxonomy.yaml's SHA-256 and the fingerprint LoadTaxonomy(nil)
// computes of it (embeddedversion.go). Written by
// go test ./internal/normalize -run TestVersionFollowsOutput -update.
const (
	embeddedTaxonomyFileSum = "1ffafc63a4cec6af965bccc6ad67913350d7dd4ac96cb348d227708993f9ea3f"
	embeddedTaxonomySum     = "7f59779e0041723c8b77838d8c66fb7d2d495bec69d52a6affcabffd2a1117ed"
)
