package watch

import (
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A board that echoes the key it was sent into its posting ids, and ids
// with spaces around them: every posting is stored under the id its
// snapshot holds (trimmed, the key masked), so no file name, index or
// README row carries the key, and every posting reads back by its id.
func TestPostingKeyIsTheStoredID(t *testing.T) {
	t.Parallel()
	const key = "sk_live_Echo71xQ"
	cfg := keyedLever(t, map[string]string{"KEY": key}, "", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		k := r.URL.Query().Get("api_key")
		fmt.Fprintf(w, `[{"id":"job-%s-1","text":"Data Engineer","hostedUrl":"https://jobs.lever.co/acme/1"},
			{"id":" 42 ","text":"Analyst","hostedUrl":"https://jobs.lever.co/acme/42"},
			{"id":"\u2028ls","text":"Scientist","hostedUrl":"https://jobs.lever.co/acme/ls"}]`, k)
	})
	runQuiet(t, cfg)
	err := filepath.Walk(cfg.Snapshots, func(p string, fi os.FileInfo, err error) error {
		if err != nil || fi.IsDir() {
			return err
		}
		if strings.Contains(p, key) {
			t.Errorf("file name holds the key: %s", p)
		}
		if filepath.Base(filepath.Dir(p)) == "objects" || strings.Contains(p, string(filepath.Separator)+".git"+string(filepath.Separator)) {
			return nil
		}
		if b, _ := os.ReadFile(p); strings.Contains(string(b), key) {
			t.Errorf("%s holds the key", p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	s := snapStore(t, cfg)
	posts, err := s.Postings("lv")
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]bool{}
	for _, p := range posts {
		ids[p.ID] = true
		if _, _, err := s.Read("lv", p.ID); err != nil {
			t.Errorf("posting %q does not read back by its id: %v", p.ID, err)
		}
	}
	if len(posts) != 3 || !ids["42"] || !ids["ls"] {
		t.Fatalf("postings %v, want 3 with ids 42 and ls", ids)
	}
}
