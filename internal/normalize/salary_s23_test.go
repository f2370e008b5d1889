package normalize

import (
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// TestAdditionIsNotPay_s23: an amount said to come on top of the pay
// ("10-30 kr per timme extra på din lön för varje rekryt", dev
// tell-partners-snickare-hantverkare: a per-recruit bonus, PROTOCOL.md) is
// not pay; the pay before it, and a pay followed by "+ extra ..." are.
func TestAdditionIsNotPay_s23(t *testing.T) {
	n := New(nil)
	tests := []struct {
		loc, text string
		want      []model.Salary
	}{
		{"Stockholm", "grundlön 180-230 kr per timme beroende på erfarenhet , sen får du mellan 10-30 kr per timme extra på din lön för varje rekryt",
			[]model.Salary{{Min: 180, Max: 230, Currency: "SEK", Period: "hour"}}},
		{"Oslo", "Timelønn 250 kr, 40 kr ekstra på kveld", []model.Salary{{Min: 250, Max: 250, Currency: "NOK", Period: "hour"}}},
		{"Stockholm", "Lön: 30 000 kr/mån + extra ersättning för OB", []model.Salary{{Min: 30000, Max: 30000, Currency: "SEK", Period: "month"}}},
	}
	for _, tt := range tests {
		p := n.Normalize("s", "c", model.Raw{ID: "1", Title: "Snickare", Locations: []string{tt.loc}, DescriptionText: "Om tjänsten\n" + tt.text})
		if len(p.Salary) != len(tt.want) {
			t.Errorf("%q: salary %+v, want %+v", tt.text, p.Salary, tt.want)
			continue
		}
		for i, s := range p.Salary {
			w := tt.want[i]
			if s.Min != w.Min || s.Max != w.Max || s.Currency != w.Currency || s.Period != w.Period {
				t.Errorf("%q: salary %+v, want %+v", tt.text, p.Salary, tt.want)
			}
		}
	}
}
