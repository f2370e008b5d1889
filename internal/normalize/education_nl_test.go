package normalize

import (
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// Dutch levels of schooling (PROTOCOL.md, "Dutch education levels"): hbo
// is a bachelor's, wo a master's, "hbo/wo" the smaller; "werk- en
// denkniveau" keeps the degree; mbo is no degree. The sentences are the
// sixth round's dev postings (Fronteers job board), with negatives.
func TestDutchEducationLevels(t *testing.T) {
	n := New(nil)
	bach, mast := []string{"Bachelor's"}, []string{"Master's"}
	tests := []struct {
		text      string
		req, pref []string
	}{
		// fronteers-deli-home-software-engineer-front-end
		{"Wat vragen we?\n- Je hebt een HBO of WO-achtergrond in informatica of gerelateerd gebied", bach, nil},
		// fronteers-iquality-senior-front-end-developer
		{"Wie ben jij?\nJij beschikt over professionele en intellectuele capaciteiten van hbo/wo-niveau.", bach, nil},
		// fronteers-sonic-senior-react-developer
		{"Wat we vragen:\n- Een afgeronde Bachelor of Master in een relevant vakgebied;", bach, nil},
		// fronteers-stuurlui-wordpress-developer
		{"Wat vragen we?\n-   HBO werk- en denkniveau, ook autodidacten met aantoonbare ervaring zijn welkom (een papiertje zegt niet alles);", bach, nil},
		// fronteers-zig-conversational-senior-frontend-developer
		{"Wat vragen we?\n-   HBO werk- en denkniveau;", bach, nil},
		// fronteers-zig-lead-front-end-developer
		{"Wat vragen we?\n-   WO werk- en denkniveau;\n-   Jij bent communicatief vaardig in woord en geschrift", mast, nil},
		// under the postings' own headings, which name no requirements
		// part: the sentence's cue asks ("je hebt", "werk- en denkniveau")
		{"### Jouw competenties als Software Engineer Front-end\n\n- Je hebt een HBO of WO-achtergrond in informatica of gerelateerd gebied\n- Bij voorkeur ervaring in frontend development", bach, nil},
		{"## Kennis en ervaring:\n\n-   Senior front-end development ervaring;\n-   HBO werk- en denkniveau;\n-   Bewezen kennis en ervaring met de genoemde skillset;", bach, nil},
		{"## Kennis en ervaring:\n\n-   WO werk- en denkniveau;\n-   Jij bent communicatief vaardig in woord en geschrift", mast, nil},
		{"## Over jou\n\n- Een afgeronde bachelor in een relevant vakgebied;", bach, nil},
		// the vocabulary beyond the dev sentences
		{"Wat vragen we?\n- Een afgeronde hbo-opleiding in de informatica", bach, nil},
		{"Functie-eisen\n- Je hebt een wo-opleiding afgerond", mast, nil},
		{"Functie-eisen\n- Een universitaire opleiding in de informatica", mast, nil},
		{"Functie-eisen\n- Academisch werk- en denkniveau", mast, nil},
		{"Functie-eisen\n- Hbo- of wo-diploma", bach, nil},
		{"Functie-eisen\n- Minimaal mbo-niveau 4", nil, nil},
		{"Functie-eisen\n- Een afgeronde MBO opleiding", nil, nil},
		// negatives: "wo" inside words, English "who"
		{"Functie-eisen\n- Vloeiend in het Nederlands (zowel woord als geschrift); je woont in de buurt van Utrecht", nil, nil},
		{"Requirements\n- Someone who loves TypeScript", nil, nil},
		{"Wij ontwikkelen software voor woningcorporaties en studentenhuisvesters.", nil, nil},
	}
	for _, tt := range tests {
		p := n.Normalize("s", "c", model.Raw{ID: "1", Title: "Front-end developer", DescriptionText: tt.text, Locations: []string{"Utrecht"}})
		if !sameStrings(p.Education.Required, tt.req) || !sameStrings(p.Education.Preferred, tt.pref) {
			t.Errorf("%q: education %+v, want required %v preferred %v", tt.text, p.Education, tt.req, tt.pref)
		}
	}
}
