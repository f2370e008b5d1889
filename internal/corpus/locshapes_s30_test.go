package corpus

import (
	"flag"
	"fmt"
	"sort"
	"strings"
	"testing"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"

	"github.com/careers-watcher/careers-watcher/internal/model"
	"github.com/careers-watcher/careers-watcher/internal/normalize"
)

var locShapes = flag.Bool("locshapes", false, "print how the dev part's labelled places are read when an ATS label writes them in other common shapes")

// TestLocationShapesDev measures how the location labels of applicant
// tracking systems are read, on places the dev part's labels name: each
// labelled place with a city and a country is written as a label in the
// shapes boards use ("Berlin, Germany", "Berlin, DE", "Germany - Berlin",
// "Berlin (Germany)", "Hybrid - Berlin, Germany", "Germany, Berlin", in
// capitals, with its region) and read with normalize.Locations; a shape
// is right when the one place read has the label's city and country. The
// countries of those places are written as remote work in them ("Remote
// - Germany", "Germany (Remote)", ...): right when read as one remote
// place in that country. It needs no test-part document. Dev only.
//
//	go test ./internal/corpus -run TestLocationShapesDev -v -args -locshapes
func TestLocationShapesDev(t *testing.T) {
	if !*locShapes {
		t.Skip("-locshapes not given")
	}
	labels, _ := Load("testdata")
	names := display.English.Regions()
	type place struct{ city, region, country string }
	seen := map[place]bool{}
	var places []place
	for _, l := range labels {
		if PartOf(l) != "dev" {
			continue
		}
		for _, p := range l.Postings {
			for _, loc := range p.Locations {
				pl := place{loc.City, loc.Region, loc.Country}
				if loc.Remote || loc.City == "" || loc.Country == "" || seen[pl] {
					continue
				}
				seen[pl] = true
				places = append(places, pl)
			}
		}
	}
	sort.Slice(places, func(i, j int) bool { return places[i].city+places[i].country < places[j].city+places[j].country })
	shapes := []struct {
		name string
		f    func(city, region, country, cc string) string
	}{
		{"City, Country", func(c, r, n, cc string) string { return c + ", " + n }},
		{"City, CC", func(c, r, n, cc string) string { return c + ", " + cc }},
		{"Country - City", func(c, r, n, cc string) string { return n + " - " + c }},
		{"City (Country)", func(c, r, n, cc string) string { return c + " (" + n + ")" }},
		{"Hybrid - City, Country", func(c, r, n, cc string) string { return "Hybrid - " + c + ", " + n }},
		{"Country, City", func(c, r, n, cc string) string { return n + ", " + c }},
		{"CITY, COUNTRY", func(c, r, n, cc string) string { return strings.ToUpper(c + ", " + n) }},
		{"City, Region, Country", func(c, r, n, cc string) string {
			if r == "" || r == c {
				return c + ", " + n
			}
			return c + ", " + r + ", " + n
		}},
		{"City Office", func(c, r, n, cc string) string { return c + " Office, " + n }},
		{"City, Country (Hybrid)", func(c, r, n, cc string) string { return c + ", " + n + " (Hybrid)" }},
		{"On-site - City, Country", func(c, r, n, cc string) string { return "On-site - " + c + ", " + n }},
	}
	var sb strings.Builder
	var misses []string
	for _, s := range shapes {
		right := 0
		for _, pl := range places {
			name := names.Name(language.MustParseRegion(pl.country))
			label := s.f(pl.city, pl.region, name, pl.country)
			got := normalize.Locations(label)
			if len(got) == 1 && got[0].City == pl.city && got[0].Country == pl.country {
				right++
			} else {
				var g []string
				for _, x := range got {
					g = append(g, fmt.Sprintf("%s|%s|%s", x.City, x.Region, x.Country))
				}
				misses = append(misses, fmt.Sprintf("%-24s %q -> %v", s.name, label, g))
			}
		}
		fmt.Fprintf(&sb, "%-24s %3d/%d (%.3f)\n", s.name, right, len(places), float64(right)/float64(len(places)))
	}
	// remote work in a country: one place, the country, remote
	countries := map[string]bool{}
	for _, pl := range places {
		countries[pl.country] = true
	}
	remoteShapes := []struct {
		name string
		f    func(n, cc string) string
	}{
		{"Remote - Country", func(n, cc string) string { return "Remote - " + n }},
		{"Country (Remote)", func(n, cc string) string { return n + " (Remote)" }},
		{"Remote, Country", func(n, cc string) string { return "Remote, " + n }},
		{"Remote (CC)", func(n, cc string) string { return "Remote (" + cc + ")" }},
		{"Country - Remote", func(n, cc string) string { return n + " - Remote" }},
	}
	for _, s := range remoteShapes {
		right := 0
		for cc := range countries {
			label := s.f(names.Name(language.MustParseRegion(cc)), cc)
			got := normalize.Locations(label)
			if len(got) == 1 && got[0].City == "" && got[0].Country == cc && got[0].Remote {
				right++
			} else {
				misses = append(misses, fmt.Sprintf("%-24s %q -> %+v", s.name, label, got))
			}
		}
		fmt.Fprintf(&sb, "%-24s %3d/%d (%.3f)\n", s.name, right, len(countries), float64(right)/float64(len(countries)))
	}
	// several countries in one label: one place for each
	ccs := make([]string, 0, len(countries))
	for cc := range countries {
		ccs = append(ccs, cc)
	}
	sort.Strings(ccs)
	multiShapes := []struct {
		name   string
		sep    string
		remote bool
	}{{"A, B, C", ", ", false}, {"A / B / C", " / ", false}, {"A | B | C", " | ", false}, {"A; B; C", "; ", false},
		{"Remote - A, B, C", ", ", true}, {"A or B", " or ", false}}
	for _, s := range multiShapes {
		right, n := 0, 0
		for i := 0; i+2 < len(ccs); i += 3 {
			set := ccs[i : i+3]
			if s.sep == " or " {
				set = ccs[i : i+2]
			}
			var ns []string
			for _, cc := range set {
				ns = append(ns, names.Name(language.MustParseRegion(cc)))
			}
			label := strings.Join(ns, s.sep)
			if s.remote {
				label = "Remote - " + label
			}
			got := normalize.Locations(label)
			ok := len(got) == len(set)
			for k := 0; ok && k < len(set); k++ {
				ok = got[k].City == "" && got[k].Country == set[k] && got[k].Remote == s.remote
			}
			n++
			if ok {
				right++
			} else {
				misses = append(misses, fmt.Sprintf("%-24s %q -> %+v", s.name, label, got))
			}
		}
		fmt.Fprintf(&sb, "%-24s %3d/%d (%.3f)\n", s.name, right, n, float64(right)/float64(n))
	}
	// a place given only in the text, on a line of the description in
	// the ways postings write it (no platform label): one place, its city
	// and country
	n := normalize.New(nil)
	textShapes := []struct {
		name string
		f    func(c, n string) string
	}{
		{"Location: City, Country", func(c, n string) string { return "Location: " + c + ", " + n }},
		{"Standort: City", func(c, n string) string { return "Standort: " + c + ", " + n }},
		{"Arbetsort: City", func(c, n string) string { return "Arbetsort: " + c }},
		{"Arbeidssted: City", func(c, n string) string { return "Arbeidssted: " + c }},
		{"Lieu : City", func(c, n string) string { return "Lieu : " + c + ", " + n }},
		{"📍 City, Country", func(c, n string) string { return "📍 " + c + ", " + n }},
		{"based in City, Country", func(c, n string) string { return "This role is based in " + c + ", " + n + "." }},
	}
	for _, s := range textShapes {
		right := 0
		for _, pl := range places {
			name := names.Name(language.MustParseRegion(pl.country))
			text := "About us\nWe build software for people all over the world.\n" + s.f(pl.city, name) +
				"\nRequirements\n- 3+ years with Python\n"
			got := n.Normalize("s", "c", model.Raw{ID: "1", Title: "Engineer", DescriptionText: text}).Locations
			if len(got) == 1 && got[0].City == pl.city && got[0].Country == pl.country {
				right++
			} else {
				misses = append(misses, fmt.Sprintf("%-24s %q -> %+v", s.name, s.f(pl.city, name), got))
			}
		}
		fmt.Fprintf(&sb, "%-24s %3d/%d (%.3f)\n", s.name, right, len(places), float64(right)/float64(len(places)))
	}
	for i, m := range misses {
		if i == 120 {
			break
		}
		sb.WriteString(m + "\n")
	}
	t.Logf("dev places (%d) written as ATS labels of other shapes:\n%s", len(places), sb.String())
}
