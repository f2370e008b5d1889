package snapshot

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// IndexNeedsKeyUpgrade, on the index LoadIndex gave, says what
// NeedsKeyUpgrade says after its own read of the index: an entry under an
// older rule's key, today's keys, no index with posting files (rebuilt),
// an empty folder, and a secret of the source in a key.
func TestIndexNeedsKeyUpgradeAgreesWithNeedsKeyUpgrade(t *testing.T) {
	s, err := Open(filepath.Join(t.TempDir(), "snaps"))
	if err != nil {
		t.Fatal(err)
	}
	mask := func(v string) string {
		if v == "k-secret" {
			return "k-***"
		}
		return v
	}
	write := func(source, key string, p model.Posting) {
		b, err := model.Encode(p)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.WritePosting(source, key, b); err != nil {
			t.Fatal(err)
		}
	}
	old := model.PostingKey(" 42 ")
	write("old", old, model.Posting{ID: " 42 ", Source: "old"})
	if _, err := s.SaveIndex("old", Index{Postings: map[string]Entry{old: {Hash: "h"}}}); err != nil {
		t.Fatal(err)
	}
	write("today", "42", model.Posting{ID: "42", Source: "today"})
	if _, err := s.SaveIndex("today", Index{Postings: map[string]Entry{"42": {Hash: "h"}}}); err != nil {
		t.Fatal(err)
	}
	write("noindex", "7", model.Posting{ID: "7", Source: "noindex"})
	if err := os.MkdirAll(s.SourceDir("empty"), 0o755); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SaveIndex("masked", Index{Postings: map[string]Entry{"k-secret": {Hash: "h"}}}); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		source string
		want   bool
	}{{"old", true}, {"today", false}, {"noindex", true}, {"empty", false}, {"masked", true}} {
		idx, err := s.LoadIndex(c.source)
		if err != nil {
			t.Fatal(err)
		}
		byFile, byIndex := s.NeedsKeyUpgrade(c.source, mask), s.IndexNeedsKeyUpgrade(c.source, idx, mask)
		if byFile != c.want || byIndex != c.want {
			t.Errorf("%s: NeedsKeyUpgrade %v, IndexNeedsKeyUpgrade %v, want %v", c.source, byFile, byIndex, c.want)
		}
	}
}
