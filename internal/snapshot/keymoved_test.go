package snapshot

import (
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// A key upgrade (files and index entries moved to today's keys) keeps an
// entry's file_moved mark (a recovery's: the file holds a version the
// entry's hash does not name, the next fetch compares with it), in the
// files it moves and in the dry run's rekeyed index, also when the
// marked entry loses its key to another (two old ids of one key); and
// Unsaved too.
func TestKeyUpgradeKeepsTheMovedMark(t *testing.T) {
	for _, dry := range []bool{false, true} {
		s := writeOldFolder(t)
		idx := Index{Normalizer: "v1", Generation: 3, Postings: map[string]Entry{}}
		err := s.EachFile("lv", func(name string, b []byte) error {
			p, err := model.Decode(b)
			if err != nil {
				return err
			}
			old := map[string]string{"7": "7", "42": " 42 ", "x y": "x y "}[p.ID]
			idx.Postings[model.PostingKey(old)] = Entry{Stamp: "s", Hash: "the version before the stopped run", FileMoved: p.ID != "x y", Unsaved: p.ID == "x y"}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		// "42" under its key too (ids that differed by white space only),
		// not marked: the marked old-key entry that loses to it gives it
		// its mark
		idx.Postings["42"] = Entry{Stamp: "t", Hash: "another"}
		if _, err := s.SaveIndex("lv", idx); err != nil {
			t.Fatal(err)
		}
		var got Index
		if dry {
			loaded, err := s.LoadIndex("lv")
			if err != nil {
				t.Fatal(err)
			}
			if got, _, err = s.RekeyedIndex("lv", loaded, nil); err != nil {
				t.Fatal(err)
			}
		} else {
			if _, err := s.UpgradeKeys("lv", nil); err != nil {
				t.Fatal(err)
			}
			if got, err = s.LoadIndex("lv"); err != nil {
				t.Fatal(err)
			}
		}
		for _, k := range []string{"7", "42"} {
			if e, ok := got.Postings[k]; !ok || !e.FileMoved {
				t.Errorf("dry run %v: entry %q = %+v, %v; want it still marked file_moved", dry, k, e, ok)
			}
		}
		if e := got.Postings["x y"]; !e.Unsaved {
			t.Errorf("dry run %v: entry \"x y\" = %+v; want it still marked unsaved", dry, e)
		}
	}
}
