package diff

import (
	"testing"

	"golang.org/x/text/unicode/norm"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// A posting stored in NFD (before the watcher read text in NFC) and the
// same posting in NFC differ in no field (review s16 R6); a real change
// beside it is still the one change.
func TestNFDIsNoChange(t *testing.T) {
	d := norm.NFD.String
	nfc := model.Posting{ID: "1", Company: "Acme Zürich", Title: "Ingénieur Zürich", Team: "Données",
		Locations: []model.Location{{City: "Zürich", Country: "CH"}, {Name: "Genève Büro"}},
		Skills:    model.Skills{Required: []string{"Python"}}, Description: "Café résumé.\nÜber uns."}
	nfc.Canonical()
	nfd := nfc
	nfd.Company, nfd.Title, nfd.Team, nfd.Description = d(nfc.Company), d(nfc.Title), d(nfc.Team), d(nfc.Description)
	nfd.Locations = []model.Location{{City: d("Zürich"), Country: "CH"}, {Name: d("Genève Büro")}}
	if nfd.Title == nfc.Title {
		t.Fatal("the NFD copy is not decomposed")
	}
	if got := Postings(nfd, nfc); len(got) != 0 {
		t.Errorf("NFD -> NFC: %+v, want no change", got)
	}
	if got := Postings(nfc, nfd); len(got) != 0 {
		t.Errorf("NFC -> NFD: %+v, want no change", got)
	}
	edited := nfc
	edited.Title = "Ingénieure Zürich"
	got := Postings(nfd, edited)
	if len(got) != 1 || got[0].Field != "title" || got[0].New != "Ingénieure Zürich" {
		t.Errorf("NFD -> an edited title: %+v, want the title change alone", got)
	}
}
