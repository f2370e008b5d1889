package gitrepo

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"iter"
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
// after a crash, not for every run. It walks HEAD's trees and the folders
// side by side, one folder at a time, and HEAD's files and the index in
// their common order, so what it holds is a folder's entries and the paths
// it lists, not every file of HEAD (a map of 306,900 files and the index's
// names took a recovery to 444 MB).
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
	fail := func(err error) ([]string, error) {
		return nil, fmt.Errorf("gitrepo: changed since HEAD under %s: %w", displayDir(rel), err)
	}

	// What HEAD has at the prefix: a tree, a file, or nothing.
	hd, err := r.resolveHead()
	if err != nil {
		return fail(err)
	}
	var top *treeEntry
	if !hd.tree.IsZero() && !hasGitDirPart(rel) {
		e, found, err := r.lookup(hd.tree, rel)
		if err != nil {
			return fail(err)
		}
		if found {
			top = &e
		}
	}

	w := &changedWalk{r: r}
	start := filepath.Join(r.root, filepath.FromSlash(rel))
	var de fs.DirEntry
	if !strings.EqualFold(filepath.Base(start), gogit.GitDirName) {
		fi, err := os.Lstat(start)
		switch {
		case err == nil:
			de = fs.FileInfoToDirEntry(fi)
		case !errors.Is(err, os.ErrNotExist):
			return fail(err)
		}
	}
	if err := w.entry(rel, start, top, de); err != nil {
		return fail(err)
	}
	// The index too: a process killed between moving the branch and
	// rewriting the index leaves entries that differ from HEAD although the
	// work tree matches it (a file deleted in both, still in the index).
	staged, err := r.indexDiffers(rel, top)
	if err != nil {
		return fail(err)
	}
	changed := append(w.changed, staged...)
	slices.Sort(changed)
	return slices.Compact(changed), nil
}

// changedWalk compares HEAD's entries with the work tree, one name at a
// time (ChangedSince).
type changedWalk struct {
	r       *Repo
	changed []string
	buf     []byte // a file's content, reused
}

// entry compares the name relP: HEAD's entry he (nil: none) with what the
// work tree has at abs (de, nil: nothing, or a ".git" name).
func (w *changedWalk) entry(relP, abs string, he *treeEntry, de fs.DirEntry) error {
	if de == nil {
		return w.head(relP, he)
	}
	if de.IsDir() {
		if he != nil && modeKind(he.mode) == 0o160000 {
			// A submodule's directory, checked out or not: git compares
			// the nested repository's HEAD, which is not this package's
			// business.
			return nil
		}
		if abs != w.r.root {
			if _, err := os.Lstat(filepath.Join(abs, gogit.GitDirName)); err == nil {
				// A nested repository: git treats it as one opaque entry,
				// and HEAD's files below it are not in the work tree.
				return w.head(relP, he)
			}
		}
		var sub plumbing.Hash
		if he != nil {
			if he.isTree() {
				sub = he.hash
			} else {
				w.changed = append(w.changed, relP) // a file, now a folder
			}
		}
		return w.dir(relP, abs, sub)
	}
	special := !de.Type().IsRegular() && de.Type()&fs.ModeSymlink == 0
	if he == nil || he.isTree() {
		// git tracks no special file; Commit treats one as no file.
		if !special {
			w.changed = append(w.changed, relP)
		}
		return w.head(relP, he) // a folder in HEAD, a file now: its files are gone
	}
	var h plumbing.Hash
	var kind uint32
	switch {
	case de.Type().IsRegular():
		f, err := os.Open(abs)
		if err != nil {
			return err
		}
		fi, err := f.Stat()
		if err == nil {
			w.buf, err = readInto(f, fi.Size(), w.buf[:0])
		}
		f.Close()
		if err != nil {
			return err
		}
		h, kind = hashObject(plumbing.BlobObject, w.buf), 0o100000
		// The executable bit changed (as Commit records it).
		if !w.r.noFileMode && (fi.Mode()&0o100 != 0) != isExecMode(he.mode) {
			w.changed = append(w.changed, relP)
			return nil
		}
	case de.Type()&fs.ModeSymlink != 0:
		target, err := os.Readlink(abs)
		if err != nil {
			return err
		}
		h, kind = hashObject(plumbing.BlobObject, []byte(filepath.ToSlash(target))), 0o120000
	default:
		w.changed = append(w.changed, relP)
		return nil
	}
	if h != he.hash || kind != modeKind(he.mode) {
		w.changed = append(w.changed, relP)
	}
	return nil
}

// head lists HEAD's files at relP (he: a file, or a tree's files below it)
// as changed: the work tree has none of them there.
func (w *changedWalk) head(relP string, he *treeEntry) error {
	switch {
	case he == nil:
		return nil
	case !he.isTree():
		if !hasGitDirPart(relP) {
			w.changed = append(w.changed, relP)
		}
		return nil
	}
	return w.r.walkTree(he.hash, relP, func(p string, _ *treeEntry) error {
		if !hasGitDirPart(p) { // Commit refuses those
			w.changed = append(w.changed, p)
		}
		return nil
	})
}

// dir compares the folder abs with HEAD's tree for it (ZeroHash: none).
func (w *changedWalk) dir(relP, abs string, tree plumbing.Hash) error {
	var head []treeEntry
	if !tree.IsZero() {
		data, err := w.r.readTreeNoMemo(tree)
		if err != nil {
			return err
		}
		if head, err = parseTree(data); err != nil {
			return fmt.Errorf("tree %s (%s): %w", tree, displayDir(relP), err)
		}
	}
	ents, err := os.ReadDir(abs)
	if err != nil {
		return err
	}
	byName := make(map[string]int, len(head))
	for i := range head {
		byName[string(head[i].name)] = i
	}
	used := make([]bool, len(head))
	join := func(name string) string {
		if relP == "" {
			return name
		}
		return relP + "/" + name
	}
	for _, d := range ents {
		name := d.Name()
		if strings.EqualFold(name, gogit.GitDirName) {
			continue
		}
		var he *treeEntry
		if i, ok := byName[name]; ok {
			he, used[i] = &head[i], true
		}
		if err := w.entry(join(name), filepath.Join(abs, name), he, d); err != nil {
			return err
		}
	}
	for i := range head {
		if used[i] || strings.EqualFold(string(head[i].name), gogit.GitDirName) {
			continue
		}
		if err := w.head(join(string(head[i].name)), &head[i]); err != nil {
			return err
		}
	}
	return nil
}

// readInto reads an open file to its end into buf (reused); size is its
// expected size.
func readInto(f *os.File, size int64, buf []byte) ([]byte, error) {
	data := slices.Grow(buf[:0], int(size)+1)
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

// headFiles yields HEAD's files at rel (top: the entry there, nil: none),
// paths with a ".git" part left out, in the order of the index (git's
// tree order is the index's, path by path). *errp is the tree walk's error.
func (r *Repo) headFiles(rel string, top *treeEntry, errp *error) iter.Seq2[string, plumbing.Hash] {
	return func(yield func(string, plumbing.Hash) bool) {
		switch {
		case top == nil:
			return
		case !top.isTree():
			if !hasGitDirPart(rel) {
				yield(rel, top.hash)
			}
			return
		}
		err := r.walkTree(top.hash, rel, func(p string, e *treeEntry) error {
			if hasGitDirPart(p) {
				return nil
			}
			if !yield(p, e.hash) {
				return errStopWalk
			}
			return nil
		})
		if err != nil && err != errStopWalk {
			*errp = err
		}
	}
}

var errStopWalk = errors.New("stop")

// indexDiffers lists the paths under rel whose index entry differs from
// HEAD's (top: HEAD's entry at rel): present in one and not the other, or
// another blob. It reads the index without locking it, side by side with
// HEAD's files (both in index order).
func (r *Repo) indexDiffers(rel string, top *treeEntry) ([]string, error) {
	src, _, err := openIndex(filepath.Join(r.gitDir, "index"))
	if errors.Is(err, os.ErrNotExist) || errors.Is(err, errCorruptIndex) {
		return nil, nil // a corrupt one: the next commit rebuilds it from HEAD
	}
	if err != nil {
		return nil, fmt.Errorf("read index: %w", err)
	}
	defer src.close()
	under := func(name []byte) bool {
		return rel == "" || string(name) == rel || len(name) > len(rel) && name[len(rel)] == '/' && string(name[:len(rel)]) == rel
	}
	var walkErr error
	next, stop := iter.Pull2(r.headFiles(rel, top, &walkErr))
	defer stop()
	cur, curHash, more := next()
	var out []string
	if _, _, err := scanIndex(src.reader(), func(e *idxEntry) error {
		if e.stage != 0 || !under(e.name) || hasGitDirPart(string(e.name)) {
			return nil
		}
		// HEAD's files before this entry: not in the index
		for more && cur < string(e.name) {
			out = append(out, cur)
			cur, curHash, more = next()
		}
		if more && cur == string(e.name) {
			if !bytes.Equal(e.raw[40:60], curHash[:]) {
				out = append(out, cur)
			}
			cur, curHash, more = next()
			return nil
		}
		out = append(out, string(e.name)) // not in HEAD
		return nil
	}); errors.Is(err, errCorruptIndex) {
		return nil, nil // a large one torn past its header: the next commit rebuilds it from HEAD
	} else if err != nil {
		return nil, fmt.Errorf("read index: %w", err)
	}
	for more {
		out = append(out, cur)
		cur, curHash, more = next()
	}
	stop()
	if walkErr != nil {
		return nil, walkErr
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

// isExecMode reports whether a tree entry mode is an executable file's.
func isExecMode(m []byte) bool {
	return bytes.Equal(m, modeExecutable)
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
