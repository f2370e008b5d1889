package normalize

// The embedded taxonomy.yaml's SHA-256 and the fingerprint LoadTaxonomy(nil)
// computes of it (embeddedversion.go). Written by
// go test ./internal/normalize -run TestVersionFollowsOutput -update.
const (
	embeddedTaxonomyFileSum = "6559661652315a9e2b5cc3b75a30efda6a799e0c84dbadc3c4a52ee9ac6468ad"
	embeddedTaxonomySum     = "cabb3fcabbc7359f8049c40934e556d1f8445d45b04f54bdd36f357a3820976d"
)
