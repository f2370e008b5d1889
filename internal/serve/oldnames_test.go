package serve

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
	"github.com/careers-watcher/careers-watcher/internal/snapshot"
)

// A folder an older build wrote (files named after the listing's
// untrimmed id, before d86d7b3), read before any run of this build: every
// posting is open, under its key.
func TestOldNamedFilesAreOpenInServe(t *testing.T) {
	f := writeFolder(t, []model.Posting{{ID: "7", Title: "Scientist"}})
	for raw, key := range map[string]string{" 42 ": "42", "x y ": "x y"} {
		b, err := model.Encode(model.Posting{ID: key, Source: "acme", Title: "job " + key})
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(f.Dir, "acme", snapshot.PostingName(model.PostingKey(raw))), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ps, err := f.Postings("acme")
	if err != nil {
		t.Fatal(err)
	}
	if len(ps) != 3 {
		t.Errorf("Postings: %d, want 3: %+v", len(ps), ps)
	}
	ls, err := f.Listing("acme")
	if err != nil {
		t.Fatal(err)
	}
	if len(ls) != 3 {
		t.Errorf("Listing: %d, want 3", len(ls))
	}
	d, err := f.Detail(context.Background(), "acme", "42")
	if err != nil {
		t.Fatal(err)
	}
	if !d.Open || d.Posting == nil || d.Posting.Title != "job 42" {
		t.Errorf("Detail(42) = open %v, %+v; want open", d.Open, d.Posting)
	}
	s := New(f, "", nil)
	resp, body := fetch(t, s.Handler(), "/api/v1/sources/acme/postings")
	if resp.StatusCode != 200 {
		t.Fatalf("%d %s", resp.StatusCode, body)
	}
	if !strings.Contains(body, `"total": 3,`) {
		t.Errorf("api postings: %s", body)
	}
}
