package model

import (
	"testing"
	"unicode/utf8"
)

// A posting id every store can hold is its own key; any other becomes a
// NUL-free, valid UTF-8 key that gives the id back, and no two ids share a
// key (the ids that look like escaped keys included).
func TestPostingKey(t *testing.T) {
	ids := []string{"", "12", "a b", "é", "a\x00b", "a\x00", "\x00", "a\xffb", "a\xfeb", "a%00b", "a%b",
		KeyMark, KeyMark + "a%00b", KeyMark + "a%2500b", "\xe2\x90", "\xe2\x90\x80a", "ab\xe2"}
	keys := map[string]string{}
	for _, id := range ids {
		k := PostingKey(id)
		if !utf8.ValidString(k) || !Storable(k) {
			t.Errorf("PostingKey(%q) = %q: not storable", id, k)
		}
		if Storable(id) && len(id) > 0 && id[:min(len(id), len(KeyMark))] != KeyMark && k != id {
			t.Errorf("PostingKey(%q) = %q: a storable id is its own key", id, k)
		}
		if back := UnKey(k); back != id {
			t.Errorf("UnKey(PostingKey(%q)) = %q", id, back)
		}
		if other, ok := keys[k]; ok {
			t.Errorf("ids %q and %q share the key %q", other, id, k)
		}
		keys[k] = id
	}
}

func TestDropNUL(t *testing.T) {
	p := Posting{ID: "a\x00", Title: "Da\x00ta", Levels: []string{"L\x005"}, Locations: []Location{{City: "Ber\x00lin"}}, Description: "x\x00y"}
	DropNUL(&p)
	if p.ID != "a\x00" || p.Title != "Data" || p.Levels[0] != "L5" || p.Locations[0].City != "Berlin" || p.Description != "xy" {
		t.Fatalf("%+v", p)
	}
}
