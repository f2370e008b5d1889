package normalize

import (
	"reflect"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// The cases of this file are real strings: titles, labels and sentences of
// the dev part of the real-world corpus (internal/corpus/testdata, named in
// the comments) and of the adapters' fixtures (/work/shared/fixtures).

// Titles name their job in many languages and forms; the role is read from
// the job noun, compound nouns included.
func TestRoleRealTitles(t *testing.T) {
	for _, c := range []struct{ title, want string }{
		// sparebank1-text-produkteier-api: Norwegian product owner
		{"Produkteier API", RoleProductManager},
		// persado-workable: a manager of project management
		{"Manager, Project Management", RoleProgramManager},
		// stfc-computational-software-scientist: software, not research
		{"Computational Software Scientist", RoleSoftwareEngineer},
		// steno-aarhus-research-software-engineer
		{"Research software engineer for a research-data infrastructure framework", RoleSoftwareEngineer},
		// ubisoft-smartrecruiters: a community developer builds no software
		{"Community Developer - March of Giants", RoleOther},
		// github-greenhouse: systems engineers run infrastructure (as the
		// corpus labels infrastructure and production engineers)
		{"Senior Systems Engineer", RoleSRE},
		{"Infrastructure Software Engineer - Data Abstractions and Storage", RoleSoftwareEngineer},
		{"Security Operations Engineer", RoleSecurityEngineer},
		// cfpb-backend-developer-devops: a developer, whatever the team
		{"Back-end Developer (DEVOPS)", RoleSoftwareEngineer},
		// compound nouns: sparebank1 path "/javautvikler-sikkerhet", the
		// variant and sinnerschrader texts
		{"javautvikler", RoleSoftwareEngineer},
		{"Plattformutvikler i Trondheim", RoleSoftwareEngineer},
		{"Backend-Entwickler", RoleSoftwareEngineer},
		{"Er du Java-utvikler og interessert i sikkerhet?", RoleSoftwareEngineer},
		// the fixtures' titles
		{"Customer Data Scientist - Experimentation", RoleDataScientist},
		{"Staff Software Engineer, Data Platform", RoleSoftwareEngineer},
		{"Senior Site Reliability Engineer ", RoleSRE},
		{"Senior Technical Recruiter", RoleOther},
		{"Partner Development Representative (f/m/d) - Berlin, Germany", RoleOther},
		// Chinese titles with the job noun in several forms
		{"【上海】吉利集团-数字科技板块招聘", RoleOther}, // the title alone names no job
		{"搜索后端研发工程师", RoleSoftwareEngineer},
		{"高频量化研究员（Senior）", RoleResearchScientist},
	} {
		if got := Role(c.title); got != c.want {
			t.Errorf("Role(%q) = %q, want %q", c.title, got, c.want)
		}
	}
}

// A title that names no job takes the job its description names.
func TestRoleInDescription(t *testing.T) {
	for _, c := range []struct{ title, text, want string }{
		// geely-blockchain-engineer: the pay line names the jobs
		{"【上海】吉利集团-数字科技板块招聘", "Base上海，工程师25-40k 架构师35-50k\n\n**岗位职责：**", RoleSoftwareEngineer},
		// technocreatives-senior-rust-full-stack-developer: the link names it
		{"Rust 远程工作，并且有瑞典移民的机会", "要求： Rust/ Graphql/ Typescript\n\n[https://technocreatives.homerun.co/senior-rust-full-stack-developer/en](https://technocreatives.homerun.co/senior-rust-full-stack-developer/en)", RoleSoftwareEngineer},
		// a title that names a job outside the roles keeps Other
		{"Account Executive, Public Sector", "We're looking for a software engineer", RoleOther},
		// a title that names its job is not overridden
		{"Senior UX Designer", "We are looking for a developer", RoleDesigner},
	} {
		if got := RoleIn(c.title, c.text); got != c.want {
			t.Errorf("RoleIn(%q) = %q, want %q", c.title, got, c.want)
		}
	}
}

// Location labels as ATS boards write them: a work mode or an office next
// to the place, codes in other orders, several places in one label.
func TestLocationRealLabels(t *testing.T) {
	L := func(city, region, country string, remote bool) model.Location {
		return model.Location{City: city, Region: region, Country: country, Remote: remote}
	}
	for _, c := range []struct {
		label string
		want  []model.Location
	}{
		// workday-inc-workday: Workday's dotted path, country first
		{"USA.VA.Reston", []model.Location{L("Reston", "Virginia", "US", false)}},
		// nvidia-workday: "country, city"
		{"China, Shanghai", []model.Location{L("Shanghai", "Shanghai", "CN", false)}},
		// the Greenhouse fixture: a remote office with an employment note
		{"Remote-India (PEO)", []model.Location{L("", "", "IN", true)}},
		{"Germany/Remote", []model.Location{L("", "", "DE", true)}},
		// hirevue-smartrecruiters's title part
		{"Fully Remote US", []model.Location{L("", "", "US", true)}},
		// the Jobvite fixture's "(Chicago/Hybrid)"
		{"Chicago/Hybrid", []model.Location{L("Chicago", "Illinois", "US", false)}},
		// the Greenhouse boards of the corpus
		{"New York, NY (HQ)", []model.Location{L("New York", "New York", "US", false)}},
		{"HQ - San Francisco", []model.Location{L("San Francisco", "California", "US", false)}},
		{"United States - Remote", []model.Location{L("", "", "US", true)}},
		{"Remote within US and Canada", []model.Location{L("", "", "US", true), L("", "", "CA", true)}},
		// figma-greenhouse's office: an ISO code after a known city
		{"Berlin, DE ", []model.Location{L("Berlin", "Berlin", "DE", false)}},
		// linear-ashby: an area wider than a country is no place
		{"Europe, European Union", []model.Location{{Name: "Europe, European Union"}}},
	} {
		if got := Locations(c.label); !reflect.DeepEqual(got, c.want) {
			t.Errorf("Locations(%q) = %+v, want %+v", c.label, got, c.want)
		}
	}
}

// The same classes in labels built from the corpus's place names: an ISO
// code that is also a Canadian province or a US state after a city of
// another country, an office word after the city, a "Remote:" prefix,
// places separated by " / ".
func TestLocationOfficeAndCodeForms(t *testing.T) {
	L := func(city, region, country string, remote bool) model.Location {
		return model.Location{City: city, Region: region, Country: country, Remote: remote}
	}
	for _, c := range []struct {
		label string
		want  []model.Location
	}{
		{"Remote - Amsterdam, NL", []model.Location{L("Amsterdam", "North Holland", "NL", true)}},
		{"Amsterdam HQ", []model.Location{L("Amsterdam", "North Holland", "NL", false)}},
		{"Hybrid in London", []model.Location{L("London", "England", "GB", false)}},
		{"Remote: US", []model.Location{L("", "", "US", true)}},
		{"US-Remote", []model.Location{L("", "", "US", true)}},
		{"Sydney, NSW", []model.Location{L("Sydney", "New South Wales", "AU", false)}},
		{"Seattle, WA", []model.Location{L("Seattle", "Washington", "US", false)}},
		{"Dublin, Ireland / London, UK", []model.Location{L("Dublin", "Leinster", "IE", false), L("London", "England", "GB", false)}},
		{"Luxembourg", []model.Location{L("Luxembourg", "Luxembourg", "LU", false)}},
		{"Singapore", []model.Location{L("Singapore", "", "SG", false)}},
		{"Washington, D.C.", []model.Location{L("Washington", "District of Columbia", "US", false)}},
		{"St. Louis, MO", []model.Location{L("St. Louis", "Missouri", "US", false)}},
	} {
		if got := Locations(c.label); !reflect.DeepEqual(got, c.want) {
			t.Errorf("Locations(%q) = %+v, want %+v", c.label, got, c.want)
		}
	}
}

// Places across a posting's labels and text.
func TestLocationsInPosting(t *testing.T) {
	n := New(nil)
	for _, c := range []struct {
		name string
		raw  model.Raw
		want []model.Location
	}{
		// buildbuddy-software-engineer: remote in the label of a US place
		{"same label", model.Raw{Locations: []string{"San Francisco Bay Area & Remote"}},
			[]model.Location{{Country: "US", Remote: true}, {City: "San Francisco", Region: "California", Country: "US"}}},
		// nvidia-workday: the country field beside the city field
		{"country beside city", model.Raw{Locations: []string{"China", "China, Shanghai"}},
			[]model.Location{{City: "Shanghai", Region: "Shanghai", Country: "CN"}}},
		// opencollective-senior-ux-designer: worldwide, though the team
		// is "based in Mexico, India, Brazil, and the United States"
		{"worldwide", model.Raw{Locations: []string{"Remote (worldwide)"}, DescriptionText: "Pay $48K-$60K/year, open to applicants worldwide, role with Open Collective Inc.\n\nThe design team at Open Collective is currently based in Mexico, India, Brazil, and the United States."},
			[]model.Location{{Remote: true}}},
		// linear-ashby: the platform says remote, the label an area
		{"remote area", model.Raw{Locations: []string{"Europe, European Union"}, Workplace: "Remote"},
			[]model.Location{{Remote: true}}},
	} {
		p := n.Normalize("s", "c", c.raw)
		if !reflect.DeepEqual(p.Locations, c.want) {
			t.Errorf("%s: locations = %+v, want %+v", c.name, p.Locations, c.want)
		}
	}
}

// Degrees named the way other countries (and other phrasings) name them.
func TestEducationRealSentences(t *testing.T) {
	n := New(nil)
	req := func(d ...string) model.Education {
		return model.Education{Required: append([]string{}, d...), Preferred: []string{}}
	}
	for _, c := range []struct {
		name, html string
		locs       []string
		want       model.Education
	}{
		// sparebank1-text-*: Norwegian "higher education at university level"
		{"høyere utdanning", "<p>Vi ser etter deg som har:</p><ul><li>Høyere utdanning på universitets- eller høyskolenivå</li></ul>",
			[]string{"Oslo"}, req("Bachelor's")},
		{"utdanning på universitetsnivå", "<p>Vi ser etter deg som har:</p><ul><li>Utdanning på universitets- eller høgskolenivå</li></ul>",
			[]string{"Oslo"}, req("Bachelor's")},
		// ramp-ashby: "advanced degree" is a Master's, here a plus
		{"advanced degree", "<p>Nice to have:</p><ul><li><p>MBA or advanced degree in quantitative or business discipline.</p></li></ul>",
			[]string{"New York, NY"}, model.Education{Required: []string{}, Preferred: []string{"Master's"}}},
		// nvidia-workday: a Master's student
		{"Master candidate", "<p>Requirements:</p><ul><li><p>Pursuing Master candidate in EE/CS or related field</p></li></ul>",
			[]string{"China, Shanghai"}, req("Master's")},
		// the school-leaving certificate is no degree (the class the
		// issue names; sentence written in the form of the German
		// postings of the corpus)
		{"Abitur", "<p>Dein Profil:</p><ul><li>Abitur oder vergleichbarer Abschluss und erste Erfahrung mit Python</li></ul>",
			[]string{"Münster"}, req()},
		// sinnerschrader: "Studium oder Ausbildung" keeps the degree
		{"Studium oder Ausbildung", "<p>Dein Profil:</p><ul><li>Abgeschlossenes Studium oder Ausbildung im Bereich Medien / Design / Informatik</li></ul>",
			[]string{"Hamburg"}, req("Bachelor's")},
	} {
		p := n.Normalize("s", "c", model.Raw{DescriptionHTML: c.html, Locations: c.locs})
		if !reflect.DeepEqual(p.Education, c.want) {
			t.Errorf("%s: education = %+v, want %+v", c.name, p.Education, c.want)
		}
	}
}
