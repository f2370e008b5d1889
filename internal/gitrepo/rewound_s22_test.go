package gitrepo

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// A branch whose loose ref is lost or emptied after git packed the refs
// (git gc, pack-refs, a clone) reads from the older packed-refs line: the
// next commit rewound the history without a word. In a clone, whose
// remote-tracking refs exist, a lost branch looked like an orphan branch
// beside them and got a new root commit. Both are refused, naming the
// last commit made on the branch (review s22 F4); a branch moved on by a
// commit of the user's, or a rewind made deliberate by deleting the
// record, is not.
func TestRewoundOrLostBranchIsRefused(t *testing.T) {
	needGit(t)
	setup := func(t *testing.T) (dir string, r *Repo, heads []string) {
		dir = t.TempDir()
		git(t, dir, "init", "-q", "-b", "main")
		r = mustOpen(t, dir)
		for _, n := range []string{"a", "b"} {
			writeFile(t, filepath.Join(dir, "s", n+".json"), n)
			h, _ := mustCommit(t, r, []string{filepath.Join(dir, "s", n+".json")}, "add "+n)
			heads = append(heads, h)
		}
		git(t, dir, "pack-refs", "--all") // packed-refs: main -> b
		writeFile(t, filepath.Join(dir, "s", "c.json"), "c")
		h, _ := mustCommit(t, mustOpen(t, dir), []string{filepath.Join(dir, "s", "c.json")}, "add c") // loose main -> c
		return dir, r, append(heads, h)
	}
	next := func(t *testing.T, dir string) error {
		writeFile(t, filepath.Join(dir, "s", "d.json"), "d")
		_, _, err := mustOpen(t, dir).Commit([]string{filepath.Join(dir, "s", "d.json")}, "add d", Author{Name: "w", Email: "w@example.com"}, time.Unix(1_700_000_500, 0))
		return err
	}
	ref := func(dir string) string { return filepath.Join(dir, ".git", "refs", "heads", "main") }
	for _, c := range []struct {
		name   string
		damage func(t *testing.T, dir string, heads []string)
		want   string // "" when the commit is made
	}{
		{"loose ref deleted, packed line older", func(t *testing.T, dir string, _ []string) { os.Remove(ref(dir)) }, "packed-refs holds an older value"},
		{"loose ref emptied, packed line older", func(t *testing.T, dir string, _ []string) { os.WriteFile(ref(dir), nil, 0o644) }, "packed-refs holds an older value"},
		// git writes the loose ref of a reset: a deliberate move (the
		// remote's branch after a failed push, review s22b R1)
		{"reset to an older commit", func(t *testing.T, dir string, heads []string) { git(t, dir, "update-ref", "refs/heads/main", heads[0]) }, ""},
		{"checkout -B to a remote-tracking branch", func(t *testing.T, dir string, heads []string) {
			git(t, dir, "update-ref", "refs/remotes/origin/main", heads[1])
			git(t, dir, "checkout", "-q", "--force", "-B", "main", "refs/remotes/origin/main")
		}, ""},
		{"lost in a clone with remote-tracking refs", func(t *testing.T, dir string, heads []string) {
			git(t, dir, "update-ref", "refs/remotes/origin/main", heads[2])
			os.Remove(ref(dir))
			os.WriteFile(filepath.Join(dir, ".git", "packed-refs"), []byte("# pack-refs with: peeled fully-peeled sorted \n"), 0o644)
		}, "missing"},
		{"a commit of the user's on top", func(t *testing.T, dir string, _ []string) {
			writeFile(t, filepath.Join(dir, "notes.txt"), "n")
			git(t, dir, "add", "notes.txt")
			git(t, dir, "-c", "user.name=u", "-c", "user.email=u@example.com", "commit", "-q", "-m", "notes")
		}, ""},
		{"a rewind made deliberate", func(t *testing.T, dir string, heads []string) {
			git(t, dir, "update-ref", "refs/heads/main", heads[0])
			os.Remove(filepath.Join(dir, ".git", lastMadeFile))
		}, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir, _, heads := setup(t)
			c.damage(t, dir, heads)
			err := next(t, dir)
			switch {
			case c.want == "" && err != nil:
				t.Fatalf("commit refused: %v", err)
			case c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want) || !strings.Contains(err.Error(), heads[2])):
				t.Fatalf("commit after %s: %v; want it refused (%q) naming %s", c.name, err, c.want, heads[2])
			}
		})
	}
}
