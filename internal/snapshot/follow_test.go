package snapshot

import (
	"errors"
	"maps"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// TestMoves: a file the folder lost whose posting's key names a file it
// gained was moved there (the key upgrade); a file lost with no such file
// gained, one whose key's file was there before, one named after its key
// already, and one not of the source are no move. Only lost files are read.
func TestMoves(t *testing.T) {
	// blobs are the postings' ids as the files hold them (OwnFile: the
	// key is the id trimmed)
	blobs := map[string]string{
		"b1": " 42 ", // old-named, moved to 42.json
		"b2": "42",
		"b3": " 7 ", // old-named, removed: its key's file is not gained
		"b4": " 9 ", // old-named copy beside 9.json, which was there before
		"b5": "9",
		"b6": "x", // named after its key, removed
		"b7": "",  // not a snapshot of the source
	}
	before := map[string]string{
		PostingName(model.PostingKey(" 42 ")): "b1",
		PostingName(model.PostingKey(" 7 ")):  "b3",
		PostingName(model.PostingKey(" 9 ")):  "b4",
		"9.json":                              "b5",
		"x.json":                              "b6",
		"junk.json":                           "b7",
		"kept.json":                           "b2",
	}
	after := map[string]string{"42.json": "b2", "9.json": "b5", "kept.json": "b2"}
	var reads []string
	read := func(name, blob string) (model.Posting, bool, error) {
		reads = append(reads, name)
		if _, still := after[name]; still {
			t.Errorf("read %s, which the folder kept", name)
		}
		b, err := model.Encode(model.Posting{ID: blobs[blob], Source: "lv"})
		if err != nil {
			return model.Posting{}, false, err
		}
		p, ok := OwnFile("lv", name, b, nil)
		return p, ok, nil
	}
	got, err := Moves(before, after, read)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{PostingName(model.PostingKey(" 42 ")): "42.json"}
	if !maps.Equal(got, want) {
		t.Errorf("Moves = %v, want %v", got, want)
	}
	if len(reads) != 5 {
		t.Errorf("read %d files, want the 5 lost: %v", len(reads), reads)
	}

	boom := errors.New("blob gone")
	if _, err := Moves(before, after, func(string, string) (model.Posting, bool, error) { return model.Posting{}, false, boom }); !errors.Is(err, boom) {
		t.Errorf("a read error: %v", err)
	}
	if got, err := Moves(map[string]int{}, map[string]int{"a.json": 1}, func(string, int) (model.Posting, bool, error) {
		t.Error("read with nothing lost")
		return model.Posting{}, false, nil
	}); err != nil || len(got) != 0 {
		t.Errorf("nothing lost: %v, %v", got, err)
	}
}
