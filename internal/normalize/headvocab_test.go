package normalize

import (
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// Headings written for this test from the usual forms of job ads in each
// language, none of them taken from the corpus: the phrase lists named
// none of them, the heading vocabulary classifies them by their words.
var vocabHeadings = map[class][]string{
	clsRequired: {
		"Dina kunskaper", "Din erfarenhet", "Erfarenhet och kunskaper", "Utbildning och erfarenhet",
		"Du som söker", "Detta behöver du ha", "Skallkrav", "Det här söker vi", "Är det du?",
		"Förutsättningar", "Behörighet", "Hvem er vi ute etter?", "Kvalifikasjonar", "Kven er du?",
		"Dette ser vi etter", "Hva trenger du", "Dine egenskaper", "Utdanning og erfaring",
		"Dein Background", "Was Sie auszeichnet", "Ihre Erfahrung", "Fachliche Kenntnisse",
		"Erforderliche Kenntnisse", "Wat we van je vragen", "Wat heb je nodig", "Kennis en ervaring",
		"Wat wij vragen", "Jouw ervaring", "Wat verwachten wij", "Requerimientos", "Experiencia requerida",
	},
	clsPreferred: {
		"Det er et pluss om du", "Pluss om du har", "Ekstra pluss", "Ønskeligt", "Pré", "Een pré",
		"Bonuspunten", "Great if you have", "Meriterande erfarenheter", "Fordel om du har",
	},
}

func TestHeadingVocabularyClassifiesUnlistedHeadings(t *testing.T) {
	n := New(nil)
	bucket := func(p model.Posting) class {
		switch {
		case len(p.Skills.Required) > 0:
			return clsRequired
		case len(p.Skills.Preferred) > 0:
			return clsPreferred
		}
		return clsMentioned
	}
	for want, hs := range vocabHeadings {
		for _, h := range hs {
			// a plain line before a list, a line with a colon, an HTML
			// heading and a bold paragraph
			for _, r := range []model.Raw{
				{DescriptionText: "Vi är ett företag.\n\n" + h + "\n- Java\n- Docker\n"},
				{DescriptionText: "Vi är ett företag.\n\n" + strings.TrimRight(h, "?:") + ":\nJava\nDocker\n"},
				{DescriptionHTML: "<p>Vi är ett företag.</p><h3>" + h + "</h3><ul><li>Java</li><li>Docker</li></ul>"},
				{DescriptionHTML: "<p>Vi är ett företag.</p><p><strong>" + h + "</strong></p><ul><li>Java</li></ul>"},
			} {
				r.Title = "Utvecklare"
				if got := bucket(n.Normalize("x", "Acme", r)); got != want {
					t.Errorf("%q (%q%q): Java in class %d, want %d", h, r.DescriptionText, r.DescriptionHTML, got, want)
				}
			}
		}
	}
}

func TestHeadingVocabularyLeavesSentencesAndItems(t *testing.T) {
	// a word the vocabulary does not know (a skill, a company, a noun of
	// the job) leaves the line unclassified
	for _, h := range []string{
		"Erfarenhet av Java", "Goda kunskaper i svenska", "Om Acme", "Kenntnisse in SAP", "Erfaring med Kotlin",
		"Vi erbjuder god lön", "Ihre Vorteile bei uns sind viele", "Deutschkenntnisse auf C1-Niveau",
	} {
		if c := vocabHeading(foldHeading(h), true); c != clsUnknown {
			t.Errorf("vocabHeading(%q) = %d, want unknown", h, c)
		}
	}
	// one weaker word alone is a heading only where the heading is clear
	if c := vocabHeading(foldHeading("Erfahrung"), false); c != clsUnknown {
		t.Errorf("a weak word alone on a plain line: %d", c)
	}
	if c := vocabHeading(foldHeading("Erfahrung"), true); c != clsRequired {
		t.Errorf("a weak word alone as a bold heading: %d", c)
	}
}

func TestLeadInsOfOtherLanguages(t *testing.T) {
	n := New(nil)
	for want, leads := range map[class][]string{
		clsRequired: {"Wir suchen jemanden mit:", "Je hebt:", "För att lyckas i rollen behöver du:", "Hierfür bringst du mit:",
			"Wir wünschen uns:", "Vi behöver någon som har:", "Sie bringen mit:", "Voor deze functie zoeken we iemand met:"},
		clsPreferred: {"Ideal wäre:", "Es wäre schön, wenn du hast:"},
	} {
		for _, l := range leads {
			for _, r := range []model.Raw{
				{DescriptionText: "Acme bygger system åt kunder.\n\n" + l + "\n- Java\n- Docker\n\nVälkommen med din ansökan."},
				{DescriptionHTML: "<p>Acme bygger system åt kunder.</p><p>" + l + "</p><ul><li>Java</li><li>Docker</li></ul><p>Välkommen med din ansökan.</p>"},
			} {
				p := n.Normalize("x", "Acme", r)
				got := clsMentioned
				switch {
				case len(p.Skills.Required) > 0:
					got = clsRequired
				case len(p.Skills.Preferred) > 0:
					got = clsPreferred
				}
				if got != want {
					t.Errorf("%q: Java in class %d, want %d", l, got, want)
				}
			}
		}
	}
}

func TestSentenceCuesOfOtherLanguages(t *testing.T) {
	n := New(nil)
	for want, sents := range map[class][]string{
		clsRequired:  {"Du är bekväm med Excel.", "Du må beherske Excel."},
		clsPreferred: {"Erfahrung mit SAP wäre schön.", "Gerne hast du Erfahrung mit SAP.", "Ideal wäre Erfahrung mit SAP."},
		clsMentioned: {"Du vermittelst gerne dein Wissen über SAP.", "Wir arbeiten mit SAP."},
	} {
		for _, s := range sents {
			p := n.Normalize("x", "Acme", model.Raw{Title: "Ekonom", DescriptionText: "Acme bygger system.\n\n" + s + "\n"})
			got := clsMentioned
			switch {
			case len(p.Skills.Required) > 0:
				got = clsRequired
			case len(p.Skills.Preferred) > 0:
				got = clsPreferred
			}
			if got != want {
				t.Errorf("%q: class %d, want %d (%+v)", s, got, want, p.Skills)
			}
		}
	}
}

func TestOneWeakWordBeforeAList(t *testing.T) {
	n := New(nil)
	for _, h := range []string{"Conocimientos", "Kenntnisse", "Erfarenhet"} {
		p := n.Normalize("x", "Acme", model.Raw{Title: "Utvecklare", DescriptionText: "Acme bygger system.\n\n" + h + "\n- Java\n- Docker\n"})
		if len(p.Skills.Required) != 2 {
			t.Errorf("%q before a list: %+v", h, p.Skills)
		}
		// before a sentence it stays a line of text
		p = n.Normalize("x", "Acme", model.Raw{Title: "Utvecklare", DescriptionText: "Acme bygger system.\n\n" + h + "\nVi använder Java.\n"})
		if len(p.Skills.Required) != 0 {
			t.Errorf("%q before a sentence: %+v", h, p.Skills)
		}
	}
}
