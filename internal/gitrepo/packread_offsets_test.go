package gitrepo

import (
	"os"
	"strings"
	"testing"

	"github.com/go-git/go-git/v5/plumbing"
)

// A pack whose index puts every offset but the first in the 64-bit table
// (git index-pack --index-version=2,12): the direct packed reads find and
// verify every whole object through it (re-read s17: the 8-byte path was
// untested).
func TestPackedReadLargeOffsets(t *testing.T) {
	needGit(t)
	dir := packedRepo(t, 2*packMin)
	gitOut(t, dir, "gc", "--quiet")
	pack := onePack(t, dir)
	idx := strings.TrimSuffix(pack, ".pack") + ".idx"
	if err := os.Remove(idx); err != nil {
		t.Fatal(err)
	}
	gitOut(t, dir, "index-pack", "--index-version=2,12", "-o", idx, pack)
	s := mustOpen(t, dir).packSetLoaded()
	whole := 0
	for _, line := range strings.Split(gitOut(t, dir, "rev-list", "--objects", "--all"), "\n") {
		f := strings.Fields(line)
		if len(f) == 0 {
			continue
		}
		_, _, ok, err := s.read(plumbing.NewHash(f[0]))
		switch {
		case err == nil && ok:
			whole++
		case err != errNotWhole:
			t.Fatalf("%s: ok %v, err %v", f[0], ok, err)
		}
	}
	if whole == 0 {
		t.Fatal("nothing read through 64-bit offsets")
	}
}
