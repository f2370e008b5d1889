package normalize

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// TestWorldRegionsFollowCodes_s23: places_world.txt gives each city the
// first-level division of its own GeoNames admin1 code; where the codes
// of a country changed (Vietnam 2025, Kazakhstan 2022, South Sudan,
// Indonesia's new Papua provinces) the region is the new one, never the
// name of another division that happened to get the old code.
func TestWorldRegionsFollowCodes_s23(t *testing.T) {
	tests := []struct{ label, city, region, country string }{
		{"Ho Chi Minh City, Vietnam", "Ho Chi Minh City", "Ho Chi Minh City", "VN"},
		{"Da Nang, Vietnam", "Da Nang", "Da Nang", "VN"},
		{"Nha Trang, Vietnam", "Nha Trang", "Khanh Hoa", "VN"},
		{"Cần Thơ, Vietnam", "Cần Thơ", "Can Tho", "VN"},
		{"Juba, South Sudan", "Juba", "Central Equatoria", "SS"},
		{"Semey, Kazakhstan", "Semey", "Abai Region", "KZ"},
		{"Sorong, Indonesia", "Sorong", "Southwest Papua", "ID"},
		// Taiwan: the municipality or county, not GeoNames' old province
		{"Kaohsiung, Taiwan", "Kaohsiung", "Kaohsiung", "TW"},
		{"Taichung, Taiwan", "Taichung", "Taichung", "TW"},
		{"Banqiao, Taiwan", "Banqiao", "New Taipei", "TW"},
	}
	for _, tt := range tests {
		got := Locations(tt.label)
		if len(got) != 1 || got[0].City != tt.city || got[0].Region != tt.region || got[0].Country != tt.country {
			t.Errorf("Locations(%q) = %+v, want %s|%s|%s", tt.label, got, tt.city, tt.region, tt.country)
		}
	}
}

// TestLabelForms_s23: location labels as ATS fields and listing pages
// write them in Europe and Australia: a postal code beside the town, a
// city district's number, a state code after the city without a comma, a
// field name in the posting's language before the place, and a Canadian
// province named with its country.
func TestLabelForms_s23(t *testing.T) {
	tests := []struct{ label, city, region, country string }{
		{"10115 Berlin", "Berlin", "Berlin", "DE"},
		{"D-80331 München", "Munich", "Bavaria", "DE"},
		{"75008 Paris", "Paris", "Île-de-France", "FR"},
		{"Paris 75008, France", "Paris", "Île-de-France", "FR"},
		{"8001 Zürich", "Zurich", "Zurich", "CH"},
		{"1010 Wien", "Vienna", "Vienna", "AT"},
		{"Dublin 2", "Dublin", "", "IE"},
		{"Dublin 2, Ireland", "Dublin", "", "IE"},
		{"Melbourne VIC", "Melbourne", "Victoria", "AU"},
		{"Austin TX", "Austin", "Texas", "US"},
		{"Standort: Berlin", "Berlin", "Berlin", "DE"},
		{"Arbeitsort: Köln", "Cologne", "North Rhine-Westphalia", "DE"},
		{"Arbeidssted: Oslo", "Oslo", "Oslo", "NO"},
		{"Arbetsort: Stockholm", "Stockholm", "Stockholm County", "SE"},
		{"Lieu : Paris", "Paris", "Île-de-France", "FR"},
		{"Ubicación: Madrid", "Madrid", "Community of Madrid", "ES"},
		{"Ontario, Canada", "", "Ontario", "CA"},
		// unchanged: Nordic postal codes, a town in the province of its name
		{"0150 Oslo", "Oslo", "Oslo", "NO"},
		{"2100 København Ø", "Copenhagen", "Capital Region of Denmark", "DK"},
		{"Québec, QC", "Québec", "Quebec", "CA"},
	}
	for _, tt := range tests {
		got := Locations(tt.label)
		if len(got) != 1 || got[0].City != tt.city || got[0].Region != tt.region || got[0].Country != tt.country || got[0].Remote {
			t.Errorf("Locations(%q) = %+v, want %s|%s|%s", tt.label, got, tt.city, tt.region, tt.country)
		}
	}
}

// TestRemoteFieldWithoutPlace_s23: the text's own place field that says
// only "remote" (dev contractor-consulting-text-cloud-engineer-iot-remote-id-29848,
// here under a title that does not say it) gives one remote place when
// nothing else names a place, as a platform's remote work mode does
// (PROTOCOL.md); a share under 100 % is not remote.
func TestRemoteFieldWithoutPlace_s23(t *testing.T) {
	n := New(nil)
	head := "für unser Kundenprojekt suche ich aktuell eine/n Cloud Engineer (m/w/d) IoT (29848).\n\nStart: ASAP\nDauer: 3 Monate +\n"
	tests := []struct {
		field string
		want  []model.Location
	}{
		{"Einsatzort: remote", []model.Location{{Remote: true}}},
		{"Einsatzort: 100 % Remote", []model.Location{{Remote: true}}},
		{"Einsatzort: 60 % Remote", nil},
		{"Einsatzort: München", []model.Location{{City: "Munich", Region: "Bavaria", Country: "DE"}}},
	}
	for _, tt := range tests {
		p := n.Normalize("s", "c", model.Raw{ID: "1", Title: "Cloud Engineer (m/w/d) IoT", DescriptionText: head + tt.field + "\n\nAufgaben:\nPlanung und Betrieb von Cloud-Infrastrukturen."})
		var got []model.Location
		for _, l := range p.Locations {
			got = append(got, model.Location{City: l.City, Region: l.Region, Country: l.Country, Remote: l.Remote})
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%q: locations %+v, want %+v", tt.field, got, tt.want)
		}
	}
}

// TestDanishAddressesAndTowns_s23: the address lines of Work in Denmark
// pages ("DK 5500 Middelfart", "DK 6091 Bjert", "DK 2670 Greve": dev
// dinex-nvh-test-engineer, bixter-dutch-speaking-salesperson,
// hobbii-warehouse-team-lead) and Danish towns of the 7000-7999 postal
// range, which spans four regions (places_nordic.txt: regions from
// GeoNames).
func TestDanishAddressesAndTowns_s23(t *testing.T) {
	tests := []struct{ label, city, region string }{
		{"DK 5500 Middelfart", "Middelfart", "Region of Southern Denmark"},
		{"DK 6091 Bjert", "Bjert", "Region of Southern Denmark"},
		{"DK 2670 Greve", "Greve", "Region Zealand"},
		{"DK-8000 Aarhus C", "Aarhus", "Central Denmark Region"},
		{"Fredericia", "Fredericia", "Region of Southern Denmark"},
		{"7100 Vejle", "Vejle", "Region of Southern Denmark"},
		{"Billund", "Billund", "Region of Southern Denmark"},
		{"Give", "Give", "Region of Southern Denmark"},
		{"Brande", "Brande", "Central Denmark Region"},
		{"Ikast", "Ikast", "Central Denmark Region"},
		{"Thisted", "Thisted", "North Denmark Region"},
		{"Skibby", "Skibby", "Capital Region of Denmark"},
	}
	for _, tt := range tests {
		got := Locations(tt.label)
		if len(got) != 1 || got[0].City != tt.city || got[0].Region != tt.region || got[0].Country != "DK" || got[0].Remote {
			t.Errorf("Locations(%q) = %+v, want %s|%s|DK", tt.label, got, tt.city, tt.region)
		}
	}
}

// TestFrenchPostalRegion_s23: a French postal code names the département
// and so the region of a town the tables do not know (dev
// caencamp-limengo-ingenieur-lead-full-stack: "Lieu : Colombelles (14460),
// FR" beside the listing's "Colombelles, FR"); elsewhere a postal code
// is no region.
func TestFrenchPostalRegion_s23(t *testing.T) {
	tests := []struct{ label, city, region, country string }{
		{"Colombelles (14460), FR", "Colombelles", "Normandy", "FR"},
		{"14460 Colombelles, France", "Colombelles", "Normandy", "FR"},
		{"Bar-le-Duc (55000), France", "Bar-le-Duc", "Grand Est", "FR"},
		{"Smalltown (12345), Germany", "Smalltown", "", "DE"},
	}
	for _, tt := range tests {
		got := Locations(tt.label)
		if len(got) != 1 || got[0].City != tt.city || got[0].Region != tt.region || got[0].Country != tt.country {
			t.Errorf("Locations(%q) = %+v, want %s|%s|%s", tt.label, got, tt.city, tt.region, tt.country)
		}
	}
	n := New(nil)
	text := "Limengo\nLimengo est une jeune société de service.\n\nLieu : Colombelles (14460), FR\nType de contrat : CDI\nDate de publication : 2019-12-02\n"
	p := n.Normalize("s", "c", model.Raw{ID: "1", Title: "Ingénieur Lead Full Stack technico-fonctionnel", Locations: []string{"Colombelles, FR"}, DescriptionText: text})
	want := []model.Location{{City: "Colombelles", Region: "Normandy", Country: "FR"}}
	var got []model.Location
	for _, l := range p.Locations {
		got = append(got, model.Location{City: l.City, Region: l.Region, Country: l.Country, Remote: l.Remote})
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("listing \"Colombelles, FR\" with %q: %+v, want %+v", "Lieu : Colombelles (14460), FR", got, want)
	}
}

// TestAddressAndWhereFields_s23: a Chinese address field ("地址：", dev
// ftquant-algorithm-development-engineer) and the Spanish "Dónde:" (dev
// democracia-en-red-text-back-end-dev, there inside a span) name the
// workplace when nothing else does.
func TestAddressAndWhereFields_s23(t *testing.T) {
	n := New(nil)
	tests := []struct{ title, text, city, region, country string }{
		{"算法开发工程师", "岗位职责：\n- 负责量化策略研发\n- 地址：上海市漕河泾开发区 凯科国际大厦", "Shanghai", "Shanghai", "CN"},
		{"Back-end dev", "Qué buscamos\nDónde: Buenos Aires\nCuándo: ya", "Buenos Aires", "Buenos Aires", "AR"},
	}
	for _, tt := range tests {
		p := n.Normalize("s", "c", model.Raw{ID: "1", Title: tt.title, DescriptionText: tt.text})
		if len(p.Locations) != 1 || p.Locations[0].City != tt.city || p.Locations[0].Region != tt.region || p.Locations[0].Country != tt.country {
			t.Errorf("%q: %+v, want %s|%s|%s", tt.text, p.Locations, tt.city, tt.region, tt.country)
		}
	}
}

// TestCityCountryPairs_s23: a label that lists towns each with its
// country, separated by commas only ("Berlin, Germany, Munich, Germany"),
// gives each town, as the city and state pairs already did ("Austin, TX,
// Denver, CO"); no dev label writes it so, the form of the
// protocol's "several places in one label".
func TestCityCountryPairs_s23(t *testing.T) {
	tests := []struct {
		label string
		want  []string
	}{
		{"Berlin, Germany, Munich, Germany", []string{"Berlin|Berlin|DE", "Munich|Bavaria|DE"}},
		{"Paris, France, London, United Kingdom", []string{"Paris|Île-de-France|FR", "London|England|GB"}},
		{"Austin, TX, Denver, CO", []string{"Austin|Texas|US", "Denver|Colorado|US"}},
		{"Los Gatos, California, United States", []string{"Los Gatos|California|US"}},
	}
	for _, tt := range tests {
		var got []string
		for _, l := range Locations(tt.label) {
			got = append(got, l.City+"|"+l.Region+"|"+l.Country)
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Locations(%q) = %q, want %q", tt.label, got, tt.want)
		}
	}
}

// TestWorldRegionsAgreeWithCityTable_s23: a town of the world table and
// the city of its region in the city table name the region alike (the
// city table's names, which the dev labels use: "Riyadh Province").
func TestWorldRegionsAgreeWithCityTable_s23(t *testing.T) {
	tests := []struct{ town, city string }{
		{"Ramat Gan, Israel", "Tel Aviv"},
		{"Jeddah, Saudi Arabia", "Riyadh"}, // both "... Province"
		{"Kaunas, Lithuania", "Vilnius"},   // both "... County"
		{"Quezon City, Philippines", "Manila"},
		{"Suwon, South Korea", "Seongnam"},
		{"Burgos, Spain", "Valladolid"},
		{"Udine, Italy", "Trieste"},
		{"Palmira, Colombia", "Cali"},
	}
	for _, tt := range tests {
		a, b := Locations(tt.town), Locations(tt.city)
		if len(a) != 1 || len(b) != 1 || a[0].Region == "" || b[0].Region == "" {
			t.Fatalf("%q -> %+v, %q -> %+v", tt.town, a, tt.city, b)
		}
		suffix := func(r string) string {
			for _, s := range []string{" Province", " County", " District"} {
				if strings.HasSuffix(r, s) {
					return s
				}
			}
			return ""
		}
		if a[0].Country == b[0].Country && suffix(a[0].Region) != suffix(b[0].Region) {
			t.Errorf("%q region %q and %q region %q name their kind of region otherwise", tt.town, a[0].Region, tt.city, b[0].Region)
		}
	}
	same := [][2]string{{"Ramat Gan, Israel", "Tel Aviv"}, {"Quezon City, Philippines", "Manila"},
		{"Suwon, South Korea", "Seongnam"}, {"Burgos, Spain", "Valladolid"}, {"Udine, Italy", "Trieste"}, {"Palmira, Colombia", "Cali"}}
	for _, p := range same {
		a, b := Locations(p[0]), Locations(p[1])
		if a[0].Region != b[0].Region {
			t.Errorf("%q region %q, %q region %q: one region, one name", p[0], a[0].Region, p[1], b[0].Region)
		}
	}
}

// TestChineseCityNames_s23: Chinese postings name their towns in Chinese
// only ("- 工作地点：北京市", dev baidu-senior-rust-engineer; "北京/上海/深圳",
// dev circlequant-full-stack-engineer); the provincial capitals and large
// cities beyond the first ones are read the same way (not Macau: text
// place lists read the city table, and "Hong Kong, Macau" there names
// sales territories).
func TestChineseCityNames_s23(t *testing.T) {
	tests := []struct{ label, city, region, country string }{
		{"北京市", "Beijing", "Beijing", "CN"},
		{"贵阳市", "Guiyang", "Guizhou", "CN"},
		{"石家庄", "Shijiazhuang", "Hebei", "CN"},
		{"乌鲁木齐", "Ürümqi", "Xinjiang", "CN"},
		{"温州", "Wenzhou", "Zhejiang", "CN"},
	}
	for _, tt := range tests {
		got := Locations(tt.label)
		if len(got) != 1 || got[0].City != tt.city || got[0].Region != tt.region || got[0].Country != tt.country {
			t.Errorf("Locations(%q) = %+v, want %s|%s|%s", tt.label, got, tt.city, tt.region, tt.country)
		}
	}
	got := Locations("南宁/昆明/贵阳")
	if len(got) != 3 || got[0].City != "Nanning" || got[1].City != "Kunming" || got[2].City != "Guiyang" {
		t.Errorf("Locations(南宁/昆明/贵阳) = %+v", got)
	}
	n := New(nil)
	p := n.Normalize("s", "c", model.Raw{ID: "1", Title: "Rust 高级工程师", DescriptionText: "岗位职责：\n- 负责存储系统开发\n- 工作地点：太原市"})
	if len(p.Locations) != 1 || p.Locations[0].City != "Taiyuan" || p.Locations[0].Region != "Shanxi" {
		t.Errorf("工作地点：太原市 -> %+v, want Taiyuan, Shanxi", p.Locations)
	}
}

// TestNorwegianDistrictLetter_s23: a Norwegian postal place written with a
// district letter is its town, as a Danish one ("Aarhus C" -> Aarhus).
func TestNorwegianDistrictLetter_s23(t *testing.T) {
	for label, city := range map[string]string{"Kristiansand S": "Kristiansand", "4608 Kristiansand S": "Kristiansand",
		"Kristiansund N": "Kristiansund", "Aarhus C": "Aarhus"} {
		got := Locations(label)
		if len(got) != 1 || got[0].City != city || got[0].Region == "" {
			t.Errorf("Locations(%q) = %+v, want %s with its region", label, got, city)
		}
	}
}

// TestRemoteWithNote_s23: a remote label with a note that names no place
// is remote, no place ("Remote (Travel Required)"), as the dev listings'
// "Remote (preference for UTC-6 to UTC+5)" and "Remote (working hours are
// UTC 15:00 to UTC 23:00)" already were; a country before a note stays
// ("Remote - US: Select locations"); beside an office in another label
// part the remote alternative is a place of its own.
func TestRemoteWithNote_s23(t *testing.T) {
	tests := []struct {
		label string
		want  []string
	}{
		{"Remote (preference for UTC-6 to UTC+5)", []string{"|||true"}},
		{"Remote (working hours are UTC 15:00 to UTC 23:00)", []string{"|||true"}},
		{"Remote (Travel Required)", []string{"|||true"}},
		{"Remote-Friendly (Travel-Required)", []string{"|||true"}},
		{"Remote - US: Select locations", []string{"||US|true"}},
		{"San Francisco, CA | Remote-Friendly (Travel-Required)", []string{"San Francisco|California|US|false", "|||true"}},
	}
	for _, tt := range tests {
		var got []string
		for _, l := range Locations(tt.label) {
			got = append(got, fmt.Sprintf("%s|%s|%s|%t", l.City, l.Region, l.Country, l.Remote))
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Locations(%q) = %q, want %q", tt.label, got, tt.want)
		}
	}
}

// TestLabelAlternatives_s23: a town and remote work written with a bare
// slash are alternatives as with spaced ones ("Oslo/Remote" as "Oslo /
// Remote"; a country with remote stays remote in the country:
// "Germany/Remote"); "Germany: Remote" is remote in Germany; an ATS code
// path with spaces ("US - NY - New York") as without.
func TestLabelAlternatives_s23(t *testing.T) {
	tests := []struct {
		label string
		want  []string
	}{
		{"Oslo/Remote", []string{"Oslo|Oslo|NO|false", "|||true"}},
		{"Oslo / Remote", []string{"Oslo|Oslo|NO|false", "|||true"}},
		{"Remote/Berlin", []string{"Berlin|Berlin|DE|false", "|||true"}},
		{"Germany/Remote", []string{"||DE|true"}},
		{"Germany: Remote", []string{"||DE|true"}},
		{"US/Canada", []string{"||US|false", "||CA|false"}},
		{"US - NY - New York", []string{"New York|New York|US|false"}},
		{"US-CA-San Francisco", []string{"San Francisco|California|US|false"}},
		// the days in the office are a work mode, no place
		{"London - 2 days in office", []string{"London|England|GB|false"}},
		{"London (3 days a week in the office)", []string{"London|England|GB|false"}},
		{"Berlin, 2 Tage vor Ort", []string{"Berlin|Berlin|DE|false"}},
	}
	for _, tt := range tests {
		var got []string
		for _, l := range Locations(tt.label) {
			got = append(got, fmt.Sprintf("%s|%s|%s|%t", l.City, l.Region, l.Country, l.Remote))
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Locations(%q) = %q, want %q", tt.label, got, tt.want)
		}
	}
}

// TestSurroundingsAndCJKRemoteCountry_s23: a town with its surroundings
// is the town ("Hamburg und Umgebung", named in metroArea's own list, was
// split at "und" first); a Chinese remote label that names the country is
// remote there ("远程（中国）"), a bare one stays without ("远程", the dev
// listings' label).
func TestSurroundingsAndCJKRemoteCountry_s23(t *testing.T) {
	tests := []struct {
		label string
		want  []string
	}{
		{"Hamburg und Umgebung", []string{"Hamburg|Hamburg|DE|false"}},
		{"Oslo og omegn", []string{"Oslo|Oslo|NO|false"}},
		{"Stockholm med omnejd", []string{"Stockholm|Stockholm County|SE|false"}},
		{"Essen oder München", []string{"Essen|North Rhine-Westphalia|DE|false", "Munich|Bavaria|DE|false"}},
		// French and Italian "and", as the Nordic, German and Dutch ones
		{"Paris et Lyon", []string{"Paris|Île-de-France|FR|false", "Lyon|Auvergne-Rhône-Alpes|FR|false"}},
		{"Milano e Roma", []string{"Milan|Lombardy|IT|false", "Rome|Lazio|IT|false"}},
		{"Région parisienne", []string{"|Île-de-France|FR|false"}},
		{"远程（中国）", []string{"||CN|true"}},
		{"远程", []string{"|||true"}},
		{"北京/远程", []string{"Beijing|Beijing|CN|false", "|||true"}},
	}
	for _, tt := range tests {
		var got []string
		for _, l := range Locations(tt.label) {
			got = append(got, fmt.Sprintf("%s|%s|%s|%t", l.City, l.Region, l.Country, l.Remote))
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Locations(%q) = %q, want %q", tt.label, got, tt.want)
		}
	}
}
