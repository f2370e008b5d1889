package scrape

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// HashStamp is the stamp oracle, phenom and neogov computed inline before
// it moved here: a stamp that changed would re-read every posting.
func TestHashStampUnchanged(t *testing.T) {
	parts := []string{" Data Engineer ", "2026-03-01", "", "Berlin, DE"}
	h := sha256.New()
	for _, s := range []string{"Data Engineer", "2026-03-01", "", "Berlin, DE"} {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	if got, want := HashStamp(parts...), hex.EncodeToString(h.Sum(nil))[:16]; got != want {
		t.Fatalf("HashStamp = %s, want %s", got, want)
	}
}

func TestIDString(t *testing.T) {
	for raw, want := range map[string]string{`" 12a "`: "12a", `12`: "12", `null`: "", `{}`: "", ``: "", `1.5e3`: "1.5e3"} {
		if got := IDString(json.RawMessage(raw)); got != want {
			t.Errorf("IDString(%s) = %q, want %q", raw, got, want)
		}
	}
}

func TestUniqueAndRepeatedID(t *testing.T) {
	var u Unique
	if n := u.Add([]model.Raw{{ID: "a"}, {ID: "b"}}, func(r *model.Raw) { r.URL = "u/" + r.ID }); n != 2 {
		t.Fatalf("added %d", n)
	}
	fix := func(r *model.Raw) { r.URL = "u/" + r.ID }
	if n := u.Add([]model.Raw{{ID: "b"}, {ID: "c"}}, fix); n != 1 || u.Len() != 3 {
		t.Fatalf("added %d, len %d", n, u.Len())
	}
	if p := u.Postings(); p[0].URL != "u/a" || p[2].ID != "c" || p[2].URL != "u/c" {
		t.Fatalf("postings %+v", p)
	}
	// a copy of an id that differs is kept beside the first (the watcher
	// picks one whatever their order: review s32 F2); it is no new id
	if n := u.Add([]model.Raw{{ID: "b", Title: "other"}}, fix); n != 0 || u.Len() != 4 || u.Postings()[3].Title != "other" {
		t.Fatalf("a differing copy: added %d, len %d", n, u.Len())
	}
	// an id listed thousands of times keeps at most maxCopies copies
	var many []model.Raw
	for i := range 40 {
		many = append(many, model.Raw{ID: "m", Title: fmt.Sprint(i)})
	}
	u.Add(many, fix)
	if got := u.Len() - 4; got != maxCopies {
		t.Fatalf("%d copies of one id kept, want %d", got, maxCopies)
	}
	if id := RepeatedID([]model.Raw{{ID: "x"}, {ID: "y"}, {ID: "x"}}); id != "x" {
		t.Fatalf("RepeatedID = %q", id)
	}
	if id := RepeatedID([]model.Raw{{ID: "x"}}); id != "" {
		t.Fatalf("RepeatedID = %q", id)
	}
}

func TestSections(t *testing.T) {
	var s Sections
	s.Add("", "  ")
	s.Add("", "<p>Intro</p>")
	s.Add("Duties", " <ul><li>x</li></ul> ")
	s.Add("Empty", "")
	if got, want := s.String(), "<p>Intro</p>\n<h3>Duties</h3>\n<ul><li>x</li></ul>"; got != want {
		t.Fatalf("got %q, want %q", got, want)
	}
}

func TestDetailOverList(t *testing.T) {
	l := model.Raw{ID: "1", Stamp: "s", Title: "Listed", Locations: []string{"Berlin"}}
	d := model.Raw{ID: "1", Title: "Detail", Team: "Data", Posted: "2026-01-02", Locations: []string{"Paris"}, DescriptionHTML: "<p>x</p>"}
	got := DetailOverList(l, d)
	if got.Title != "Listed" || got.Team != "Data" || got.Posted != "2026-01-02" || got.Locations[0] != "Berlin" || got.DescriptionHTML != "<p>x</p>" || !got.Complete || got.Stamp != "s" {
		t.Fatalf("got %+v", got)
	}
}

func TestBaseOr(t *testing.T) {
	if got := BaseOr("https://h.example/api//", "d"); got != "https://h.example/api" {
		t.Errorf("BaseOr = %q", got)
	}
	if got := BaseOr("", "https://default"); got != "https://default" {
		t.Errorf("BaseOr empty = %q", got)
	}
}
