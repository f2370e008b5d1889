package jsonld

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// The requirement fields of a JobPosting with a description reach the raw
// posting as hints, not as description text: Platsbanken's strings, and
// the schema.org objects.
func TestHints(t *testing.T) {
	page := `<html><head><script type="application/ld+json">[
	{"@type": "JobPosting", "title": "React Native Developer", "identifier": "24052604",
	 "description": "<p>We are looking for a great React Native Developer.</p>",
	 "experienceRequirements": "Frontend-utvecklare - 2-4 års erfarenhet",
	 "educationRequirements": "Eftergymnasial utbildning två år eller längre\nData"},
	{"@type": "JobPosting", "title": "Data Engineer", "identifier": "2", "description": "<p>Pipelines.</p>",
	 "experienceRequirements": {"@type": "OccupationalExperienceRequirements", "monthsOfExperience": 36},
	 "educationRequirements": {"@type": "EducationalOccupationalCredential", "credentialCategory": "bachelor degree"}},
	{"@type": "JobPosting", "title": "Cook", "identifier": "3", "description": "<p>Food.</p>"}
	]</script></head><body></body></html>`
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	raws, err := Extract(doc, nil)
	if err != nil || len(raws) != 3 {
		t.Fatalf("%d raws, %v", len(raws), err)
	}
	want := []model.Hints{
		{Experience: []string{"Frontend-utvecklare - 2-4 års erfarenhet"}, Education: []string{"Eftergymnasial utbildning två år eller längre Data"}},
		{Experience: []string{"36 months of experience"}, Education: []string{"bachelor degree"}},
		{},
	}
	for i, r := range raws {
		if !reflect.DeepEqual(r.Hints, want[i]) {
			t.Errorf("%s: hints %+v, want %+v", r.Title, r.Hints, want[i])
		}
		if strings.Contains(r.DescriptionHTML, "erfarenhet") || strings.Contains(r.DescriptionHTML, "bachelor") {
			t.Errorf("%s: the hints went into the description %q", r.Title, r.DescriptionHTML)
		}
	}
}

// A raw posting without hints marshals as before the field existed, so
// that the update stamps digested from it (scrape.ListedStamp) stay.
func TestNoHintsMarshalAsBefore(t *testing.T) {
	b, err := json.Marshal(model.Raw{ID: "1", Title: "x"})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(b), "Hints") {
		t.Errorf("marshalled %s", b)
	}
	b, _ = json.Marshal(model.Raw{ID: "1", Hints: model.Hints{Experience: []string{"3 years"}}})
	if !strings.Contains(string(b), "Hints") {
		t.Errorf("hints lost: %s", b)
	}
}
