package normalize

import (
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// Round 7 on the fields other than skills (issue 9). The sentences marked
// with a slug are real, from dev documents of the real-world corpus
// (internal/corpus).

// A degree after an article and an adjective ("Een afgeronde Bachelor of
// Master") is not the first word of a new item of a flattened list: the
// item opener cuts only after three words or more, so the cue before it
// ("afgeronde", "completed") reaches the degree. Dutch "of" is "or":
// "Bachelor of Master" asks for the smaller (PROTOCOL.md).
func TestDegreeAfterArticleAndAdjective(t *testing.T) {
	n := New(nil)
	bach := []string{"Bachelor's"}
	tests := []struct {
		text      string
		req, pref []string
	}{
		// fronteers-sonic-senior-react-developer, under its own heading
		// (which names no requirements part)
		{"## WAT STAAT ER OP JE CV?\n\n- Een afgeronde Bachelor of Master in een relevant vakgebied;\n- Minimaal 7 jaar ervaring met React, CSS en HTML;\n- Ervaring met Next.js is een pré;", bach, nil},
		{"## WAT STAAT ER OP JE CV?\n\n- Een afgeronde Master in een relevant vakgebied;", []string{"Master's"}, nil},
		{"## WAT STAAT ER OP JE CV?\n\n- Een afgeronde universitaire opleiding in de informatica;", []string{"Master's"}, nil},
		{"## WAT STAAT ER OP JE CV?\n\n- Academisch werk- en denkniveau;", []string{"Master's"}, nil},
		{"Functie-eisen\n- Hbo- of universitair niveau;", bach, nil},
		{"Functie-eisen\n- Een afgeronde wo-bachelor in de informatica;", bach, nil},
		{"Functie-eisen\n- Een afgeronde hbo-master in de informatica;", []string{"Master's"}, nil},
		{"Functie-eisen\n- Een universitaire opleiding (wetenschappelijk onderwijs) in de wiskunde;", []string{"Master's"}, nil},
	}
	for _, tt := range tests {
		p := n.Normalize("s", "c", model.Raw{ID: "1", Title: "Senior React Developer", DescriptionText: tt.text, Locations: []string{"Purmerend"}})
		if !sameStrings(p.Education.Required, tt.req) || !sameStrings(p.Education.Preferred, tt.pref) {
			t.Errorf("%q: education %+v, want required %v preferred %v", tt.text, p.Education, tt.req, tt.pref)
		}
	}
}

// The item opener still cuts a flattened list after an item of three words
// or more, and not after two.
func TestItemOpenerNeedsAnItemBefore(t *testing.T) {
	for _, c := range []struct {
		text string
		cut  bool
	}{
		// truecaller-system-engineer (JSON-LD, flattened)
		{"on high throughput and low latency systems Excellent understanding of distributed system design", true},
		{"Een afgeronde Bachelor of Master in een relevant vakgebied", false},
		{"A completed Bachelor's degree in computer science", false},
		{"Du har erfarenhet av rapportering Goda kunskaper i SQL", true},
	} {
		toks := tokenize(c.text, nil)
		cut := false
		for _, tk := range toks[1:] {
			if tk.flags&fSent != 0 {
				cut = true
			}
		}
		if cut != c.cut {
			t.Errorf("tokenize(%q): a new item: %v, want %v", c.text, cut, c.cut)
		}
	}
}

// An "and" that is another word in another language (Dutch "en", French
// "et", Spanish "y") joins a label's places only when every piece is a
// place the gazetteer knows: "Nijmegen en Eindhoven" is two places,
// "Trabajo en Madrid" and "Télétravail en France" are not split.
func TestAmbiguousAndBetweenPlaces(t *testing.T) {
	nijmegen, eindhoven := loc("Nijmegen", "Gelderland", "NL"), loc("Eindhoven", "North Brabant", "NL")
	// fronteers-iquality-senior-front-end-developer: the posting's label
	p := New(nil).Normalize("s", "c", model.Raw{ID: "1", Title: "Senior front-end developer", Locations: []string{"Nijmegen en Eindhoven"}})
	if len(p.Locations) != 2 || p.Locations[0] != nijmegen || p.Locations[1] != eindhoven {
		t.Errorf("Nijmegen en Eindhoven: %+v", p.Locations)
	}
	if got := Locations("Madrid y Barcelona"); len(got) != 2 || got[0].City != "Madrid" || got[1].City != "Barcelona" {
		t.Errorf("Madrid y Barcelona: %+v", got)
	}
	for _, s := range []string{"Trabajo en Madrid", "Télétravail en France", "Amsterdam en Remote"} {
		if got := Locations(s); len(got) != 1 {
			t.Errorf("%s: %+v, want one entry as before", s, got)
		}
	}
}

// Nordic years of experience: two number words side by side are a range
// ("fem seks år": five or six years, the smaller), and "som har jobbet N
// år" (who has worked N years) asks N of the candidate; an article before
// the number ("et to års vikariat") and the company's own years ("Vi har
// jobbet 10 år med dette") are no minimum.
func TestNordicYearsWorked(t *testing.T) {
	for _, c := range []struct {
		text string
		want int // -1: none
	}{
		// variant-text-designer-i-stavanger
		{"Vi ser etter en designer, som har jobbet fem seks år eller med ett eller flere av følgende områder:", 5},
		{"Du har arbeidet 3 år som utvikler.", 3},
		{"Stillingen er et to års vikariat.", -1},
		{"Vi har jobbet 10 år med dette.", -1},
	} {
		got := MinYears(c.text)
		if c.want < 0 && got != nil || c.want >= 0 && (got == nil || *got != c.want) {
			t.Errorf("MinYears(%q) = %v, want %d", c.text, deref(got), c.want)
		}
	}
}
