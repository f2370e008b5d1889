package normalize

import (
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// Session 24 (issue 9): fields other than skills, on titles and sentences
// of dev documents.

// TestSecurityLedEngineer_s24: an engineer whose field words open with
// security is a security engineer whatever specialty follows (dev
// cjr-clickhouse, cjr-linro, cjr-scopely, cjr-sofi, cjr-tailscale); a
// software engineer of security and a presales engineer stay what they are.
func TestSecurityLedEngineer_s24(t *testing.T) {
	tests := []struct{ title, want string }{
		{"Senior Security Automation Engineer", RoleSecurityEngineer},
		{"Security & Compliance Engineer - Remote Germany", RoleSecurityEngineer},
		{"Senior Security Compliance Engineer", RoleSecurityEngineer},
		{"Staff Vulnerability Management Engineer", RoleSecurityEngineer},
		{"Security Infrastructure Engineer", RoleSecurityEngineer},
		{"Cyber Security Platform Engineer", RoleSecurityEngineer},
		// session 35: an engineer whose field is security, as the dev
		// labels of cjr-pinterest-security-software-engineer-ii-* and
		// cjr-vercel-security-software-engineer-* read it (PROTOCOL.md,
		// security titles; this case said Software Engineer before)
		{"Security Software Engineer", RoleSecurityEngineer},
		{"Senior Software Engineer, Server Networking Security (Rust)", RoleSoftwareEngineer},
		{"Security Solutions Engineer", RoleOther},
		{"Solution Engineer (Spanish/English) - Leuven", RoleOther},
		{"Infrastructure Engineer", RoleSRE},
		// a director of a technical security team (dev cjr-fireblocks)
		{"Director Application Security", RoleEngineeringManager},
		{"Director of Product Security", RoleEngineeringManager},
		{"Director of Sales", RoleOther},
	}
	for _, tt := range tests {
		if got := Role(tt.title); got != tt.want {
			t.Errorf("Role(%q) = %q, want %q", tt.title, got, tt.want)
		}
	}
}

// TestPayFigures_s24: cents are read exactly (dev
// cjr-twilio-global-security-operations-center-operator), and a company's
// business figures or a development budget are not pay (dev
// jr-lawnstarter, cjr-tailscale).
func TestPayFigures_s24(t *testing.T) {
	got := Salaries("Based in Colorado, Hawaii, Illinois, Maryland, Massachusetts, Minnesota, Vermont or Washington D.C. : $26.27 - $32.84 per hour")
	if len(got) != 1 || got[0].Min != 26.27 || got[0].Max != 32.84 || got[0].Period != "hour" {
		t.Errorf("cents: got %+v", got)
	}
	for _, s := range []string{
		"LawnStarter is the nation's leading on-demand marketplace for lawn care and outdoor services, with over $100M in annual bookings.",
		"Grow your career thoughtfully with $1500 USD annually for professional development, or take advantage of mentorship.",
		"We reached $20M in annual recurring revenue last year.",
	} {
		if got := Salaries(s); len(got) != 0 {
			t.Errorf("Salaries(%q) = %+v, want none", s, got)
		}
	}
	if got := Salaries("Competitive salary of USD $80,000–$100,000 annual base"); len(got) != 1 || got[0].Min != 80000 || got[0].Max != 100000 {
		t.Errorf("pay beside them: got %+v", got)
	}
}

// TestDegreeAlternativesAcrossArticles_s24: "a related field or a
// Bachelor's degree" goes on with the sentence (a list item never ends
// with an article), so the degrees stay alternatives (dev
// cjr-n26-senior-cloud-security-engineer); "MFA" alone is multi-factor
// authentication, not a Master of Fine Arts (dev cjr-okta).
func TestDegreeAlternativesAcrossArticles_s24(t *testing.T) {
	n := New(nil)
	tests := []struct {
		text      string
		req, pref []string
	}{
		{"Requirements\n- Educational Background: A Master's degree in cybersecurity or a related field or a Bachelor's degree in computer science or a related field with an advanced security certification.",
			[]string{"Bachelor's"}, nil},
		{"Requirements\n- Experience securing identity flows (SSO, MFA, OAuth).\n- Education: An Undergraduate and/or Masters Degree in Computer Science, Engineering, Information Systems or a related technical field.",
			[]string{"Bachelor's"}, nil},
		{"Requirements\n- Experience with MFA and SSO", nil, nil},
		{"Requirements\n- Master of Fine Arts in Graphic Design", []string{"Master's"}, nil},
	}
	for _, tt := range tests {
		p := n.Normalize("s", "c", model.Raw{ID: "1", Title: "Engineer", DescriptionText: tt.text})
		if !sameDegrees(p.Education.Required, tt.req) || !sameDegrees(p.Education.Preferred, tt.pref) {
			t.Errorf("%q -> required %v preferred %v, want %v %v", tt.text, p.Education.Required, p.Education.Preferred, tt.req, tt.pref)
		}
	}
}

// TestDegreeFieldPreference_s24: a marker after a degree that qualifies
// its field ("preferably in IT") leaves the degree asked for (the sentence
// of dev cjr-solaris-se-senior-it-auditor, under a requirements heading);
// a marker of the degree itself still makes it preferred.
func TestDegreeFieldPreference_s24(t *testing.T) {
	n := New(nil)
	tests := []struct {
		text      string
		req, pref []string
	}{
		{"Requirements\n- Educational degree, preferably in IT, Cyber Security, Information Security or any other related fields.",
			[]string{"Bachelor's"}, nil},
		{"Anforderungen\n- Abgeschlossenes Studium, idealerweise im Bereich Informatik", []string{"Bachelor's"}, nil},
		{"Requirements\n- Bachelor's degree in Computer Science preferred", nil, []string{"Bachelor's"}},
		{"Requirements\n- Bachelor's degree, ideally a Master's", []string{"Bachelor's"}, []string{"Master's"}},
		{"Requirements\n- Preferably a university degree in IT", nil, []string{"Bachelor's"}},
	}
	for _, tt := range tests {
		p := n.Normalize("s", "c", model.Raw{ID: "1", Title: "Engineer", Locations: []string{"Frankfurt, Germany"}, DescriptionText: tt.text})
		if !sameDegrees(p.Education.Required, tt.req) || !sameDegrees(p.Education.Preferred, tt.pref) {
			t.Errorf("%q -> required %v preferred %v, want %v %v", tt.text, p.Education.Required, p.Education.Preferred, tt.req, tt.pref)
		}
	}
}

// TestRemoteStatement_s24: a sentence that says the job is remote makes
// its places remote (dev jr-lawnstarter, jr-wellhub); a remote-first
// company does not.
func TestRemoteStatement_s24(t *testing.T) {
	n := New(nil)
	br := model.Location{City: "Belo Horizonte", Region: "Minas Gerais", Country: "BR"}
	tests := []struct {
		labels []string
		text   string
		want   []model.Location
	}{
		{[]string{"Belo Horizonte, Brazil"}, "This is a remote role for candidates located in Belo Horizonte, Brazil About LawnStarter LawnStarter is the nation's leading marketplace.",
			[]model.Location{{City: br.City, Region: br.Region, Country: br.Country, Remote: true}}},
		{[]string{"Brazil"}, "Staff Platform Engineer in our Platform Engineering team in Brazil ! This is a Remote – Brazil position, meaning you can work from anywhere within the country.",
			[]model.Location{{Country: "BR", Remote: true}}},
		{[]string{"Belo Horizonte, Brazil"}, "This is a remote-first company with offices in Belo Horizonte.", []model.Location{br}},
	}
	for _, tt := range tests {
		p := n.Normalize("s", "c", model.Raw{ID: "1", Title: "Engineer", Locations: tt.labels, DescriptionText: tt.text})
		if len(p.Locations) != len(tt.want) {
			t.Errorf("%q -> %+v, want %+v", tt.text, p.Locations, tt.want)
			continue
		}
		for i := range tt.want {
			g := p.Locations[i]
			if g.City != tt.want[i].City || g.Region != tt.want[i].Region || g.Country != tt.want[i].Country || g.Remote != tt.want[i].Remote {
				t.Errorf("%q -> %+v, want %+v", tt.text, p.Locations, tt.want)
				break
			}
		}
	}
}

// TestTelAvivYafo_s24: the city's official name in a listing's label is
// Tel Aviv in English (dev cjr-fireblocks, cjr-orca-security).
func TestTelAvivYafo_s24(t *testing.T) {
	for _, label := range []string{"Tel Aviv-Yafo, Tel Aviv District, Israel", "Tel Aviv Yafo, Israel"} {
		if got := Location(label); got.City != "Tel Aviv" || got.Country != "IL" {
			t.Errorf("Location(%q) = %+v, want Tel Aviv, IL", label, got)
		}
	}
}

// TestRoleVocabulary_s24: job nouns of the same families in more
// languages and forms (the software architect in French, as dev
// cds-fr-architecte-front-end names the front-end one; the Danish fields
// of software work beside the German and Nordic ones; a Nordic head of a
// function; generative AI engineers; business intelligence developers as
// BI developers).
func TestRoleVocabulary_s24(t *testing.T) {
	tests := []struct{ title, want string }{
		{"Architecte logiciel", RoleSoftwareEngineer},
		{"Arquitecto de Software", RoleSoftwareEngineer},
		{"Studentermedhjælper til softwareudvikling", RoleSoftwareEngineer},
		{"Studentermedhjælper til HR", RoleOther},
		{"Chef for softwareudvikling", RoleEngineeringManager},
		{"Leder av systemutvikling", RoleEngineeringManager},
		{"Leder for kundeservice", RoleOther},
		{"Produktsjef", RoleProductManager},
		{"GenAI Engineer", RoleMLEngineer},
		{"Generative AI Engineer", RoleMLEngineer},
		{"Business Intelligence Developer", RoleAnalyticsEngineer},
		{"Enterprise Architect (m/w/d) Öffentlicher Dienst", RoleOther},
	}
	for _, tt := range tests {
		if got := Role(tt.title); got != tt.want {
			t.Errorf("Role(%q) = %q, want %q", tt.title, got, tt.want)
		}
	}
}

// TestCountryCodePrefix_s24: an ATS label that puts the country's code
// before a place of that country (dev cjr-scopely "ES - Barcelona,
// Spain") names the place; "US - Remote" stays remote in the country.
func TestCountryCodePrefix_s24(t *testing.T) {
	tests := []struct {
		label string
		want  model.Location
	}{
		{"ES - Barcelona, Spain", model.Location{City: "Barcelona", Region: "Catalonia", Country: "ES"}},
		{"US - New York, NY", model.Location{City: "New York", Region: "New York", Country: "US"}},
		{"NL - Amsterdam, Netherlands", model.Location{City: "Amsterdam", Region: "North Holland", Country: "NL"}},
		{"US - Remote", model.Location{Country: "US", Remote: true}},
	}
	for _, tt := range tests {
		got := Locations(tt.label)
		if len(got) != 1 || got[0] != tt.want {
			t.Errorf("Locations(%q) = %+v, want %+v", tt.label, got, tt.want)
		}
	}
}

// TestRemoteFirstCompany_s24: a remote-first company is how the company
// works, not a place of the job (dev mint-system-text-support-engineer:
// "Wir sind als Remote-First Unternehmen gestartet", no workplace named);
// a sentence about the job's own remote work still gives the remote place.
func TestRemoteFirstCompany_s24(t *testing.T) {
	n := New(nil)
	tests := []struct {
		text   string
		remote bool
	}{
		{"Mint System ist der Überzeugung, dass nur Open Source Software übersteht. Wir sind als Remote-First Unternehmen gestartet und arbeiten verteilt.", false},
		{"We are a remote-first company.", false},
		{"We are a remote-first company. This role is fully remote.", true},
	}
	for _, tt := range tests {
		p := n.Normalize("s", "c", model.Raw{ID: "1", Title: "Support Engineer", DescriptionText: tt.text})
		got := len(p.Locations) == 1 && p.Locations[0].Remote
		if got != tt.remote || !tt.remote && len(p.Locations) != 0 {
			t.Errorf("%q -> %+v, want remote place %v", tt.text, p.Locations, tt.remote)
		}
	}
}
