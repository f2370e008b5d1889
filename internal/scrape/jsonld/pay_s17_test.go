package jsonld

import (
	"math"
	"testing"
)

// TestEuropeanPayAndSwappedRangeS17: the review's "Pay 3" (minValue
// "1,000.50", maxValue "2.000,75") reads as 1000.5-2000.75, not
// 2.00075-1000.5; a range with min > max is NaN, which the pipeline
// drops with a warning (review s17 F11).
func TestEuropeanPayAndSwappedRangeS17(t *testing.T) {
	pay := func(minV, maxV string) []float64 {
		t.Helper()
		page := "<html><head>" + ldBlock(`{"@type":"JobPosting","title":"Pay","identifier":"p","description":"x",
			"baseSalary":{"@type":"MonetaryAmount","currency":"EUR","value":{"@type":"QuantitativeValue","minValue":`+minV+`,"maxValue":`+maxV+`,"unitText":"YEAR"}}}`) + "</head></html>"
		raws, err := decodePage([]byte(page), "text/html", "https://example.com/jobs/p")
		if err != nil {
			t.Fatal(err)
		}
		if len(raws[0].Salary) != 1 {
			t.Fatalf("salary %+v", raws[0].Salary)
		}
		return []float64{raws[0].Salary[0].Min, raws[0].Salary[0].Max}
	}
	if got := pay(`"1,000.50"`, `"2.000,75"`); got[0] != 1000.5 || got[1] != 2000.75 {
		t.Errorf("pay %v, want 1000.5-2000.75", got)
	}
	if got := pay(`100000`, `50000`); !math.IsNaN(got[0]) || !math.IsNaN(got[1]) {
		t.Errorf("min > max: pay %v, want NaN", got)
	}
	if got := pay(`"1.00,0"`, `"1.00,0"`); !math.IsNaN(got[0]) {
		t.Errorf("ambiguous: pay %v, want NaN", got)
	}
}
