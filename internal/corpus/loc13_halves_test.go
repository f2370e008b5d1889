package corpus

import (
	"crypto/sha256"
	"fmt"
	"strings"
	"testing"
)

// companyHalfSeed is the fixed seed of the by-company dev halves
// (CompanyHalfOf). Frozen: changing it would move studied companies.
const companyHalfSeed = "loc13-company-halves-2026-12-02"

// CompanyHalfOf is a dev company's half, "a" or "b": SHA-256 of the seed,
// ":" and the lowered company name, first byte below 128 is a. All the
// postings of one company land in one half, so that a company's template
// text never sits on both sides of the cross-check.
func companyHalfOf(company string) string {
	sum := sha256.Sum256([]byte(companyHalfSeed + ":" + strings.ToLower(strings.TrimSpace(company))))
	if sum[0] < 128 {
		return "a"
	}
	return "b"
}

// TestDevCompanyHalvesFields prints the exact-match figures of the fields of
// the location, education, role and years rules for the two dev halves
// split by company: a change that helps one half only is tuned to that
// half's postings.
//
//	go test ./internal/corpus -run TestDevCompanyHalvesFields -v
func TestDevCompanyHalvesFields(t *testing.T) {
	e, _ := sharedEval()
	var ms [2]Metrics
	companies := [2]map[string]bool{{}, {}}
	for _, r := range e.Results {
		if r.Part() != "dev" {
			continue
		}
		i := 0
		if companyHalfOf(r.Company) == "b" {
			i = 1
		}
		ms[i].Add(r)
		companies[i][strings.ToLower(strings.TrimSpace(r.Company))] = true
	}
	for c := range companies[0] {
		if companies[1][c] {
			t.Errorf("company %q in both halves", c)
		}
	}
	n := ms[0].Postings + ms[1].Postings
	if ms[0].Postings*100 < 25*n || ms[1].Postings*100 < 25*n {
		t.Fatalf("halves of %d and %d postings", ms[0].Postings, ms[1].Postings)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%-10s %22s %22s\n", "field", "half a", "half b")
	fmt.Fprintf(&b, "%-10s %22s %22s\n", "companies", fmt.Sprint(len(companies[0])), fmt.Sprint(len(companies[1])))
	for _, f := range []string{"locations", "education", "role", "years", "levels"} {
		cell := func(m Metrics) string {
			return fmt.Sprintf("%.3f (%d/%d)", m.Accuracy(f), m.Exact[f], m.Postings)
		}
		fmt.Fprintf(&b, "%-10s %22s %22s\n", f, cell(ms[0]), cell(ms[1]))
	}
	t.Logf("dev halves by company (seed %q):\n%s", companyHalfSeed, b.String())
}
