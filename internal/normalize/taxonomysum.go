package normalize

// The embedded taxonomy.yaml's SHA-256 and the fingerprint LoadTaxonomy(nil)
// computes of it (embeddedversion.go). Written by
// go test ./internal/normalize -run TestVersionFollowsOutput -update.
const (
	embeddedTaxonomyFileSum = "373af89fc503b2454ace4faa910f674595f991ec2a602a6ed581affcef5550bd"
	embeddedTaxonomySum     = "4c0686c6dd11012495fbefcb822fac9806334799660fd08e5021713619c1d459"
)
