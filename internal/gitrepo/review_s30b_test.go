package gitrepo

import (
	"os"
	"path/filepath"
	"testing"
)

// Review s30b F3: `watcher import-git --from snapshots` (the README's
// example) fails "folder snapshots is outside the git work tree
// /abs/snapshots": the work tree's root is absolute, --from is taken as
// written, and filepath.Rel of an absolute and a relative path is an
// error. A relative folder is relative to the working directory.
func TestReviewS30bRelativeFolderIsInItsWorkTree(t *testing.T) {
	parent := t.TempDir()
	root := filepath.Join(parent, "snaps")
	if err := os.MkdirAll(root, 0o755); err != nil {
		t.Fatal(err)
	}
	t.Chdir(parent)
	rel, err := relInWorkTree(root, "snaps")
	if err != nil || rel != "" {
		t.Errorf("relInWorkTree(%q, %q) = %q, %v; want the root itself", root, "snaps", rel, err)
	}
}
