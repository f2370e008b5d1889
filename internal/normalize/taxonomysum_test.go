package normalize

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"testing"
)

// TestVersionFollowsOutputTaxonomySum keeps taxonomysum.go's record of the
// embedded taxonomy true, so that EmbeddedVersion skips the YAML decode:
// the recorded file hash is taxonomy.yaml's, and the recorded fingerprint is
// what LoadTaxonomy(nil) computes of it. Its name starts with
// TestVersionFollowsOutput so that the command that records a new rules
// version (-run TestVersionFollowsOutput -update) rewrites it too.
func TestVersionFollowsOutputTaxonomySum(t *testing.T) {
	tax, err := LoadTaxonomy(nil)
	if err != nil {
		t.Fatal(err)
	}
	h := sha256.Sum256(taxonomyYAML)
	file := hex.EncodeToString(h[:])
	if *update {
		src := fmt.Sprintf(`package normalize

// The embedded taxonomy.yaml's SHA-256 and the fingerprint LoadTaxonomy(nil)
// computes of it (embeddedversion.go). Written by
// go test ./internal/normalize -run TestVersionFollowsOutput -update.
const (
	embeddedTaxonomyFileSum = %q
	embeddedTaxonomySum     = %q
)
`, file, tax.sum)
		if err := os.WriteFile("taxonomysum.go", []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	const record = "record it with go test ./internal/normalize -run TestVersionFollowsOutput -update"
	if file != embeddedTaxonomyFileSum {
		t.Errorf("taxonomy.yaml's SHA-256 is %s, taxonomysum.go records %q: %s", file, embeddedTaxonomyFileSum, record)
	}
	if tax.sum != embeddedTaxonomySum {
		t.Errorf("the embedded taxonomy's fingerprint is %s, taxonomysum.go records %q: %s", tax.sum, embeddedTaxonomySum, record)
	}
}

// TestEmbeddedVersionIsVersionOfLoaded: the version worked out without the
// decode is the one the loaded taxonomy and a compiled normalizer give.
func TestEmbeddedVersionIsVersionOfLoaded(t *testing.T) {
	tax, err := LoadTaxonomy(nil)
	if err != nil {
		t.Fatal(err)
	}
	want := VersionOf(tax)
	if got := EmbeddedVersion(); got != want {
		t.Errorf("EmbeddedVersion() = %s, VersionOf(LoadTaxonomy(nil)) = %s", got, want)
	}
	if got := VersionOf(nil); got != want {
		t.Errorf("VersionOf(nil) = %s, want %s", got, want)
	}
	if got := New(tax).Version(); got != want {
		t.Errorf("New(LoadTaxonomy(nil)).Version() = %s, want %s", got, want)
	}
	extra, err := LoadTaxonomy([]SkillDef{{Name: "Perf5 Test Skill", Category: "Tools", Aliases: []string{"perf5skill"}}})
	if err != nil {
		t.Fatal(err)
	}
	if VersionOf(extra) == want {
		t.Errorf("an extra skill left the version at %s", want)
	}
}
