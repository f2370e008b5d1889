package corpus

import (
	"crypto/sha256"
	"fmt"
	"sort"
	"strings"
)

// CompanyHalfOf is a company's dev half, "A" or "B", by a frozen hash of its
// folded name (SHA-256 of Seed + ":company-half:" + name, first byte below
// 128 is A). Unlike HalfOf (by document), every posting of one company sits
// in one half, so a rule fitted to one company's template shows up as a gap
// between the halves: the dev-only stand-in for the test part's "new
// companies" column.
func CompanyHalfOf(company string) string {
	sum := sha256.Sum256([]byte(Seed + ":company-half:" + companyKey(company)))
	if sum[0] < 128 {
		return "A"
	}
	return "B"
}

func companyKey(c string) string { return strings.ToLower(strings.TrimSpace(c)) }

// CompanyHalf is the metrics of the dev postings of company half "A" or "B".
func (e Eval) CompanyHalf(half string) Metrics {
	var m Metrics
	for _, r := range e.Results {
		if r.Part() == "dev" && CompanyHalfOf(r.Company) == half {
			m.Add(r)
		}
	}
	return m
}

// devCompanySizes counts the dev postings of each company.
func (e Eval) devCompanySizes() map[string]int {
	n := map[string]int{}
	for _, r := range e.Results {
		if r.Part() == "dev" {
			n[companyKey(r.Company)]++
		}
	}
	return n
}

// CompanyHalfTable renders the dev part by company half (A, B) and by how
// many dev postings a company has (one, two to four, five or more: a
// company with many is where template rules hide): postings, companies,
// skills F1, precision, recall, and where the labelled skills that were
// not found went (found as mentioned, in the other bucket, not at all),
// then the exact share of the other fields.
func (e Eval) CompanyHalfTable() string {
	sizes := e.devCompanySizes()
	group := func(name string, keep func(Result) bool) (string, Metrics, int) {
		var m Metrics
		cos := map[string]bool{}
		for _, r := range e.Results {
			if r.Part() == "dev" && keep(r) {
				m.Add(r)
				cos[companyKey(r.Company)] = true
			}
		}
		return name, m, len(cos)
	}
	bySize := func(lo, hi int) func(Result) bool {
		return func(r Result) bool { n := sizes[companyKey(r.Company)]; return n >= lo && n <= hi }
	}
	type row struct {
		name string
		m    Metrics
		cos  int
	}
	var rows []row
	for _, g := range []struct {
		name string
		keep func(Result) bool
	}{
		{"half A", func(r Result) bool { return CompanyHalfOf(r.Company) == "A" }},
		{"half B", func(r Result) bool { return CompanyHalfOf(r.Company) == "B" }},
		{"1 posting/co", bySize(1, 1)},
		{"2-4 postings/co", bySize(2, 4)},
		{"5+ postings/co", bySize(5, 1<<30)},
	} {
		n, m, c := group(g.name, g.keep)
		rows = append(rows, row{n, m, c})
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%-16s %5s %4s %6s %6s %6s %9s %9s %9s %5s\n", "dev group", "posts", "cos", "F1", "P", "R", "mentioned", "misplaced", "not found", "FP")
	for _, r := range rows {
		m := r.m
		notFound := m.FN - m.Mentioned - m.Misplaced
		fmt.Fprintf(&b, "%-16s %5d %4d %6.3f %6.3f %6.3f %9.3f %9.3f %9.3f %5d\n", r.name, m.Postings, r.cos, m.F1(), m.Precision(), m.Recall(),
			ratio(m.Mentioned, m.Labelled), m.MisplacedRate(), ratio(notFound, m.Labelled), m.FP)
	}
	fmt.Fprintf(&b, "\n%-16s", "exact share")
	for _, f := range Fields {
		fmt.Fprintf(&b, " %9s", f)
	}
	b.WriteString("\n")
	for _, r := range rows {
		fmt.Fprintf(&b, "%-16s", r.name)
		for _, f := range Fields {
			fmt.Fprintf(&b, " %9.3f", r.m.Accuracy(f))
		}
		b.WriteString("\n")
	}
	return b.String()
}

// CompanyHalfLanguageTable renders skills F1 per labelled language for the
// two company halves of the dev part.
func (e Eval) CompanyHalfLanguageTable() string {
	per := map[string]map[string]*Metrics{"A": {}, "B": {}}
	langs := map[string]bool{}
	for _, r := range e.Results {
		if r.Part() != "dev" {
			continue
		}
		h, l := CompanyHalfOf(r.Company), r.Label.Language
		if per[h][l] == nil {
			per[h][l] = &Metrics{}
		}
		per[h][l].Add(r)
		langs[l] = true
	}
	var ls []string
	for l := range langs {
		ls = append(ls, l)
	}
	sort.Strings(ls)
	cell := func(m *Metrics) string {
		if m == nil {
			return "-"
		}
		return f1Cell(*m)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%-10s %20s %20s\n", "language", "half A F1 (posts)", "half B F1 (posts)")
	for _, l := range ls {
		fmt.Fprintf(&b, "%-10s %20s %20s\n", l, cell(per["A"][l]), cell(per["B"][l]))
	}
	return b.String()
}
