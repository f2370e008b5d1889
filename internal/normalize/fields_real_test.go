package normalize

import (
	"testing"
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
