package normalize

import (
	"encoding/json"
	"math"
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// A pay figure is bounded: a number of hundreds of digits (which made
// +Inf, and failed the whole source when its posting was encoded), a
// figure beyond any salary in any currency, or a number in scientific
// notation, is not pay. Plausible pay in currencies of large units is
// still read.
func TestSalaryFiguresAreBounded(t *testing.T) {
	nines := strings.Repeat("9", 400)
	groups := "999" + strings.Repeat(",999", 130)
	for _, text := range []string{
		"Salary: $" + nines + " per year.",
		"Salary: $" + groups + " per year.",
		"Salary: $100,000 - $" + nines + " per year.",
		"Salary: $" + nines + "K per year.",
		"Salary: $9999999999999999999999999 per year.",
		"Salary: $2,000,000,000,000 per year.",
		"Salary: USD 1.5 - 2000000000000k per year.",
		"Pay: $1e309/hour.",
		"Pay: $1E6 per year.",
	} {
		got := Salaries(text)
		if len(got) != 0 {
			t.Errorf("%.60q: read as pay %+v, want none", text, got)
		}
		if _, err := json.Marshal(got); err != nil {
			t.Errorf("%.60q: %v", text, err)
		}
	}
	for text, want := range map[string]model.Salary{
		"Salary: $100,000 - $150,000 per year.":  {Min: 100000, Max: 150000, Currency: "USD", Period: "year"},
		"연봉 ₩80,000,000 - ₩120,000,000 per year": {Min: 80000000, Max: 120000000, Currency: "KRW", Period: "year"},
		"Gaji IDR 900,000,000 per year":          {Min: 900000000, Max: 900000000, Currency: "IDR", Period: "year"},
	} {
		got := Salaries(text)
		if len(got) != 1 || got[0] != want {
			t.Errorf("%q: %+v, want %+v", text, got, want)
		}
	}
}

// PlausibleSalary is the bound the structured pay of a platform is held
// to as well: finite, not negative, at most MaxPay.
func TestPlausibleSalary(t *testing.T) {
	for _, s := range []model.Salary{
		{Min: math.Inf(1), Max: math.Inf(1)},
		{Min: math.NaN(), Max: 100000},
		{Min: 100000, Max: math.NaN()},
		{Min: -1, Max: 100000},
		{Min: 1e308, Max: 1.7e308},
		{Min: 100000, Max: MaxPay * 2},
	} {
		if PlausibleSalary(s) {
			t.Errorf("%+v: plausible", s)
		}
	}
	for _, s := range []model.Salary{
		{Min: 100000, Max: 150000},
		{Min: 0, Max: 150000},
		{Min: 45.5, Max: 0},
		{Min: 1e9, Max: MaxPay},
	} {
		if !PlausibleSalary(s) {
			t.Errorf("%+v: not plausible", s)
		}
	}
}
