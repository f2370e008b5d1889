package gitrepo

import (
	"os"
	"path/filepath"
	"testing"
)

// Review s17 F16: a torn .git/index (a power loss, a full disk, a killed
// git) stopped every commit for good ("read index: bad checksum"). The
// index is a cache of HEAD: the next commit rebuilds it from HEAD, says
// so (RepairedIndex), and leaves a repository git itself finds clean.
func TestTornIndexIsRebuiltFromHead(t *testing.T) {
	needGit(t)
	dir := t.TempDir()
	git(t, dir, "init", "-q", "-b", "main")
	writeFile(t, filepath.Join(dir, "a", "1.json"), "one\n")
	writeFile(t, filepath.Join(dir, "a", "2.json"), "two\n")
	r := mustOpen(t, dir)
	mustCommit(t, r, []string{filepath.Join(dir, "a", "1.json"), filepath.Join(dir, "a", "2.json")}, "first")
	index := filepath.Join(dir, ".git", "index")
	b, err := os.ReadFile(index)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(index, b[:len(b)/2], 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := r.ChangedSince(""); err != nil {
		t.Fatalf("ChangedSince over a torn index: %v", err)
	}
	writeFile(t, filepath.Join(dir, "a", "3.json"), "three\n")
	if _, ok := mustCommit(t, r, []string{filepath.Join(dir, "a", "3.json")}, "second"); !ok {
		t.Fatal("nothing committed")
	}
	if got := r.RepairedIndex(); got != index {
		t.Fatalf("RepairedIndex() = %q, want %q", got, index)
	}
	if got := r.RepairedIndex(); got != "" {
		t.Fatalf("RepairedIndex() again = %q, want none", got)
	}
	if st := git(t, dir, "status", "--porcelain"); st != "" {
		t.Fatalf("git status after the repair:\n%s", st)
	}
	if ls := git(t, dir, "ls-files"); ls != "a/1.json\na/2.json\na/3.json" {
		t.Fatalf("git ls-files:\n%s", ls)
	}
}
