package normalize

// The embedded taxonomy.yaml's SHA-256 and the fingerprint LoadTaxonomy(nil)
// computes of it (embeddedversion.go). Written by
// go test ./internal/normalize -run TestVersionFollowsOutput -update.
const (
	embeddedTaxonomyFileSum = "004a3749eeb870137526c6e2dc52c66d15027bfd2be9d5245b2029975aeec0d8"
	embeddedTaxonomySum     = "f7889593d5de546280cd37dad1b8e8d14073c3bf6d6de950b6721f6a65217b69"
)
