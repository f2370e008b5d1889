package normalize

import (
	"reflect"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// Round 4 of the non-skill fields: every case is a real sentence, title or
// field of a dev document of the corpus (its slug in the comment).

func loc(city, region, country string) model.Location {
	return model.Location{City: city, Region: region, Country: country}
}

// A Swedish label that names the county before the town, without a comma.
func TestCountyFirstLabels(t *testing.T) {
	for label, want := range map[string]model.Location{
		"Södermanlands län Katrineholm": loc("Katrineholm", "Södermanland", "SE"), // katrineholm-gymnasielarare-kemi
		"Östergötlands län Linköping":   loc("Linköping", "Östergötland", "SE"),   // lansstyrelsen-ostergotland-chef-naturskydd
		"Jämtlands län Östersund":       loc("Östersund", "Jämtland", "SE"),       // specialisttandvarden-ostersund-tandskoterska-ortodonti
	} {
		if got := Locations(label); !reflect.DeepEqual(got, []model.Location{want}) {
			t.Errorf("Locations(%q) = %+v, want %+v", label, got, want)
		}
	}
	// "län" not followed by a county's name stays unread
	if got := Locations("Kalle län Stockholm"); len(got) != 1 || got[0].Name == "" {
		t.Errorf("Locations(Kalle län Stockholm) = %+v, want an unread name", got)
	}
}

// The structured experience requirement of a JSON-LD page (Platsbanken's
// "<occupation> - <years> års erfarenhet").
func TestHintYears(t *testing.T) {
	for hint, want := range map[string]int{
		"Frontend-utvecklare - 2-4 års erfarenhet":                          2, // anyfin-react-native-developer
		"Applikationsutvecklare/Apputvecklare - 5 års erfarenhet eller mer": 5, // audiodo-app-developer
		"Financial controller - 1-2 års erfarenhet":                         1, // esab-financial-controller-gothenburg
		"36 months of experience":                                           3, // schema.org monthsOfExperience
	} {
		if got := HintYears([]string{hint}); got == nil || *got != want {
			t.Errorf("HintYears(%q) = %v, want %d", hint, got, want)
		}
	}
	for _, hint := range []string{
		"Fordonslackerare - Mindre än 1 års erfarenhet",             // dano-billackerare-jarfalla: a maximum
		"Barnsjuksköterska, vårdavdelning - Erfarenhet efterfrågas", // centric-care-barnsjukskoterska-uppsala: no number
		"6 months of experience",                                    // under a year
	} {
		if got := HintYears([]string{hint}); got != nil {
			t.Errorf("HintYears(%q) = %d, want nil", hint, *got)
		}
	}
	if got := HintYears([]string{"Systemutvecklare/Programmerare - 5 års erfarenhet eller mer", "Affärskonsult, IT - 2-4 års erfarenhet"}); got == nil || *got != 2 {
		t.Errorf("two hints: %v, want the smaller, 2", got)
	}
}

// The hints reach the model: the structured years are one more stated
// minimum (the smallest stands), the structured degree counts when the
// text names none.
func TestNormalizeReadsHints(t *testing.T) {
	n := New(nil)
	// detectify-cloud-infrastructure-engineer: "2+ years of experience" in
	// the text, "5 års erfarenhet eller mer" in the field
	p := n.Normalize("s", "Detectify", model.Raw{ID: "1", Title: "Cloud Infrastructure Engineer",
		DescriptionText: "Who you are\n2+ years of experience as Infrastructure Engineer, Site Reliability Engineer, DevOps Engineer",
		Hints:           model.Hints{Experience: []string{"Systemutvecklare/Programmerare - 5 års erfarenhet eller mer"}}})
	if p.MinYearsExperience == nil || *p.MinYearsExperience != 2 {
		t.Errorf("years %v, want 2", p.MinYearsExperience)
	}
	// anyfin-react-native-developer: the text states no years
	p = n.Normalize("s", "Anyfin", model.Raw{ID: "2", Title: "React Native Developer",
		DescriptionText: "We are looking for a great React Native Developer with experience in UX, React-Native and modern application development.",
		Hints:           model.Hints{Experience: []string{"Frontend-utvecklare - 2-4 års erfarenhet"}, Education: []string{"Eftergymnasial utbildning två år eller längre"}}})
	if p.MinYearsExperience == nil || *p.MinYearsExperience != 2 {
		t.Errorf("years %v, want 2", p.MinYearsExperience)
	}
	if len(p.Education.Required)+len(p.Education.Preferred) != 0 {
		t.Errorf("education %+v: two years of post-secondary schooling is no degree", p.Education)
	}
	p = n.Normalize("s", "Acme", model.Raw{ID: "3", Title: "Data Engineer", DescriptionText: "You will build pipelines.",
		Hints: model.Hints{Education: []string{"bachelor degree"}}})
	if !reflect.DeepEqual(p.Education.Required, []string{"Bachelor's"}) {
		t.Errorf("education %+v, want Bachelor's required from the hint", p.Education)
	}
	// the text's degree wins over the hint
	p = n.Normalize("s", "Acme", model.Raw{ID: "4", Title: "Data Engineer", DescriptionText: "Requirements\n- A Master's degree in Computer Science",
		Hints: model.Hints{Education: []string{"bachelor degree"}}})
	if !reflect.DeepEqual(p.Education.Required, []string{"Master's"}) {
		t.Errorf("education %+v, want the text's Master's", p.Education)
	}
}

// Places from the title and the text when the platform's fields say
// little.
func TestTextLocations(t *testing.T) {
	tests := []struct {
		name, title, text, lang string
		labels                  []string
		want                    []model.Location
	}{
		{"title town beside the field's town of the same county", "Billackerare sökes omgående till Järfälla", "", "sv",
			[]string{"Stockholm"}, []model.Location{loc("Järfälla", "Stockholm County", "SE")}}, // dano-billackerare-jarfalla
		{"two title towns", "Säljare av tak till Flen/Katrineholm", "", "sv",
			[]string{"Nyköping"}, []model.Location{loc("Flen", "Södermanland", "SE"), loc("Katrineholm", "Södermanland", "SE")}}, // vesivek-saljare-tak-flen-katrineholm
		{"title town in the field's region", "Norges största grossit söker CE-chaufförer till Tromsø!", "", "sv",
			[]string{"Troms"}, []model.Location{loc("Tromsø", "Troms", "NO")}}, // studentconsulting-ce-chaufforer-tromso
		{"title town of another region: the field stands", "Utvecklare i Göteborg", "", "sv",
			[]string{"Oslo"}, []model.Location{loc("Oslo", "Oslo", "NO")}},
		{"title town, no field", "Plattformutvikler i Trondheim", "", "nb",
			nil, []model.Location{loc("Trondheim", "Trøndelag", "NO")}}, // variant-text-plattformutvikler-i-trondheim
		{"title words that are no place", "Software Engineer in Test", "", "en", nil, []model.Location{}},
		{"country field, town in the text", "System Engineer i Sweden",
			"As a System Engineer, you are responsible for building and improving the performance. This position is based in Stockholm and you will report to the manager.", "en",
			[]string{"Sweden"}, []model.Location{loc("Stockholm", "Stockholm County", "SE")}}, // truecaller-system-engineer
		{"relocate to", "Lead Designer",
			"We'd ideally like to hire someone (a) full-time, who is (b) in\nor willing to relocate to Cambridge, Massachusetts. But above all, we want the best people.", "en",
			nil, []model.Location{loc("Cambridge", "Massachusetts", "US")}}, // zulip-lead-designer
		{"department in a town; a list of counties is no workplace", "Elektriker/Høyspentmontør og Automatiker",
			"Vår avdeling på Herøya Industripark i Porsgrunn består i dag av ca. 50 dyktige medarbeidere innen elektro og automasjon.\nRegion Øst i Caverion består av 10 prosjekt- og serviceavdelinger i fylkene Hedmark, Oppland, Akershus, Oslo, Telemark, Buskerud, Vestfold.", "nb",
			nil, []model.Location{loc("Porsgrunn", "Telemark", "NO")}}, // caverion-elektriker-hoyspent-automatiker-porsgrunn
		{"Chinese cue", "HRBP", "5. 男女不限，25-35 岁，坐标深圳。", "zh",
			nil, []model.Location{loc("Shenzhen", "Guangdong", "CN")}}, // api7-text-hrbp
		{"German workplace word", "Softwareentwickler/in (m/w/d)", "* auf Wunsch komplette Remote-Arbeit möglich, sonst Dienstort Münster", "de",
			nil, []model.Location{loc("Münster", "North Rhine-Westphalia", "DE"), {Country: "DE", Remote: true}}}, // comenius-institut-text-softwareentwickler (round 5: the remote option too)
		{"field line", "Elektriker", "Arbeidssted: Bergen\nSøknadsfrist: snarest", "nb",
			nil, []model.Location{loc("Bergen", "Vestland", "NO")}},
		{"the whole country, from the language", "Selger", "Vi søker selgere.", "nb",
			[]string{"Hele landet"}, []model.Location{{Country: "NO"}}},
		{"a structured town is kept", "Elektriker", "Vår avdeling i Porsgrunn", "nb",
			[]string{"Skien"}, []model.Location{loc("Skien", "Telemark", "NO")}},
	}
	for _, tt := range tests {
		got := textLocations(locations(tt.labels), tt.labels, tt.title, tt.text, tt.lang)
		if got == nil {
			got = []model.Location{}
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: got %+v, want %+v", tt.name, got, tt.want)
		}
	}
}

// Roles of titles in other languages, by their head noun.
func TestRoundFourRoles(t *testing.T) {
	for title, want := range map[string]string{
		"Projektledare2": RoleProgramManager,   // kits-projektledare: an ad's number glued to the noun
		"Utvecklare2":    RoleSoftwareEngineer, // kits-utvecklare
		"Säkerhetsguru":  RoleSecurityEngineer, // kits-sakerhetsguru
		"Phd in SW safety - industrial collaboration with KTH": RoleResearchScientist, // yabs-phd-sw-safety-kth
		"IT-sikkerhetsarkitekt":                                RoleSecurityEngineer,
		"Sikkerhetsvakt":                                       RoleOther, // a guard
		"Ph.d.-stipendiat i informatikk":                       RoleResearchScientist,
		"Doktorand i datavetenskap":                            RoleResearchScientist,
		"Programmør":                                           RoleSoftwareEngineer,
		"Produktejer":                                          RoleProductManager,
		"Prosjektingeniør":                                     RoleOther, // building projects, not software
		"Kvalitetsingeniør":                                    RoleOther,
		"Eiendomsutvikler":                                     RoleOther,
		"Project Engineer":                                     RoleOther,
		"Machine Learning Engineer (PhD)":                      RoleMLEngineer,
		"大数据开发工程师":                                             RoleDataEngineer,
		"Senior projektledare till Knightec i Umeå":            RoleProgramManager, // knightec-senior-projektledare-umea
		"Software Engineer L5":                                 RoleSoftwareEngineer,
	} {
		if got := Role(title); got != want {
			t.Errorf("Role(%q) = %s, want %s", title, got, want)
		}
	}
}

// Degrees named the Nordic, German and Chinese ways, and preference words
// of those languages.
func TestRoundFourDegrees(t *testing.T) {
	n := New(nil)
	tests := []struct {
		text      string
		req, pref []string
	}{
		// eatit-cto, truecaller-system-engineer (studentjob.se's field, flattened)
		{"Publicerad den 14-04-2020 Extra information Status Öppen Önskad utbildningsnivå Universitet/Högskolestudier Ort Sweden Typ av kontrakt Heltidsjobb (förstajobb)", nil, []string{"Bachelor's"}},
		// lantmannen-aspen-kommunikator-hindas: a job category and "önskas" on a driving licence
		{"Extra information Status Öppen Ort Hindås Typ av kontrakt Deltidsjobb Typ av jobb Lantbruk, Civilingenjör / Arkitekt Körkort önskas Nej", nil, nil},
		// kongsvinger-kommune-pedagogisk-radgiver
		{"Kvalifikasjoner\n- Spesialpedagog eller annen pedagogisk utdanning - helst med mastergrad", nil, []string{"Master's"}},
		// orebro-waldorfskola-larare-matematik-no
		{"Kvalifikationer\n- Vi söker dig med en lärarexamen som bakgrund", []string{"Bachelor's"}, nil},
		{"Kvalifikationer\n- Du har en högskoleexamen inom data", []string{"Bachelor's"}, nil},
		{"Kvalifikationer\n- Akademisk utbildning med naturvetenskaplig inriktning", []string{"Bachelor's"}, nil},
		{"Krav\n- Universitetsuddannelse inden for datalogi", []string{"Bachelor's"}, nil},
		{"Krav\n- Lang videregående uddannelse (kandidat)", []string{"Master's"}, nil},
		{"Krav\n- Kort videregående uddannelse", nil, nil},
		{"Relevant utdanning på masternivå", []string{"Master's"}, nil},
		{"任职要求\n1. 本科及以上学历，计算机相关专业", []string{"Bachelor's"}, nil},
		{"任职要求\n1. 硕士及以上学历", []string{"Master's"}, nil},
	}
	for _, tt := range tests {
		p := n.Normalize("s", "c", model.Raw{ID: "1", Title: "Utvikler", DescriptionText: tt.text, Locations: []string{"Oslo"}})
		if !sameStrings(p.Education.Required, tt.req) || !sameStrings(p.Education.Preferred, tt.pref) {
			t.Errorf("%q: education %+v, want required %v preferred %v", tt.text, p.Education, tt.req, tt.pref)
		}
	}
	// lansstyrelsen-ostergotland-chef-naturskydd: the degree only in the
	// JSON-LD qualifications field
	p := n.Normalize("s", "c", model.Raw{ID: "1", Title: "Chef till Enheten för naturskydd", DescriptionText: "Vi söker en chef.",
		Hints: model.Hints{Qualifications: []string{"Du har akademisk utbildning med naturvetenskaplig inriktning eller annan utbildning vi bedömer likvärdig."}}})
	if !sameStrings(p.Education.Required, []string{"Bachelor's"}) {
		t.Errorf("qualifications hint: education %+v, want Bachelor's required", p.Education)
	}
}

func sameStrings(a, b []string) bool {
	return len(a) == len(b) && (len(a) == 0 || reflect.DeepEqual(a, b))
}

// The text's own workplace field in a local language names the workplace
// more closely than the listing's town of the same country.
func TestWorkplaceFieldOverListing(t *testing.T) {
	tests := []struct {
		name, text string
		labels     []string
		want       []model.Location
	}{
		{"field line", "<p>Arbeidserfaring: 8-10 år</p>\nArbeidssted: Mehamn\nSøknadsfrist: Snarest", // finnmark-fisk-bryggeformann-mottak
			[]string{"Oslo"}, []model.Location{loc("Mehamn", "Finnmark", "NO")}},
		{"a locality the table lacks, in its municipality", "Arbeidssted er ved Cargills produksjonsanlegg på Bergneset i Balsfjord kommune. Bedriften er en prosessindustri.", // cargill-elektriker-bergneset
			[]string{"STORSTEINNES"}, []model.Location{loc("Bergneset", "Troms", "NO")}},
		{"a future workplace is not the workplace", "Arbeidssted vil fra dette tidspunkt være i nye NAV-lokaler på Nordkjosbotn", // balsfjord-kommune-veileder-nav
			[]string{"Storsteinnes"}, []model.Location{loc("Storsteinnes", "Troms", "NO")}},
		{"the same town spelt shorter", "Standort: Frankfurt", // sinnerschrader-text-contentful-developer
			[]string{"Frankfurt am Main"}, []model.Location{loc("Frankfurt am Main", "Hesse", "DE")}},
		{"another country's town", "Arbeidssted: Stockholm", []string{"Oslo"}, []model.Location{loc("Oslo", "Oslo", "NO")}},
	}
	for _, tt := range tests {
		got := textLocations(locations(tt.labels), tt.labels, "Elektriker", tt.text, "nb")
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: got %+v, want %+v", tt.name, got, tt.want)
		}
	}
}

// Years that are an alternative to a trade certificate, and years nested
// in an overall figure.
func TestRoundFourYears(t *testing.T) {
	for text, want := range map[string]int{
		"有 3 年以上开发经验（1 年以上 GO 开发经验）":                                                         3, // api7-text-kubernetes-engineer
		"Arbeidserfaring som elektriker i minimum to år":                                     2, // keepers-industrielektrikere-lysaker
		"Du har minst 3 års erfaring som utvikler":                                           3,
		"Har du fagbrev, eller 5 års erfaring? Du har også minst 2 års erfaring med ledelse": 2,
	} {
		if got := MinYears(text); got == nil || *got != want {
			t.Errorf("MinYears(%q) = %v, want %d", text, got, want)
		}
	}
	for _, text := range []string{
		"Fagbrev som elektriker gr. L eller minimum 3 års erfaring på området", // cargill-elektriker-bergneset
		"Erfaring i inntil 2 år",
	} {
		if got := MinYears(text); got != nil {
			t.Errorf("MinYears(%q) = %d, want nil", text, *got)
		}
	}
}

// A remote job that names no place is remote in the country the text or
// the language gives.
func TestRemoteWithoutPlace(t *testing.T) {
	n := New(nil)
	// api7-text-sre-engineer
	p := n.Normalize("s", "API7.ai", model.Raw{ID: "1", Title: "SRE 工程师",
		DescriptionText: "- 我们是一家分布式的公司，员工分布在国内 6 个城市，通过 GitHub、Slack、谷歌文档、腾讯会议完成全部的协作。\n### 任职要求\n1. 具有 Python/Go 或其他语言开发经验"})
	if want := []model.Location{{Country: "CN", Remote: true}}; !reflect.DeepEqual(p.Locations, want) || p.Workplace != "remote" {
		t.Errorf("locations %+v workplace %q, want %+v remote", p.Locations, p.Workplace, want)
	}
	p = n.Normalize("s", "Acme", model.Raw{ID: "2", Title: "Software Engineer",
		DescriptionText: "This role is remote. You must be authorized to work in the United States."})
	if want := []model.Location{{Country: "US", Remote: true}}; !reflect.DeepEqual(p.Locations, want) {
		t.Errorf("locations %+v, want %+v", p.Locations, want)
	}
	// a place on the platform: no remote place is made up
	p = n.Normalize("s", "Acme", model.Raw{ID: "3", Title: "Software Engineer", Locations: []string{"Berlin"},
		DescriptionText: "We are a fully distributed company."})
	if want := []model.Location{loc("Berlin", "Berlin", "DE")}; !reflect.DeepEqual(p.Locations, want) {
		t.Errorf("locations %+v, want %+v", p.Locations, want)
	}
}

// Compound nouns for the manager of development.
func TestEngineeringChiefs(t *testing.T) {
	for title, want := range map[string]string{
		"Utviklingssjef":          RoleEngineeringManager,
		"Udviklingschef":          RoleEngineeringManager,
		"IT-chef":                 RoleEngineeringManager,
		"Teamleder for udvikling": RoleEngineeringManager,
		"Salgssjef":               RoleOther,
		"Driftsleder Byggdrift":   RoleOther, // a dev NAV title: building operations
		"Kvalitetssjef":           RoleOther,
	} {
		if got := Role(title); got != want {
			t.Errorf("Role(%q) = %s, want %s", title, got, want)
		}
	}
}
