package snapshot

import (
	"encoding/json"
	"maps"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// TestReadmeRowsAfterKeyUpgrade: the README rows cache
// (.watcher/readme/<src>.json) of a folder written before the key upgrade
// is keyed by the old keys; after UpgradeKeys, the next run's README
// keeps no old key (the rows are rebuilt from the files when they do not
// match the index) and shows each posting once, with its change.
func TestReadmeRowsAfterKeyUpgrade(t *testing.T) {
	s, err := Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(s.SourceDir("lv"), 0o755); err != nil {
		t.Fatal(err)
	}
	// the old build: files and index under the untrimmed keys
	idx := Index{Postings: map[string]Entry{}}
	writes := map[string][]byte{}
	for _, raw := range []string{" 42 ", "7", "x y "} {
		old := model.PostingKey(raw)
		b, err := model.Encode(model.Posting{ID: old, Source: "lv", Title: "job" + old})
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(s.SourceDir("lv")+"/"+PostingName(old), b, 0o644); err != nil {
			t.Fatal(err)
		}
		idx.Postings[old] = Entry{Hash: model.Hash(b)}
		writes[old] = b
	}
	if _, err := s.SaveIndex("lv", idx); err != nil {
		t.Fatal(err)
	}
	if _, err := s.WriteReadme("lv", writes, nil, idx); err != nil {
		t.Fatal(err)
	}
	if got := rowKeys(t, s); !slices.Equal(got, []string{" 42 ", "7", "x y "}) {
		t.Fatalf("rows before the upgrade: %q", got)
	}

	if _, err := s.UpgradeKeys("lv", nil); err != nil {
		t.Fatal(err)
	}
	idx, err = s.LoadIndex("lv")
	if err != nil {
		t.Fatal(err)
	}
	want := slices.Sorted(maps.Keys(idx.Postings))
	if !slices.Equal(want, []string{"42", "7", "x y"}) {
		t.Fatalf("index after the upgrade: %q", want)
	}
	// the next run changes one posting
	b, err := model.Encode(model.Posting{ID: "42", Source: "lv", Title: "job 42 renamed"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.WritePosting("lv", "42", b); err != nil {
		t.Fatal(err)
	}
	idx.Postings["42"] = Entry{Hash: model.Hash(b)}
	if _, err := s.SaveIndex("lv", idx); err != nil {
		t.Fatal(err)
	}
	if _, err := s.WriteReadme("lv", map[string][]byte{"42": b}, nil, idx); err != nil {
		t.Fatal(err)
	}
	if got := rowKeys(t, s); !slices.Equal(got, want) {
		t.Errorf("rows after the upgrade and a change: %q, want the index's %q", got, want)
	}
	readme, err := os.ReadFile(s.ReadmePath("lv"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(readme), "3 open postings") || !strings.Contains(string(readme), "job 42 renamed") || strings.Contains(string(readme), "job 42 |") {
		t.Errorf("README:\n%s", readme)
	}
}

func rowKeys(t *testing.T, s *Store) []string {
	t.Helper()
	b, err := os.ReadFile(s.ReadmeRowsPath("lv"))
	if err != nil {
		t.Fatal(err)
	}
	var rows map[string]json.RawMessage
	if err := json.Unmarshal(b, &rows); err != nil {
		t.Fatal(err)
	}
	return slices.Sorted(maps.Keys(rows))
}
