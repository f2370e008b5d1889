package filter

import (
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// A snapshot stored before pay was bounded may hold 1.7e308 an hour: that
// is no pay, not +Inf a year that passes every min_pay (review of the
// pay bounds).
func TestYearlyMaxIgnoresImplausiblePay(t *testing.T) {
	ss := []model.Salary{{Currency: "USD", Min: 1.7e308, Max: 1.7e308, Period: "hour"}}
	if got := YearlyMax(ss, "USD"); got != 0 {
		t.Fatalf("YearlyMax of 1.7e308/hour = %v, want 0 (no pay)", got)
	}
	ss = append(ss, model.Salary{Currency: "USD", Min: 100000, Max: 150000, Period: "year"})
	if got := YearlyMax(ss, "USD"); got != 150000 {
		t.Fatalf("YearlyMax beside a plausible range = %v, want 150000", got)
	}
}
