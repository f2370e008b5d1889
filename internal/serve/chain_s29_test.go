package serve

import (
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/careers-watcher/careers-watcher/internal/gitrepo"
	"github.com/careers-watcher/careers-watcher/internal/model"
	"github.com/careers-watcher/careers-watcher/internal/snapshot"
)

func gitOut(t *testing.T, dir string, env []string, args ...string) string {
	t.Helper()
	cmd := exec.Command("git", append([]string{"-C", dir}, args...)...)
	cmd.Env = append(cmd.Environ(), env...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("git %v: %v %s", args, err, out)
	}
	return strings.TrimSpace(string(out))
}

// Review s28 F6: an amend of the HEAD (a run folding its outbox files into
// its commit) keeps the chain walked below it; only the amended-away
// commit leaves it, and it is no cursor any more.
func TestChainCacheKeepsItsWalkAcrossAnAmend(t *testing.T) {
	f := writeFolder(t, nil)
	st := &snapshot.Store{Dir: f.Dir}
	when := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	post := func(id string) []string {
		return writePostings(t, st, model.Posting{ID: id, Title: "Job " + id, Role: "Software Engineer"})
	}
	base := commitPaths(t, f, "acme: base", when, post("1")...)
	second := commitPaths(t, f, "acme: second", when.Add(time.Hour), post("2")...)
	h := New(f, "", nil).Handler()
	status := func(cursor string) int {
		t.Helper()
		resp, body := fetch(t, h, "/api/v1/events?before="+cursor)
		if resp.StatusCode != 200 && resp.StatusCode != 400 {
			t.Fatalf("before=%s: %d %s", cursor[:8], resp.StatusCode, body)
		}
		return resp.StatusCode
	}
	if got := status(base); got != 200 {
		t.Fatalf("before=base: %d, want 200", got)
	}
	env := []string{"GIT_COMMITTER_DATE=" + when.Add(2*time.Hour).Format(time.RFC3339), "GIT_AUTHOR_NAME=w",
		"GIT_AUTHOR_EMAIL=w@localhost", "GIT_COMMITTER_NAME=w", "GIT_COMMITTER_EMAIL=w@localhost"}
	gitOut(t, f.Dir, env, "commit", "-q", "--amend", "--allow-empty", "-m", "acme: second (amended)")
	amended := gitOut(t, f.Dir, nil, "rev-parse", "HEAD")
	if got := status(amended); got != 200 {
		t.Errorf("before=the amended HEAD: %d, want 200", got)
	}
	f.chain.mu.Lock()
	_, keptBase := f.chain.seen[mustHash(t, base)]
	_, keptOld := f.chain.seen[mustHash(t, second)]
	f.chain.mu.Unlock()
	if !keptBase || keptOld {
		t.Errorf("after the amend the walk holds base %v (want true), the amended-away commit %v (want false)", keptBase, keptOld)
	}
	if got := status(second); got != 400 {
		t.Errorf("before=the amended-away commit: %d, want 400", got)
	}
	if got := status(base); got != 200 {
		t.Errorf("before=base after the amend: %d, want 200", got)
	}
}

// Review s28 F7: a cursor naming a commit off the chain (another
// branch's) ends the walk, once past its bound, where the chain is older
// than it, not at the history's root.
func TestChainWalkForAnOffChainCursorStopsAtItsTime(t *testing.T) {
	f := writeFolder(t, nil)
	st := &snapshot.Store{Dir: f.Dir}
	when := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	var hashes []string
	for i := range 40 {
		id := strconv.Itoa(i)
		hashes = append(hashes, commitPaths(t, f, "acme: "+id, when.Add(time.Duration(i)*time.Hour),
			writePostings(t, st, model.Posting{ID: id, Title: "Job " + id, Role: "Software Engineer"})...))
	}
	// a commit on another branch, made at the time of the chain's 35th
	env := []string{"GIT_COMMITTER_DATE=" + when.Add(35*time.Hour).Format(time.RFC3339), "GIT_AUTHOR_NAME=w",
		"GIT_AUTHOR_EMAIL=w@localhost", "GIT_COMMITTER_NAME=w", "GIT_COMMITTER_EMAIL=w@localhost"}
	off := gitOut(t, f.Dir, env, "commit-tree", hashes[34]+"^{tree}", "-p", hashes[34], "-m", "elsewhere")
	f.chain.budget = 3 // the walk's bound before the time cut, as maxWalk is in a long history
	h := New(f, "", nil).Handler()
	resp, body := fetch(t, h, "/api/v1/events?before="+off)
	if resp.StatusCode != 400 {
		t.Fatalf("before=an off-chain commit: %d %s, want 400", resp.StatusCode, body)
	}
	f.chain.mu.Lock()
	walked := len(f.chain.seen)
	f.chain.mu.Unlock()
	if walked > 8 {
		t.Errorf("the walk for an off-chain cursor made at hour 35 of 40 went through %d commits, want at most 8", walked)
	}
	// the walk goes on from where it stopped for a cursor further down
	if resp, body := fetch(t, h, "/api/v1/events?before="+hashes[2]); resp.StatusCode != 200 {
		t.Errorf("before=an old commit of the chain: %d %s, want 200", resp.StatusCode, body)
	}
}

func mustHash(t *testing.T, s string) gitrepo.Hash {
	t.Helper()
	var h gitrepo.Hash
	if len(s) != 40 {
		t.Fatalf("no hash: %q", s)
	}
	for i := 0; i < 20; i++ {
		v, err := strconv.ParseUint(s[2*i:2*i+2], 16, 8)
		if err != nil {
			t.Fatal(err)
		}
		h[i] = byte(v)
	}
	return h
}
