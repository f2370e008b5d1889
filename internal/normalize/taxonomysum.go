package normalize

// The embedded taxonomy.yaml's SHA-256 and the fingerprint LoadTaxonomy(nil)
// computes of it (embeddedversion.go). Written by
// go test ./internal/normalize -run TestVersionFollowsOutput -update.
const (
	embeddedTaxonomyFileSum = "38e6ed6f47efc21799c8c9d539fa6e991f65a718da3297d7e874401428ddaff3"
	embeddedTaxonomySum     = "128209bb9d4804819e9eecb97f117d87a86ddcd0379d83f80f33885029c9c18e"
)
