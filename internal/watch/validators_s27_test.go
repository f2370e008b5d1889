package watch

import (
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
)

// A run whose validators are the ones it read saves them as the bytes it
// read (no encoding, no write: the file keeps its inode); a run whose
// board answers a new ETag rewrites the file with it, and a file edited by
// hand into the same validators in another layout is kept as it is.
func TestUnchangedValidatorsAreNotRewritten(t *testing.T) {
	t.Parallel()
	var tag atomic.Value
	tag.Store(`"tag-a"`)
	board := func(w http.ResponseWriter, r *http.Request) {
		cur := tag.Load().(string)
		w.Header().Set("ETag", cur)
		w.Header().Set("Content-Type", "application/json")
		if r.Header.Get("If-None-Match") == cur {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		fmt.Fprint(w, `{"jobs":[{"id":11,"title":"Data Engineer","absolute_url":"https://boards.greenhouse.io/acme/jobs/11","location":{"name":"Oslo"},"updated_at":"2026-11-01T00:00:00Z","content":"&lt;p&gt;SQL.&lt;/p&gt;"}]}`)
	}
	cfg := leverConfig(t, nil, board, func(url string) string {
		return fmt.Sprintf("  - {name: gh, type: greenhouse, board: acme, url: \"%s/\"}\n", url)
	})
	runQuiet(t, cfg)
	path := filepath.Join(cfg.Snapshots, ".watcher", "http", "gh.json")
	read := func() ([]byte, uint64) {
		t.Helper()
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		fi, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		return b, fi.Sys().(*syscall.Stat_t).Ino
	}
	first, ino := read()
	if !strings.Contains(string(first), `tag-a`) {
		t.Fatalf("validators after the first run: %s", first)
	}

	runQuiet(t, cfg) // a 304: the same validators
	again, ino2 := read()
	if string(again) != string(first) || ino2 != ino {
		t.Errorf("an unchanged run rewrote the validators: %s (inode %d, was %d)", again, ino2, ino)
	}

	// the same validators in another layout: equal, kept as they are
	edited := strings.ReplaceAll(strings.ReplaceAll(string(first), "\n", ""), " ", "") + "\n"
	if edited == string(first) {
		t.Fatal("the edit changed nothing")
	}
	if err := os.WriteFile(path, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	runQuiet(t, cfg)
	if b, _ := read(); string(b) != edited {
		t.Errorf("equal validators were rewritten: %s", b)
	}

	tag.Store(`"tag-b"`) // the board's listing moved on
	runQuiet(t, cfg)
	if b, _ := read(); !strings.Contains(string(b), `tag-b`) || strings.Contains(string(b), `tag-a`) {
		t.Errorf("validators after a new ETag: %s", b)
	}
}
