package diff

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

func TestLines(t *testing.T) {
	usd := func(min, max float64) model.Salary {
		return model.Salary{Min: min, Max: max, Currency: "USD", Period: "year"}
	}
	long := strings.Repeat("x", 100)
	for _, tc := range []struct {
		name string
		in   []model.Change
		want []string
	}{
		{"none", nil, []string{}},
		{"scalar", []model.Change{{Field: "title", Old: "A", New: "B"}}, []string{"title A -> B"}},
		{"scalar set and cleared",
			[]model.Change{{Field: "workplace", Old: "", New: "remote"}, {Field: "min_years_experience", Old: nil, New: 5}, {Field: "team", Old: "Data", New: ""}},
			[]string{"min_years_experience (none) -> 5", "team Data -> (none)", "workplace (none) -> remote"}},
		{"one pay range replaced",
			[]model.Change{{Field: "salary", Old: usd(100000, 720000)}, {Field: "salary", New: usd(120000, 750000)}},
			[]string{"salary USD 100,000-720,000 -> 120,000-750,000/year"}},
		{"pay in another currency",
			[]model.Change{{Field: "salary", Old: usd(100000, 100000)}, {Field: "salary", New: model.Salary{Min: 90000, Max: 95000.5, Currency: "EUR", Period: "year"}}},
			[]string{"salary USD 100,000/year -> EUR 90,000-95,000.50/year"}},
		{"pay ranges added",
			[]model.Change{{Field: "salary", New: usd(1, 2)}, {Field: "salary", New: model.Salary{Min: 50, Max: 50, Currency: "USD", Period: "hour"}}},
			[]string{"salary +USD 1-2/year +USD 50/hour"}},
		{"skills sorted, added before removed",
			[]model.Change{{Field: "skills.required", Old: "Java"}, {Field: "skills.required", New: "PyTorch"}, {Field: "skills.required", New: "Go"}},
			[]string{"skills.required +Go +PyTorch -Java"}},
		{"fields sorted",
			[]model.Change{{Field: "title", Old: "A", New: "B"}, {Field: "locations", New: model.Location{City: "Berlin", Country: "DE"}}, {Field: "levels", Old: "L5"}, {Field: "levels", New: "L6"}},
			[]string{"levels +L6 -L5", "locations +Berlin, DE", "title A -> B"}},
		{"many items",
			[]model.Change{{Field: "skills.mentioned", New: "A"}, {Field: "skills.mentioned", New: "B"}, {Field: "skills.mentioned", New: "C"},
				{Field: "skills.mentioned", New: "D"}, {Field: "skills.mentioned", New: "E"}, {Field: "skills.mentioned", New: "F"},
				{Field: "skills.mentioned", New: "G"}, {Field: "skills.mentioned", Old: "H"}},
			[]string{"skills.mentioned +A +B +C +D +E +F +2 more"}},
		{"description: sentences counted, text left out",
			[]model.Change{{Field: "description", Old: "About us.\nWe make films. We also make tools.\nApply.", New: "About us.\nWe make films. We make great tools.\nApply now."}},
			[]string{"description changed (+2 -2 sentences)"}},
		{"description: one sentence",
			[]model.Change{{Field: "description", Old: "We make films. Join us.", New: "We make great films. Join us."}},
			[]string{"description changed (+1 -1 sentence)"}},
		{"control and bidi characters out, long values cut",
			[]model.Change{{Field: "title", Old: "Data\tEngineer\x1b[31m\u202e evil\n", New: long}},
			[]string{"title Data Engineer[31m evil -> " + strings.Repeat("x", MaxValue-1) + "…"}},
		{"an unknown field with several changes is a list",
			[]model.Change{{Field: "tags", New: "a"}, {Field: "tags", New: "b"}},
			[]string{"tags +a +b"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := Lines(tc.in); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("Lines\n got %q\nwant %q", got, tc.want)
			}
			// the same lines after a JSON round trip (the outbox)
			b, err := json.Marshal(tc.in)
			if err != nil {
				t.Fatal(err)
			}
			var back []model.Change
			if err := json.Unmarshal(b, &back); err != nil {
				t.Fatal(err)
			}
			if got := Lines(back); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("after JSON\n got %q\nwant %q", got, tc.want)
			}
		})
	}
}

// Lines of the changes Postings finds.
func TestLinesOfPostings(t *testing.T) {
	old, new := base(), base()
	new.Title = "Data Engineer (L6)"
	new.Levels = []string{"L6"}
	new.Salary = []model.Salary{{Min: 120000, Max: 250000, Currency: "USD", Period: "year"}}
	new.Skills.Required = []string{"PyTorch", "Python"}
	new.MinYearsExperience = years(7)
	got := Lines(Postings(old, new))
	want := []string{
		"levels +L6 -L5",
		"min_years_experience 5 -> 7",
		"salary USD 100,000-200,000 -> 120,000-250,000/year",
		"skills.required +PyTorch -SQL",
		"title Data Engineer (L5) -> Data Engineer (L6)",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %q\nwant %q", got, want)
	}
}

func TestFormatEscapesValuesAndCutsLines(t *testing.T) {
	esc := func(s string) string { return strings.NewReplacer("<", "&lt;", ">", "&gt;").Replace(s) }
	gs := Groups([]model.Change{{Field: "title", Old: "a -> b", New: "<c>"}, {Field: "skills.required", New: "C++"}})
	if got := gs[1].Format(esc, " → "); got != "title a -&gt; b → &lt;c&gt;" {
		t.Errorf("Format: %q", got)
	}
	if got := gs[0].Format(esc, " → "); got != "skills.required +C++" {
		t.Errorf("Format: %q", got)
	}
	if gs[1].Old != "a -> b" || gs[1].New != "<c>" || gs[0].New != "C++" || gs[0].Added[0] != "C++" {
		t.Errorf("groups keep plain values: %+v", gs)
	}
	var cs []model.Change
	for i := range 20 {
		cs = append(cs, model.Change{Field: "locations", New: model.Location{Name: strings.Repeat("y", 50) + string(rune('a'+i))}})
	}
	// cut to MaxLine runes at most, before the item the cut would split
	if l := Lines(cs)[0]; utf8.RuneCountInString(l) > MaxLine || utf8.RuneCountInString(l) < MaxLine-52 || !strings.HasSuffix(l, "c…") {
		t.Errorf("long line not cut to %d runes before an item: %d %q", MaxLine, utf8.RuneCountInString(l), l)
	}
}

func TestMoney(t *testing.T) {
	for v, want := range map[float64]string{0: "0", 999: "999", 1000: "1,000", 100000: "100,000", 1234567.891: "1,234,567.89", 52.5: "52.50", 52.999: "53", -1500: "-1,500"} {
		if got := Money(v); got != want {
			t.Errorf("Money(%v) = %q, want %q", v, got, want)
		}
	}
}
