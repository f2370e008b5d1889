package filter

import (
	"context"
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
	"github.com/careers-watcher/careers-watcher/internal/notify"
)

func mle() *model.Posting {
	return &model.Posting{
		ID: "1", Title: "Machine Learning Engineer (L5), Personalization", Role: "Machine Learning Engineer",
		Levels:    []string{"L5", "L6"},
		Locations: []model.Location{{City: "Los Gatos", Region: "California", Country: "US"}, {Remote: true, Country: "US"}},
		Workplace: "hybrid",
		Salary:    []model.Salary{{Min: 100000, Max: 720000, Currency: "USD", Period: "year"}},
		Skills:    model.Skills{Required: []string{"Python", "PyTorch"}, Preferred: []string{"Spark"}, Mentioned: []string{"Kafka"}},
	}
}

func ev(typ string, p *model.Posting) notify.Event {
	return notify.Event{ID: "evt_1", Type: typ, Data: notify.Data{Source: "netflix", Posting: p}}
}

func TestMatch(t *testing.T) {
	senior := mle()
	senior.Levels = []string{"Senior"}
	l4 := mle()
	l4.Levels = []string{"L4"}
	noPytorch := mle()
	noPytorch.Skills.Required = []string{"Python"}
	hourly := mle()
	hourly.Salary = []model.Salary{{Min: 60, Max: 80, Currency: "USD", Period: "hour"}, {Min: 1, Max: 9000000, Currency: "JPY", Period: "year"}}
	monthly := mle()
	monthly.Salary = []model.Salary{{Min: 10000, Max: 15000, Currency: "EUR", Period: "month"}}
	ds := mle()
	ds.Role, ds.Title = "Data Scientist", "Data Scientist (L5)"
	remoteOnly := mle()
	remoteOnly.Locations, remoteOnly.Workplace = []model.Location{{Name: "Anywhere"}}, "remote"
	unpaid := mle()
	unpaid.Salary = nil

	example := Filter{Roles: []string{"Machine Learning"}, Levels: []string{"L5+"}, SkillsAll: []string{"PyTorch"}}
	tests := []struct {
		name string
		f    Filter
		e    notify.Event
		want bool
	}{
		{"empty takes all", Filter{}, ev(notify.PostingAdded, mle()), true},
		{"empty takes an event without posting", Filter{}, ev(notify.PostingAdded, nil), true},
		{"issue example", example, ev(notify.PostingAdded, mle()), true},
		{"issue example: L4", example, ev(notify.PostingAdded, l4), false},
		{"issue example: no PyTorch", example, ev(notify.PostingAdded, noPytorch), false},
		{"issue example: other role", example, ev(notify.PostingAdded, ds), false},
		{"issue example: source event passes", example, ev(notify.SourceFailed, nil), true},
		{"content filter: event without posting", example, ev(notify.PostingAdded, nil), false},
		{"title regex case-insensitive", Filter{TitleRegex: "machine learning|research"}, ev(notify.PostingAdded, mle()), true},
		{"title regex no match", Filter{TitleRegex: `^data\b`}, ev(notify.PostingAdded, mle()), false},
		{"role exact, any case", Filter{Roles: []string{"machine learning engineer"}}, ev(notify.PostingAdded, mle()), true},
		{"role words only", Filter{Roles: []string{"Learn"}}, ev(notify.PostingAdded, mle()), false},
		{"level exact L6", Filter{Levels: []string{"L6"}}, ev(notify.PostingAdded, mle()), true},
		{"level L7+", Filter{Levels: []string{"L7+"}}, ev(notify.PostingAdded, mle()), false},
		{"level range L3-L4", Filter{Levels: []string{"L3-L4"}}, ev(notify.PostingAdded, l4), true},
		{"level word", Filter{Levels: []string{"senior"}}, ev(notify.PostingAdded, senior), true},
		{"level word vs L", Filter{Levels: []string{"L5+"}}, ev(notify.PostingAdded, senior), false},
		{"location city", Filter{Locations: []string{"los gatos"}}, ev(notify.PostingAdded, mle()), true},
		{"location region", Filter{Locations: []string{"California"}}, ev(notify.PostingAdded, mle()), true},
		{"location country", Filter{Locations: []string{"us"}}, ev(notify.PostingAdded, mle()), true},
		{"location remote flag", Filter{Locations: []string{"Remote"}}, ev(notify.PostingAdded, mle()), true},
		{"location remote workplace", Filter{Locations: []string{"remote"}}, ev(notify.PostingAdded, remoteOnly), true},
		{"location label", Filter{Locations: []string{"anywhere"}}, ev(notify.PostingAdded, remoteOnly), true},
		{"location miss", Filter{Locations: []string{"Berlin", "DE"}}, ev(notify.PostingAdded, mle()), false},
		{"skills any preferred", Filter{SkillsAny: []string{"spark", "Go"}}, ev(notify.PostingAdded, mle()), true},
		{"skills any ignores mentioned", Filter{SkillsAny: []string{"Kafka"}}, ev(notify.PostingAdded, mle()), false},
		{"skills all", Filter{SkillsAll: []string{"Python", "Spark"}}, ev(notify.PostingAdded, mle()), true},
		{"skills all missing one", Filter{SkillsAll: []string{"Python", "Go"}}, ev(notify.PostingAdded, mle()), false},
		{"min pay yearly", Filter{MinPay: 700000, MinPayCurrency: "USD"}, ev(notify.PostingAdded, mle()), true},
		{"min pay yearly too high", Filter{MinPay: 800000, MinPayCurrency: "usd"}, ev(notify.PostingAdded, mle()), false},
		{"min pay hourly 80*2080=166400", Filter{MinPay: 166400, MinPayCurrency: "USD"}, ev(notify.PostingAdded, hourly), true},
		{"min pay hourly below", Filter{MinPay: 166401, MinPayCurrency: "USD"}, ev(notify.PostingAdded, hourly), false},
		{"min pay other currency not converted", Filter{MinPay: 1000000, MinPayCurrency: "USD"}, ev(notify.PostingAdded, hourly), false},
		{"min pay monthly 15000*12", Filter{MinPay: 180000, MinPayCurrency: "EUR"}, ev(notify.PostingAdded, monthly), true},
		{"min pay without pay", Filter{MinPay: 1, MinPayCurrency: "USD"}, ev(notify.PostingAdded, unpaid), false},
		{"removed uses last known posting", example, ev(notify.PostingRemoved, mle()), true},
		{"changed: previous matched", example, notify.Event{Type: notify.PostingChanged, Data: notify.Data{Posting: l4, Previous: mle()}}, true},
		{"changed: neither", example, notify.Event{Type: notify.PostingChanged, Data: notify.Data{Posting: l4, Previous: ds}}, false},
		{"all conditions", Filter{TitleRegex: "personalization", Roles: []string{"Engineer"}, Levels: []string{"L6"}, Locations: []string{"US"}, SkillsAny: []string{"PyTorch"}, SkillsAll: []string{"Python"}, MinPay: 500000, MinPayCurrency: "USD"}, ev(notify.PostingAdded, mle()), true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := tt.f.Compile()
			if err != nil {
				t.Fatal(err)
			}
			if got := c.Match(tt.e); got != tt.want {
				t.Errorf("Match = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestCompileErrors(t *testing.T) {
	tests := []struct {
		f    Filter
		want string
	}{
		{Filter{TitleRegex: "("}, "filter: title: "},
		{Filter{Levels: []string{"L5", "Senior+"}}, `filter: levels[1]: "Senior+"`},
		{Filter{Levels: []string{"L6-L4"}}, `filter: levels[0]: "L6-L4": empty range`},
		{Filter{Roles: []string{" "}}, "filter: roles[0]: empty"},
		{Filter{Locations: []string{""}}, "filter: locations[0]: empty"},
		{Filter{SkillsAll: []string{"Go", ""}}, "filter: skills_all[1]: empty"},
		{Filter{SkillsAny: []string{""}}, "filter: skills_any[0]: empty"},
		{Filter{MinPay: 100}, "filter: min_pay_currency: required"},
		{Filter{MinPay: -1, MinPayCurrency: "USD"}, "filter: min_pay: negative"},
		{Filter{MinPayCurrency: "dollars"}, `filter: min_pay_currency: "dollars"`},
	}
	for _, tt := range tests {
		_, err := tt.f.Compile()
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Compile(%+v) = %v, want %q", tt.f, err, tt.want)
		}
	}
}

func TestYearly(t *testing.T) {
	for _, tt := range []struct {
		period string
		want   float64
	}{{"hour", 2080}, {"day", 260}, {"week", 52}, {"month", 12}, {"year", 1}} {
		if got, ok := Yearly(1, tt.period); !ok || got != tt.want {
			t.Errorf("Yearly(1, %s) = %v", tt.period, got)
		}
	}
	if _, ok := Yearly(1, "fortnight"); ok {
		t.Error("unknown period accepted")
	}
}

type counter struct{ n int }

func (c *counter) Name() string                               { return "c" }
func (c *counter) Notify(context.Context, notify.Event) error { c.n++; return nil }

func TestWrapperAndEvents(t *testing.T) {
	c, _ := Filter{Levels: []string{"L6+"}}.Compile()
	l4 := mle()
	l4.Levels = []string{"L4"}
	events := []notify.Event{ev(notify.PostingAdded, mle()), ev(notify.PostingAdded, l4), ev(notify.SourceFailed, nil)}
	if got := c.Events(events); len(got) != 2 || got[1].Type != notify.SourceFailed {
		t.Errorf("Events = %v", got)
	}
	cn := &counter{}
	n := Notifier{Notifier: cn, Filter: c}
	for _, e := range events {
		if err := n.Notify(context.Background(), e); err != nil {
			t.Fatal(err)
		}
	}
	if cn.n != 2 || n.Name() != "c" {
		t.Errorf("delivered %d", cn.n)
	}
	var nilC *Compiled
	if !nilC.Match(events[1]) {
		t.Error("nil filter should take everything")
	}
}
