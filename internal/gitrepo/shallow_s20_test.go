package gitrepo

import (
	"path/filepath"
	"testing"
)

// Review s20 F15: show and serve walk a posting's history with Parent; on
// a shallow clone (a CI checkout) the oldest commit's parent is not there
// and the walk failed ("object not found"). The history it has ends at
// that commit: Parent is nil there, and Cut says the history was cut.
func TestShallowHistoryEndsAtItsOldestCommit(t *testing.T) {
	needGit(t)
	src := t.TempDir()
	git(t, src, "init", "-q", "-b", "main")
	for i, body := range []string{"one\n", "two\n", "three\n"} {
		writeFile(t, filepath.Join(src, "a", "1.json"), body)
		git(t, src, "add", "-A")
		git(t, src, "-c", "user.name=w", "-c", "user.email=w@example.com", "commit", "-q", "-m", string(rune('a'+i)))
	}
	dir := filepath.Join(t.TempDir(), "clone")
	git(t, src, "clone", "-q", "--depth", "2", "file://"+src, dir)
	h, err := OpenHistory(dir, dir)
	if err != nil {
		t.Fatal(err)
	}
	c, err := h.Head()
	if err != nil {
		t.Fatal(err)
	}
	var walked int
	for c != nil {
		walked++
		cut := h.Cut(c)
		p, err := h.Parent(c)
		if err != nil {
			t.Fatalf("Parent of commit %d: %v", walked, err)
		}
		if cut != (p == nil) {
			t.Fatalf("commit %d: Cut %v, parent %v", walked, cut, p)
		}
		c = p
	}
	if walked != 2 {
		t.Fatalf("walked %d commits, want the clone's 2", walked)
	}
}
