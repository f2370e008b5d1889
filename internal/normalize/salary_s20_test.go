package normalize

import (
	"reflect"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// Session 20 (issue 9): pay as real postings write it (PROTOCOL.md, Pay):
// the currency given only by the country of the role also for a bare "$"
// (Canadian, Australian dollars), a code before the sign ("AUD $120k"),
// French thousands written with a space ("45 K€"), Spanish "mil", a crown
// repeated before the upper amount ("fra kr 650 000 til kr 800 000"), and
// Polish pay quoted by the month.
func TestPayAsPostingsWriteItS20(t *testing.T) {
	n := New(nil)
	tests := []struct {
		place, text string
		want        []model.Salary
	}{
		{"Toronto, Ontario, Canada", "Salary: $90,000 - $110,000 per year", []model.Salary{{Min: 90000, Max: 110000, Currency: "CAD", Period: "year"}}},
		{"Sydney, Australia", "Salary: AUD $120k - $140k + super", []model.Salary{{Min: 120000, Max: 140000, Currency: "AUD", Period: "year"}}},
		{"Paris, France", "Salaire : 45 K€ - 55 K€ brut annuel", []model.Salary{{Min: 45000, Max: 55000, Currency: "EUR", Period: "year"}}},
		{"Paris, France", "Rémunération : entre 45 et 55 K€ selon profil", []model.Salary{{Min: 45000, Max: 55000, Currency: "EUR", Period: "year"}}},
		{"Madrid, Spain", "Salario: entre 30 y 35 mil euros brutos anuales", []model.Salary{{Min: 30000, Max: 35000, Currency: "EUR", Period: "year"}}},
		{"Oslo, Norway", "Lønn: Fra kr 650 000 til kr 800 000", []model.Salary{{Min: 650000, Max: 800000, Currency: "NOK", Period: "year"}}},
		{"Warsaw, Poland", "Wynagrodzenie: 15 000 - 20 000 zł netto (B2B)", []model.Salary{{Min: 15000, Max: 20000, Currency: "PLN", Period: "month"}}},
		// unchanged: "$" in the US or with no place is the US dollar, a
		// stated period wins, "$3 mil" is no Spanish thousands
		{"Austin, Texas, United States", "The pay range is $120,000 to $150,000.", []model.Salary{{Min: 120000, Max: 150000, Currency: "USD", Period: "year"}}},
		{"", "Pay range: $45/hr - $60/hr", []model.Salary{{Min: 45, Max: 60, Currency: "USD", Period: "hour"}}},
		{"Warsaw, Poland", "Salary: 180 000 - 220 000 PLN per year", []model.Salary{{Min: 180000, Max: 220000, Currency: "PLN", Period: "year"}}},
		{"", "We raised $3 mil last year.", []model.Salary{}},
	}
	for _, tt := range tests {
		var locs []string
		if tt.place != "" {
			locs = []string{tt.place}
		}
		p := n.Normalize("s", "c", model.Raw{ID: "1", Title: "Engineer", Locations: locs, DescriptionText: "About the role\n" + tt.text})
		if !(len(p.Salary) == 0 && len(tt.want) == 0) && !reflect.DeepEqual(p.Salary, tt.want) {
			t.Errorf("%q in %q -> %+v, want %+v", tt.text, tt.place, p.Salary, tt.want)
		}
	}
}

// Whole amounts written with ",-" ("600.000,-", "€ 95,- bis € 100,-", dev
// document somi-experts-text-enterprise-architect-oeffentlicher-dienst)
// are one range, the crown abbreviated "kr." is a currency before the
// amount, and the French TJM is a daily rate.
func TestPayNotationsS20(t *testing.T) {
	n := New(nil)
	tests := []struct {
		place, text string
		want        []model.Salary
	}{
		{"Oslo, Norway", "Lønn fra 600.000,- til 700.000,-", []model.Salary{{Min: 600000, Max: 700000, Currency: "NOK", Period: "year"}}},
		{"Nürnberg", "Stundensatz: € 95,- bis € 100,- ALL-IN", []model.Salary{{Min: 95, Max: 100, Currency: "EUR", Period: "hour"}}},
		{"Oslo, Norway", "Årslønn kr. 600 000 - 700 000", []model.Salary{{Min: 600000, Max: 700000, Currency: "NOK", Period: "year"}}},
		{"Paris, France", "TJM : 500-600€", []model.Salary{{Min: 500, Max: 600, Currency: "EUR", Period: "day"}}},
	}
	for _, tt := range tests {
		p := n.Normalize("s", "c", model.Raw{ID: "1", Title: "Engineer", Locations: []string{tt.place}, DescriptionText: "About the role\n" + tt.text})
		if !reflect.DeepEqual(p.Salary, tt.want) {
			t.Errorf("%q in %q -> %+v, want %+v", tt.text, tt.place, p.Salary, tt.want)
		}
	}
}

// Chinese pay by the day ("日薪300-500元"): 元 is the yuan where a word of
// pay stands near it, not in an allowance ("交通补贴500元").
func TestChineseDailyPayS20(t *testing.T) {
	n := New(nil)
	tests := []struct {
		text string
		want []model.Salary
	}{
		{"日薪300-500元", []model.Salary{{Min: 300, Max: 500, Currency: "CNY", Period: "day"}}},
		{"工资：8000-12000元/月", []model.Salary{{Min: 8000, Max: 12000, Currency: "CNY", Period: "month"}}},
		{"福利：交通补贴500元", nil},
	}
	for _, tt := range tests {
		p := n.Normalize("s", "c", model.Raw{ID: "1", Title: "Rust 开发工程师", Locations: []string{"上海"}, DescriptionText: "职位描述\n" + tt.text + "\n岗位要求\n熟悉Rust"})
		if !(len(p.Salary) == 0 && len(tt.want) == 0) && !reflect.DeepEqual(p.Salary, tt.want) {
			t.Errorf("%q -> %+v, want %+v", tt.text, p.Salary, tt.want)
		}
	}
}

// The ceiling of a pay system is not the job's pay (dev document
// gsa-tts-login-account-manager-2024: "the maximum salary available for
// the GS pay system is $191,900"); a job's own "up to" stays pay.
func TestPaySystemCeilingS20(t *testing.T) {
	n := New(nil)
	tests := []struct {
		text string
		want []model.Salary
	}{
		{"Your salary, including base and locality, will be determined upon selection,\ndependent on your actual duty location. Please note the maximum salary available\nfor the GS pay system is $191,900. For specific details on locality pay, please visit OPM.", nil},
		{"Salary: up to $150,000 per year.", []model.Salary{{Min: 150000, Max: 150000, Currency: "USD", Period: "year"}}},
	}
	for _, tt := range tests {
		p := n.Normalize("s", "c", model.Raw{ID: "1", Title: "Technical Account Manager", Locations: []string{"Remote - US"}, DescriptionText: "About the role\n" + tt.text})
		if !(len(p.Salary) == 0 && len(tt.want) == 0) && !reflect.DeepEqual(p.Salary, tt.want) {
			t.Errorf("%q -> %+v, want %+v", tt.text, p.Salary, tt.want)
		}
	}
}
