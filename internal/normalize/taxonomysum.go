package normalize

// The embedded taxonomy.yaml's SHA-256 and the fingerprint LoadTaxonomy(nil)
// computes of it (embeddedversion.go). Written by
// go test ./internal/normalize -run TestVersionFollowsOutput -update.
const (
	embeddedTaxonomyFileSum = "cb6611a6e2ceff9499ef4c2ccdf6c7f4ce1ef1182abb7e0ad45a547201e6fb01"
	embeddedTaxonomySum     = "d0eb90ec5ff20e2f84862e0bcc81319c7ea4e028b367cb8b0069866ee3d91b58"
)
