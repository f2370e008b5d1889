package gitrepo

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	gogit "github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
)

// ChangedSince lists the paths (relative to Root, slash-separated, sorted)
// under the directory prefix (relative to Root or absolute; "" means the
// whole work tree) whose content in the work tree differs from HEAD: files
// changed on disk, files in HEAD but missing on disk, and files on disk that
// HEAD does not have (ignored files included). Any ".git" entry is skipped,
// and so are nested repositories.
//
// It walks and hashes every file under prefix: it is meant for recovery
// after a crash, not for every run.
func (r *Repo) ChangedSince(prefix string) ([]string, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.refreshPacks()

	rel := ""
	if prefix != "" && prefix != "." {
		var err error
		if rel, err = r.relPathAllowRoot(prefix); err != nil {
			return nil, fmt.Errorf("gitrepo: changed since HEAD: %w", trimPrefix(err))
		}
	}

	// What HEAD has under the prefix.
	want := map[string]headFile{}
	hd, err := r.resolveHead()
	if err != nil {
		return nil, fmt.Errorf("gitrepo: changed since HEAD under %s: %w", displayDir(rel), err)
	}
	if !hd.tree.IsZero() {
		e, found, err := r.lookup(hd.tree, rel)
		if err != nil {
			return nil, fmt.Errorf("gitrepo: changed since HEAD under %s: %w", displayDir(rel), err)
		}
		switch {
		case !found:
		case rel == "" || e.isTree():
			err = r.walkTree(e.hash, rel, func(p string, e *treeEntry) error {
				want[p] = headFile{hash: e.hash, kind: modeKind(e.mode)}
				return nil
			})
		default:
			want[rel] = headFile{hash: e.hash, kind: modeKind(e.mode)}
		}
		if err != nil {
			return nil, fmt.Errorf("gitrepo: changed since HEAD under %s: %w", displayDir(rel), err)
		}
	}

	var changed []string
	seen := map[string]bool{}
	start := filepath.Join(r.root, filepath.FromSlash(rel))
	err = filepath.WalkDir(start, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, os.ErrNotExist) && p == start {
				return filepath.SkipAll
			}
			return err
		}
		if d.Name() == gogit.GitDirName {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		relP, err := filepath.Rel(r.root, p)
		if err != nil {
			return err
		}
		relP = filepath.ToSlash(relP)
		if d.IsDir() {
			if p != r.root {
				if _, err := os.Lstat(filepath.Join(p, gogit.GitDirName)); err == nil {
					// A nested repository (or submodule): git treats it as
					// one opaque entry.
					if hf, ok := want[relP]; ok && hf.kind == 0o160000 {
						seen[relP] = true
					}
					return filepath.SkipDir
				}
			}
			return nil
		}
		seen[relP] = true
		hf, inHead := want[relP]
		if !inHead {
			changed = append(changed, relP)
			return nil
		}
		var h plumbing.Hash
		var kind uint32
		switch {
		case d.Type().IsRegular():
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			h, kind = hashObject(plumbing.BlobObject, data), 0o100000
		case d.Type()&fs.ModeSymlink != 0:
			target, err := os.Readlink(p)
			if err != nil {
				return err
			}
			h, kind = hashObject(plumbing.BlobObject, []byte(filepath.ToSlash(target))), 0o120000
		default:
			changed = append(changed, relP)
			return nil
		}
		if h != hf.hash || kind != hf.kind {
			changed = append(changed, relP)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("gitrepo: changed since HEAD under %s: %w", displayDir(rel), err)
	}
	for p := range want {
		if !seen[p] {
			changed = append(changed, p)
		}
	}
	slices.Sort(changed)
	return changed, nil
}

type headFile struct {
	hash plumbing.Hash
	kind uint32 // file type bits of the mode
}

// lookup finds the entry at the slash-separated path p below the tree root;
// p == "" gives the root itself (as a tree entry).
func (r *Repo) lookup(root plumbing.Hash, p string) (treeEntry, bool, error) {
	cur := treeEntry{mode: modeTree, hash: root}
	if p == "" {
		return cur, true, nil
	}
	dir := ""
	for _, part := range strings.Split(p, "/") {
		if !cur.isTree() {
			return treeEntry{}, false, nil
		}
		data, err := r.readTreeNoMemo(cur.hash)
		if err != nil {
			return treeEntry{}, false, err
		}
		entries, err := parseTree(data)
		if err != nil {
			return treeEntry{}, false, fmt.Errorf("tree %s (%s): %w", cur.hash, displayDir(dir), err)
		}
		i := findEntry(entries, []byte(part))
		if i < 0 {
			return treeEntry{}, false, nil
		}
		cur = entries[i]
		dir = path.Join(dir, part)
	}
	return cur, true, nil
}

// HeadFile returns the content of path (relative to Root, or absolute) in
// HEAD's tree; ok is false when HEAD has no file there or there is no HEAD
// yet.
func (r *Repo) HeadFile(p string) (data []byte, ok bool, err error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.refreshPacks()

	rel, err := r.relPath(p)
	if err != nil {
		return nil, false, fmt.Errorf("gitrepo: head file: %w", trimPrefix(err))
	}
	hd, err := r.resolveHead()
	if err != nil {
		return nil, false, fmt.Errorf("gitrepo: head file %s: %w", rel, err)
	}
	if hd.tree.IsZero() {
		return nil, false, nil
	}
	e, found, err := r.lookup(hd.tree, rel)
	if err != nil {
		return nil, false, fmt.Errorf("gitrepo: head file %s: %w", rel, err)
	}
	if !found || e.isTree() || modeKind(e.mode) == 0o160000 {
		return nil, false, nil
	}
	data, err = r.readObject(plumbing.BlobObject, e.hash)
	if err != nil {
		return nil, false, fmt.Errorf("gitrepo: head file %s: %w", rel, err)
	}
	return data, true, nil
}
