package scrape

import (
	"math"
	"testing"
)

// Re-read s18: a figure at the end of a sentence ("$120,000.") was read
// as NaN (a decimal mark with no decimals after a thousands separator)
// and the pay dropped with a warning.
func TestPayNumberSentenceEndS19(t *testing.T) {
	for in, want := range map[string]float64{
		"$120,000.":  120000,
		"95000.":     95000,
		"2.000,75.":  2000.75,
		"1 000 000.": 1e6,
	} {
		got, ok := PayNumber(in)
		if !ok || got != want {
			t.Errorf("PayNumber(%q) = %v, %v; want %v", in, got, ok, want)
		}
	}
	for _, in := range []string{".", ",", "1.00,0.", "12,34,5."} {
		if got, ok := PayNumber(in); ok && !math.IsNaN(got) {
			t.Errorf("PayNumber(%q) = %v, want no reading", in, got)
		}
	}
}
