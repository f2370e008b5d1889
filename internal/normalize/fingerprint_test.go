package normalize

import "testing"

// VersionOf is the version New compiles, for the embedded taxonomy and one
// with extra skills, and an extra skill changes it.
func TestVersionOfIsNewsVersion(t *testing.T) {
	extra, err := LoadTaxonomy([]SkillDef{{Name: "Frobnicator", Category: "Tools", Aliases: []string{"frobnicator"}}})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := VersionOf(nil), New(nil).Version(); got != want {
		t.Fatalf("embedded: VersionOf %q, New %q", got, want)
	}
	if got, want := VersionOf(extra), New(extra).Version(); got != want {
		t.Fatalf("extra: VersionOf %q, New %q", got, want)
	}
	if VersionOf(extra) == VersionOf(nil) {
		t.Fatal("an extra skill did not change the version")
	}
}
