package normalize

import "testing"

// BenchmarkBroader asks for the broader entries of every skill of the
// embedded taxonomy (what a filter on skills does for a posting's skills).
func BenchmarkBroader(b *testing.B) {
	tax, err := LoadTaxonomy(nil)
	if err != nil {
		b.Fatal(err)
	}
	Broader("") // the parents read once, outside the loop
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		for _, s := range tax.skills {
			n += len(Broader(s.Name))
		}
	}
	b.ReportMetric(float64(len(tax.skills)), "skills/op")
}
