package normalize

import (
	"slices"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// A title or a location label in the text that says the job is remote in
// an area wider than a country, beside a listing that names countries
// only (the countries one may live in): one remote entry with no place
// (PROTOCOL.md, "An area wider than a country ... names no place"). Real
// sentences of dev jr-nango-backend-engineer,
// jr-newel-health-ai-ml-engineer and
// jr-vt-enterprise-freelance-python-developer-remote-south-latin-america.
// A remote label of a country, a remote-first company, a town in the
// listing keep the listing's places.
func TestRemoteAreaOverListingCountriesS26(t *testing.T) {
	n := New(nil)
	remote := []model.Location{{Remote: true}}
	tests := []struct {
		title, text string
		listing     []string
		want        []model.Location // nil: the places of the listing, unchanged
	}{
		{"Backend Engineer", "(Remote — North America, LATAM or Europe) Nango (YC W23) is a developer infrastructure company.",
			[]string{"Argentina, Brazil, Canada, Chile, Mexico, Switzerland, United Kingdom, United States, Uruguay"}, remote},
		{"AI/ML Engineer", "AI/ML Engineer Location:\nRemote (Europe-based preferred) Type: Full-time Industry: Digital Health",
			[]string{"Australia, Brazil, Canada, China, France, Germany, India, Japan, United Kingdom, United States"}, remote},
		{"Freelance Python Developer (Remote, South / Latin America)", "Join our international team of remote developers and help us build the next version of SlashDB.",
			[]string{"Brazil"}, remote},
		// a remote label of one country is that country's
		{"Backend Engineer", "Location: Remote (Germany) Type: Full-time",
			[]string{"Germany, Austria"}, nil},
		// a town of the listing is an office, not an eligibility list
		{"Backend Engineer", "(Remote — North America, LATAM or Europe) We build APIs.",
			[]string{"Berlin, Germany"}, nil},
	}
	for _, tt := range tests {
		p := n.Normalize("s", "c", model.Raw{ID: "1", Title: tt.title, DescriptionText: tt.text, Locations: tt.listing})
		want := tt.want
		if want == nil {
			want = locations(tt.listing)
		}
		if !slices.Equal(p.Locations, want) {
			t.Errorf("%q / %q with %q: %+v, want %+v", tt.title, tt.text, tt.listing, p.Locations, want)
		}
	}
}

// Only a label is read: the title, or "Remote" after "(" or a location
// field name; a sentence about the company is not a label.
func TestRemoteAreaLabelS26(t *testing.T) {
	tests := []struct {
		title, text string
		want        bool
	}{
		{"Engineer", "(Remote — North America, LATAM or Europe) Nango is a developer infrastructure company.", true},
		{"Engineer", "Locations: remote (EMEA) Type: Full-time", true},
		{"Engineer - Remote - Europe", "", true},
		{"Engineer", "Our team is fully remote across Europe and Latin America.", false},
		{"Engineer", "We are a remote company (Europe, LATAM).", false},
		{"Engineer", "(Remote) We hire in Europe.", false},
		{"Engineer (Remote, Germany)", "Location: Remote (US)", false},
	}
	for _, tt := range tests {
		if got := remoteAreaLabel(tt.title, tt.text); got != tt.want {
			t.Errorf("remoteAreaLabel(%q, %q) = %v, want %v", tt.title, tt.text, got, tt.want)
		}
	}
}

// A compass word alone is no region: "South" in "Remote, South / Latin
// America" is not Cameroon's South region.
func TestCompassWordNoRegionS26(t *testing.T) {
	for _, s := range []string{"Remote, South / Latin America", "Remote - North / South America"} {
		for _, l := range Locations(s) {
			if l.Country != "" || l.Region != "" {
				t.Errorf("Locations(%q) = %+v, want no region or country", s, Locations(s))
			}
		}
	}
}

// A location field of the text that names a country and a remote word
// says where the remote work is, over the listing's town in that country
// (dev cjr-tripadvisor-cloud-security-engineer-ii-aws-secops: "Kraków"
// with "Job Location: Poland, remote."); a field of another country, or
// a field with no remote word, leaves the listing's town.
func TestRemoteLocationFieldS26(t *testing.T) {
	n := New(nil)
	tests := []struct {
		text    string
		listing string
		want    []model.Location // nil: the listing's places
	}{
		{"Job Location: Poland, remote. We are able to offer only permanent contracts (umowa o pracę)", "Kraków", []model.Location{{Country: "PL", Remote: true}}},
		{"Location: Remote - Germany\nWe build things.", "Berlin, Germany", []model.Location{{Country: "DE", Remote: true}}},
		{"Job Location: Germany, remote. We build things.", "Kraków", nil},
		{"Job Location: Kraków, Poland. We build things.", "Kraków", nil},
	}
	for _, tt := range tests {
		p := n.Normalize("s", "c", model.Raw{ID: "1", Title: "Cloud Security Engineer II", DescriptionText: tt.text, Locations: []string{tt.listing}})
		want := tt.want
		if want == nil {
			want = locations([]string{tt.listing})
		}
		if !slices.Equal(p.Locations, want) {
			t.Errorf("%q with %q: %+v, want %+v", tt.text, tt.listing, p.Locations, want)
		}
	}
}
