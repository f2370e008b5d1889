package normalize

// The embedded taxonomy.yaml's SHA-256 and the fingerprint LoadTaxonomy(nil)
// computes of it (embeddedversion.go). Written by
// go test ./internal/normalize -run TestVersionFollowsOutput -update.
const (
	embeddedTaxonomyFileSum = "a50f40c703bc999af8c24c4e98f0dd56ed42f4da160fcbea2283347efd86582c"
	embeddedTaxonomySum     = "b577922e2f5ff8eb1d0f2aa8bda38b10c027ba99ffa04bd02fcadc29b538e9f5"
)
