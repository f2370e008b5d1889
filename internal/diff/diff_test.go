package diff

import (
	"reflect"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

func years(n int) *int { return &n }

func base() model.Posting {
	return model.Posting{
		ID: "1", Title: "Data Engineer (L5)", Levels: []string{"L5"}, Team: "Data & Insights",
		Locations:          []model.Location{{City: "Los Gatos", Region: "California", Country: "US"}},
		Salary:             []model.Salary{{Min: 100000, Max: 200000, Currency: "USD", Period: "year"}},
		Skills:             model.Skills{Required: []string{"Python", "SQL"}, Preferred: []string{"Java"}},
		MinYearsExperience: years(5), Description: "a",
	}
}

func TestPostingsNoChange(t *testing.T) {
	if got := Postings(base(), base()); len(got) != 0 {
		t.Fatalf("identical postings: got changes %+v", got)
	}
}

func TestPostingsFieldLevel(t *testing.T) {
	old, new := base(), base()
	new.Title = "Data Engineer (L6)"
	new.Levels = []string{"L6"}
	new.Locations = append(new.Locations, model.Location{Country: "US", Remote: true})
	new.Salary = []model.Salary{{Min: 120000, Max: 220000, Currency: "USD", Period: "year"}}
	new.Skills.Required = []string{"PyTorch", "Python"}
	new.MinYearsExperience = nil
	new.Description = "b"
	want := []model.Change{
		{Field: "title", Old: "Data Engineer (L5)", New: "Data Engineer (L6)"},
		{Field: "levels", Old: "L5"},
		{Field: "levels", New: "L6"},
		{Field: "locations", New: model.Location{Country: "US", Remote: true}},
		{Field: "salary", Old: model.Salary{Min: 100000, Max: 200000, Currency: "USD", Period: "year"}},
		{Field: "salary", New: model.Salary{Min: 120000, Max: 220000, Currency: "USD", Period: "year"}},
		{Field: "skills.required", Old: "SQL"},
		{Field: "skills.required", New: "PyTorch"},
		{Field: "min_years_experience", Old: 5, New: nil},
		{Field: "description", Old: "a", New: "b"},
	}
	got := Postings(old, new)
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("changes:\n got %#v\nwant %#v", got, want)
	}
	if f := Fields(got); !reflect.DeepEqual(f, []string{"title", "levels", "locations", "salary", "skills.required", "min_years_experience", "description"}) {
		t.Fatalf("fields: %v", f)
	}
}

func TestPostingsSkillMovedBetweenLists(t *testing.T) {
	old, new := base(), base()
	new.Skills.Preferred = nil
	new.Skills.Required = []string{"Java", "Python", "SQL"}
	got := Postings(old, new)
	want := []model.Change{
		{Field: "skills.required", New: "Java"},
		{Field: "skills.preferred", Old: "Java"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("got %#v", got)
	}
}
