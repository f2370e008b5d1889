package snapshot

import (
	"os"
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
	"github.com/careers-watcher/careers-watcher/internal/winname"
)

// SizeList.Size finds a posting by its file name whether the id is used
// as it is (looked up without building the name) or hashed (an unsafe
// character, a "__", a reserved Windows name, a name too long), and the
// longest plain id; an id whose file is missing is not there.
func TestSizeListFindsPlainAndHashedIDs(t *testing.T) {
	s, err := Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	ids := []string{
		"1100004980002",
		"a.b-c_d",
		strings.Repeat("x", maxPlainName),   // the longest plain id
		strings.Repeat("y", maxPlainName+1), // hashed: too long
		"job/42?x=1",                        // hashed: unsafe bytes
		"a__b",                              // hashed: holds "__"
		"CON",                               // hashed: a reserved name
		"Ünïcödé",                           // hashed: not ASCII
	}
	want := map[string]int64{}
	for i, id := range ids {
		data, _ := model.Encode(model.Posting{ID: id, Source: "sz", Title: strings.Repeat("T", i+1)})
		if _, err := s.WritePosting("sz", id, data); err != nil {
			t.Fatal(err)
		}
		want[id] = int64(len(data))
	}
	l := s.SizeList("sz")
	for _, id := range ids {
		size, there := l.Size(id)
		if !there || size != want[id] {
			t.Errorf("Size(%q) = %d, %v; want %d, true (file %s)", id, size, there, want[id], PostingName(id))
		}
	}
	for _, id := range []string{"1100004980003", strings.Repeat("x", maxPlainName-1), "job/43"} {
		if size, there := l.Size(id); there {
			t.Errorf("Size(%q) = %d, true for a posting without a file", id, size)
		}
	}
	// the listing was read once, at the first question: a file removed
	// since is still answered from it, as before
	if err := os.Remove(s.PostingPath("sz", ids[0])); err != nil {
		t.Fatal(err)
	}
	if _, there := l.Size(ids[0]); !there {
		t.Errorf("Size(%q) read the folder again", ids[0])
	}
}

// Size allocates nothing for a plain id once the folder is listed.
func TestSizeListPlainLookupAllocatesNothing(t *testing.T) {
	s, err := Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	data, _ := model.Encode(model.Posting{ID: "1100004980002", Source: "sz", Title: "T"})
	if _, err := s.WritePosting("sz", "1100004980002", data); err != nil {
		t.Fatal(err)
	}
	l := s.SizeList("sz")
	l.Size("1100004980002")
	if n := testing.AllocsPerRun(100, func() { l.Size("1100004980002") }); n != 0 {
		t.Errorf("Size of a plain id: %v allocations, want 0", n)
	}
}

// plain asks winname.Reserved only for a name whose part before its first
// dot has 3 or 4 bytes; its answer is the full check's for every id.
func TestPlainKeepsReservedNamesOut(t *testing.T) {
	ids := []string{
		"con", "CON", "Con.json", "nul.txt", "aux", "prn.a.b", "COM1", "com9.x", "lpt0", "LPT5.",
		"COM10", "COMX", "CONX", "CO", "com10", "comx", "conx", "co", "co.n", "x.con", "1100004980002", "abc", "abcd", "ab.cd", "a",
		"con.", "com1..", "lpt", "LPT1x", "lpt1x",
	}
	for _, id := range ids {
		ref := true
		for i := 0; i < len(id); i++ {
			if !safeByte(id[i]) || id[i] >= 'A' && id[i] <= 'Z' {
				ref = false
			}
		}
		if id == "" || len(id) > maxPlainName || id[0] == '.' || id[0] == '-' || strings.Contains(id, "__") || winname.Reserved(id) {
			ref = false
		}
		if got := plain(id); got != ref {
			t.Errorf("plain(%q) = %v, want %v", id, got, ref)
		}
	}
}
