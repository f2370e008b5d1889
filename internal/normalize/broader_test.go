package normalize

import (
	"slices"
	"testing"
)

// TestBroaderAgreesWithTheTaxonomy: Broader's light read of the embedded
// file gives every entry's parent as the loaded taxonomy has it, and the
// chain of a two-step entry.
func TestBroaderAgreesWithTheTaxonomy(t *testing.T) {
	tax, err := LoadTaxonomy(nil)
	if err != nil {
		t.Fatal(err)
	}
	withParent := 0
	for _, s := range tax.skills {
		b := Broader(s.Name)
		p := tax.Parent(s.Name)
		if p == "" {
			if len(b) != 0 {
				t.Errorf("%s: Broader %v, the taxonomy has no parent", s.Name, b)
			}
			continue
		}
		withParent++
		if len(b) == 0 || b[0] != p {
			t.Errorf("%s: Broader %v, want %s first", s.Name, b, p)
		}
	}
	if withParent < 10 {
		t.Fatalf("only %d entries with a parent: the taxonomy's parent links were not read", withParent)
	}
	if got := Broader("PyTorch Lightning"); !slices.Equal(got, []string{"PyTorch"}) {
		t.Errorf("PyTorch Lightning: %v", got)
	}
	if got := Broader("no such skill"); got != nil {
		t.Errorf("unknown skill: %v", got)
	}
}
