package watch

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// Review s16 R1: a board echoes the key of its URL with a character inside
// it that the views drop (U+202A, a soft hyphen, a control character);
// the views clean the text and so put the key together again. No file,
// commit body or Slack message may hold it.
func TestSplitSecretEchoNotReassembled(t *testing.T) {
	t.Parallel()
	const key = "supersecretkey123"
	board := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			w.WriteHeader(404)
			return
		}
		k := r.URL.Query().Get("api_key")
		split := func(sep string) string { return k[:5] + sep + k[5:] }
		jobs := []map[string]any{}
		for i, sep := range []string{"\u202a", "\u00ad", "\x01", "\u200b"} {
			jobs = append(jobs, map[string]any{"id": 8636903002 + i, "title": "Data Engineer " + split(sep),
				"updated_at": "2025-01-01T00:00:00Z", "absolute_url": fmt.Sprintf("https://x.example/%d", i),
				"content": "&lt;p&gt;SQL and Python, " + split(sep) + ".&lt;/p&gt;", "location": map[string]any{"name": "Berlin " + split(sep)}})
		}
		b, _ := json.Marshal(map[string]any{"jobs": jobs})
		w.Header().Set("Content-Type", "application/json")
		w.Write(b)
	}))
	t.Cleanup(board.Close)
	var mu sync.Mutex
	var chat []string
	slack := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		mu.Lock()
		chat = append(chat, string(b))
		mu.Unlock()
		w.Write([]byte("ok"))
	}))
	t.Cleanup(slack.Close)
	dir := t.TempDir()
	yml := fmt.Sprintf("snapshots: snaps\nhttp: {per_host_delay: 1ms, retries: 1}\nsources:\n  - {name: acme, type: greenhouse, board: acme, url: %q}\nnotifiers:\n  - {name: sl, type: slack, url: %q}\n",
		board.URL+"/?api_key=${GH_KEY}", slack.URL)
	getenv := func(k string) (string, bool) {
		if k == "GH_KEY" {
			return key, true
		}
		return "", false
	}
	cfg := parseConfig(t, dir, yml, getenv)
	r := quietRunner(t, cfg, Options{})
	if res := run(t, r, cfg); res.Sources[0].Added != 4 {
		t.Fatalf("run: %+v", res.Sources[0])
	}
	// What a view shows: the text with the characters it drops taken out.
	shown := func(s string) string {
		return strings.NewReplacer("\u202a", "", "\u00ad", "", "\x01", "", "\u200b", "", `\u0001`, "").Replace(s)
	}
	err := filepath.Walk(cfg.Snapshots, func(p string, fi os.FileInfo, err error) error {
		if err != nil || fi.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if strings.Contains(shown(string(b)), key) {
			t.Errorf("%s holds the key: %s", p, b)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if msg := gitOut(t, cfg.Snapshots, "log", "--format=%B"); strings.Contains(shown(msg), key) {
		t.Errorf("a commit body holds the key:\n%s", msg)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(chat) == 0 {
		t.Fatal("no Slack message")
	}
	for _, m := range chat {
		if strings.Contains(shown(m), key) {
			t.Errorf("a Slack message holds the key: %s", m)
		}
	}
}
