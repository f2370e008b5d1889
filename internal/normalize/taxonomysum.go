package normalize

// The embedded taxonomy.yaml's SHA-256 and the fingerprint LoadTaxonomy(nil)
// computes of it (embeddedversion.go). Written by
// go test ./internal/normalize -run TestVersionFollowsOutput -update.
const (
	embeddedTaxonomyFileSum = "87165234b6810ec9d1fc78fd4ac8c2fafbcb387ca7bf4f471a30459e4539e9a5"
	embeddedTaxonomySum     = "db97544d1b166b4022a48f350101f437458e4d3223e1d7e8f545e2307dcd19e3"
)
