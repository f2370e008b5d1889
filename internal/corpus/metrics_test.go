package corpus

import (
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

func TestScore(t *testing.T) {
	five, three := 5, 3
	lab := Posting{
		ID: "1", Language: "de", Role: "Data Engineer", Levels: []string{"Senior"},
		Skills:    Buckets{Required: []string{"Python", "SQL", "Airflow"}, Preferred: []string{"dbt", "Python"}},
		Education: Buckets{Required: []string{"Bachelor's"}},
		MinYears:  &five,
		Salary:    []Salary{{Min: 60000, Max: 80000, Currency: "EUR", Period: "year"}},
		Locations: []Location{{City: "Berlin", Region: "Berlin", Country: "DE"}, {Country: "DE", Remote: true}},
	}
	got := model.Posting{
		Language: "de", Role: "Data Engineer", Levels: []string{"Senior"},
		Skills:             model.Skills{Required: []string{"python", "dbt"}, Preferred: []string{"Kafka"}, Mentioned: []string{"Airflow"}},
		Education:          model.Education{Required: []string{"Bachelor's"}},
		MinYearsExperience: &three,
		Salary:             []model.Salary{{Min: 60000, Max: 80000, Currency: "eur", Period: "year"}},
		Locations:          []model.Location{{Country: "DE", Remote: true}, {City: "berlin", Region: "Berlin", Country: "DE"}},
	}
	r := Score("s", "greenhouse", "Acme", lab, got)
	// labelled: Python (required: a skill in both is required only), SQL,
	// Airflow required; dbt preferred. Found: Python required (TP), dbt
	// required (misplaced), Kafka preferred (FP), Airflow mentioned.
	if r.Labelled != 4 || r.TP != 1 || r.FP != 2 || r.FN != 3 || r.Misplaced != 1 || r.Mentioned != 1 {
		t.Errorf("labelled %d tp %d fp %d fn %d misplaced %d mentioned %d", r.Labelled, r.TP, r.FP, r.FN, r.Misplaced, r.Mentioned)
	}
	want := map[string]bool{"locations": true, "salary": true, "years": false, "education": true, "role": true, "levels": true, "language": true}
	for f, w := range want {
		if r.Exact[f] != w {
			t.Errorf("%s exact %v, want %v", f, r.Exact[f], w)
		}
	}
	var m Metrics
	m.Add(r)
	if p, rc := m.Precision(), m.Recall(); p != 1.0/3 || rc != 0.25 {
		t.Errorf("precision %v recall %v", p, rc)
	}
	if f1 := m.F1(); f1 < 0.2857 || f1 > 0.2858 {
		t.Errorf("F1 %v, want 2/7", f1)
	}
	if m.MisplacedRate() != 0.25 || m.Accuracy("years") != 0 || m.Accuracy("role") != 1 {
		t.Errorf("misplaced %v years %v role %v", m.MisplacedRate(), m.Accuracy("years"), m.Accuracy("role"))
	}
	// a location the model could not split matches nothing
	got.Locations = []model.Location{{Name: "Berlin, DE"}, {Country: "DE", Remote: true}}
	if Score("s", "greenhouse", "Acme", lab, got).Exact["locations"] {
		t.Error("an unsplit location matched")
	}
}

func TestMeetsAndTargets(t *testing.T) {
	if !Meets("misplaced", 0.03, 0.04) || Meets("misplaced", 0.05, 0.04) || !Meets("skills_f1", 0.92, 0.92) || Meets("role", 0.9, 0.95) {
		t.Error("Meets")
	}
	tg, err := LoadTargets("targets.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if tg.Targets["skills_f1"] != 0.92 || tg.Targets["misplaced"] != 0.04 || len(tg.Floor) == 0 {
		t.Errorf("targets.yaml: %+v", tg)
	}
}

func TestSuggestFloor(t *testing.T) {
	m := Metrics{Postings: 10, TP: 8, FP: 2, FN: 2, Misplaced: 1, Labelled: 10, Exact: map[string]int{"role": 10, "years": 9, "levels": 7}}
	got := SuggestFloor(m)
	for _, want := range []string{"skills_f1: 0.78\n", "misplaced: 0.12\n", "role: 0.98\n", "years: 0.88\n", "levels: 0.68\n", "salary: 0.00\n"} {
		if !strings.Contains(got, want) {
			t.Errorf("floor lacks %q:\n%s", want, got)
		}
	}
}

// A group whose postings have no required or preferred skill labelled,
// and none found, shows "no skills", not an F1 of 0.
func TestF1CellWithoutSkills(t *testing.T) {
	if got := f1Cell(Metrics{Postings: 6}); got != "no skills (6)" {
		t.Errorf("no skills labelled or found: %q", got)
	}
	if got := f1Cell(Metrics{Postings: 2, TP: 1, FN: 1}); got != "0.667 (2)" {
		t.Errorf("one of two found: %q", got)
	}
	if got := f1Cell(Metrics{Postings: 1, FP: 2}); got != "0.000 (1)" {
		t.Errorf("only false finds: %q", got)
	}
}
