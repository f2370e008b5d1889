package normalize

import (
	"reflect"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// Round 4 on skills (issue 9): general vocabulary and the cues of the
// Nordic, German, French and Spanish postings. The sentences marked with a
// slug are real, from dev documents of the real-world corpus
// (internal/corpus); the others are ordinary words that must stay words.

// The taxonomy's general vocabulary: named tools, suites and practices of
// every kind of posting, and other languages' names of skills it had.
func TestGeneralVocabulary(t *testing.T) {
	n := normalizer(t)
	tests := []struct {
		text string
		want []string
	}{
		// sinnerschrader-text-product-designer-next
		{"Design-Kenntnisse in den branchenüblichen Tools wie Sketch, Figma, Keynote, Powerpoint und Adobe Creative Cloud",
			[]string{"Adobe Creative Suite", "Figma", "Keynote", "PowerPoint", "Sketch"}},
		// statist-webbutvecklare-java
		{"Har du dessutom erfarenhet av jQuery, Netbeans och responsiv design är det meriterande.",
			[]string{"NetBeans", "Responsive Design", "jQuery"}},
		// kits-sakerhetsguru, kits-frontendutvecklare
		{"Vi söker dig som även tänker hotmodellering när du ser affärskraven", []string{"Threat Modeling"}},
		{"Har du dessutom en känsla för interaktionsdesign och en känsla för detaljer", []string{"Interaction Design"}},
		// sparebank1-text-utvikler-masterdata, variant-text-plattformutvikler-i-trondheim
		{"Opptatt av datakvalitet og evner å se hva verdien av korrekte data vil gi", []string{"Data Quality"}},
		{"Tar proaktive og kostnadsbevisste valg av skytjenester", []string{"Cloud Computing"}},
		// the same skills named in other languages
		{"Erfaring med maskinlæring og kunstig intelligens", []string{"Artificial Intelligence", "Machine Learning"}},
		{"Kunskap inom maskininlärning, statistisk analys och informationssäkerhet",
			[]string{"Machine Learning", "Security Engineering", "Statistics"}},
		{"Kendskab til objektorienteret programmering og versionsstyring", []string{"Object-Oriented Programming", "Version Control"}},
		{"Erfahrung mit künstliche Intelligenz, Testautomatisierung und eingebettete Systeme",
			[]string{"Artificial Intelligence", "Embedded Systems", "Software Testing"}},
		{"God kjennskap til Office-pakken og regneark", []string{"Microsoft Office", "Spreadsheets"}},
		// tools of offices, ERP and engineering in Nordic postings
		{"Erfaring med Tripletex, Visma eller PowerOffice Go er en fordel", []string{"PowerOffice", "Tripletex", "Visma"}},
		{"Du behersker AutoCAD, Revit og Navisworks, gjerne også Tekla", []string{"AutoCAD", "Navisworks", "Revit", "Tekla Structures"}},
		{"Kunskap i PLC-programmering, Siemens TIA Portal och SCADA", []string{"PLC", "SCADA", "TIA Portal"}},
		{"Experience with SharePoint, Power Automate and Power Apps", []string{"Power Apps", "Power Automate", "SharePoint"}},
		{"Java 17, Spring, Hibernate and Maven; IntelliJ IDEA", []string{"Hibernate", "IntelliJ IDEA", "Java", "Maven", "Spring"}},
		{"Statistical software such as SPSS, Stata or ArcGIS", []string{"ArcGIS", "SPSS", "Stata", "Statistics"}},
		{"Windows, Linux and macOS clients", []string{"Linux", "Windows", "macOS"}},
		// journal and trade software of Nordic workplaces
		{"Erfaring med DIPS Arena og Gerica er en fordel", []string{"DIPS", "Gerica"}},
		{"Vana av journalsystemet TakeCare eller Cosmic, kunskap i Hogia", []string{"Cosmic", "Hogia", "TakeCare"}},
		{"Cosmic rays and the Cosmic Microwave Background", []string{}},
		{"Journalsystem: Cosmic, TakeCare", []string{"Cosmic", "TakeCare"}},
		// ordinary words stay words
		{"In the spring we eclipse last year's results; the postman brings a blender.", []string{}},
		{"Spring 2026 internship in our Windows and doors factory", []string{}},
		{"Degree in Mathematics or Statistics", []string{"Statistics"}},
		{"Design, implement and monitor internal control systems (ICS).", []string{}},
		{"Vi utfører ROS-analyser og har ansvar for sikkerheten", []string{}},
	}
	for _, tt := range tests {
		if got := n.Skills(tt.text); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Skills(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

// Names of the general vocabulary that are ordinary words match only as
// written or only among other skills.
func TestGeneralVocabularyOrdinaryWords(t *testing.T) {
	tax, err := LoadTaxonomy(nil)
	if err != nil {
		t.Fatal(err)
	}
	byName := map[string]SkillDef{}
	for _, s := range tax.Skills() {
		byName[s.Name] = s
	}
	for _, name := range []string{"Spring", "Hibernate", "Windows", "Eclipse", "Maven", "Postman", "Cucumber", "Blender",
		"Framer", "Electron", "Packer", "Rancher", "Flux", "Shiny", "Rhino", "Creo", "Maya", "Keynote", "Canva", "Gatsby",
		"Astro", "Xero", "Okta", "Jeeves", "Premiere Pro", "Zephyr", "Grasshopper", "DAX", "ROS", "IFS"} {
		s, ok := byName[name]
		if !ok {
			t.Errorf("%s: no taxonomy entry", name)
			continue
		}
		word := lastWord(name)
		for _, a := range aliasesOf(s) {
			if !caseSensitive(a) && len(tokenize(a, nil)) == 1 && (a == word || a == name) {
				t.Errorf("%s: alias %q matches the lower-case word", name, a)
			}
		}
	}
}

// Sentences that ask for a skill in the Nordic and German way, in a part no
// heading classifies.
func TestNordicRequirementSentences(t *testing.T) {
	checkSkills(t, []skillCase{
		{
			// kits-sakerhetsguru: "we seek you who ..."
			name: "vi söker dig som",
			raw: model.Raw{DescriptionHTML: "<h3>Är du en duktig utvecklare och grym på att hitta säkerhetshål?</h3> <p>Vi söker dig som även tänker hotmodellering när du ser affärskraven för en ny tjänst eller applikation.</p>" +
				"<p>Till din vardag hör förutom systemutveckling att genomföra sårbarhetsanalyser.</p>"},
			want: model.Skills{Required: []string{"Threat Modeling"}},
		},
		{
			// kits-frontendutvecklare
			name: "vi söker dig som är expert på",
			raw:  model.Raw{DescriptionHTML: "<h3>Brinner du för användarupplevelsen? Det gör vi också.</h3> <p>Vi söker dig som är expert på webb- eller mobilutveckling och som brinner för att ge användarna en riktigt bra upplevelse.</p>"},
			want: model.Skills{Required: []string{"Mobile Development"}},
		},
		{
			name: "du har, du behersker, vi forventer",
			raw:  model.Raw{DescriptionText: "Om stillingen\nDu har erfaring fra Tripletex. Du behersker AutoCAD. Vi forventer at du kan SQL."},
			want: model.Skills{Required: []string{"AutoCAD", "SQL", "Tripletex"}},
		},
		{
			name: "du hast, du verfügst über",
			raw:  model.Raw{DescriptionText: "Stellenbeschreibung\nDu hast Spaß an TypeScript und du verfügst über Wissen in Docker."},
			want: model.Skills{Required: []string{"Docker", "TypeScript"}},
		},
		{
			// lantmannen-aspen-kommunikator-hindas: a question is no requirement
			name: "om du har några frågor",
			raw:  model.Raw{DescriptionText: "Ansökan\nOm du har några frågor gällande tjänsten är du varmt välkommen att kontakta Julia Minges."},
		},
		{
			name: "a task and an offer are no requirement",
			raw:  model.Raw{DescriptionText: "Om jobbet\nDu har ansvar for drift av Linux-servere. Hos oss kan du jobbe med Azure."},
		},
	})
}

// Preference marked inline in the Nordic and German way, and its scope over
// a list joined by the language's own conjunction.
func TestNordicPreferenceMarkers(t *testing.T) {
	checkSkills(t, []skillCase{
		{
			// statist-webbutvecklare-java: the marker covers the whole list
			name: "list joined by och",
			raw: model.Raw{DescriptionText: "Du som söker har erfarenhet av webbutveckling, och du har en relevant utbildning. Du har erfarenhet av Java som programmeringsspråk och du behärskar HTML, CSS och JavaScript väl. " +
				"Har du dessutom erfarenhet av jQuery, Netbeans och responsiv design är det meriterande."},
			want: model.Skills{Required: []string{"HTML/CSS", "Java", "JavaScript"}, Preferred: []string{"NetBeans", "Responsive Design", "jQuery"}},
		},
		{
			name: "fortrinnsvis, ønskes, gerne med",
			raw:  model.Raw{DescriptionText: "Kvalifikationer\n- Erfaring med Python, fortrinnsvis Django\n- Kendskab til Revit ønskes\n- Uddannet ingeniør, gerne med erfaring i SAP"},
			want: model.Skills{Required: []string{"Python"}, Preferred: []string{"Django", "Revit", "SAP"}},
		},
		{
			// superluminar-senior-cloud-consultant: German "gerne" is also "like to"
			name: "gerne as like to",
			raw:  model.Raw{DescriptionText: "Dein Profil\n- Du vermittelst gerne dein Wissen über Kubernetes an Andere"},
			want: model.Skills{Required: []string{"Kubernetes"}},
		},
		{
			name: "ist willkommen",
			raw:  model.Raw{DescriptionText: "Dein Profil\n- Sehr gute Kenntnisse in Java\n- Erfahrung mit Kotlin ist willkommen"},
			want: model.Skills{Required: []string{"Java"}, Preferred: []string{"Kotlin"}},
		},
	})
}

// Headings of the Nordic, German, French and Spanish postings.
func TestNordicAndEuropeanHeadings(t *testing.T) {
	cases := []struct {
		heading string
		want    class
	}{
		{"Dine kompetencer", clsRequired},
		{"Din kompetanse", clsRequired},
		{"Vi lægger vægt på", clsRequired},
		{"Hvad forventer vi af dig?", clsRequired},
		{"Ska-krav", clsRequired},
		{"Was du können solltest", clsRequired},
		{"Ce que nous attendons de vous", clsRequired},
		{"Was wir uns von Dir wünschen", clsRequired},
		{"Du passt zu uns, wenn", clsRequired},
		{"Ønsket kompetanse", clsPreferred},
		{"Önskvärda kvalifikationer", clsPreferred},
		{"Det er en fordel hvis du har", clsPreferred},
		{"Wünschenswerte Kenntnisse", clsPreferred},
		{"Compétences souhaitées", clsPreferred},
		{"Dine arbejdsopgaver", clsMentioned},
		{"Om virksomheden", clsMentioned},
		{"Løn og ansættelsesvilkår", clsMentioned},
		{"Om stillingen", clsOpen},
		{"Bewirb dich gerne", clsUnknown},
		{"Ønsket tiltredelse", clsUnknown},
	}
	for _, c := range cases {
		if got := classifyHeading(c.heading, true); got != c.want {
			t.Errorf("classifyHeading(%q) = %d, want %d", c.heading, got, c.want)
		}
	}
}

// A requirements list flattened into one line (JSON-LD descriptions whose
// line breaks were lost): an item opener after a lower-case word starts
// the next item, so that a marker of one item does not reach the next.
func TestFlattenedListItems(t *testing.T) {
	checkSkills(t, []skillCase{
		{
			// truecaller-system-engineer (JSON-LD description)
			name: "preferably stays in its item",
			raw: model.Raw{DescriptionText: "What we expect from you: Extensive knowledge of programming and system administration on Linux environments, preferably working on high throughput and low latency systems " +
				"Excellent understanding of distributed system design across process and site boundaries Good understanding of process isolation, virtualization and containerization concepts " +
				"Good understanding of software development lifecycle with a strong continuous delivery mindset"},
			// System Administration: an entry since session 24
			want: model.Skills{Required: []string{"CI/CD", "Containerization", "Distributed Systems", "Linux", "System Administration", "Virtualization"}, Preferred: []string{"Low-Latency Systems"}},
		},
		{
			name: "a glued sentence",
			raw:  model.Raw{DescriptionText: "Kvalifikationer Du har erfarenhet av Excel, gärna även Power BI och rapportering.Du har goda kunskaper i SQL"},
			want: model.Skills{Required: []string{"Excel", "SQL"}, Preferred: []string{"Power BI"}},
		},
		{
			// "Kennst Du": a German question to the reader stays one sentence
			name: "Kennst Du",
			raw:  model.Raw{DescriptionText: "Stellenbeschreibung\nKennst Du dich mit Kafka aus?"},
			want: model.Skills{Preferred: []string{"Kafka"}},
		},
	})
}

func TestItemOpener(t *testing.T) {
	for _, c := range []struct {
		prev, word string
		want       bool
	}{
		{"systems", "Excellent", true},
		{"tjänst", "Erfarenhet", true},
		{"Linux", "Experience", false}, // after a name: "Developer Experience"
		{"bist", "Du", false},
		{"tillgång", "Du", true},
		{"gute", "Kenntnisse", false}, // German nouns are capitalised
	} {
		if got := itemOpener(c.prev, c.word); got != c.want {
			t.Errorf("itemOpener(%q, %q) = %v, want %v", c.prev, c.word, got, c.want)
		}
	}
	for _, c := range []struct {
		prev, word string
		want       bool
	}{
		{"carte", "Du", true},
		{"Node", "js", false},
		{"ASP", "NET", false},
		{"sommarjobb", "Vår", true},
	} {
		if got := gluedSentence(c.prev, c.word); got != c.want {
			t.Errorf("gluedSentence(%q, %q) = %v, want %v", c.prev, c.word, got, c.want)
		}
	}
}

// A heading run into the sentences around it, in a description whose line
// breaks were lost (lantmannen-aspen-kommunikator-hindas, JSON-LD).
func TestGluedHeading(t *testing.T) {
	bs := appendUnglued(nil, block{kind: kindPara, text: "Tjänsten innebär även under normala omständigheter en del resor till våra dotterbolag. " +
		"Kvalifikationer Det här behöver du för att lyckas och trivas Du har: En relevant eftergymnasial utbildning inom marknadsföring eller kommunikation."})
	var texts []string
	for _, b := range bs {
		texts = append(texts, b.text)
	}
	want := []string{"Tjänsten innebär även under normala omständigheter en del resor till våra dotterbolag.", "Kvalifikationer",
		"Det här behöver du för att lyckas och trivas Du har: En relevant eftergymnasial utbildning inom marknadsföring eller kommunikation."}
	if !reflect.DeepEqual(texts, want) {
		t.Errorf("appendUnglued = %q, want %q", texts, want)
	}
	for _, s := range []string{"Om tjänsten We at Platform team provides the services", "Krav Du har körkort"} {
		if h, _ := gluedHeading(s); h == "" {
			t.Errorf("gluedHeading(%q): no heading", s)
		}
	}
	for _, s := range []string{"Om du har frågor", "Krav på dig", "Requirements engineering is"} {
		if h, _ := gluedHeading(s); h != "" {
			t.Errorf("gluedHeading(%q) = %q, want none", s, h)
		}
	}
	checkSkills(t, []skillCase{
		{
			name: "a glued heading opens its section",
			raw: model.Raw{DescriptionText: "Placering för tjänsten är på vårt huvudkontor i Hindås, utanför Göteborg och med resor till våra dotterbolag. " +
				"Kvalifikationer Det här behöver du för att lyckas. Excel och PowerPoint i vardagen. Meriterande om du innehar kunskaper i Photoshop."},
			want: model.Skills{Required: []string{"Excel", "PowerPoint"}, Preferred: []string{"Photoshop"}},
		},
		{
			// lantmannen-aspen-kommunikator-hindas: the contact person
			name: "a first name before a surname",
			raw:  model.Raw{DescriptionText: "Kvalifikationer\nOm du har några frågor gällande tjänsten är du varmt välkommen att kontakta Julia Minges. Du kan Julia och Python."},
			want: model.Skills{Required: []string{"Julia", "Python"}},
		},
	})
}

// A driving licence class is not the language C (nettpartner-elektriker-
// energimontor-oslo).
func TestLicenceClassIsNotALanguage(t *testing.T) {
	checkSkills(t, []skillCase{
		{
			name: "førerkort klasse C/C1",
			raw:  model.Raw{DescriptionHTML: "<p>Kvalifikasjoner</p><ul><li>Godkjent energimontør (Gruppe H eller A)</li><li>Førerkort klasse C/C1 er svært ønskelig, eventuelt vilje til å ta dette</li></ul>"},
		},
		{
			name: "C-körkort",
			raw:  model.Raw{DescriptionText: "Krav\n- C-körkort och truckkort\n- B- og C-sertifikat"},
		},
		{
			name: "the language C stays",
			raw:  model.Raw{DescriptionText: "Kvalifikasjoner\n- Erfaring med C og C++ i innebygde systemer"},
			want: model.Skills{Required: []string{"C", "C++", "Embedded Systems"}},
		},
	})
}

// "UX" names the practice; "UX designers" are people (sinnerschrader-text-
// product-owner, compiler-software-engineer).
func TestUXAndUXDesigners(t *testing.T) {
	checkSkills(t, []skillCase{
		{
			name: "UX-Verständnis",
			raw:  model.Raw{DescriptionText: "Dein Profil\n- Gutes UX-Verständnis\n- Vertrauter Umgang mit dem branchenüblichen Tool Jira"},
			want: model.Skills{Required: []string{"Jira", "UX Design"}},
		},
		{
			name: "UX designers are people",
			raw:  model.Raw{DescriptionText: "Requirements\n- Experience collaborating with product managers, UI/UX designers, remote teams"},
		},
	})
}
