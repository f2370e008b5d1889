package normalize

import (
	"reflect"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// Session 20 (issue 9): remote places as PROTOCOL.md's "Remote places and
// work modes" says, in labels and in a text's own location field: "only"
// limits the place it follows ("Remote (US only)"); a remote alternative
// that names its country ("London or remote within the UK") gives the
// office, not remote, and remote work in that country; a field that names
// remote work in a country ("Location: Remote (UK)") or as the
// alternative to its town ("Standort: Hamburg oder remote") gives it, while
// on site and remote by turns ("Standort: Köln und Remote",
// experis-text-security-champion; "Einsatzort: Hamburg / Remote",
// yer-staffing-text-senior-frontend-developer) gives the office only.
func TestRemoteInLabelsAndFieldsS20(t *testing.T) {
	n := New(nil)
	gb := model.Location{Country: "GB", Remote: true}
	de := model.Location{Country: "DE", Remote: true}
	london := model.Location{City: "London", Region: "England", Country: "GB"}
	hamburg := model.Location{City: "Hamburg", Region: "Hamburg", Country: "DE"}
	labels := []struct {
		label string
		want  []model.Location
	}{
		{"Remote (US only)", []model.Location{{Country: "US", Remote: true}}},
		{"Remote - Germany only", []model.Location{de}},
		{"Remote (Europe only)", []model.Location{{Remote: true}}},
		{"London or remote within the UK", []model.Location{london, gb}},
		{"Stockholm or remote (Sweden)", []model.Location{{City: "Stockholm", Region: "Stockholm County", Country: "SE"}, {Country: "SE", Remote: true}}},
	}
	for _, tt := range labels {
		p := n.Normalize("s", "c", model.Raw{ID: "1", Title: "Engineer", Locations: []string{tt.label}, DescriptionText: "We build software."})
		if !sameLocations(p.Locations, tt.want) {
			t.Errorf("label %q -> %+v, want %+v", tt.label, p.Locations, tt.want)
		}
	}
	fields := []struct {
		line string
		want []model.Location
	}{
		{"Location: Remote (UK)", []model.Location{gb}},
		{"Standort: Remote (Deutschland)", []model.Location{de}},
		{"Standort: Hamburg oder remote", []model.Location{hamburg, de}},
		{"Einsatzort: Hamburg / Remote", []model.Location{hamburg}},
		{"- Standort: Köln und Remote", []model.Location{{City: "Cologne", Region: "North Rhine-Westphalia", Country: "DE"}}},
	}
	for _, tt := range fields {
		p := n.Normalize("s", "c", model.Raw{ID: "1", Title: "Engineer", DescriptionText: "Über das Projekt\n" + tt.line + "\nWir bauen Software."})
		if !sameLocations(p.Locations, tt.want) {
			t.Errorf("field %q -> %+v, want %+v", tt.line, p.Locations, tt.want)
		}
	}
}

// sameLocations compares places in any order.
func sameLocations(got, want []model.Location) bool {
	if len(got) != len(want) {
		return false
	}
	for _, w := range want {
		found := false
		for _, g := range got {
			found = found || reflect.DeepEqual(g, w)
		}
		if !found {
			return false
		}
	}
	return true
}

// A platform's remote work mode yields to the text's own location field
// when that gives remote work a share under 100 %: part-time remote is not
// remote (PROTOCOL.md); real lines from the dev documents
// somi-experts-text-enterprise-architect-oeffentlicher-dienst and
// sinc-text-loesungsarchitekt-technischer-lead-identity-access-managemen.
func TestPartRemoteFieldBeatsRemoteModeS20(t *testing.T) {
	n := New(nil)
	tests := []struct {
		label, line   string
		want          model.Location
		wantWorkplace string
	}{
		{"Nürnberg", "Einsatzort: 90 % Remote (ca. 510 Stunden), 10 % Onsite Nürnberg",
			model.Location{City: "Nuremberg", Region: "Bavaria", Country: "DE"}, "hybrid"},
		{"Wiesbaden", "- Einsatzort: Wiesbaden Remote min. 90%",
			model.Location{City: "Wiesbaden", Region: "Hesse", Country: "DE"}, "hybrid"},
		// unchanged: a field that says fully remote keeps the mode
		{"Wiesbaden", "- Einsatzort: 100 % Remote",
			model.Location{City: "Wiesbaden", Region: "Hesse", Country: "DE", Remote: true}, "remote"},
	}
	for _, tt := range tests {
		p := n.Normalize("s", "c", model.Raw{ID: "1", Title: "Enterprise Architect (m/w/d)", Locations: []string{tt.label},
			Workplace: "100 % Remote", DescriptionText: "Projektdetails\n" + tt.line + "\nLaufzeit: 6 Monate"})
		if len(p.Locations) != 1 || p.Locations[0] != tt.want || p.Workplace != tt.wantWorkplace {
			t.Errorf("%q -> %+v %q, want %+v %q", tt.line, p.Locations, p.Workplace, tt.want, tt.wantWorkplace)
		}
	}
}

// The area around a known city, written as real labels and text fields
// write it, is the city ("Großraum Hamburg", dev document
// proconnect-text-wir-suchen-einen-bauleiter-ausbau-im-grossraum-hamburg);
// a city whose name holds such a word stays itself ("Mexico City").
func TestAreaAroundACityS20(t *testing.T) {
	tests := []struct{ label, city string }{
		{"Großraum Hamburg", "Hamburg"},
		{"Raum Stuttgart", "Stuttgart"},
		{"Nähe Hamburg", "Hamburg"},
		{"Stor-Oslo", "Oslo"},
		{"Oslo-området", "Oslo"},
		{"Stockholmsområdet", "Stockholm"},
		{"Oslo sentrum", "Oslo"},
		{"Göteborg centrum", "Gothenburg"},
		{"Stockholm City", "Stockholm"},
		{"Metro Vancouver", "Vancouver"},
		{"Greater Boston Area", "Boston"},
		{"Mexico City, Mexico", "Mexico City"},
		{"New York City", "New York"},
	}
	for _, tt := range tests {
		if got := Location(tt.label); got.City != tt.city || got.Name != "" {
			t.Errorf("Location(%q) = %+v, want city %q", tt.label, got, tt.city)
		}
	}
}

// "Remote" with the country elsewhere: a bare remote label takes the one
// country of the towns the text's remote location field names (dev
// document tenth-revolution-group-text-firewall-administrator-fortigate-
// security-engineer-splunk-re), never when the field names a wider area.
func TestRemoteTakesTheCountryOfItsFieldS20(t *testing.T) {
	n := New(nil)
	tests := []struct {
		line string
		want model.Location
	}{
		{"Einsatzort: Remote, Einarbeitung 1–2 Wochen vor Ort (Nürnberg oder München)", model.Location{Country: "DE", Remote: true}},
		{"Location: Remote (Europe), with a yearly week in Berlin", model.Location{Remote: true}},
		{"Einsatzort: Remote", model.Location{Remote: true}},
	}
	for _, tt := range tests {
		p := n.Normalize("s", "c", model.Raw{ID: "1", Title: "Security Engineer (Splunk) – Remote", Locations: []string{"Remote"},
			Workplace: "100 % Remote", DescriptionText: "Projektdetails\n" + tt.line + "\nLaufzeit: 6 Monate"})
		if len(p.Locations) != 1 || p.Locations[0] != tt.want {
			t.Errorf("%q -> %+v, want %+v", tt.line, p.Locations, tt.want)
		}
	}
}

// A Canadian province named alone is the province, not a town of its name
// in another region ("Ontario" is not Ontario, California); a city and
// its province of the same name stay as they were.
func TestProvinceAloneS20(t *testing.T) {
	tests := []struct {
		label string
		want  model.Location
	}{
		{"Ontario", model.Location{Region: "Ontario", Country: "CA"}},
		{"London, Ontario", model.Location{City: "London", Region: "Ontario", Country: "CA"}},
		{"Ontario, CA", model.Location{City: "Ontario", Region: "California", Country: "US"}},
		{"Salzburg", model.Location{City: "Salzburg", Region: "Salzburg", Country: "AT"}},
	}
	for _, tt := range tests {
		if got := Location(tt.label); got != tt.want {
			t.Errorf("Location(%q) = %+v, want %+v", tt.label, got, tt.want)
		}
	}
}

// Chinese postings name the workplace with "base" ("Base：杭州", "base地：
// 上海或深圳") and remote work with "地点：远程" or as an option
// ("北京（可远程）" -> Beijing and remote in China, PROTOCOL.md's remote
// alternative), never "不可远程" (remote not possible) or a "database".
func TestChineseBaseAndRemoteS20(t *testing.T) {
	n := New(nil)
	beijing := model.Location{City: "Beijing", Region: "Beijing", Country: "CN"}
	cn := model.Location{Country: "CN", Remote: true}
	tests := []struct {
		line string
		want []model.Location
	}{
		{"Base：杭州", []model.Location{{City: "Hangzhou", Region: "Zhejiang", Country: "CN"}}},
		{"base地：上海或深圳", []model.Location{{City: "Shanghai", Region: "Shanghai", Country: "CN"}, {City: "Shenzhen", Region: "Guangdong", Country: "CN"}}},
		{"地点：远程", []model.Location{cn}},
		{"工作地点：北京（可远程）", []model.Location{beijing, cn}},
		{"工作地点：北京（不可远程）", []model.Location{beijing}},
	}
	for _, tt := range tests {
		p := n.Normalize("s", "c", model.Raw{ID: "1", Title: "Rust 开发工程师", DescriptionText: "职位描述\n" + tt.line + "\n岗位要求\n熟悉Rust"})
		if !sameLocations(p.Locations, tt.want) {
			t.Errorf("%q -> %+v, want %+v", tt.line, p.Locations, tt.want)
		}
	}
}

// baseCue takes "base" as a word of its own before a Chinese place only.
func TestBaseCueS20(t *testing.T) {
	tests := []struct {
		line string
		want int
	}{
		{"Base：杭州", 0},
		{"工作 base 北京", len("工作 ")},
		{"熟悉 database 北京团队", -1},
		{"our code base in Berlin", -1},
	}
	for _, tt := range tests {
		if got := baseCue(tt.line, "base"); got != tt.want {
			t.Errorf("baseCue(%q) = %d, want %d", tt.line, got, tt.want)
		}
	}
}

// Norway's counties of 2020-2023 that were split again ("Viken",
// "Vestfold og Telemark") give the town's own county beside a town, and
// are never the Swedish town Viken; county names holding "og" stay one
// county ("Sogn og Fjordane" -> Vestland, PROTOCOL.md Nordic places).
func TestSplitNorwegianCountiesS20(t *testing.T) {
	n := New(nil)
	tests := []struct {
		label string
		want  model.Location
	}{
		{"Lillestrøm, Viken", model.Location{City: "Lillestrøm", Region: "Akershus", Country: "NO"}},
		{"Drammen, Viken", model.Location{City: "Drammen", Region: "Buskerud", Country: "NO"}},
		{"Skien, Vestfold og Telemark", model.Location{City: "Skien", Region: "Telemark", Country: "NO"}},
		{"Førde, Sogn og Fjordane", model.Location{City: "Førde", Region: "Vestland", Country: "NO"}},
		{"Ålesund, Møre og Romsdal", model.Location{City: "Ålesund", Region: "Møre og Romsdal", Country: "NO"}},
	}
	for _, tt := range tests {
		p := n.Normalize("s", "c", model.Raw{ID: "1", Title: "Rådgiver", Locations: []string{tt.label}, DescriptionText: "Om stillingen"})
		if len(p.Locations) != 1 || p.Locations[0] != tt.want {
			t.Errorf("%q -> %+v, want %+v", tt.label, p.Locations, tt.want)
		}
	}
}

// Where the office lies in Danish, Norwegian and Spanish sentences
// ("Kontoret ligger i Aarhus", "Vi holder til i Kristiansand sentrum",
// "Oficina en Madrid"), and a district of a known city (a French
// arrondissement, "München-Schwabing") name the city.
func TestOfficeSentencesAndDistrictsS20(t *testing.T) {
	n := New(nil)
	tests := []struct {
		line string
		want model.Location
	}{
		{"Kontoret ligger i Aarhus.", model.Location{City: "Aarhus", Region: "Central Denmark Region", Country: "DK"}},
		{"Du bliver en del af vores team i Odense.", model.Location{City: "Odense", Region: "Region of Southern Denmark", Country: "DK"}},
		{"Vi holder til i Kristiansand sentrum.", model.Location{City: "Kristiansand", Region: "Agder", Country: "NO"}},
		{"Oficina en Madrid.", model.Location{City: "Madrid", Region: "Community of Madrid", Country: "ES"}},
		{"Lieu de travail : Lyon 3e", model.Location{City: "Lyon", Region: "Auvergne-Rhône-Alpes", Country: "FR"}},
		{"Lieu : Paris 8ème", model.Location{City: "Paris", Region: "Île-de-France", Country: "FR"}},
		{"Arbeitsort: München-Schwabing", model.Location{City: "Munich", Region: "Bavaria", Country: "DE"}},
		{"Standort: Berlin-Mitte", model.Location{City: "Berlin", Region: "Berlin", Country: "DE"}},
	}
	for _, tt := range tests {
		p := n.Normalize("s", "c", model.Raw{ID: "1", Title: "Utvikler", DescriptionText: "Om stillingen\n" + tt.line + "\nVi tilbyr"})
		if len(p.Locations) != 1 || p.Locations[0] != tt.want {
			t.Errorf("%q -> %+v, want %+v", tt.line, p.Locations, tt.want)
		}
	}
	// a city whose name holds a hyphen stays itself
	if got := Location("Frankfurt am Main"); got.City != "Frankfurt am Main" {
		t.Errorf("Location(Frankfurt am Main) = %+v", got)
	}
}

// A location field that names the whole country ("Arbeidssted: Hele
// landet") gives the country of the posting's language, as the same
// words in a label do (PROTOCOL.md Nordic places).
func TestWholeCountryFieldS20(t *testing.T) {
	n := New(nil)
	tests := []struct{ title, text, want string }{
		{"Utvikler", "Om stillingen\nArbeidssted: Hele landet\nVi tilbyr en spennende stilling med gode betingelser for deg som ønsker å jobbe i et godt miljø.", "NO"},
		{"Utvecklare", "Om tjänsten\nArbetsort: Hela landet\nVi erbjuder en spännande tjänst för dig som vill arbeta i en bra miljö med trevliga kollegor.", "SE"},
	}
	for _, tt := range tests {
		p := n.Normalize("s", "c", model.Raw{ID: "1", Title: tt.title, DescriptionText: tt.text})
		if len(p.Locations) != 1 || p.Locations[0] != (model.Location{Country: tt.want}) {
			t.Errorf("%q -> %+v, want {Country: %s}", tt.text, p.Locations, tt.want)
		}
	}
}
