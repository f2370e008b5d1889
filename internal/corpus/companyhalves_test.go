package corpus

import (
	"strings"
	"testing"
)

// TestDevCompanyHalves prints the dev part split in two halves by company
// (CompanyHalfOf) and by company size: a change that helps one half only,
// or only the companies with many postings, fits templates rather than
// postings.
//
//	go test ./internal/corpus -run TestDevCompanyHalves -v
func TestDevCompanyHalves(t *testing.T) {
	e, _ := sharedEval()
	side := map[string]string{}
	cos := map[string]int{"A": 0, "B": 0}
	for _, r := range e.Results {
		if r.Part() != "dev" {
			continue
		}
		k, h := companyKey(r.Company), CompanyHalfOf(r.Company)
		if prev, ok := side[k]; ok && prev != h {
			t.Fatalf("company %q in both halves", r.Company)
		}
		if _, ok := side[k]; !ok {
			cos[h]++
		}
		side[k] = h
	}
	if n := cos["A"] + cos["B"]; cos["A"]*100 < 35*n || cos["B"]*100 < 35*n {
		t.Fatalf("company halves of %d and %d companies", cos["A"], cos["B"])
	}
	a, b := e.CompanyHalf("A"), e.CompanyHalf("B")
	if dev, _ := e.Part("dev"); a.Postings+b.Postings != dev.Postings || a.TP+b.TP != dev.TP {
		t.Fatalf("halves %d+%d postings, dev %d", a.Postings, b.Postings, dev.Postings)
	}
	t.Logf("dev by company half and company size (%d and %d companies)\n%s\nskills per language by company half\n%s",
		cos["A"], cos["B"], e.CompanyHalfTable(), e.CompanyHalfLanguageTable())
}

func TestCompanyHalfOfFoldsTheName(t *testing.T) {
	if CompanyHalfOf("Tor Project") != CompanyHalfOf("  tor project ") {
		t.Error("a company's half depends on case or spaces")
	}
	n := map[string]int{}
	for _, c := range strings.Fields("a b c d e f g h i j k l m n o p q r s t u v w x y z aa bb cc dd ee ff gg hh ii jj kk ll mm nn oo") {
		n[CompanyHalfOf(c)]++
	}
	if n["A"] < 10 || n["B"] < 10 {
		t.Errorf("halves of 41 names: %v", n)
	}
}
