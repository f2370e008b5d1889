package gitrepo

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Review s20 F8: an index above verifyIndexMax is checked as it is read,
// not by its checksum; one torn past its header ("truncated entry",
// "malformed entry name") failed every run for good. It is rebuilt from
// HEAD as a small torn one is. (verifyIndexMax is lowered here to stand
// for a folder of 50,000 postings and more.)
func TestTornLargeIndexIsRebuiltFromHead(t *testing.T) {
	needGit(t)
	old := verifyIndexMax
	verifyIndexMax = 1 << 10
	t.Cleanup(func() { verifyIndexMax = old })
	for _, keep := range []float64{0.5, 0.9} {
		t.Run(fmt.Sprint(keep), func(t *testing.T) {
			dir := t.TempDir()
			git(t, dir, "init", "-q", "-b", "main")
			var paths []string
			for i := range 200 {
				p := filepath.Join(dir, "a", fmt.Sprintf("%03d.json", i))
				writeFile(t, p, fmt.Sprintf("%d\n", i))
				paths = append(paths, p)
			}
			r := mustOpen(t, dir)
			mustCommit(t, r, paths, "first")
			index := filepath.Join(dir, ".git", "index")
			b, err := os.ReadFile(index)
			if err != nil {
				t.Fatal(err)
			}
			cut := int(float64(len(b)) * keep)
			if cut-indexChecksumLen <= verifyIndexMax {
				t.Fatalf("the torn index (%d bytes) is not a large one", cut)
			}
			if err := os.WriteFile(index, b[:cut], 0o644); err != nil {
				t.Fatal(err)
			}
			if _, err := r.ChangedSince(""); err != nil {
				t.Fatalf("ChangedSince over a torn large index: %v", err)
			}
			writeFile(t, filepath.Join(dir, "a", "new.json"), "new\n")
			if _, ok := mustCommit(t, r, []string{filepath.Join(dir, "a", "new.json")}, "second"); !ok {
				t.Fatal("nothing committed")
			}
			if got := r.RepairedIndex(); got != index {
				t.Fatalf("RepairedIndex() = %q, want %q", got, index)
			}
			if st := git(t, dir, "status", "--porcelain"); st != "" {
				t.Fatalf("git status after the repair:\n%s", st)
			}
			if n := len(strings.Split(git(t, dir, "ls-files"), "\n")); n != 201 {
				t.Fatalf("git ls-files: %d files, want 201", n)
			}
		})
	}
}
