package normalize

import (
	"slices"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// A currency code after a "$" amount says which dollar, whatever the
// role's country (dev cjr-samsara-senior-security-operations-engineer-i,
// "Remote - Canada" with "$135,481—$227,700 USD"); a bare "$" still takes
// the dollar of the role's country.
func TestDollarNamedAfterAmountS26(t *testing.T) {
	tests := []struct {
		text, country string
		want          model.Salary
	}{
		{"Annual Base Salary\n$135,481—$227,700 USD\n", "CAD", model.Salary{Min: 135481, Max: 227700, Currency: "USD", Period: "year"}},
		{"Salary: $90,000 - $120,000 CAD per year", "", model.Salary{Min: 90000, Max: 120000, Currency: "CAD", Period: "year"}},
		{"Salary: $90,000 USD", "AUD", model.Salary{Min: 90000, Max: 90000, Currency: "USD", Period: "year"}},
		{"Salary: $90,000 - $120,000", "CAD", model.Salary{Min: 90000, Max: 120000, Currency: "CAD", Period: "year"}},
		{"Salary: $90,000 - $120,000", "", model.Salary{Min: 90000, Max: 120000, Currency: "USD", Period: "year"}},
	}
	for _, tt := range tests {
		got := salaries(tt.text, tt.country)
		if !slices.Equal(got, []model.Salary{tt.want}) {
			t.Errorf("salaries(%q, %q) = %+v, want %+v", tt.text, tt.country, got, tt.want)
		}
	}
}
