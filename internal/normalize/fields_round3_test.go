package normalize

import (
	"reflect"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// Nordic places as the corpus's dev documents write them (the slug in the
// comment), and the address forms of the places data (places_nordic.txt).
func TestNordicPlaces(t *testing.T) {
	L := func(city, region, country string, remote bool) model.Location {
		return model.Location{City: city, Region: region, Country: country, Remote: remote}
	}
	tests := []struct {
		label string
		want  []model.Location
	}{
		// localities that are not municipalities: their county
		{"Storsteinnes", []model.Location{L("Storsteinnes", "Troms", "NO", false)}},               // balsfjord-kommune-fagleder-boligtjenesten
		{"Mosjøen", []model.Location{L("Mosjøen", "Nordland", "NO", false)}},                      // byggmakker-flokkmann-butikkmedarbeider-sport
		{"Gardermoen", []model.Location{L("Gardermoen", "Akershus", "NO", false)}},                // digitale-gardermoen-erp-konsulent
		{"Mehamn", []model.Location{L("Mehamn", "Finnmark", "NO", false)}},                        // finnmark-fisk-administrasjonsmedarbeider
		{"Aarhus, Denmark", []model.Location{L("Aarhus", "Central Denmark Region", "DK", false)}}, // steno-aarhus-research-software-engineer
		{"Göteborg", []model.Location{L("Gothenburg", "Västra Götaland", "SE", false)}},           // variant-text-utvecklare-stockholm-goteborg
		// postal codes and street addresses are not the city
		{"2300 København S", []model.Location{L("Copenhagen", "Capital Region of Denmark", "DK", false)}},
		{"Vesterbrogade 10, 1620 København V", []model.Location{L("Copenhagen", "Capital Region of Denmark", "DK", false)}},
		{"DK-2800 Kongens Lyngby", []model.Location{L("Kongens Lyngby", "Capital Region of Denmark", "DK", false)}},
		{"Storgata 1, 0155 Oslo", []model.Location{L("Oslo", "Oslo", "NO", false)}},
		{"114 55 Stockholm", []model.Location{L("Stockholm", "Stockholm County", "SE", false)}},
		{"Odense C", []model.Location{L("Odense", "Region of Southern Denmark", "DK", false)}},
		{"Copenhagen S, Denmark", []model.Location{L("Copenhagen", "Capital Region of Denmark", "DK", false)}},
		{"2800 Kgs. Lyngby", []model.Location{L("Kongens Lyngby", "Capital Region of Denmark", "DK", false)}},
		// municipalities, regions, counties
		{"Bærum kommune", []model.Location{L("Bærum", "Akershus", "NO", false)}},
		{"Københavns Kommune", []model.Location{L("Copenhagen", "Capital Region of Denmark", "DK", false)}},
		{"Göteborgs kommun", []model.Location{L("Gothenburg", "Västra Götaland", "SE", false)}},
		{"Kongens Lyngby, Region Hovedstaden, Danmark", []model.Location{L("Kongens Lyngby", "Capital Region of Denmark", "DK", false)}},
		{"Region Midtjylland", []model.Location{L("", "Central Denmark Region", "DK", false)}},
		{"Skåne län", []model.Location{L("", "Skåne", "SE", false)}},
		{"Bergen, Hordaland", []model.Location{L("Bergen", "Vestland", "NO", false)}}, // the county of 2024
		{"Sandvika, Akershus", []model.Location{L("Sandvika", "Akershus", "NO", false)}},
		// the whole country; work modes and remote words of the Nordic languages
		{"Hele Danmark", []model.Location{L("", "", "DK", false)}},
		{"Hele landet", nil},
		{"Stockholm, distans", []model.Location{L("Stockholm", "Stockholm County", "SE", true)}},
		{"Oslo (hybrid)", []model.Location{L("Oslo", "Oslo", "NO", false)}},
		{"Fjernarbejde", []model.Location{{Remote: true}}},
		// not Nordic: unchanged
		{"Salem, OR", []model.Location{L("Salem", "Oregon", "US", false)}},
		{"Berlin, Germany", []model.Location{L("Berlin", "Berlin", "DE", false)}},
	}
	for _, tt := range tests {
		got := locations([]string{tt.label})
		want := tt.want
		if want == nil {
			want = []model.Location{}
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("locations(%q) = %+v, want %+v", tt.label, got, want)
		}
	}
}

// Levels of Nordic titles (PROTOCOL.md), from the dev documents' titles.
func TestNordicLevels(t *testing.T) {
	for _, tt := range []struct {
		title string
		want  []string
	}{
		{"Bryggeformann / Leder mottak hvitfisk", []string{"Lead", "Manager"}},                   // finnmark-fisk-bryggeformann-mottak
		{"Produksjonssjef / Leder filet", []string{"Manager"}},                                   // finnmark-fisk-produksjonssjef-filet
		{"100 % fast stilling som fagleder ft ved Boligtjenesten avd Midttun", []string{"Lead"}}, // balsfjord-kommune-fagleder-boligtjenesten
		{"Driftsleder byggdrift", []string{"Manager"}},
		{"Prosjektleder", []string{}}, // a role's job noun: no level
		{"Seniorrådgiver", []string{"Senior"}},
		{"Chef de projet", []string{}},
		{"Head Chef", []string{}},
		{"50 % fast stilling som veileder ved NAV, Balsfjord", []string{}}, // balsfjord-kommune-veileder-nav: a counsellor
	} {
		if got := Levels(tt.title); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Levels(%q) = %v, want %v", tt.title, got, tt.want)
		}
	}
}

// Years in Norwegian, Danish and Swedish.
func TestNordicYears(t *testing.T) {
	for _, tt := range []struct {
		text string
		want int
	}{
		{"Arbeidserfaring som elektriker i minimum to år, Engelsk/skandinavisk språk", 2},      // keepers-industrielektrikere-lysaker
		{"Utdanningskrav: Relevant bachelor\nArbeidserfaring: 2-5 år\nArbeidssted: Mehamn", 2}, // finnmark-fisk-administrasjonsmedarbeider
		{"Vi söker dig med minst fem års erfarenhet av systemutveckling.", 5},
		{"Du har 3 års relevant erfaring fra lignende stilling.", 3},
	} {
		got := MinYears(tt.text)
		if got == nil || *got != tt.want {
			t.Errorf("MinYears(%q) = %v, want %d", tt.text, got, tt.want)
		}
	}
	for _, text := range []string{"To års erfaring er en fordel.", "Erfaring fra bransjen er ønskelig, gjerne 3 år."} {
		if got := MinYears(text); got != nil {
			t.Errorf("MinYears(%q) = %d, want none (preferred)", text, *got)
		}
	}
}

// Language of Norwegian (Bokmål and Nynorsk), Danish and Swedish text.
func TestNordicLanguages(t *testing.T) {
	for _, tt := range []struct{ text, want string }{
		// finnmark-fisk-administrasjonsmedarbeider
		{"Selskapet er i en etableringsfase og arbeidsoppgaver og ansvarsområder vil være en del av utviklingen. Dette gjelder for alle stillinger. Vi søker mennesker til vår organisasjon som både ønsker og evner å tenke nytt, og ikke er redd for å ta i et tak der det behøves.", "nb"},
		{"Vi søkjer etter ein person som kan vere med på å utvikle tenestene våre. Du må ha god kjennskap til faget, og vi ønskjer at du har erfaring frå liknande arbeid. Det er ikkje krav om utdanning, men det er ein fordel.", "nn"},
		{"Vi søger en medarbejder, der har lyst til at arbejde med os i et spændende miljø. Du vil blive en del af et team, hvor vi hjælper hinanden, og du har nogle års erfaring med lignende opgaver.", "da"},
		{"Vi söker dig som vill arbeta hos oss och som har erfarenhet av liknande arbete. Du kommer att ingå i ett team där vi hjälper varandra, och det är inte ett krav att du har utbildning.", "sv"},
	} {
		if got := Language(tt.text); got != tt.want {
			t.Errorf("Language(%.50q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

// Amounts in kronor that are benefits or prizes, and postal codes, are not
// pay.
func TestNordicNotPay(t *testing.T) {
	for _, text := range []string{
		// centric-care-barnsjukskoterska-uppsala
		"Vi erbjuder branschens bästa lönevillkor, varierande uppdrag, en egen dedikerad kontaktperson samt ett unikt friskvårdsbidrag på upp till 4000 kr per kalenderår.",
		// garda-alarm-saljare-umea
		"Oavsett vad så ges för den som vill, möjligheter till allt ifrån en bio på 150kr till en resa på 25 000 kr. allt är upp till dig!",
	} {
		if got := salaries(text, "SEK"); len(got) != 0 {
			t.Errorf("salaries(%.50q) = %v, want none", text, got)
		}
	}
	if got := salaries("Lön enligt avtal. Arbetsplats: Storgatan 1, 11455 Stockholm", "SEK"); len(got) != 0 {
		t.Errorf("a postal code read as pay: %v", got)
	}
	if got := salaries("Lön: 32 000 kr per månad", "SEK"); len(got) != 1 || got[0].Min != 32000 || got[0].Currency != "SEK" {
		t.Errorf("pay in kronor: %v", got)
	}
}

// Roles of titles in the dev documents outside the English tech vocabulary.
func TestRound3Roles(t *testing.T) {
	for _, tt := range []struct{ title, want string }{
		{"Assistant professor (adjunkt) position in ultrafast photoelectron spectroscopy", RoleResearchScientist}, // aarhus-university-ultrafast-photoelectron-spectroscopy
		{"SRE 工程师", RoleSRE},   // api7-text-sre-engineer
		{"技术支持工程师", RoleOther}, // api7-text-technical-support-engineer
		{"技术文档工程师", RoleOther}, // api7-text-technical-writer
		{"Kubernetes 工程师", RoleSoftwareEngineer},
		{"Développeur ou développeuse d’infrastructure — Équipe des justificatifs numériques", RoleSRE}, // cds-fr-developpeur-infrastructure
		{"NVH Test Engineer", RoleOther},           // dinex-nvh-test-engineer
		{"DataOps Engineer, BI", RoleDataEngineer}, // g-loot-dataops-engineer-bi
		{"QA Test Engineer", RoleSoftwareEngineer},
		{"Elektriker/Høyspentmontør og Automatiker", RoleOther}, // caverion-elektriker-hoyspent-automatiker-porsgrunn
	} {
		if got := Role(tt.title); got != tt.want {
			t.Errorf("Role(%q) = %q, want %q", tt.title, got, tt.want)
		}
	}
}

// A platform's work-mode field that names both the office and home is
// hybrid, not remote.
func TestWorkModeBothIsHybrid(t *testing.T) {
	for _, tt := range []struct{ hint, want string }{
		{"Oficina/WFH", "hybrid"}, // democracia-en-red-text-back-end-dev
		{"Office or remote", "hybrid"},
		{"Kontor/hjemmekontor", "hybrid"},
		{"Home office", "remote"},
		{"Remote", "remote"},
		{"Presencial", "onsite"},
		{"On-site", "onsite"},
	} {
		if got := workplaceHint(tt.hint); got != tt.want {
			t.Errorf("workplaceHint(%q) = %q, want %q", tt.hint, got, tt.want)
		}
	}
}

// Degrees of Nordic postings: named by level ("på bachelornivå"), offered
// as an alternative to a trade certificate (then not asked for), and
// "gjerne høyere utdannelse" (preferred).
func TestNordicEducation(t *testing.T) {
	n := New(nil)
	for _, tt := range []struct {
		text      string
		req, pref []string
	}{
		// balsfjord-kommune-veileder-nav
		{"Kvalifikasjoner:\nSosialfaglig utdanning på bachelornivå, ev. annen relevant utdanning.", []string{"Bachelor's"}, []string{}},
		// finnmark-fisk-administrasjonsmedarbeider
		{"Antall stillinger: 1\nUtdanningskrav: Relevant bachelor, Fag-/Svennebrev eller lignende\nArbeidserfaring: 2-5 år", []string{}, []string{}},
		// finnmark-fisk-bryggeformann-mottak
		{"Ønskede kvalifikasjoner:\nGjerne høyere utdannelse innen næringsmiddelfag\nUtdanningskrav: Relevant bachelor, Teknisk Fagskole eller lignende", []string{}, []string{"Bachelor's"}},
	} {
		p := n.Normalize("s", "c", model.Raw{Title: "Medarbeider", DescriptionText: tt.text, Locations: []string{"Mehamn"}})
		if !reflect.DeepEqual(p.Education.Required, tt.req) || !reflect.DeepEqual(p.Education.Preferred, tt.pref) {
			t.Errorf("education of %.50q = %v / %v, want %v / %v", tt.text, p.Education.Required, p.Education.Preferred, tt.req, tt.pref)
		}
	}
}

// A labelled experience field is a requirement under any heading.
func TestFieldYears(t *testing.T) {
	n := New(nil)
	// finnmark-fisk-administrasjonsmedarbeider: the field lines follow the
	// "Ønskede kvalifikasjoner" list
	text := "Ønskede kvalifikasjoner:\nKunnskap fra fiskeindustrien eller lignende næringer\nUtdanningskrav: Relevant bachelor, Fag-/Svennebrev eller lignende\nArbeidserfaring: 2-5 år\nArbeidssted: Mehamn"
	p := n.Normalize("s", "c", model.Raw{Title: "Administrasjonsmedarbeider", DescriptionText: text})
	if p.MinYearsExperience == nil || *p.MinYearsExperience != 2 {
		t.Errorf("min years = %v, want 2", p.MinYearsExperience)
	}
	if got := FieldYears("Nice to have:\nKubernetes, 3 years"); got != nil {
		t.Errorf("FieldYears of a list = %d, want none", *got)
	}
}

// Nordic pay without a stated period is monthly up to yearly sizes
// (PROTOCOL.md: "Lön 30 000 kr" -> month).
func TestNordicPayPeriod(t *testing.T) {
	for _, tt := range []struct {
		text, def, period string
	}{
		{"Lön 30 000 kr", "SEK", "month"},
		{"Lønn: 45 000 kr", "NOK", "month"},
		{"Lønn: 650 000 kr", "NOK", "year"},
		{"Timlön 150 kr", "SEK", "hour"},
	} {
		got := salaries(tt.text, tt.def)
		if len(got) != 1 || got[0].Period != tt.period {
			t.Errorf("salaries(%q) = %v, want period %s", tt.text, got, tt.period)
		}
	}
}
