package watch

import (
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/careers-watcher/careers-watcher/internal/config"
	"github.com/careers-watcher/careers-watcher/internal/gitrepo"
	"github.com/careers-watcher/careers-watcher/internal/model"
	"github.com/careers-watcher/careers-watcher/internal/snapshot"
)

// snapGit runs git in the snapshot folder dir and returns its output; a
// failure fails the test.
func snapGit(t *testing.T, dir string) func(args ...string) string {
	return func(args ...string) string {
		t.Helper()
		out, err := exec.Command("git", append([]string{"-C", dir}, args...)...).CombinedOutput()
		if err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
		return string(out)
	}
}

// slashRel is path p relative to dir, with slashes (as git names it).
func slashRel(t *testing.T, dir, p string) string {
	t.Helper()
	r, err := filepath.Rel(dir, p)
	if err != nil {
		t.Fatal(err)
	}
	return filepath.ToSlash(r)
}

// commitAll commits everything in git's folder with the message msg, as a
// build other than this one would have.
func commitAll(git func(args ...string) string, msg string) {
	git("add", "-A")
	git("-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", msg)
}

// oldKeysBoard is a lever listing of three postings whose ids today's keys
// store otherwise than the build before d86d7b3 did: one holding the
// api_key the request carries (masked today), one with spaces around it
// (trimmed today), one plain.
func oldKeysBoard(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	fmt.Fprintf(w, `[{"id":"job-%s-1","text":"Data Engineer","hostedUrl":"https://jobs.lever.co/acme/1"},
			{"id":" 42 ","text":"Analyst","hostedUrl":"https://jobs.lever.co/acme/42"},
			{"id":"7","text":"Scientist","hostedUrl":"https://jobs.lever.co/acme/7"}]`, r.URL.Query().Get("api_key"))
}

// oldKeysRaw are the ids of oldKeysBoard's postings as the listing gives
// them (key the api_key of ${KEY}), by the keys they are kept under today.
func oldKeysRaw(key string) map[string]string {
	return map[string]string{"job-[redacted:KEY]-1": "job-" + key + "-1", "42": " 42 ", "7": "7"}
}

// oldKeysSource is keyedLever's source "lv" over oldKeysBoard (KEY: key),
// run once, whose folder is then made as the build before d86d7b3 left it
// (oldKeyFolder); renamed is how many files that moved.
func oldKeysSource(t *testing.T, key string) (cfg *config.Config, renamed int) {
	t.Helper()
	cfg = keyedLever(t, map[string]string{"KEY": key}, "", oldKeysBoard)
	runQuiet(t, cfg)
	return cfg, oldKeyFolder(t, cfg.Snapshots, "lv", oldKeysRaw(key))
}

// oldKeyFolder makes source's part of the snapshot folder dir as the build
// before d86d7b3 left it: each posting of rawOf (raw ids by today's keys)
// kept under model.PostingKey of its raw id (d86d7b3^: key :=
// model.PostingKey(raw.ID)), its file named after that and its index
// entry under it, committed. It returns how many files the old rule names
// otherwise than today's.
func oldKeyFolder(t *testing.T, dir, source string, rawOf map[string]string) (renamed int) {
	t.Helper()
	git := snapGit(t, dir)
	s, err := snapshot.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	idxPath := filepath.Join(dir, filepath.FromSlash(snapshot.IndexRel(source)))
	var idx map[string]any
	b, err := os.ReadFile(idxPath)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &idx); err != nil {
		t.Fatal(err)
	}
	entries := idx["postings"].(map[string]any)
	old := map[string]any{}
	for id, e := range entries {
		if _, ok := rawOf[id]; !ok {
			old[id] = e
		}
	}
	for id, raw := range rawOf {
		e, ok := entries[id]
		if !ok {
			t.Fatalf("index of %s has no %q: %v", source, id, entries)
		}
		oldKey := model.PostingKey(raw)
		old[oldKey] = e
		if from, to := s.PostingPath(source, id), s.PostingPath(source, oldKey); from != to {
			renamed++
			git("mv", slashRel(t, dir, from), slashRel(t, dir, to))
		}
	}
	idx["postings"] = old
	if b, err = json.MarshalIndent(idx, "", " "); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(idxPath, append(b, '\n'), 0o644); err != nil {
		t.Fatal(err)
	}
	commitAll(git, "an old build's folder")
	return renamed
}

// failingCommits is the committer of a test: the commits for whose message
// fail returns an error fail with it, the others are next's.
type failingCommits struct {
	next committer
	fail func(msg string) error
}

func (f failingCommits) Commit(paths []string, msg string, author gitrepo.Author, when time.Time) (string, bool, error) {
	if err := f.fail(msg); err != nil {
		return "", false, err
	}
	return f.next.Commit(paths, msg, author, when)
}
