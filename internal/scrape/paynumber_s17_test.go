package scrape

import (
	"encoding/json"
	"math"
	"testing"
)

// TestPayNumberEuropeanFormsS17: pay text with both '.' and ',' is read
// in the way its separators allow (review s17 F11: "2.000,75" was 2.00075);
// a figure with no single reading is NaN (dropped with a warning).
func TestPayNumberEuropeanFormsS17(t *testing.T) {
	nan := math.NaN()
	for in, want := range map[string]float64{
		"2.000,75": 2000.75, "1.000.000": 1e6, "1,000.50": 1000.5, "120,000": 120000, "$95000.00": 95000,
		"€ 60.000,00": 60000, "1 000 000": 1e6, "1000,50": 1000.5, "1,00,000": 100000, "2.000": 2, "12'000": 12000,
		"1.00,0.5": nan, "12,34,5": nan, "1,000,00": nan, "1.000,000,5": nan, "1,000.000,5": nan, "1.0.0": nan, "1 00": nan,
	} {
		got, ok := PayNumber(in)
		if !ok || got != want && !(math.IsNaN(want) && math.IsNaN(got)) {
			t.Errorf("PayNumber(%q) = %v, %v; want %v", in, got, ok, want)
		}
	}
	for _, in := range []string{"competitive", "50k", "-5", "", "$"} {
		if _, ok := PayNumber(in); ok {
			t.Errorf("PayNumber(%q) is a figure", in)
		}
	}
	var a Amount
	if err := json.Unmarshal([]byte(`"2.000,75"`), &a); err != nil || a != 2000.75 {
		t.Errorf("Amount \"2.000,75\" = %v, %v", a, err)
	}
	if err := json.Unmarshal([]byte(`"1.00,0"`), &a); err != nil || !math.IsNaN(float64(a)) {
		t.Errorf("Amount \"1.00,0\" = %v, %v, want NaN", a, err)
	}
}

// TestPayRangeMinAboveMaxS17: a range with min > max is no reading of the
// pay (NaN, dropped with a warning), not swapped silently (review s17 F11).
func TestPayRangeMinAboveMaxS17(t *testing.T) {
	if lo, hi := PayRange(100000, 50000); !math.IsNaN(lo) || !math.IsNaN(hi) {
		t.Errorf("PayRange(100000, 50000) = %v, %v", lo, hi)
	}
	for _, r := range [][2]float64{{50000, 100000}, {0, 5}, {5, 0}, {7, 7}} {
		if lo, hi := PayRange(r[0], r[1]); lo != r[0] || hi != r[1] {
			t.Errorf("PayRange(%v, %v) = %v, %v", r[0], r[1], lo, hi)
		}
	}
}
