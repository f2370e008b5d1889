package normalize

// The embedded taxonomy.yaml's SHA-256 and the fingerprint LoadTaxonomy(nil)
// computes of it (embeddedversion.go). Written by
// go test ./internal/normalize -run TestVersionFollowsOutput -update.
const (
	embeddedTaxonomyFileSum = "6b2b04bab5c1783fdcc879de396c2285ac7ec26de29d237e1d31f1bbd9a668fa"
	embeddedTaxonomySum     = "4faab55c7268d52798ef0641876dc80dc6107523e77b87d0f69f2ca82ea91315"
)
