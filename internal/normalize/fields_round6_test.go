package normalize

import (
	"reflect"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// Round 6 of the non-skill fields. Cases are real titles, labels and
// sentences of dev documents of the corpus (their slug in the comment),
// except where a comment says the form was written for the test (the role
// forms, which no dev title has: dev titles all got their role already).

// The world table (GeoNames, cities of 15,000 and more) knows cities the
// city table lacks, and first-level regions by their English or local
// name.
func TestWorldGazetteer(t *testing.T) {
	checkLocation(t, map[string]model.Location{
		// written for the test: cities outside the city table
		"Mannheim":            {City: "Mannheim", Region: "Baden-Württemberg", Country: "DE"},
		"Ingolstadt, Germany": {City: "Ingolstadt", Region: "Bavaria", Country: "DE"},
		"Winterthur":          {City: "Winterthur", Region: "Zurich", Country: "CH"},
		"Linz, Austria":       {City: "Linz", Region: "Upper Austria", Country: "AT"},
		"Espoo":               {City: "Espoo", Region: "Uusimaa", Country: "FI"},
		// regions alone
		"Baden-Württemberg": {Region: "Baden-Württemberg", Country: "DE"}, // mund-consulting-text-senior-java-developer
		"Bayern":            {Region: "Bavaria", Country: "DE"},
		// the city table still wins, and names it shares stay unknown
		"Cambridge, Massachusetts": {City: "Cambridge", Region: "Massachusetts", Country: "US"}, // zulip-lead-designer
		"Police":                   {Name: "Police"},
		"Most":                     {Name: "Most"},
	})
	// a name two countries share, neither three times the other: unknown
	if l, ok := worldPlace("Sandy", ""); ok && l.Country != "US" {
		t.Errorf("worldPlace(Sandy) = %+v", l)
	}
	if got := stripMarks("zürich"); got != "zurich" {
		t.Errorf("stripMarks = %q", got)
	}
}

// A field line may name a region alone (mund-consulting-text-senior-java-developer).
func TestFieldRegion(t *testing.T) {
	text := "Einsatzort: 80% remote (Onshore, Vor-Ort-Termine in Baden-Württemberg)"
	want := []model.Location{{Region: "Baden-Württemberg", Country: "DE"}}
	if got := textPlaces(text, ""); !reflect.DeepEqual(got, want) {
		t.Errorf("textPlaces = %+v, want %+v", got, want)
	}
}

// Every county of a country, listed one by one, is the whole country
// (PROTOCOL.md; lakarresurs-jobba-som-lakare).
func TestEveryRegionIsTheCountry(t *testing.T) {
	labels := []string{"Blekinge län", "Dalarnas län", "Gotlands län", "Gävleborgs län", "Hallands län",
		"Jämtlands län", "Jönköpings län", "Kalmar län", "Kronobergs län", "Norrbottens län", "Skåne län",
		"Stockholms län", "Södermanlands län", "Uppsala län", "Värmlands län", "Västerbottens län",
		"Västernorrlands län", "Västmanlands län", "Västra Götalands län", "Örebro län", "Östergötlands län"}
	got := textLocations(locations(labels), labels, "Jobba som läkare", "", "sv")
	if want := []model.Location{{Country: "SE"}}; !reflect.DeepEqual(got, want) {
		t.Errorf("all 21 län = %+v, want %+v", got, want)
	}
	// some of them stay what they are
	got = textLocations(locations(labels[:6]), labels[:6], "Jobba som läkare", "", "sv")
	if len(got) != 6 {
		t.Errorf("six län = %+v", got)
	}
}

// A title part that is a town, alone or with an office word, names the
// place when the fields name only the country
// (studentjob-intern-2020-stockholm-consulting).
func TestTitleSegmentPlaces(t *testing.T) {
	labels := []string{"Sweden"}
	got := textLocations(locations(labels), labels, "Intern 2020 - Stockholm office  i Sweden", "", "en")
	if want := []model.Location{{City: "Stockholm", Region: "Stockholm County", Country: "SE"}}; !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v, want %+v", got, want)
	}
	// no town in the title: the country stands (studentjob-research-intern-fintech)
	got = textLocations(locations(labels), labels, "Research Intern  (pro-bono, either part-time or full-time) i Sweden", "", "en")
	if want := []model.Location{{Country: "SE"}}; !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v, want %+v", got, want)
	}
}

// A title that says the job is remote in a country overrides the
// platform's office city of that country (hirevue-smartrecruiters).
func TestTitleRemoteCountry(t *testing.T) {
	n := New(nil)
	p := n.Normalize("s", "HireVue", model.Raw{ID: "1", Title: "Data Science Intern | Fully Remote US",
		Locations: []string{"Sandy, UT, United States"}, Workplace: "remote", DescriptionText: "Work with our data science team."})
	if want := []model.Location{{Country: "US", Remote: true}}; !reflect.DeepEqual(p.Locations, want) {
		t.Errorf("locations = %+v, want %+v", p.Locations, want)
	}
	// an office in the title without "remote" keeps the fields (gong-greenhouse)
	labels := []string{"Austin | Chicago | New York City | Salt Lake City | San Francisco"}
	if got := textLocations(locations(labels), labels, "Commercial Revenue Architect", "", "en"); len(got) != 5 {
		t.Errorf("gong = %+v", got)
	}
}

// A sentence about the team or the work in a town names the workplace
// when the fields name none (aga-svensktalande-kundservice-tallinn).
func TestTeamInTown(t *testing.T) {
	text := "KundservicemedarbetareAGA söker kandidater med olika bakgrund för att förstärka teamet i Tallinn. " +
		"Dina språkkunskaper det viktigaste - du måste tala flytande svenska och engelska."
	want := []model.Location{{City: "Tallinn", Region: "Harju County", Country: "EE"}}
	if got := textPlaces(text, ""); !reflect.DeepEqual(got, want) {
		t.Errorf("textPlaces = %+v, want %+v", got, want)
	}
}

// Role forms: academic posts are research whatever their field; a bare
// engineer noun takes the field after it; compound engineer nouns with an
// English or translated field head. Dev titles keep their roles.
func TestRoleRound6(t *testing.T) {
	checkRoles(t, map[string]string{
		// dev titles (unchanged)
		"Assistant professor (adjunkt) position in ultrafast photoelectron spectroscopy": RoleResearchScientist, // aarhus-university-ultrafast-photoelectron-spectroscopy
		"Phd in SW safety - industrial collaboration with KTH":                           RoleResearchScientist, // yabs-phd-sw-safety-kth
		"Software Engineer - Data Pipelines":                                             RoleSoftwareEngineer,  // a Greenhouse dev posting
		"Android Engineer I - Subscriptions":                                             RoleSoftwareEngineer,  // spotify-lever
		"Analytics Engineer II":                                                          RoleAnalyticsEngineer, // spotify-lever
		"Senior / Staff Fullstack Engineer":                                              RoleSoftwareEngineer,  // linear-ashby
		"Linux Filesystem Engineer":                                                      RoleSoftwareEngineer,
		"Security engineer":                                                              RoleSecurityEngineer, // dtd-text-security-engineer
		"Driftsleder Byggdrift":                                                          RoleOther,            // tromso-kommune-driftsleder-byggdrift
		"Rust 算法工程师":                                                                     RoleMLEngineer,       // sudo-privacy-rust-algorithm-engineer
		"高频量化研究员（Senior）":                                                                RoleResearchScientist,
		// written for the test: the forms of the rules
		"Tenure Track Assistant Professor in Software Engineering": RoleResearchScientist,
		"Associate Professor in Data Science":                      RoleResearchScientist,
		"Engineer II, Data":                                        RoleDataEngineer,
		"Staff Engineer, Machine Learning":                         RoleMLEngineer,
		"Senior Engineer, Security":                                RoleSecurityEngineer,
		"Backend Engineer II, Payments":                            RoleSoftwareEngineer,
		"Cloud-ingeniør":                                           RoleSRE,
		"DevOps-Ingenieur (m/w/d)":                                 RoleSRE,
		"Maskinlæringsingeniør":                                    RoleMLEngineer,
		"Nettverksingeniør":                                        RoleOther,
		"Penetrationstester (m/w/d)":                               RoleSecurityEngineer,
		"SOC Analyst":                                              RoleOther, // an analyst is no engineer (PROTOCOL.md, session 26)
		"机器学习研究员":                                                  RoleResearchScientist,
	})
}

// A degree that sets the pay in a conditional sentence, and a degree word
// inside a link's address, are not asked for
// (variant-text-designer-i-stavanger).
func TestDegreeInPayScale(t *testing.T) {
	n := New(nil)
	text := "Hva vi tilbyr\n- Lønn. Variant justerer lønn basert på Teknas lønsstatistikk. Dette betyr at hvis du " +
		"eksempelvis har en [mastergrad fra 2013, vil din startlønn være 954 593](/kalkulator?year=2013&degree=master).\n"
	p := n.Normalize("s", "Variant", model.Raw{ID: "1", Title: "Designer i Stavanger", DescriptionText: text})
	if len(p.Education.Required)+len(p.Education.Preferred) != 0 {
		t.Errorf("education = %+v, want none", p.Education)
	}
	if !paySentence("dette betyr at hvis du eksempelvis har en mastergrad fra 2013, vil din startlønn være 954 593") {
		t.Error("paySentence: the Variant sentence")
	}
	// a requirement with a degree stays one (sinnerschrader-text-bi-analyst)
	p = n.Normalize("s", "SinnerSchrader", model.Raw{ID: "2", Title: "Business Intelligence Analyst",
		DescriptionText: "Was du mitbringst\n- Erfolgreich abgeschlossenes Studium der Wirtschaftsinformatik oder eine vergleichbare Ausbildung\n"})
	if len(p.Education.Required) != 1 || p.Education.Required[0] != "Bachelor's" {
		t.Errorf("education = %+v, want Bachelor's required", p.Education)
	}
}
