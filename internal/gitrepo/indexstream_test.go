package gitrepo

import (
	"bytes"
	"crypto/sha1"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// The matcher of interesting names, in one pass, agrees with the
// definition: a path, a parent directory of one, or a name below one.
func TestInterestMatchesDefinition(t *testing.T) {
	t.Parallel()
	parts := []string{"a", "b", "a-b", "a.b", "a0", "ab", "z"}
	rng := rand.New(rand.NewPCG(1, 2))
	randPath := func() string {
		n := 1 + rng.IntN(4)
		p := make([]string, n)
		for i := range p {
			p[i] = parts[rng.IntN(len(parts))]
		}
		return strings.Join(p, "/")
	}
	for round := range 300 {
		var names []string
		for range 60 {
			names = append(names, randPath())
		}
		slices.Sort(names)
		names = slices.Compact(names)
		var rels []string
		for range 1 + rng.IntN(6) {
			rels = append(rels, randPath())
		}
		slices.Sort(rels)
		rels = slices.Compact(rels)
		in := newInterest(rels)
		for _, name := range names {
			want := false
			for _, rel := range rels {
				if name == rel || strings.HasPrefix(name, rel+"/") {
					want = true
				}
				for d := path.Dir(rel); d != "."; d = path.Dir(d) {
					if name == d {
						want = true
					}
				}
			}
			if got := in.match([]byte(name)); got != want {
				t.Fatalf("round %d: rels %q, name %q: match %v, want %v", round, rels, name, got, want)
			}
		}
	}
}

// An index larger than verifyIndexMax is read from the file as a stream
// (and, in version 4, re-encoded entry by entry): a commit that adds,
// updates, deletes and turns a file into a directory and back leaves an
// index that matches HEAD, has the entries of every other path, a correct
// checksum and the stat data of the committed files.
//
// verifyIndexMax is lowered from 4 MB to 512 KB for it (7,500 entries
// instead of 60,000, in the same proportion to the limit; still more than
// twice the 256 KB read window), so that git's update-index, ls-files and
// fsck read a smaller repository. Not parallel: it sets the package's
// limit, and the parallel tests start only after it (its subtests
// included) has finished.
func TestLargeIndexStreamed(t *testing.T) {
	needGit(t)
	old := verifyIndexMax
	verifyIndexMax = 512 << 10
	t.Cleanup(func() { verifyIndexMax = old })
	for _, version := range []string{"2", "4"} {
		t.Run("v"+version, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			git(t, dir, "init", "-q", "-b", "main")
			blob := strings.TrimSpace(gitStdin(t, dir, "old\n", "hash-object", "-w", "--stdin"))
			var info bytes.Buffer
			const folders, files = 750, 10
			for d := range folders {
				for f := range files {
					fmt.Fprintf(&info, "100644 %s\td%05d/f%03d.json\n", blob, d, f)
				}
			}
			fmt.Fprintf(&info, "100644 %s\tsolo\n", blob)
			gitStdin(t, dir, info.String(), "update-index", "--add", "--index-info")
			tree := git(t, dir, "write-tree")
			commit := strings.TrimSpace(gitStdin(t, dir, "first\n", "commit-tree", tree))
			git(t, dir, "update-ref", "refs/heads/main", commit)
			git(t, dir, "update-index", "--index-version", version)
			fi, err := os.Stat(filepath.Join(dir, ".git", "index"))
			if err != nil {
				t.Fatal(err)
			}
			if version == "2" && fi.Size() <= int64(verifyIndexMax) {
				t.Fatalf("index of %d bytes: not above verifyIndexMax", fi.Size())
			}

			write := map[string]string{
				"d00001/f001.json": "updated\n",
				"d00002/new.json":  "added\n",
				"a-first.json":     "first in the index\n",
				"zz/last.json":     "last in the index\n",
				"d00004":           "a file where a folder was\n",
				"solo/x.json":      "a folder where a file was\n",
			}
			for p, body := range write {
				writeFile(t, filepath.Join(dir, p), body)
			}
			paths := []string{"d00003/f002.json"} // not on disk: deleted
			for p := range write {
				paths = append(paths, filepath.Join(dir, p))
			}
			r := mustOpen(t, dir)
			mustCommit(t, r, paths, "mixed")

			if out := git(t, dir, "diff-index", "--cached", "HEAD"); out != "" {
				t.Errorf("index differs from HEAD:\n%s", out)
			}
			committed := slices.Sorted(func(yield func(string) bool) {
				for p := range write {
					if !yield(p) {
						return
					}
				}
			})
			if out := git(t, dir, append([]string{"diff-files", "--"}, committed...)...); out != "" {
				t.Errorf("committed files differ from their index entries (stat data):\n%s", out)
			}
			// 5 added; d00003/f002.json, the files of d00004 and solo removed
			want := folders*files + 1 + 5 - 1 - files - 1
			if n := strings.Count(gitStdin(t, dir, "", "ls-files"), "\n"); n != want {
				t.Errorf("%d index entries, want %d", n, want)
			}
			data, err := os.ReadFile(filepath.Join(dir, ".git", "index"))
			if err != nil {
				t.Fatal(err)
			}
			if sum := sha1.Sum(data[:len(data)-20]); !bytes.Equal(sum[:], data[len(data)-20:]) {
				t.Error("index checksum does not match")
			}
			if v := strconv.Itoa(int(data[7])); v == "4" {
				t.Errorf("index written as version %s", v)
			}
			git(t, dir, "fsck", "--strict", "--no-progress")
		})
	}
}

func gitStdin(t testing.TB, dir, stdin string, args ...string) string {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	cmd.Stdin = strings.NewReader(stdin)
	cmd.Env = append(os.Environ(),
		"HOME="+dir, "XDG_CONFIG_HOME="+dir,
		"GIT_CONFIG_NOSYSTEM=1", "GIT_CONFIG_GLOBAL=/dev/null",
		"GIT_AUTHOR_NAME=User", "GIT_AUTHOR_EMAIL=user@example.com",
		"GIT_COMMITTER_NAME=User", "GIT_COMMITTER_EMAIL=user@example.com",
	)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}
