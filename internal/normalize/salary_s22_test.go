package normalize

import (
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// TestPayForms_s22: pay written as other countries write it (issue 9 item
// 5: currency only by the country, ranges with words). No dev document
// writes these forms; the sentences are written after real ads of the
// countries.
func TestPayForms_s22(t *testing.T) {
	n := New(nil)
	tests := []struct {
		loc, text string
		want      []model.Salary
	}{
		// the Indian grouping by lakhs ("12,00,000" is 1.2 million, not
		// 12 and 0 and 0)
		{"Bangalore, India", "Salary: ₹12,00,000 - ₹18,00,000 per annum",
			[]model.Salary{{Min: 1200000, Max: 1800000, Currency: "INR", Period: "year"}}},
		{"Bangalore, India", "CTC: INR 1,20,00,000 per annum",
			[]model.Salary{{Min: 12000000, Max: 12000000, Currency: "INR", Period: "year"}}},
		// Dutch "tussen de X en Y" is one range
		{"Amsterdam", "Salaris: tussen de €3.500 en €5.000 bruto per maand.",
			[]model.Salary{{Min: 3500, Max: 5000, Currency: "EUR", Period: "month"}}},
		// the currency by the country, the pay word Spanish or Italian
		{"Madrid, Spain", "Banda salarial: 35-45K",
			[]model.Salary{{Min: 35000, Max: 45000, Currency: "EUR", Period: "year"}}},
		{"Milan", "Offriamo:\n- RAL 40-50k.",
			[]model.Salary{{Min: 40000, Max: 50000, Currency: "EUR", Period: "year"}}},
		// not pay: French "salariés" are employees
		{"Paris, France", "Entreprise de 45 000 salariés dans le monde.", nil},
		// not pay: "ral" inside a word
		{"Milan", "Esperienza nel settore generale 40-50k utenti.", nil},
	}
	for _, tt := range tests {
		p := n.Normalize("s", "c", model.Raw{ID: "1", Title: "Data Engineer", Locations: []string{tt.loc}, DescriptionText: tt.text})
		if len(p.Salary) != len(tt.want) {
			t.Errorf("%q -> %+v, want %+v", tt.text, p.Salary, tt.want)
			continue
		}
		for i := range tt.want {
			if p.Salary[i] != tt.want[i] {
				t.Errorf("%q -> %+v, want %+v", tt.text, p.Salary, tt.want)
			}
		}
	}
}
