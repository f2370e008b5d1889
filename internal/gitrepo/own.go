package gitrepo

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	gogit "github.com/go-git/go-git/v5"
)

// TrackedError is OpenOwn's refusal: the folder has no repository of its own
// but the enclosing repository (Enclosing, its work tree root) already
// tracks files in it, so a new repository there would split its history.
type TrackedError struct {
	Dir       string // the folder, absolute
	Enclosing string // the root of the repository that tracks files in it
}

func (e *TrackedError) Error() string {
	return fmt.Sprintf("gitrepo: %s has no repository of its own, but the repository at %s tracks files in it", e.Dir, e.Enclosing)
}

// OpenOwn opens the git repository whose work tree root is dir, initialising
// one (branch "main") when dir is not the root of a repository, even when dir
// lies inside another repository: that repository is never written to. It
// fails with a *TrackedError when dir has no repository of its own and the
// repository enclosing it has files under dir in its HEAD commit.
func OpenOwn(dir string) (*Repo, error) {
	abs, real, err := openDir(dir)
	if err != nil {
		return nil, err
	}
	if _, err := os.Lstat(filepath.Join(real, gogit.GitDirName)); err == nil {
		return Open(dir)
	} else if !errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("gitrepo: open %s: %w", abs, err)
	}
	root, dotGit, found, err := discover(filepath.Dir(real))
	if err != nil {
		return nil, err
	}
	if found {
		outer, err := openAt(root, dotGit)
		if err != nil {
			return nil, err
		}
		tracked, err := outer.tracks(real)
		if err != nil {
			return nil, err
		}
		if tracked {
			return nil, &TrackedError{Dir: abs, Enclosing: root}
		}
	}
	if err := initRepo(real); err != nil {
		return nil, err
	}
	return Open(dir)
}

// tracks reports whether HEAD's tree has an entry at the folder abs.
func (r *Repo) tracks(abs string) (bool, error) {
	rel, err := r.relPath(abs)
	if err != nil {
		return false, err
	}
	h, err := r.resolveHead()
	if err != nil {
		return false, fmt.Errorf("gitrepo: %s: %w", r.root, err)
	}
	if h.commit.IsZero() {
		return false, nil
	}
	_, ok, err := r.lookup(h.tree, rel)
	if err != nil {
		return false, fmt.Errorf("gitrepo: %s: %w", r.root, err)
	}
	return ok, nil
}
