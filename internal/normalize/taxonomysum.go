package normalize

// The embedded taxonomy.yaml's SHA-256 and the fingerprint LoadTaxonomy(nil)
// computes of it (embeddedversion.go). Written by
// go test ./internal/normalize -run TestVersionFollowsOutput -update.
const (
	embeddedTaxonomyFileSum = "f7b92f6d05e01ec642a9a57f3d3c26ffb0898c5a098db4ede1d8bd69e4efa21c"
	embeddedTaxonomySum     = "e039785e70cffaa71ea9cdb795f3e69b7b2eab52a1cb8cd9e14df652d516f428"
)
