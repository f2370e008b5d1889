package normalize

// The embedded taxonomy.yaml's SHA-256 and the fingerprint LoadTaxonomy(nil)
// computes of it (embeddedversion.go). Written by
// go test ./internal/normalize -run TestVersionFollowsOutput -update.
const (
	embeddedTaxonomyFileSum = "4d0e78b87f0503272855c593163b16b8f7138cf51d10d925d0bd350ce49ec439"
	embeddedTaxonomySum     = "489d11c0e083deea1a02406d96de3fa0342aa7b48bb7bfdecab69296e3d71212"
)
