package gitrepo

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"strings"
	"time"

	gogit "github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/filemode"
	"github.com/go-git/go-git/v5/plumbing/object"
)

// The read API: the history of a folder (the snapshot folder) in the git
// repository that holds it, for the report and the web views. It never
// writes and never creates a repository; paths are relative to the folder,
// slash-separated, so callers need not know where the work tree starts.

// ErrNoRepository says that no git repository holds the folder.
var ErrNoRepository = errors.New("no git repository")

// Hash is the hash of a git object.
type Hash = plumbing.Hash

// BlobHash is the git blob hash of data (what a file with these bytes has
// in a commit).
func BlobHash(data []byte) Hash { return plumbing.ComputeHash(plumbing.BlobObject, data) }

// maxBlob bounds a blob read (a snapshot file is far smaller).
const maxBlob = 16 << 20

// History reads the commits of the repository that holds a folder.
type History struct {
	repo    *gogit.Repository
	root    string // the work tree
	prefix  string // the folder relative to the work tree, slash-separated, "" for the root
	shallow map[Hash]bool

	// the root trees of the last two commits looked at (a commit and its
	// parent, as a walk goes), with their subtrees cached by go-git
	tree, prevTree     *object.Tree
	treeOf, prevTreeOf Hash
}

// Commit is one commit of the history.
type Commit struct {
	Hash Hash
	When time.Time // the committer's time
	c    *object.Commit
}

// Parent is the commit's first parent, zero for a root commit. A run that
// folds its outbox files into its commit (Amend) keeps the parent.
func (c *Commit) Parent() Hash {
	if c.c == nil || len(c.c.ParentHashes) == 0 {
		return Hash{}
	}
	return c.c.ParentHashes[0]
}

// Entry is a file or folder in a commit's tree.
type Entry struct {
	Name string
	Hash Hash
	Dir  bool // a folder (tree)
	File bool // a regular or executable file
}

// OpenHistory opens the repository that holds dir, looking for it from
// start ("" = dir) upward, for reading. ErrNoRepository when there is
// none; an error when dir is outside its work tree.
func OpenHistory(start, dir string) (*History, error) {
	if start == "" {
		start = dir
	}
	repo, err := gogit.PlainOpenWithOptions(start, &gogit.PlainOpenOptions{DetectDotGit: true, EnableDotGitCommonDir: true})
	if errors.Is(err, gogit.ErrRepositoryNotExists) {
		// an empty HEAD is no repository to go-git: a damaged one is not
		// "no history"
		if _, real, derr := openDir(start); derr == nil {
			if _, dotGit, found, _ := discover(real); found {
				if fi, serr := os.Stat(dotGit); serr == nil && fi.IsDir() {
					if herr := checkHeadFile(filepath.Dir(dotGit), dotGit, dotGit); herr != nil {
						return nil, herr
					}
				}
			}
		}
		return nil, ErrNoRepository
	}
	if err != nil {
		return nil, fmt.Errorf("git: %w", err)
	}
	wt, err := repo.Worktree()
	if err != nil {
		return nil, fmt.Errorf("git: %w", err)
	}
	root := wt.Filesystem.Root()
	prefix, err := relInWorkTree(root, dir)
	if err != nil {
		return nil, err
	}
	return &History{repo: repo, root: root, prefix: prefix}, nil
}

// relInWorkTree is dir (absolute, or relative to the working directory)
// relative to the work tree root, slash-separated ("" for the root
// itself).
func relInWorkTree(root, dir string) (string, error) {
	if a, err := filepath.Abs(dir); err == nil {
		dir = a // "snapshots": relative to the working directory (review s30b F3)
	}
	r, err := filepath.EvalSymlinks(root)
	if err != nil {
		r = root
	}
	d, err := filepath.EvalSymlinks(dir)
	if err != nil {
		d = dir
	}
	rel, err := filepath.Rel(r, d)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return "", fmt.Errorf("folder %s is outside the git work tree %s", dir, root)
	}
	if rel == "." {
		return "", nil
	}
	return filepath.ToSlash(rel), nil
}

// Root is the work tree the history belongs to.
func (h *History) Root() string { return h.root }

// Head is the commit HEAD points at; nil when the branch has no commit yet.
func (h *History) Head() (*Commit, error) {
	ref, err := h.repo.Head()
	if errors.Is(err, plumbing.ErrReferenceNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("git: %w", err)
	}
	c, err := h.repo.CommitObject(ref.Hash())
	if err != nil {
		return nil, fmt.Errorf("git: %w", err)
	}
	return commitOf(c), nil
}

// CommitAt is the commit with the given hash (40 hex digits, as Commit's
// Hash prints); ok is false when the text is no such hash or the
// repository holds no commit by it (e.g. gone with a garbage collection).
func (h *History) CommitAt(hash string) (c *Commit, ok bool, err error) {
	if len(hash) != 40 || strings.Trim(hash, "0123456789abcdef") != "" {
		return nil, false, nil
	}
	obj, err := h.repo.CommitObject(plumbing.NewHash(hash))
	if errors.Is(err, plumbing.ErrObjectNotFound) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, fmt.Errorf("git: commit %s: %w", hash, err)
	}
	return commitOf(obj), true, nil
}

func commitOf(c *object.Commit) *Commit {
	return &Commit{Hash: c.Hash, When: c.Committer.When, c: c}
}

// Parent is c's first parent; nil for a root commit, and for the oldest
// commit a shallow clone has (Cut): the history it has ends there.
func (h *History) Parent(c *Commit) (*Commit, error) {
	if c.c.NumParents() == 0 || h.Cut(c) {
		return nil, nil
	}
	p, err := c.c.Parent(0)
	if err != nil {
		return nil, fmt.Errorf("git: commit %s: %w", c.Hash, err)
	}
	return commitOf(p), nil
}

// Cut reports whether the history ends at c although c has parents: a
// shallow clone (CI checkouts often are) lacks them.
func (h *History) Cut(c *Commit) bool {
	if h.shallow == nil {
		h.shallow = map[Hash]bool{}
		if hs, err := h.repo.Storer.Shallow(); err == nil {
			for _, s := range hs {
				h.shallow[s] = true
			}
		}
	}
	return h.shallow[c.Hash] && c.c.NumParents() > 0
}

// Lookup is the entry at rel (relative to the folder) in commit c; ok is
// false when c (nil: none) has nothing there. rel "" is the folder itself
// (the root tree when the folder is the work tree's root).
func (h *History) Lookup(c *Commit, rel string) (e Entry, ok bool, err error) {
	if c == nil {
		return Entry{}, false, nil
	}
	if h.prevTree != nil && h.prevTreeOf == c.Hash {
		h.tree, h.prevTree = h.prevTree, h.tree
		h.treeOf, h.prevTreeOf = h.prevTreeOf, h.treeOf
	}
	if h.tree == nil || h.treeOf != c.Hash {
		t, err := c.c.Tree()
		if err != nil {
			return Entry{}, false, fmt.Errorf("git: commit %s: %w", c.Hash, err)
		}
		h.prevTree, h.prevTreeOf = h.tree, h.treeOf
		h.tree, h.treeOf = t, c.Hash
	}
	p := rel
	if h.prefix != "" {
		p = path.Join(h.prefix, rel)
	}
	if p == "" {
		return Entry{Hash: h.tree.Hash, Dir: true}, true, nil
	}
	te, err := h.tree.FindEntry(p)
	if errors.Is(err, object.ErrEntryNotFound) || errors.Is(err, object.ErrDirectoryNotFound) {
		return Entry{}, false, nil
	}
	if err != nil {
		return Entry{}, false, fmt.Errorf("git: commit %s: %s: %w", c.Hash, p, err)
	}
	return entryOf(*te), true, nil
}

func entryOf(te object.TreeEntry) Entry {
	return Entry{Name: te.Name, Hash: te.Hash, Dir: te.Mode == filemode.Dir, File: te.Mode == filemode.Regular || te.Mode == filemode.Executable}
}

// Folder lists the entries of the folder (tree) whose hash is tree, in git
// order.
func (h *History) Folder(tree Hash) ([]Entry, error) {
	t, err := object.GetTree(h.repo.Storer, tree)
	if err != nil {
		return nil, fmt.Errorf("git: tree %s: %w", tree, err)
	}
	out := make([]Entry, len(t.Entries))
	for i, te := range t.Entries {
		out[i] = entryOf(te)
	}
	return out, nil
}

// Blob reads a file's content by its hash (at most 16 MiB).
func (h *History) Blob(hash Hash) ([]byte, error) {
	b, err := object.GetBlob(h.repo.Storer, hash)
	if err != nil {
		return nil, fmt.Errorf("git: blob %s: %w", hash, err)
	}
	rd, err := b.Reader()
	if err != nil {
		return nil, fmt.Errorf("git: blob %s: %w", hash, err)
	}
	defer rd.Close()
	data, err := io.ReadAll(io.LimitReader(rd, maxBlob))
	if err != nil {
		return nil, fmt.Errorf("git: blob %s: %w", hash, err)
	}
	return data, nil
}
