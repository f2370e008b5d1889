package normalize

import (
	"reflect"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// Round 5 of the non-skill fields: every case is a real sentence, title,
// label or field of a dev document of the corpus (its slug in the comment).

// A share of the working time given to remote work makes the job hybrid:
// the places named beside it are where it is, and none is remote.
func TestRemoteShares(t *testing.T) {
	for label, want := range map[string][]model.Location{
		"Köln und Remote (40% Köln | 60% Remote)":                    {loc("Cologne", "North Rhine-Westphalia", "DE")}, // qualistack-text-testautomatisierer-selenium-java
		"75% Remote | 25% Nürnberg":                                  {loc("Nuremberg", "Bavaria", "DE")},              // nemensis-text-tester-sctm-aqua
		"80% remote (Onshore, Vor-Ort-Termine in Baden-Württemberg)": {{Region: "Baden-Württemberg", Country: "DE"}},   // mund-consulting-text-senior-java-developer: no town, a region (round 6)
	} {
		if got := Locations(label); !reflect.DeepEqual(got, want) {
			t.Errorf("Locations(%q) = %+v, want %+v", label, got, want)
		}
	}
	for hint, want := range map[string]string{
		"60 % Remote":  "hybrid", // eviden-austria-text-tester-senior
		"80 % Remote":  "hybrid", // vision-consulting-text-entwickler-systemarchitektur-plattform
		"100 % Remote": "remote", // ipsways-text-cassandra-db-entwickler
		"Remote":       "remote",
	} {
		if got := workplaceHint(hint); got != want {
			t.Errorf("workplaceHint(%q) = %q, want %q", hint, got, want)
		}
	}
	// a figure that is no share of remote work leaves the label alone
	if got := Locations("Berlin (100% Präsenz)"); len(got) != 1 || got[0].City != "Berlin" {
		t.Errorf("Locations(Berlin (100%% Präsenz)) = %+v", got)
	}
}

// German workplace fields and cues of freelance project listings.
func TestGermanWorkplaceFields(t *testing.T) {
	for text, want := range map[string][]model.Location{
		// nemensis-text-tester-sctm-aqua: the field inside a line
		"Laufzeit: asap - 31.10.2025 (Eine Verlängerung ist geplant)Auslastung: 80% - 100%Standort: 75% Remote | 25% Nürnberg": {loc("Nuremberg", "Bavaria", "DE")},
		// qualistack-text-testautomatisierer-selenium-java
		"Leistungsort: Köln und Remote (40% Köln | 60% Remote)": {loc("Cologne", "North Rhine-Westphalia", "DE")},
		// vision-consulting-text-entwickler-systemarchitektur-plattform
		"- Projektstandort Hannover, Großteil remote": {loc("Hanover", "Lower Saxony", "DE")},
		// eviden-austria-text-tester-senior
		"- Remote (mind. 60%) und Teilweise auch vor Ort in Wien": {loc("Vienna", "Vienna", "AT")},
		// ipsways-text-cassandra-db-entwickler: "ggf." (if need be) ends no sentence
		"Einsatzort: Remote - ggf. Wien": {{City: "Vienna", Region: "Vienna", Country: "AT", Remote: true}},
	} {
		if got := textPlaces(text, ""); !reflect.DeepEqual(got, want) {
			t.Errorf("textPlaces(%q) = %+v, want %+v", text, got, want)
		}
	}
}

// A cue before a list of the company's offices names no workplace.
func TestOfficeListIsNoWorkplace(t *testing.T) {
	// variant-text-fagleder-tjenestedesign-i-norge
	text := "Vi er over 100 ansatte fordelt på kontorer i Trondheim, Oslo, Bergen, Stockholm, Gøteborg og Linkøping, alle med sine unike personligheter."
	if got := textPlaces(text, "NO"); got != nil {
		t.Errorf("textPlaces(office list) = %+v, want none", got)
	}
	if got := textPlaces("Du vil jobbe på kontoret i Trondheim.", "NO"); len(got) != 1 || got[0].City != "Trondheim" {
		t.Errorf("textPlaces(one office) = %+v, want Trondheim", got)
	}
}

// Remote work offered as an alternative to the places adds a remote place.
func TestRemoteOption(t *testing.T) {
	sf, ny := loc("San Francisco", "California", "US"), loc("New York", "New York", "US")
	muenster := loc("Münster", "North Rhine-Westphalia", "DE")
	for _, tt := range []struct {
		locs []model.Location
		text string
		want []model.Location
	}{
		// figma-greenhouse
		{[]model.Location{sf, ny}, "This is a full time role that can be held from one of our US hubs or remotely in the United States.",
			[]model.Location{sf, ny, {Country: "US", Remote: true}}},
		// comenius-institut-text-softwareentwickler
		{[]model.Location{muenster}, "* auf Wunsch komplette Remote-Arbeit möglich, sonst Dienstort Münster",
			[]model.Location{muenster, {Country: "DE", Remote: true}}},
		// github-greenhouse: where others work is no offer
		{[]model.Location{sf}, "The other half of our Hubbers work remotely in 18 countries across the globe.", []model.Location{sf}},
	} {
		if got := remoteOption(tt.locs, tt.text); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("remoteOption(%q) = %+v, want %+v", tt.text, got, tt.want)
		}
	}
}

// Role families of titles the rules missed.
func TestRoleRound5(t *testing.T) {
	for title, want := range map[string]string{
		// testers of software are software engineers
		"Tester - Senior Vollzeit // IBM Rational RQM / ISTQB FL / Atos / Eviden / E-Goverment/Zoll": RoleSoftwareEngineer, // eviden-austria-text-tester-senior
		"75% Remote: Tester (m/w/d) mit SCTM und Aqua KnowHow - Öffentlicher Sektor":                 RoleSoftwareEngineer, // nemensis-text-tester-sctm-aqua
		"Testautomatisierer (m/w/d) Fokus Selenium | Java | Jenkins | ISTQB (m/w/d)":                 RoleSoftwareEngineer, // qualistack-text-testautomatisierer-selenium-java
		"Penetration Tester": RoleSecurityEngineer,
		"Hardware Tester":    RoleOther,
		// two job nouns: the first names the job
		"Drupal Web Developer / Designer": RoleSoftwareEngineer, // lumaserv-text-drupal-web-developer-designer
		"UX Designer / Developer":         RoleDesigner,
		// security jobs
		"Security Champion (m/w/d)": RoleSecurityEngineer, // experis-text-security-champion
		"IT System Engineer (m/w/d) - SIEM und Vulnerability Management / Netzwerkumfeld": RoleSecurityEngineer, // duragis-text-it-system-engineer-siem
		"Senior Systems Engineer": RoleSRE,
		// the administrator of IT systems runs them
		"2 Senior Admin (Openshift/Kubernetes/GitHub/Argo/ISTIO/Vault/ Prometheus usw.)": RoleSRE, // randstad-professional-text-senior-admin-openshift
		"2x Database Administrator Microsoft SQL (m/w/d) - ab Oktober - 6 Monate+ -":     RoleOther,
		"Open Collective Foundation: Finance Admin":                                      RoleOther,
		// a compound of "design" names the designer's field
		"Fagleder Tjenestedesign i Norge": RoleDesigner, // variant-text-fagleder-tjenestedesign-i-norge
	} {
		if got := Role(title); got != want {
			t.Errorf("Role(%q) = %q, want %q", title, got, want)
		}
	}
}

// A contractor's rate by the hour or day, a range with words between its
// amounts, and a benefit budget in Norwegian.
func TestSalaryRound5(t *testing.T) {
	for _, tt := range []struct {
		text, def string
		want      []model.Salary
	}{
		{"Für diese Position können wir einen max netto Stundensatz von 75,00 € € für vor Ort und remote anbieten.", "", // nemensis-text-tester-sctm-aqua
			[]model.Salary{{Min: 75, Max: 75, Currency: "EUR", Period: "hour"}}},
		{"• Max. Stundensatz: 73,50 EUR?all-in (bei 30 Tagen Zahlungsziel)", "", // randstad-professional-text-senior-admin-openshift
			[]model.Salary{{Min: 73.5, Max: 73.5, Currency: "EUR", Period: "hour"}}},
		{"Tagessatz: 800 € zzgl. MwSt.", "", []model.Salary{{Min: 800, Max: 800, Currency: "EUR", Period: "day"}}},
		{"Lön 30 000 - till över 50 000 kr beroende på erfarenhet.", "SEK", // statist-webbutvecklare-java
			[]model.Salary{{Min: 30000, Max: 50000, Currency: "SEK", Period: "month"}}},
		{"- Gadget-budsjett på 12.000 kr. pluss mva. per år", "NOK", []model.Salary{}}, // variant-text-utvikler-bergen
	} {
		got := salaries(tt.text, tt.def)
		if len(got) == 0 && len(tt.want) == 0 {
			continue
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("salaries(%q) = %+v, want %+v", tt.text, got, tt.want)
		}
	}
}

// "Bachelor's degree required; advanced degree preferred": the degree of
// a clause that ends with a preference marker is preferred; a marker
// after a comma closes another clause.
func TestEducationTrailingPreference(t *testing.T) {
	n := normalizer(t)
	for _, tt := range []struct {
		text     string
		req, pre []string
	}{
		// persado-workable
		{"Requirements\n- Bachelor’s degree required; advanced degree or professional certification (PgMP, MSP, PMP) preferred",
			[]string{"Bachelor's"}, []string{"Master's"}},
		{"Requirements\n- Bachelor's degree required; MS or PhD preferred", []string{"Bachelor's"}, []string{"Master's", "PhD"}},
		{"Requirements\n- Master's degree required", []string{"Master's"}, []string{}},
		{"Requirements\n- BS in Computer Science, Statistics or a related field, MS preferred.", []string{"Bachelor's"}, []string{"Master's"}},
	} {
		p := n.Normalize("s", "c", model.Raw{Title: "Project Manager", DescriptionText: tt.text})
		if !reflect.DeepEqual(p.Education.Required, tt.req) || !reflect.DeepEqual(p.Education.Preferred, tt.pre) {
			t.Errorf("%q: education %+v, want required %v preferred %v", tt.text, p.Education, tt.req, tt.pre)
		}
	}
}

// German years: "Mind." (at least) before the number, a compound noun of
// experience after it, a span of past years and years nested in a figure
// before them.
func TestYearsRound5(t *testing.T) {
	for text, want := range map[string]int{
		"– Mind. 5 Jahre Projekterfahrung in der Softwareentwicklung mit Java/JEE": 5, // mund-consulting-text-senior-java-developer
		// eviden-austria-text-tester-senior
		"- in den letzten 8 Jahren über zumindest 6 Jahre Berufserfahrung in der IT-Branche und davon zumindest 4 Jahre praktische Testerfahrung": 6,
		"5+ years of experience, of which 2 years in Go": 5,
		"3 Jahre Testerfahrung":                          3,
	} {
		if got := MinYears(text); got == nil || *got != want {
			t.Errorf("MinYears(%q) = %v, want %d", text, got, want)
		}
	}
	if got := MinYears("Erfahrung in den letzten 8 Jahren"); got != nil {
		t.Errorf("a span of past years: %d, want nil", *got)
	}
}

// The area around a known city is the city.
func TestMetroArea(t *testing.T) {
	for label, want := range map[string]model.Location{
		"Greater Copenhagen":                  loc("Copenhagen", "Capital Region of Denmark", "DK"),
		"Copenhagen Area":                     loc("Copenhagen", "Capital Region of Denmark", "DK"),
		"Stockholm Metropolitan Area, Sweden": loc("Stockholm", "Stockholm County", "SE"),
		"Greater London Area":                 loc("London", "England", "GB"),
	} {
		if got := Locations(label); !reflect.DeepEqual(got, []model.Location{want}) {
			t.Errorf("Locations(%q) = %+v, want %+v", label, got, want)
		}
	}
	if got := Locations("Capital Area"); len(got) != 1 || got[0].Name != "Capital Area" {
		t.Errorf("Locations(Capital Area) = %+v, want it unread", got)
	}
}
