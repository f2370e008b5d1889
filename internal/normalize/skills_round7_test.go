package normalize

import (
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// Round 7 on skills (issue 9). The sentences marked with a slug are real,
// from dev documents of the real-world corpus (internal/corpus).

// PROTOCOL.md, methods of working: the adjective "agile" names the method
// Agile when it qualifies a way of working (a team, an environment, a
// project, a practice) or stands next to another method, in any language;
// as a trait of a person or a team it is not the method.
func TestAgileAsMethod(t *testing.T) {
	checkSkills(t, []skillCase{
		{
			// allegis-text-data-engineer-python-developer
			name: "agilen Teams",
			raw:  model.Raw{DescriptionText: "Was Sie mitbringen:\n- Sicheres Arbeiten in agilen Teams\n- Python"},
			want: model.Skills{Required: []string{"Agile", "Python"}},
		},
		{
			// cds-software-development-manager
			name: "iterative, agile and fast-moving environments",
			raw:  model.Raw{DescriptionText: "Qualifications\n- Experience working in iterative, agile and fast-moving environments."},
			want: model.Skills{Required: []string{"Agile"}},
		},
		{
			// cds-fr-conseiller-politiques-btn
			name: "environnement agile",
			raw:  model.Raw{DescriptionText: "Qualifications requises\n- Capacité à travailler dans un environnement agile et ouvert "},
			want: model.Skills{Required: []string{"Agile"}},
		},
		{
			// codeando-mexico-text-lider-de-comunidad
			name: "ambientes de trabajo ágiles",
			raw:  model.Raw{DescriptionText: "Requisitos:\n* Experiencia en ambientes de trabajo ágiles y rápidos en donde se toman decisiones día a día."},
			want: model.Skills{Required: []string{"Agile"}},
		},
		{
			// dtd-text-software-engineer: next to another method
			name: "waterfall e agile",
			raw:  model.Raw{DescriptionText: "Requisiti\n-   Padronanza delle metodologie di sviluppo *waterfall* e *agile*"},
			want: model.Skills{Required: []string{"Agile"}},
		},
		{
			// sparebank1-text-utviklingsleder
			name: "smidig, Lean",
			raw:  model.Raw{DescriptionText: "Kvalifikasjoner\n* Inngående kunnskap om smidig, Lean og moderne utviklingsmetodikk"},
			want: model.Skills{Required: []string{"Agile", "Lean"}},
		},
		{
			// eviden-austria-text-tester-senior: a compound noun
			name: "agilen Software-Entwicklungsprojekten",
			raw:  model.Raw{DescriptionText: "Ihr Profil\n- Erfahrung mit Testing in agilen Software-Entwicklungsprojekten"},
			want: model.Skills{Required: []string{"Agile"}},
		},
		{
			// dinex-nvh-test-engineer: the first of a list of traits
			name: "Agile, customer-focused",
			raw:  model.Raw{DescriptionText: "Requirements\n- Ability to apply creative problem solving\n- Agile, customer-focused, and result-oriented\n- Good level with MS Office"},
			want: model.Skills{Required: []string{"Microsoft Office"}},
		},
		{
			name: "an agile, innovative team is a trait",
			raw:  model.Raw{DescriptionText: "Requirements\n- You are an agile, dynamic person who joins an agile, innovative team"},
		},
		{
			name: "agile solutions are no method",
			raw:  model.Raw{DescriptionText: "Requirements\n- You build agile solutions and stay agile"},
		},
		{
			// sinnerschrader-text-product-owner: the place decides the
			// bucket; a team's way of working under the perks is mentioned
			name: "agiles Team among the perks",
			raw:  model.Raw{DescriptionText: "Was wir bieten\n- Angenehme Arbeitsatmosphäre, Spaß bei der Arbeit und ein agiles, innovatives Team"},
		},
	})
}

// "An ideal candidate would also:" after what all candidates must: the
// conditional with "also" opens the extras, though "ideal candidate" alone
// reads as requirements.
func TestWouldAlsoOpensExtras(t *testing.T) {
	checkSkills(t, []skillCase{
		{
			// tor-project-project-manager
			name: "An ideal candidate would also:",
			raw: model.Raw{DescriptionText: "In general, you should:\n\nBe comfortable working remotely.\n\n" +
				"An ideal candidate would also:\n\nHave experience with open-source software development, including working with distributed teams.\n" +
				"Have basic familiarity with distributed version control systems such as git."},
			want: model.Skills{Preferred: []string{"Git", "Open Source", "Version Control"}},
		},
		{
			// tor-project-lead-automation-engineer
			name: "would also possess several of the following skills",
			raw: model.Raw{DescriptionText: "All candidates must:\n\nBe proficient in Python.\n\n" +
				"An ideal candidate would also possess several of the following skills:\n\nBe familiar with Jenkins or a similar Open Source nightly build system."},
			want: model.Skills{Required: []string{"Python"}, Preferred: []string{"Jenkins", "Open Source"}},
		},
		{
			name: "the ideal candidate alone still requires",
			raw:  model.Raw{DescriptionText: "The ideal candidate will have:\n\nExperience with Python."},
			want: model.Skills{Required: []string{"Python"}},
		},
	})
}

// Open Source: a product's or the company's own community is theirs, not a
// skill; an item that asks to know something open source and prefers
// contributing to it prefers taking part in open source, while the products
// it names stay required.
func TestOpenSourcePlaces(t *testing.T) {
	checkSkills(t, []skillCase{
		{
			// api7-text-kubernetes-engineer: Kubernetes's own community,
			// then the preference for contributors
			name: "其开源社区 then 开源贡献者优先",
			raw:  model.Raw{DescriptionText: "任职要求：\n1. 熟悉 Kubernetes 技术及其开源社区；\n5. Kubernetes 相关社区开源贡献者优先。"},
			want: model.Skills{Required: []string{"Kubernetes"}, Preferred: []string{"Open Source"}},
		},
		{
			// baidu-senior-rust-engineer
			name: "熟悉Github开源社区，长期贡献者优先",
			raw:  model.Raw{DescriptionText: "任职要求：\n- 熟悉Github开源社区，长期贡献者优先"},
			want: model.Skills{Preferred: []string{"Open Source"}},
		},
		{
			// geely-blockchain-engineer: the products stay required
			name: "相关开源项目中的一种或多种，有研究和贡献经验优先",
			raw:  model.Raw{DescriptionText: "任职要求：\n4.熟悉Hyperledger Fabric、Ethereum、IPFS等相关开源项目中的一种或多种，有研究和贡献经验优先；"},
			want: model.Skills{Required: []string{"Ethereum", "Hyperledger Fabric", "IPFS"}, Preferred: []string{"Open Source"}},
		},
		{
			// api7-text-marketing-intern
			name: "了解开源文化，有参加过与开源相关的活动、工作优先考虑",
			raw:  model.Raw{DescriptionText: "任职要求：\n5. 了解开源文化，有参加过与开源相关的活动、工作优先考虑。"},
			want: model.Skills{Preferred: []string{"Open Source"}},
		},
		{
			name: "a preference without contributing leaves it required",
			raw:  model.Raw{DescriptionText: "任职要求：\n- 熟悉开源项目，有Rust经验优先"},
			want: model.Skills{Required: []string{"Open Source"}, Preferred: []string{"Rust"}},
		},
		{
			name: "our open source community",
			raw:  model.Raw{DescriptionText: "Requirements\n- You will engage with our open source community and write Python"},
			want: model.Skills{Required: []string{"Python"}},
		},
	})
}

// GitHub as a site with a community is not the version control tool.
func TestGitHubCommunity(t *testing.T) {
	checkSkills(t, []skillCase{
		{
			name: "the GitHub community",
			raw:  model.Raw{DescriptionText: "Requirements\n- You are active in the GitHub community and use GitHub daily"},
			want: model.Skills{Required: []string{"GitHub"}},
		},
		{
			name: "the GitHub open source community alone",
			raw:  model.Raw{DescriptionText: "Requirements\n- You are active in the GitHub open source community"},
			want: model.Skills{Required: []string{"Open Source"}},
		},
	})
}

// The comment lines of a YAML front matter are instructions to whoever
// edits the file, not the posting; its keys and the body stay.
func TestFrontMatterComments(t *testing.T) {
	// login-gov-data-analyst (the TTS job template): the editor's
	// instructions name GitHub
	text := "---\nlayout: layouts/jointts/job-listing\n" +
		"# If you are editing this file on GitHub, first make sure you are creating a   #\n" +
		"# new file, and are not editing the template file! To create a new file, go to #\n" +
		"title: \"Login.gov: Data Analyst\"\n" +
		"specialized_requirements: |\n  - Experience with SQL\n---\n\n# Requirements\n\n- Python\n"
	checkSkills(t, []skillCase{{
		name: "TTS template comments",
		raw:  model.Raw{DescriptionText: text},
		want: model.Skills{Required: []string{"Python", "SQL"}},
	}})
	got := dropFrontMatterComments(text)
	if strings.Contains(got, "editing this file") || !strings.Contains(got, "# Requirements") || !strings.Contains(got, "specialized_requirements") {
		t.Errorf("dropFrontMatterComments kept the comments or lost the rest:\n%s", got)
	}
	if plain := "# Requirements\n- Git\n"; dropFrontMatterComments(plain) != plain {
		t.Errorf("a text without front matter changed")
	}
}

// An underscore inside a word joins it: an identifier is one name
// ("io_uring", "Check_MK"), not two words split by a separator.
func TestUnderscoreJoinsIdentifier(t *testing.T) {
	checkSkills(t, []skillCase{
		{
			// datenlord-rust-engineer
			name: "io_uring among file system names",
			raw:  model.Raw{DescriptionText: "任职要求：\n* 熟悉Linux内核IO相关功能，有ext4、FUSE、io_uring、eBPF相关经验优先；"},
			want: model.Skills{Required: []string{"Linux"}, Preferred: []string{"FUSE", "eBPF", "ext4", "io_uring"}},
		},
		{
			name: "Check_MK",
			raw:  model.Raw{DescriptionText: "Requirements\n- Erfahrung mit Check_MK und Ansible"},
			want: model.Skills{Required: []string{"Ansible", "Checkmk"}},
		},
		{
			name: "markdown emphasis stays apart",
			raw:  model.Raw{DescriptionText: "Requirements\n- _Python_ and __Go__ skills"},
			want: model.Skills{Required: []string{"Go", "Python"}},
		},
	})
}

// Round 7 taxonomy entries, on the dev sentences that name them.
func TestRound7TaxonomyNames(t *testing.T) {
	checkSkills(t, []skillCase{
		{
			// sinnerschrader-text-contentful-developer
			name: "Extreme Programming",
			raw:  model.Raw{DescriptionText: "Was du mitbringst\n- Erfahrung mit Methoden wie Design Patterns, Clean Code, Agile Development (Scrum/Extreme Programming)"},
			want: model.Skills{Required: []string{"Agile", "Design Patterns", "Extreme Programming", "Scrum"}},
		},
		{
			// tor-project-lead-automation-engineer
			name: "fuzzing techniques",
			raw:  model.Raw{DescriptionText: "Nice to have:\n- Be experienced with fuzzing techniques and ideas"},
			want: model.Skills{Preferred: []string{"Fuzzing"}},
		},
		{
			// datenlord-rust-engineer: CSI next to CNI
			name: "CNI或CSI接口",
			raw:  model.Raw{DescriptionText: "任职要求：\n* 有K8S的CNI或CSI接口编程经验优先。"},
			want: model.Skills{Preferred: []string{"CNI", "CSI", "Kubernetes"}},
		},
		{
			name: "CSI alone is no interface",
			raw:  model.Raw{DescriptionText: "Requirements\n- You watch CSI on Fridays"},
		},
		{
			// nemensis-text-tester-sctm-aqua
			name: "SCTM und Aqua",
			raw:  model.Raw{DescriptionText: "Skills:\n- Grundkenntnisse in SCTM und Aqua"},
			want: model.Skills{Required: []string{"Aqua", "SCTM"}},
		},
		{
			// variant-text-fagleder-tjenestedesign-i-norge
			name: "tjenestedesign",
			raw:  model.Raw{DescriptionText: "Vi ser etter:\n- Du har solid erfaring med tjenestedesign"},
			want: model.Skills{Required: []string{"Service Design"}},
		},
	})
}

// An attitude is not a requirement: what the candidate is passionate
// about, curious about or interested in is mentioned, unless the posting
// marks the interest itself as preferred; the sentence may go on to ask
// for something.
func TestAttitudesAreNotRequirements(t *testing.T) {
	checkSkills(t, []skillCase{
		{
			// horizon-robotics-rust-intern
			name: "对AI感兴趣",
			raw:  model.Raw{DescriptionText: "### 岗位要求：\n1. 掌握rust基本用法，能用rust进行生产环境的开发。\n5. 对自动驾驶领域感兴趣，对AI感兴趣，对软件2.0感兴趣。"},
			want: model.Skills{Required: []string{"Rust"}},
		},
		{
			// api7-text-technical-support-engineer: an interest marked
			// preferred is a preference
			name: "对开源有兴趣的优先",
			raw:  model.Raw{DescriptionText: "任职要求：\n6. 熟悉 API 网关产品，对开源有兴趣的优先。"},
			want: model.Skills{Preferred: []string{"Open Source"}},
		},
		{
			// opencollective-senior-ux-designer
			name: "passionate about ... open source",
			raw: model.Raw{DescriptionText: "Requirements\n- We are looking for a Senior UX designer who is passionate about: the future of money, collective work, transparent budgets, open source, mutual aid, and distributed leadership.\n" +
				"- Experience with Figma"},
			want: model.Skills{Required: []string{"Figma"}},
		},
		{
			// rws-lever (AI Conversation Specialist)
			name: "Are you passionate about Artificial Intelligence",
			raw:  model.Raw{DescriptionText: "Requirements\n- Are you passionate about Artificial Intelligence and eager to contribute to innovative projects?"},
		},
		{
			// github-greenhouse 1442654: the sentence goes on to ask
			name: "passionate about software design and have good testing skills",
			raw:  model.Raw{DescriptionText: "Requirements\n- You're passionate about software design and have good testing skills"},
			want: model.Skills{Required: []string{"Software Testing"}},
		},
		{
			name: "passion for Python and experience with Django",
			raw:  model.Raw{DescriptionText: "Requirements\n- Passion for Python and experience with Django"},
			want: model.Skills{Required: []string{"Django"}},
		},
	})
}

// Statistical reporting is a finance duty (official returns), not
// Statistics.
func TestStatisticalReporting(t *testing.T) {
	checkSkills(t, []skillCase{
		{
			// esab-financial-controller-gothenburg
			name: "VAT and statistical reporting",
			raw:  model.Raw{DescriptionText: "Qualifications\n- Experience from VAT and statistical reporting\n- Experience in cost center controlling, budgeting and forecasting"},
			want: model.Skills{Required: []string{"Forecasting"}},
		},
		{
			name: "statistical analysis stays",
			raw:  model.Raw{DescriptionText: "Qualifications\n- Experience with statistical analysis"},
			want: model.Skills{Required: []string{"Statistics"}},
		},
	})
}

// A "Soft Skills" heading opens part of the candidate's profile: soft
// skills are no skills, but a method named there is asked.
func TestSoftSkillsHeading(t *testing.T) {
	checkSkills(t, []skillCase{
		{
			// avance-consulting-text-apig-engineer-zurich
			name: "Soft Skills after the responsibilities",
			raw: model.Raw{DescriptionText: "Key Responsibilities:\nAutomate deployments via CI/CD pipelines and scripting.\n\n" +
				"Soft Skills\nExcellent problem-solving and debugging skills.\nAbility to work in agile teams and communicate with stakeholders effectively"},
			want: model.Skills{Required: []string{"Agile"}},
		},
		{
			// bosshard-partner-text-data-scientist-internal-fraud: agile
			// as a person's trait stays no method
			name: "As an agile worker",
			raw:  model.Raw{DescriptionText: "**Soft Skills**\n\n- As an agile worker, you enjoy working in a fast-paced environment where things evolve quickly"},
		},
	})
}
