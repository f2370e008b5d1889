package gitrepo

import (
	"bytes"
	"errors"
	"fmt"
	"io"
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
// HEAD does not have (ignored files included). Any ".git" entry is skipped
// (in any letter case, as Commit refuses such paths), and so are nested
// repositories and special files (fifos, sockets, devices) HEAD does not
// have. Every path listed can be passed to Commit.
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
				if !hasGitDirPart(p) { // Commit refuses those
					want[p] = headFile{hash: e.hash, kind: modeKind(e.mode), exec: isExecMode(e.mode)}
				}
				return nil
			})
		default:
			want[rel] = headFile{hash: e.hash, kind: modeKind(e.mode), exec: isExecMode(e.mode)}
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
		if strings.EqualFold(d.Name(), gogit.GitDirName) {
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
			if hf, ok := want[relP]; ok && hf.kind == 0o160000 {
				// A submodule's directory, checked out or not: git
				// compares the nested repository's HEAD, which is not
				// this package's business.
				seen[relP] = true
				return filepath.SkipDir
			}
			if p != r.root {
				if _, err := os.Lstat(filepath.Join(p, gogit.GitDirName)); err == nil {
					// A nested repository: git treats it as one opaque
					// entry.
					return filepath.SkipDir
				}
			}
			return nil
		}
		seen[relP] = true
		hf, inHead := want[relP]
		special := !d.Type().IsRegular() && d.Type()&fs.ModeSymlink == 0
		if !inHead {
			// git tracks no special file; Commit treats one as no file.
			if !special {
				changed = append(changed, relP)
			}
			return nil
		}
		var h plumbing.Hash
		var kind uint32
		switch {
		case d.Type().IsRegular():
			data, fi, err := readFileStat(p)
			if err != nil {
				return err
			}
			h, kind = hashObject(plumbing.BlobObject, data), 0o100000
			// The executable bit changed (as Commit records it).
			if !r.noFileMode && (fi.Mode()&0o100 != 0) != hf.exec {
				changed = append(changed, relP)
				return nil
			}
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
	// The index too: a process killed between moving the branch and
	// rewriting the index leaves entries that differ from HEAD although the
	// work tree matches it (a file deleted in both, still in the index).
	staged, err := r.indexDiffers(rel, want)
	if err != nil {
		return nil, fmt.Errorf("gitrepo: changed since HEAD under %s: %w", displayDir(rel), err)
	}
	changed = append(changed, staged...)
	slices.Sort(changed)
	return slices.Compact(changed), nil
}

// indexDiffers lists the paths under rel whose index entry differs from
// HEAD's (head: HEAD's files under rel): present in one and not the other,
// or another blob. It reads the index without locking it.
func (r *Repo) indexDiffers(rel string, head map[string]headFile) ([]string, error) {
	src, _, err := openIndex(filepath.Join(r.gitDir, "index"))
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read index: %w", err)
	}
	defer src.close()
	under := func(name []byte) bool {
		return rel == "" || string(name) == rel || len(name) > len(rel) && name[len(rel)] == '/' && string(name[:len(rel)]) == rel
	}
	var out []string
	inIndex := map[string]bool{}
	if _, _, err := scanIndex(src.reader(), func(e *idxEntry) error {
		if e.stage != 0 || !under(e.name) {
			return nil
		}
		name := string(e.name)
		if hasGitDirPart(name) {
			return nil
		}
		inIndex[name] = true
		hf, ok := head[name]
		if !ok || !bytes.Equal(e.raw[40:60], hf.hash[:]) {
			out = append(out, name)
		}
		return nil
	}); err != nil {
		return nil, fmt.Errorf("read index: %w", err)
	}
	for name := range head {
		if !inIndex[name] {
			out = append(out, name)
		}
	}
	return out, nil
}

// hasGitDirPart reports whether a slash-separated path has a ".git"
// component, in any letter case.
func hasGitDirPart(p string) bool {
	for part := range strings.SplitSeq(p, "/") {
		if strings.EqualFold(part, gogit.GitDirName) {
			return true
		}
	}
	return false
}

type headFile struct {
	hash plumbing.Hash
	kind uint32 // file type bits of the mode
	exec bool   // a regular file with mode 100755
}

// isExecMode reports whether a tree entry mode is an executable file's.
func isExecMode(m []byte) bool {
	return bytes.Equal(m, modeExecutable)
}

// readFileStat reads a file and returns the stat data of the open file.
func readFileStat(p string) ([]byte, os.FileInfo, error) {
	f, err := os.Open(p)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, nil, err
	}
	data, err := readOpen(f, fi.Size())
	if err != nil {
		return nil, nil, err
	}
	return data, fi, nil
}

// readOpen reads an open file to its end; size is its expected size.
func readOpen(f *os.File, size int64) ([]byte, error) {
	data := make([]byte, 0, size+1)
	for {
		n, err := f.Read(data[len(data):cap(data)])
		data = data[:len(data)+n]
		if err == io.EOF {
			return data, nil
		}
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", f.Name(), err)
		}
		if len(data) == cap(data) {
			data = slices.Grow(data, 4096)
		}
	}
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
