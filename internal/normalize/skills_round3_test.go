package normalize

import (
	"reflect"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// Round 3 on skills (issue 9). The sentences are real: they come from
// documents of dev half "a" of the real-world corpus (internal/corpus,
// DevHalves), each named by its slug. Every rule was kept only when dev
// half "b", never read case by case, did not get worse.

type skillCase struct {
	name string
	raw  model.Raw
	want model.Skills
}

func checkSkills(t *testing.T, tests []skillCase) {
	t.Helper()
	for _, tt := range tests {
		got := skillsOf(t, tt.raw)
		got.Mentioned = nil
		if tt.want.Required == nil {
			tt.want.Required = []string{}
		}
		if tt.want.Preferred == nil {
			tt.want.Preferred = []string{}
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s:\n got %+v\nwant %+v", tt.name, got, tt.want)
		}
	}
}

func TestOrdinaryWordAliasesAreCaseSensitive(t *testing.T) {
	checkSkills(t, []skillCase{
		{
			// hobbii-warehouse-team-lead: the shop sells yarn
			name: "yarn the product",
			raw:  model.Raw{DescriptionText: "Who are you:\n- At Hobbii we sell yarn to tens of thousands of customers every month\n- building something from scratch should delight you"},
		},
		{
			name: "YARN the resource manager",
			raw:  model.Raw{DescriptionText: "Requirements:\n- Experience with Hadoop YARN or Kubernetes schedulers"},
			want: model.Skills{Required: []string{"Hadoop", "Kubernetes"}},
		},
	})
}

func TestPostalDistrictIsNotALanguage(t *testing.T) {
	checkSkills(t, []skillCase{
		{
			// aarhus-university-ultrafast-photoelectron-spectroscopy
			name: "Aarhus C",
			raw:  model.Raw{DescriptionText: "Qualifications\n- Place of work is Ny Munkegade 120, Aarhus C\n- Experience in C and Python"},
			want: model.Skills{Required: []string{"C", "Python"}},
		},
		{
			name: "a city before a list of languages",
			raw:  model.Raw{DescriptionText: "Requirements:\n- In Oslo: C, Go or Rust"},
			want: model.Skills{Required: []string{"C", "Go", "Rust"}},
		},
	})
}

func TestOfficeAndDesignProducts(t *testing.T) {
	checkSkills(t, []skillCase{
		{
			// dinex-nvh-test-engineer
			name: "MS Office package",
			raw:  model.Raw{DescriptionHTML: "<p><strong>Qualifications</strong></p><ul><li>Good English skills both written and oral</li><li>Good level with MS Office package</li></ul>"},
			want: model.Skills{Required: []string{"Microsoft Office"}},
		},
		{
			// cargill-elektriker-bergneset
			name: "CAD in a Norwegian list",
			raw:  model.Raw{DescriptionHTML: "<p><strong>Kvalifikasjoner</strong></p><ul><li>Erfaring med vedlikeholdssystemer</li><li>Erfaring med CAD for el-tegning </li><li>Gode IT-ferdigheter</li></ul>"},
			want: model.Skills{Required: []string{"CAD"}},
		},
		{
			// MS still names the degree elsewhere; "cad" in lower case is no product
			name: "MS degree and a cad",
			raw:  model.Raw{DescriptionText: "Requirements:\n- MS in Computer Science\n- Don't be a cad"},
		},
	})
}

func TestNorwegianHeadings(t *testing.T) {
	tests := []struct {
		heading string
		want    class
	}{
		{"Kvalifikasjonskrav", clsRequired},                       // kongsvinger-kommune-pedagogisk-radgiver
		{"Utdanningskrav", clsRequired},                           // finnmark-fisk-administrasjonsmedarbeider ("Utdanningskrav: Relevant bachelor")
		{"Ansvar og hovedoppgaver:", clsMentioned},                // finnmark-fisk-administrasjonsmedarbeider
		{"Hovedoppgaver.", clsMentioned},                          // balsfjord-kommune-fagleder-boligtjenesten
		{"Ansvar og myndighet.", clsMentioned},                    // balsfjord-kommune-fagleder-boligtjenesten
		{"Arbeidstid:", clsMentioned},                             // balsfjord-kommune-fagleder-boligtjenesten
		{"Søknadsfrist: tirsdag 14. november 2017", clsMentioned}, // balsfjord-kommune-fagleder-boligtjenesten
		{"Kontaktperson", clsMentioned},                           // finnmark-fisk-administrasjonsmedarbeider
		{"Annet", clsMentioned},                                   // kongsvinger-kommune-pedagogisk-radgiver
		{"Informasjon", clsMentioned},                             // kongsvinger-kommune-pedagogisk-radgiver
		{"Søknad", clsMentioned},                                  // kongsvinger-kommune-pedagogisk-radgiver
		{"Ønskede kvalifikasjoner", clsPreferred},                 // finnmark-fisk-administrasjonsmedarbeider
		{"Kvalifikasjoner", clsRequired},                          // cargill-elektriker-bergneset
		{"Din kompetens", clsRequired},                            // aga-svensktalande-kundservice-tallinn
		{"Hva tilbyr GK Elektro?", clsMentioned},                  // gk-elektro-elektriker-entreprise-oslo
		{"AGA erbjuder dig", clsMentioned},                        // aga-svensktalande-kundservice-tallinn
	}
	for _, tt := range tests {
		if got := classifyHeading(tt.heading, true); got != tt.want {
			t.Errorf("%q: got class %d, want %d", tt.heading, got, tt.want)
		}
	}
	// kongsvinger-kommune-pedagogisk-radgiver: "Annet" after the
	// requirements ends them; what the text names there is not asked for
	checkSkills(t, []skillCase{{
		name: "Annet ends the requirements",
		raw: model.Raw{DescriptionText: "Kvalifikasjonskrav\n- Erfaring fra pedagogisk arbeid i Visma\nAnnet\n" +
			"Kongsvinger kommune ønsker å gjenspeile befolkningen, og bruker SAP i forvaltningen."},
		want: model.Skills{Required: []string{"Visma"}},
	}})
}

func TestNordicSkillCues(t *testing.T) {
	// tromso-kommune-driftsleder-byggdrift ("Fortrolig med IKT/FDV som
	// arbeidsverktøy") and balsfjord-kommune-veileder-nav ("gode digitale
	// ferdigheter"), with a product in place of the practice: in a part no
	// heading classifies, the sentence asks for the tool
	checkSkills(t, []skillCase{{
		name: "fortrolig med, ferdigheter i",
		raw:  model.Raw{DescriptionText: "Om stillingen\nFortrolig med AutoCAD som arbeidsverktøy.\nDu må ha gode ferdigheter i Excel.\nVi bruker Jira."},
		want: model.Skills{Required: []string{"AutoCAD", "Excel"}},
	}})
}

func TestGluedBlocksAreSplit(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string // block texts, "- " before an item
	}{
		{
			// g-loot-dataops-engineer-bi (a JSON-LD description whose tags
			// were stripped upstream)
			name: "heading glued to a sentence, items glued to each other",
			in:   "What you’ll doAs our first DataOps Engineer you will apply Agile Development. In this role you will be part of our BI team.Other key responsibilities are:- Explore, drive, design and implement solutions- Tracking plan updates - new product development or additional data requests- Game data management",
			want: []string{"What you’ll do", "As our first DataOps Engineer you will apply Agile Development. In this role you will be part of our BI team.",
				"Other key responsibilities are:", "- Explore, drive, design and implement solutions",
				"- Tracking plan updates - new product development or additional data requests", "- Game data management"},
		},
		{
			// g-loot-dataops-engineer-bi
			name: "a lead-in glued to the sentence before it",
			in:   "Software development experience in any language is required. Python and Java is a plusIt’s a plus if you:- Worked with Looker & an ETL software (Segment, mParticle, Stitch, etc.).",
			want: []string{"Software development experience in any language is required. Python and Java is a plus", "It’s a plus if you:",
				"- Worked with Looker & an ETL software (Segment, mParticle, Stitch, etc.)."},
		},
		{
			// detectify-cloud-infrastructure-engineer, anyfin-react-native-developer
			name: "sentences glued after a name in capitals",
			in:   "used by companies such as Spotify, Trello, and KING.We also collaborate with a global network of hackers, also familiar with React, HTML5, CSS3, Javascript and GraphQL.Application development is evolving rapidly",
			want: []string{"used by companies such as Spotify, Trello, and KING.", "We also collaborate with a global network of hackers, also familiar with React, HTML5, CSS3, Javascript and GraphQL.",
				"Application development is evolving rapidly"},
		},
		{
			// addresses, names and product spellings stay whole
			name: "no glue",
			in:   "Contact Benedicte.Helen.Lilleng@nav.no or see _template.Rmd; we build on ASP.Net, Node.js, WeChat and the U.S.Army's JavaScript and TypeScript code base",
			want: []string{"Contact Benedicte.Helen.Lilleng@nav.no or see _template.Rmd; we build on ASP.Net, Node.js, WeChat and the U.S.Army's JavaScript and TypeScript code base"},
		},
	}
	for _, tt := range tests {
		for _, src := range []string{"html", "text"} {
			var bs []block
			if src == "html" {
				bs = htmlBlocks(tt.in)
			} else {
				bs = textBlocks(tt.in)
			}
			var got []string
			for _, b := range bs {
				s := b.text
				if b.kind == kindItem {
					s = "- " + s
				}
				got = append(got, s)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("%s (%s):\n got %q\nwant %q", tt.name, src, got, tt.want)
			}
		}
	}
	// g-loot-dataops-engineer-bi: the parts read as a posting's parts
	checkSkills(t, []skillCase{{
		name: "glued requirements and nice-to-haves",
		raw:  model.Raw{DescriptionHTML: "Other key responsibilities are:- Maintain tech stack data integrations, BigQuery warehouse and Looker modelling- Game data managementRequirements- Data warehousing experience, working in Big Query environment- Software development experience in any language is required. Python and Java is a plusIt’s a plus if you:- Worked with Looker & an ETL software (Segment, mParticle, Stitch, etc.).What’s in it for you?- The ability to work with a world class technology stack"},
		want: model.Skills{Required: []string{"BigQuery", "Data Warehousing"}, Preferred: []string{"ETL", "Java", "Looker", "Python", "Segment", "Stitch", "mParticle"}},
	}})
}

func TestPreferenceLeadInInsideASentence(t *testing.T) {
	checkSkills(t, []skillCase{
		{
			// detectify-cloud-infrastructure-engineer
			name: "ways to stand out:",
			raw:  model.Raw{DescriptionText: "Who you are\nExtensive experience with Kubernetes and Linux Ways to stand out from the crowd: Experience with Golang, Message Queues and/or PostgreSQL"},
			want: model.Skills{Required: []string{"Kubernetes", "Linux"}, Preferred: []string{"Go", "Message Queues", "PostgreSQL"}},
		},
	})
}

func TestItHelpsIf(t *testing.T) {
	// anyfin-react-native-developer
	checkSkills(t, []skillCase{{
		name: "it helps if you're also familiar with",
		raw:  model.Raw{DescriptionText: "About the role\nReact-Native is what you’re made of, but it helps if you’re also familiar with React, Javascript and GraphQL."},
		want: model.Skills{Required: []string{"React Native"}, Preferred: []string{"GraphQL", "JavaScript", "React"}},
	}})
}

func TestRound3TaxonomyEntries(t *testing.T) {
	checkSkills(t, []skillCase{
		{
			// cds-fr-developpeur-principal-back-end, cds-fr-developpeur-infrastructure
			name: "Canadian French practices",
			raw: model.Raw{DescriptionText: "Qualifications :\n- Maîtrise des concepts de programmation orientée objet, des structures de données, des algorithmes et de la programmation au niveau du système\n" +
				"- Expérience dans le domaine de l’infonuagique, de préférence avec AWS/Azure\n- Connaissance des principes de l’infrastructure en tant que code (Terraform et Terragrunt)\n" +
				"- Améliorer nos pipelines d’intégration continue ou de déploiement continu"},
			want: model.Skills{Required: []string{"CI/CD", "Cloud Computing", "Data Structures & Algorithms", "Object-Oriented Programming", "Systems Programming", "Terraform", "Terragrunt"},
				Preferred: []string{"AWS", "Azure"}},
		},
		{
			// cds-fr-architecte-services-entreprise
			name: "architecture and identity standards",
			raw: model.Raw{DescriptionText: "Qualifications :\n- Connaissance des cadres TOGAF, COBIT et ITIL\n- Connaissance des protocoles OIDC, SAML, FIDO2, SCIM et UMA\n" +
				"- Connaissance du Top 10 de l’OWASP\n- Atout : ArchiMate, BPMN, Visio, Miro, Excalidraw, iGrafx ou QualiWare"},
			want: model.Skills{Required: []string{"COBIT", "FIDO2", "ITIL", "OWASP", "OpenID Connect", "SAML", "SCIM", "TOGAF", "UMA"},
				Preferred: []string{"ArchiMate", "BPMN", "Excalidraw", "Miro", "QualiWare", "Visio", "iGrafx"}},
		},
		{
			// ordinary words stay words
			name: "mocha, a mongoose, miro",
			raw:  model.Raw{DescriptionText: "Requirements:\n- You like a mocha in the morning and a mongoose in the garden\n- Experience with Mocha and Sinon"},
			want: model.Skills{Required: []string{"Mocha", "Sinon"}},
		},
	})
}

func TestRound3MoreNames(t *testing.T) {
	checkSkills(t, []skillCase{
		{
			// cds-fr-analyste-donnees-rapports: the suite and its named programs
			name: "la suite Microsoft Office (Outlook, Word, Excel, PowerPoint, Teams)",
			raw:  model.Raw{DescriptionText: "Qualifications :\n- Expérience dans l’utilisation de la suite Microsoft Office (Outlook, Word, Excel, PowerPoint, Teams)"},
			want: model.Skills{Required: []string{"Excel", "Microsoft Office", "Microsoft Teams", "Microsoft Word", "Outlook", "PowerPoint"}},
		},
		{
			// "Word" and "Teams" alone are words
			name: "word, teams",
			raw:  model.Raw{DescriptionText: "Requirements:\n- You keep your Word to the Teams you lead"},
		},
		{
			// democracia-en-red-text-devops: the Spanish nice-to-have heading
			name: "Deseado",
			raw:  model.Raw{DescriptionText: "## Requisitos\n- Docker\n- Linux\n## Deseado\n- Kubernetes"},
			want: model.Skills{Required: []string{"Docker", "Linux"}, Preferred: []string{"Kubernetes"}},
		},
		{
			// cds-fr-developpeur-infrastructure, cds-fr-developpeur-full-stack-plateforme, eatit-cto
			name: "DevOps and CI/CD in French, mobile apps",
			raw: model.Raw{DescriptionText: "Qualifications :\n- Connaissance des pratiques de la fiabilité des sites, des opérations de développement et du développement de logiciels.\n" +
				"- Améliorer nos pipelines d'intégration et de déploiement continus\n- You have some prior experience in developing mobile apps"},
			want: model.Skills{Required: []string{"CI/CD", "DevOps", "Mobile Development"}},
		},
	})
}

func TestGatewayAndDesignNames(t *testing.T) {
	checkSkills(t, []skillCase{
		{
			// api7-text-gateway-developer, api7-text-om-delivery-engineer
			name: "gateways in Chinese requirements",
			raw: model.Raw{DescriptionText: "## 任职要求\n- 对 Apache APISIX 或其他网关有深入的了解；\n- 良好的编码习惯，认同测试驱动开发；\n" +
				"- 熟悉服务网格、k8s ingress controller 者优先；\n- 熟悉 Nginx、OpenResty 技术者优先"},
			want: model.Skills{Required: []string{"Apache APISIX", "Software Testing"}, Preferred: []string{"Kubernetes", "Nginx", "OpenResty", "Service Mesh"}},
		},
		{
			// a sketch is a drawing; Sketch the product is written as such
			name: "Sketch",
			raw:  model.Raw{DescriptionText: "Requirements:\n- Sketch out a plan and draw a quick sketch\n- Experience with Figma or Sketch"},
			want: model.Skills{Required: []string{"Figma", "Sketch"}},
		},
	})
}

func TestDashItemsInAPage(t *testing.T) {
	// balsfjord-kommune-fagleder-boligtjenesten: a list typed with dashes
	// between line breaks
	bs := htmlBlocks("<p><strong>Vi kan tilby:<br/> </strong> - Lønn etter avtale/lønn i henhold til gjeldende tariffavtale<br/> - Pensjonsordning i Kommunal Landspensjonskasse (KLP) <br/></p><p>- 2 years</p><p>-5 °C</p>")
	var got []string
	for _, b := range bs {
		s := b.text
		if b.kind == kindItem {
			s = "- " + s
		}
		got = append(got, s)
	}
	want := []string{"Vi kan tilby:", "- Lønn etter avtale/lønn i henhold til gjeldende tariffavtale", "- Pensjonsordning i Kommunal Landspensjonskasse (KLP)", "- 2 years", "-5 °C"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %q\nwant %q", got, want)
	}
	// a phrase heading is one when a dashed list follows it
	checkSkills(t, []skillCase{{
		name: "heading before a dashed list",
		raw:  model.Raw{DescriptionHTML: "<p>We're looking for someone who</p><p>- Knows Kotlin</p><p>- Has shipped Android apps</p>"},
		want: model.Skills{Required: []string{"Android", "Kotlin"}},
	}})
}

func TestNamesWrittenTogetherAndRunOnSentences(t *testing.T) {
	checkSkills(t, []skillCase{
		{
			// eatit-cto: a JSON-LD description without full stops between
			// its sentences, a name written without its space
			name: "ReactNative, a bonus sentence after a requirement",
			raw:  model.Raw{DescriptionHTML: "KEY SKILLS AND EXPERIENCE To enjoy working at Eatit you should be curiosity-driven and wanting to learn new things. We think that you like to: Work with data-driven problem solving You have some prior experience in developing mobile apps It is a bonus if you have experience of Node.js, Javascript, PHP, MySQL, ReactNative Are you excited?"},
			want: model.Skills{Required: []string{"Mobile Development"}, Preferred: []string{"JavaScript", "MySQL", "Node.js", "PHP", "React Native"}},
		},
		{
			// a name of one word is not split ("Reactnative" is no CamelCase,
			// "MachineLearning" is)
			name: "CamelCase only",
			raw:  model.Raw{DescriptionText: "Requirements:\n- Reactnative and MachineLearning"},
			want: model.Skills{Required: []string{"Machine Learning"}},
		},
	})
}

func TestPracticeInAJobTitle(t *testing.T) {
	checkSkills(t, []skillCase{
		{
			// detectify-cloud-infrastructure-engineer
			name: "a role as DevOps Engineer",
			raw:  model.Raw{DescriptionText: "Who you are\n- 2+ years of experience from a full-time role as Infrastructure Engineer, Site Reliability Engineer, DevOps Engineer, or similar positions\n- Extensive experience with AWS"},
			want: model.Skills{Required: []string{"AWS"}},
		},
		{
			// the practice itself, and a language before a job noun, still count
			name: "DevOps practices, Python developer",
			raw:  model.Raw{DescriptionText: "Requirements:\n- Experience with DevOps practices\n- You have worked as a Python developer"},
			want: model.Skills{Required: []string{"DevOps", "Python"}},
		},
	})
}
