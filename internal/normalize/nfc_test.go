package normalize

import (
	"bytes"
	"testing"

	"golang.org/x/text/unicode/norm"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// nfdRaw is r with every text field in Unicode NFD (review s16 R6: a CMS
// migration or macOS-authored text sends the same characters decomposed).
func nfdRaw(r model.Raw) model.Raw {
	d := norm.NFD.String
	list := func(l []string) []string {
		var out []string
		for _, s := range l {
			out = append(out, d(s))
		}
		return out
	}
	r.Title, r.Team, r.DescriptionHTML, r.DescriptionText = d(r.Title), d(r.Team), d(r.DescriptionHTML), d(r.DescriptionText)
	r.Locations, r.Workplace, r.EmploymentType = list(r.Locations), d(r.Workplace), d(r.EmploymentType)
	var secs []model.Section
	for _, s := range r.Sections {
		secs = append(secs, model.Section{Heading: d(s.Heading), Items: list(s.Items)})
	}
	r.Sections = secs
	r.Hints.Experience, r.Hints.Education, r.Hints.Qualifications = list(r.Hints.Experience), list(r.Hints.Education), list(r.Hints.Qualifications)
	return r
}

// The same posting in NFD and in NFC is the same snapshot, byte for byte,
// and the NFD text is read as the NFC one is (the city found in the
// gazetteer, the same role).
func TestNFDTextNormalizesAsNFC(t *testing.T) {
	n := New(nil)
	cases := []model.Raw{
		{
			ID: "1", Title: "Ingénieur Données Zürich Data Scientist", Team: "Données & Analytique",
			Locations:       []string{"Zürich, Switzerland", "Genève"},
			DescriptionHTML: "<p>Café résumé. Vous êtes à l'aise avec les données.</p><p><strong>Qualifications requises</strong></p><ul><li>3 ans d'expérience en Python et SQL</li><li>Maîtrise de l'allemand (Straße)</li></ul>",
		},
		{
			ID: "2", Title: "Señor Ingeniero de Datos", Workplace: "Híbrido", EmploymentType: "Tiempo completo",
			Locations: []string{"São Paulo, Brasil"},
			Sections:  []model.Section{{Heading: "Requisitos mínimos", Items: []string{"Experiência com Spark e Python", "Inglês fluente"}}},
			Hints:     model.Hints{Experience: []string{"5 años de experiencia"}, Education: []string{"Licenciatura en informática"}},
		},
		{
			ID: "3", Title: "Software Engineer, Zürich", DescriptionText: "Über uns: wir bauen Software für Zürich.\nAnforderungen:\n- Erfahrung mit Go und Kubernetes",
			Locations: []string{"Zürich"},
		},
	}
	for _, nfc := range cases {
		nfd := nfdRaw(nfc)
		if nfd.Title == nfc.Title {
			t.Fatalf("posting %s: the NFD copy is not decomposed", nfc.ID)
		}
		want := n.Normalize("acme", "Acme Zürich", nfc)
		got := n.Normalize("acme", norm.NFD.String("Acme Zürich"), nfd)
		wb, err := model.Encode(want)
		if err != nil {
			t.Fatal(err)
		}
		gb, err := model.Encode(got)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(wb, gb) {
			t.Errorf("posting %s: NFD text gives another snapshot\nNFC:\n%s\nNFD:\n%s", nfc.ID, wb, gb)
		}
		if !norm.NFC.IsNormalString(string(gb)) {
			t.Errorf("posting %s: the snapshot of NFD text is not in NFC:\n%s", nfc.ID, gb)
		}
		// the raw posting the caller holds is left as it was
		if again := nfdRaw(nfc); again.Locations[0] != nfd.Locations[0] || len(nfd.Sections) > 0 && nfd.Sections[0].Items[0] != again.Sections[0].Items[0] {
			t.Errorf("posting %s: Normalize changed the caller's slices", nfc.ID)
		}
	}
	// the NFD city is the gazetteer's city, as the NFC one
	p := n.Normalize("acme", "Acme", nfdRaw(cases[2]))
	if len(p.Locations) != 1 || p.Locations[0].City == "" || p.Locations[0].Name != "" {
		t.Errorf("NFD Zürich: locations %+v, want the gazetteer's city", p.Locations)
	}
}
