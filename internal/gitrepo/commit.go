package gitrepo

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/go-git/go-git/v5/plumbing/storer"

	"github.com/careers-watcher/careers-watcher/internal/atomicfile"
)

// maxTreeMemo bounds the bytes of raw trees kept between commits.
const maxTreeMemo = 32 << 20

// head describes what HEAD points to.
type head struct {
	ref    plumbing.ReferenceName // the ref to move: a branch, or HEAD when detached
	commit plumbing.Hash          // ZeroHash on an unborn branch
	tree   plumbing.Hash          // ZeroHash on an unborn branch
}

// resolveHead follows HEAD's symbolic refs to the ref a commit must move.
func (r *Repo) resolveHead() (head, error) {
	name := plumbing.HEAD
	for range 10 {
		ref, err := r.st.Reference(name)
		if errors.Is(err, plumbing.ErrReferenceNotFound) {
			if name == plumbing.HEAD {
				return head{}, fmt.Errorf("no HEAD in %s", r.gitDir)
			}
			if err := r.checkUnborn(name); err != nil {
				return head{}, err
			}
			if err := r.checkMade(name, plumbing.ZeroHash); err != nil {
				return head{}, err
			}
			return head{ref: name}, nil // unborn branch
		}
		if err != nil {
			return head{}, fmt.Errorf("read %s: %w", name, err)
		}
		if ref.Type() == plumbing.SymbolicReference {
			name = ref.Target()
			continue
		}
		h := head{ref: name, commit: ref.Hash()}
		if h.commit.IsZero() {
			return head{}, damagedRef(name, r.refPath(name), "holds no commit hash")
		}
		c, err := r.readCommit(h.commit)
		if err != nil {
			// a ref file cut inside its hash: go-git pads it with zeros
			// ("read commit dc22113a5412000...: object not found")
			if b, rerr := os.ReadFile(r.refPath(name)); rerr == nil && !plumbing.IsHash(strings.TrimSpace(string(b))) {
				return head{}, damagedRef(name, r.refPath(name), "holds no full commit hash")
			}
			return head{}, fmt.Errorf("%s: %w", name, err)
		}
		if err := r.checkMade(name, h.commit); err != nil {
			return head{}, err
		}
		h.tree = c.TreeHash
		return h, nil
	}
	return head{}, fmt.Errorf("HEAD: too many levels of symbolic refs")
}

// checkUnborn tells a branch that has no commit yet from one whose ref was
// lost: a ref file that is there but empty or unreadable (what a power loss
// after a ref update can leave), an empty packed-refs file, or a reflog that
// says the branch pointed at a commit. A commit on such a branch would be a
// new root commit holding only the run's files, the history orphaned: it is
// refused, naming the file.
func (r *Repo) checkUnborn(name plumbing.ReferenceName) error {
	damaged := func(file, what string) error { return damagedRef(name, file, what) }
	path := r.refPath(name)
	if fi, err := os.Lstat(path); err == nil {
		if fi.Size() == 0 {
			return damaged(path, "is empty")
		}
		return damaged(path, "holds no commit hash")
	}
	packed := filepath.Join(r.commonDir, "packed-refs")
	if fi, err := os.Stat(packed); err == nil && fi.Size() == 0 {
		return damaged(packed, "is empty")
	}
	logPath := filepath.Join(r.commonDir, "logs", filepath.FromSlash(name.String()))
	if fi, err := os.Stat(logPath); err == nil && fi.Size() > 0 {
		return damaged(path, "is missing while its reflog "+logPath+" records commits")
	}
	// the watcher writes no reflog: a commit with a parent in the object
	// store says a history was there (a branch's first commit, even one a
	// stopped run wrote before it could move the ref, has none), unless
	// another branch or tag may hold it (an orphan branch made with git
	// checkout --orphan in a repository with history)
	if r.otherRefs(name) {
		return nil
	}
	if h, ok := r.parentedCommit(); ok {
		return damaged(path, "is missing while the repository holds commit "+h.String()+", which has a parent")
	}
	return nil
}

// otherRefs says whether the repository has a branch, tag or other ref
// besides name and HEAD.
func (r *Repo) otherRefs(name plumbing.ReferenceName) bool {
	iter, err := r.st.IterReferences()
	if err != nil {
		return false
	}
	defer iter.Close()
	found := false
	iter.ForEach(func(ref *plumbing.Reference) error {
		if ref.Name() != name && ref.Name() != plumbing.HEAD {
			found = true
			return storer.ErrStop
		}
		return nil
	})
	return found
}

// parentedCommit is a commit of the object store (loose or packed) that
// has a parent, if there is one. It reads every commit only when there is
// none: a branch's ref is missing, which is rare.
func (r *Repo) parentedCommit() (plumbing.Hash, bool) {
	r.refreshPacks()
	iter, err := r.st.IterEncodedObjects(plumbing.CommitObject)
	if err != nil {
		return plumbing.ZeroHash, false
	}
	defer iter.Close()
	var found plumbing.Hash
	iter.ForEach(func(o plumbing.EncodedObject) error {
		var c object.Commit
		if c.Decode(o) == nil && len(c.ParentHashes) > 0 {
			found = o.Hash()
			return storer.ErrStop
		}
		return nil
	})
	return found, !found.IsZero()
}

func damagedRef(name plumbing.ReferenceName, file, what string) error {
	return fmt.Errorf("branch %s: %s %s: the ref is damaged (a commit now would start a new history without the earlier snapshots); restore it, e.g. with git reflog or git fsck --lost-found and git update-ref %s <last commit>", name, file, what, name)
}

// readCommit reads and decodes a commit. The last commit this process wrote
// is decoded from memory: it is in the pack of its commit when that packed,
// and reading it back through go-git would decode the index of every pack
// in the repository again at each commit (finishPack makes go-git drop them).
func (r *Repo) readCommit(h plumbing.Hash) (*object.Commit, error) {
	var obj plumbing.EncodedObject
	if h == r.lastCommit && r.lastCommitData != nil {
		m := &plumbing.MemoryObject{}
		m.SetType(plumbing.CommitObject)
		m.Write(r.lastCommitData)
		obj = m
	} else {
		data, err := r.readObject(plumbing.CommitObject, h)
		if err != nil {
			return nil, err // "read commit <hash>: ..."
		}
		m := &plumbing.MemoryObject{}
		m.SetType(plumbing.CommitObject)
		m.Write(data)
		obj = m
	}
	var c object.Commit
	if err := c.Decode(obj); err != nil {
		return nil, fmt.Errorf("decode commit %s: %w", h, err)
	}
	return &c, nil
}

// Commit records the current content of the given paths (absolute, or
// relative to Root; they must lie inside the work tree) in one new commit on
// the current branch, like `git commit -- <paths>`.
//
// A path whose file exists is added or updated as a regular file (mode
// 100755 when the owner's executable bit is set, else 100644, unless
// core.fileMode is false) or as a symlink; a path that does not exist is
// removed from the tree, and parent trees left empty are dropped. A path
// where a directory (or a special file) is now is "no file here": a file or
// symlink entry at it is removed, a tree there is kept. A path through a
// symlinked directory is refused ("beyond a symbolic link"), unless HEAD has
// it: then it is removed, as git status shows it deleted. When the resulting tree equals HEAD's tree no
// commit is made, committed is false and hash is HEAD's commit ("" on an
// unborn branch). Works on an unborn branch (first commit, no parent) and on
// a detached HEAD (HEAD itself moves).
//
// The index entries of the paths are updated to the committed blobs with the
// files' stat data (or removed for removed paths); all other entries, such as
// changes the user staged, stay as they are. The index is created if missing.
// If the commit was made but the index could not be written, Commit returns
// the new hash, committed true and an error.
//
// Commit fails, changing nothing, when git's index.lock or the branch's lock
// file exists (a git process is running, or one crashed and left it), or
// when the index has unmerged entries.
func (r *Repo) Commit(paths []string, message string, author Author, when time.Time) (hash string, committed bool, err error) {
	return r.commit(paths, message, author, when, "")
}

// ErrHeadMoved is returned by Amend when HEAD is no longer the commit to amend.
var ErrHeadMoved = errors.New("gitrepo: amend: HEAD moved")

// Amend folds the current content of paths into the commit at HEAD, which
// must be expect (a commit this process just made): the new commit has the
// same parents, message and author, and replaces it on the branch, like
// `git commit --amend --no-edit -- paths`. When HEAD is another commit it
// returns ErrHeadMoved and changes nothing. committed is false when the
// paths match HEAD already.
func (r *Repo) Amend(expect string, paths []string, when time.Time) (hash string, committed bool, err error) {
	return r.commit(paths, "", Author{}, when, expect)
}

func (r *Repo) commit(paths []string, message string, author Author, when time.Time, amend string) (hash string, committed bool, err error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.refreshPacks()

	if amend != "" {
		hd, err := r.resolveHead()
		if err != nil {
			return "", false, fmt.Errorf("gitrepo: amend: %w", err)
		}
		if hd.commit.String() != amend {
			return "", false, ErrHeadMoved
		}
		c, err := r.readCommit(hd.commit)
		if err != nil {
			return "", false, fmt.Errorf("gitrepo: amend: %w", err)
		}
		message, author = c.Message, Author{Name: c.Author.Name, Email: c.Author.Email}
	}
	if strings.TrimSpace(message) == "" {
		return "", false, errors.New("gitrepo: commit: empty message")
	}
	if author.Name == "" || author.Email == "" {
		return "", false, errors.New("gitrepo: commit: author name and email are required")
	}
	rels := make([]string, 0, len(paths))
	for _, p := range paths {
		rel, err := r.relPath(p)
		if err != nil {
			return "", false, fmt.Errorf("gitrepo: commit: %w", trimPrefix(err))
		}
		rels = append(rels, rel)
	}
	slices.Sort(rels)
	rels = slices.Compact(rels)

	// Lock the index first, like git: a concurrent git command that would
	// rewrite the index either finished before or fails on the lock.
	il, err := r.lockIndex(rels...)
	if err != nil {
		return "", false, fmt.Errorf("gitrepo: commit: %w", err)
	}
	defer il.release()

	hd, err := r.resolveHead()
	if err != nil {
		return "", false, fmt.Errorf("gitrepo: commit: %w", err)
	}

	// Many new objects go into one pack file (pack.go): the first packMin
	// are held until it is known whether there are more (a run over many
	// sources names many paths whose blobs are already stored).
	if len(rels) >= packMin {
		r.pend = &pendingObjects{seen: map[plumbing.Hash]bool{}}
		defer func() {
			r.pend = nil
			if r.pack != nil { // not finished: an error on the way
				r.pack.abort()
				r.pack = nil
			}
		}()
	}

	// Blobs first: read every present file once, hash it, store it.
	changes := make([]change, 0, len(rels))
	stats := make([]fileStat, 0, len(rels))
	dirs := map[string]bool{}
	var buf []byte
	for _, rel := range rels {
		c, st, link, err := r.stageFile(rel, dirs, il, &buf)
		if err != nil {
			return "", false, fmt.Errorf("gitrepo: commit: %w", err)
		}
		if link != "" {
			// Like git, never read a file through a symlinked directory
			// (that would replace the symlink by a tree). A path HEAD
			// has there is gone from the work tree, as git status sees
			// it; any other path is refused.
			found := false
			if !hd.tree.IsZero() {
				if _, found, err = r.lookup(hd.tree, rel); err != nil {
					return "", false, fmt.Errorf("gitrepo: commit: %w", err)
				}
			}
			if !found {
				return "", false, fmt.Errorf("gitrepo: commit: path %s is beyond a symbolic link (%s)", rel, link)
			}
		}
		changes = append(changes, c)
		stats = append(stats, st)
	}

	touched := map[plumbing.Hash][]byte{}
	tree, empty, err := r.buildTree(hd.tree, "", changes, touched)
	if err != nil {
		return "", false, fmt.Errorf("gitrepo: commit: %w", err)
	}
	r.keepTrees(touched)
	if empty {
		tree = emptyTree
	}

	parents := []plumbing.Hash{}
	if !hd.commit.IsZero() {
		parents = []plumbing.Hash{hd.commit}
	}
	if amend != "" {
		if hd.commit.String() != amend {
			return "", false, ErrHeadMoved // moved since the check above: the index lock was not held then
		}
		c, err := r.readCommit(hd.commit)
		if err != nil {
			return "", false, fmt.Errorf("gitrepo: amend: %w", err)
		}
		parents = c.ParentHashes
	}
	noChange := tree == hd.tree || (hd.commit.IsZero() && empty)
	if noChange {
		// the index may name blobs written above
		if err := r.finishPack(); err != nil {
			return "", false, fmt.Errorf("gitrepo: commit: %w", err)
		}
		hash = ""
		if !hd.commit.IsZero() {
			hash = hd.commit.String()
		}
	} else {
		if tree == emptyTree {
			if err := r.writeObject(plumbing.TreeObject, emptyTree, nil); err != nil {
				return "", false, fmt.Errorf("gitrepo: commit: %w", err)
			}
		}
		h, err := r.writeCommit(parents, tree, message, author, when)
		if err != nil {
			return "", false, fmt.Errorf("gitrepo: commit: %w", err)
		}
		if err := r.finishPack(); err != nil {
			return "", false, fmt.Errorf("gitrepo: commit: %w", err)
		}
		if err := r.updateRef(hd.ref, hd.commit, h); err != nil {
			return "", false, fmt.Errorf("gitrepo: commit: %w", err)
		}
		r.recordMade(hd.ref, h)
		hash, committed = h.String(), true
	}

	if err := il.update(r, hd, changes, stats); err != nil {
		if committed {
			return hash, committed, fmt.Errorf("gitrepo: commit %s made, but index not updated: %w", hash, err)
		}
		return hash, committed, fmt.Errorf("gitrepo: commit: %w", err)
	}
	return hash, committed, nil
}

// trimPrefix drops a "gitrepo: " prefix from a wrapped helper error.
func trimPrefix(err error) error {
	msg := err.Error()
	if s, ok := strings.CutPrefix(msg, "gitrepo: "); ok {
		return errors.New(s)
	}
	return err
}

// stageFile hashes and stores the current content of rel: a regular file
// (mode 100755 when its owner may execute it, as git decides with
// core.fileMode) or a symlink. A missing path, or one below a file, is
// absent; a directory or a special file at rel is "not a file" (git tracks
// neither). A path through a symlinked directory is reported by beyondLink
// (the symlink's path), not read through the link.
//
// A regular file whose stat data is its index entry's (il), and not racily
// clean, is not read: its blob is the entry's, as git decides.
func (r *Repo) stageFile(rel string, dirs map[string]bool, il *indexLock, buf *[]byte) (c change, st fileStat, beyondLink string, err error) {
	if link, err := r.symlinkLeading(rel, dirs); err != nil || link != "" {
		return change{path: rel}, fileStat{}, link, err
	}
	abs := filepath.Join(r.root, filepath.FromSlash(rel))
	fi, err := os.Lstat(abs)
	if errors.Is(err, os.ErrNotExist) || errors.Is(err, syscallENOTDIR) {
		return change{path: rel}, fileStat{}, "", nil
	}
	if err != nil {
		return change{}, fileStat{}, "", err
	}
	switch {
	case fi.Mode()&fs.ModeSymlink != 0:
		target, err := os.Readlink(abs)
		if err != nil {
			return change{}, fileStat{}, "", err
		}
		data := []byte(filepath.ToSlash(target))
		h := hashObject(plumbing.BlobObject, data)
		if err := r.writeObject(plumbing.BlobObject, h, data); err != nil {
			return change{}, fileStat{}, "", fmt.Errorf("%s: %w", abs, err)
		}
		st := statOf(fi)
		st.size = int64(len(target))
		return change{path: rel, present: true, mode: modeSymlink, hash: h}, st, "", nil
	case !fi.Mode().IsRegular():
		return change{path: rel, notFile: true}, fileStat{}, "", nil
	}
	st = statOf(fi)
	if h, ok := il.clean(rel, st, fi.Mode()); ok {
		return change{path: rel, present: true, mode: fileMode(fi.Mode()), hash: h}, st, "", nil
	}
	// Read through the open file, its stat taken before the read: if the
	// file changes while it is read, its mtime moves past the recorded one
	// and git rehashes it. The buffer is the commit's, reused file after
	// file: writeObject keeps no part of data (a pending object is a copy,
	// a packed or loose one is compressed at once).
	data, st, exec, regular, err := readRegular(abs, *buf)
	if err != nil {
		return change{}, fileStat{}, "", err
	}
	if !regular { // replaced between Lstat and Open
		return change{}, fileStat{}, "", fmt.Errorf("path %s changed while it was committed", abs)
	}
	*buf = data
	h := hashObject(plumbing.BlobObject, data)
	if err := r.writeObject(plumbing.BlobObject, h, data); err != nil {
		return change{}, fileStat{}, "", fmt.Errorf("%s: %w", abs, err)
	}
	st.size = int64(len(data))
	mode := modeRegular
	if exec {
		mode = modeExecutable
	}
	return change{path: rel, present: true, mode: mode, hash: h}, st, "", nil
}

// fileMode is the git mode of a regular file: 100755 when its owner may
// execute it (git looks at the owner's bit only), else 100644.
func fileMode(m fs.FileMode) []byte {
	if m&0o100 != 0 {
		return modeExecutable
	}
	return modeRegular
}

// symlinkLeading returns the first leading directory of rel (not rel itself)
// that is a symlink on disk, relative to the root, or "". It stops at the
// first component that is missing or not a directory (then nothing exists
// at rel). dirs remembers the directories already found to be real.
func (r *Repo) symlinkLeading(rel string, dirs map[string]bool) (string, error) {
	for i := 0; ; {
		j := strings.IndexByte(rel[i:], '/')
		if j < 0 {
			return "", nil
		}
		dir := rel[:i+j]
		i += j + 1
		if dirs[dir] {
			continue
		}
		fi, err := os.Lstat(filepath.Join(r.root, filepath.FromSlash(dir)))
		if errors.Is(err, os.ErrNotExist) || errors.Is(err, syscallENOTDIR) {
			return "", nil
		}
		if err != nil {
			return "", err
		}
		if fi.Mode()&fs.ModeSymlink != 0 {
			return dir, nil
		}
		if !fi.IsDir() {
			return "", nil
		}
		dirs[dir] = true
	}
}

func (r *Repo) writeCommit(parents []plumbing.Hash, tree plumbing.Hash, message string, author Author, when time.Time) (plumbing.Hash, error) {
	if !strings.HasSuffix(message, "\n") {
		message += "\n"
	}
	sig := object.Signature{Name: author.Name, Email: author.Email, When: when}
	c := &object.Commit{
		Author:    sig,
		Committer: sig,
		Message:   message,
		TreeHash:  tree,
	}
	if len(parents) > 0 {
		c.ParentHashes = parents
	}
	obj := &plumbing.MemoryObject{}
	if err := c.Encode(obj); err != nil {
		return plumbing.ZeroHash, fmt.Errorf("encode commit: %w", err)
	}
	rd, _ := obj.Reader()
	data, err := io.ReadAll(rd)
	if err != nil {
		return plumbing.ZeroHash, fmt.Errorf("encode commit: %w", err)
	}
	h := hashObject(plumbing.CommitObject, data)
	if err := r.writeObject(plumbing.CommitObject, h, data); err != nil {
		return plumbing.ZeroHash, err
	}
	r.lastCommit, r.lastCommitData = h, data
	return h, nil
}

// finishPack puts the commit's pack in place (when it packs) and makes
// go-git see it; updateRef makes it durable before the branch moves.
func (r *Repo) finishPack() error {
	if pend := r.pend; pend != nil { // under packMin new objects: loose
		r.pend = nil
		for _, o := range pend.objects {
			if err := r.writeObject(o.t, o.h, o.data); err != nil {
				return err
			}
		}
	}
	p := r.pack
	if p == nil {
		return nil
	}
	r.pack = nil
	if err := p.finish(); err != nil {
		return err
	}
	r.st.Reindex()
	if r.packs != nil {
		r.packs.add(p.base+".idx", p.objects)
	}
	if fi, err := os.Stat(p.dir); err == nil {
		r.packDirMod = fi.ModTime()
	}
	return nil
}

// keepTrees remembers the trees of this commit for the next one.
func (r *Repo) keepTrees(touched map[plumbing.Hash][]byte) {
	total := 0
	for _, d := range touched {
		total += len(d)
	}
	if total > maxTreeMemo {
		r.trees = nil
		return
	}
	r.trees = touched
}

// refPath returns the file of a loose ref: per-worktree refs (HEAD) live in
// the git dir, shared ones in the common dir.
func (r *Repo) refPath(name plumbing.ReferenceName) string {
	dir := r.commonDir
	if !strings.HasPrefix(name.String(), "refs/") {
		dir = r.gitDir
	}
	return filepath.Join(dir, filepath.FromSlash(name.String()))
}

// updateRef moves name from old (ZeroHash: must not exist) to new the way git
// does: create "<ref>.lock" exclusively, check the old value, write, rename.
func (r *Repo) updateRef(name plumbing.ReferenceName, old, new plumbing.Hash) error {
	if err := r.syncBeforeRef(); err != nil {
		return fmt.Errorf("update %s: %w", name, err)
	}
	path := r.refPath(name)
	if err := os.MkdirAll(filepath.Dir(path), 0o777); err != nil {
		return fmt.Errorf("update %s: %w", name, err)
	}
	lock := path + ".lock"
	r.takingLock(lock)
	defer r.droppedLock(lock)
	f, err := os.OpenFile(lock, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o666)
	if err != nil {
		if errors.Is(err, os.ErrExist) {
			return fmt.Errorf("update %s: %s exists: another git process is running, or one crashed (then remove the file)", name, lock)
		}
		return fmt.Errorf("update %s: %w", name, err)
	}
	r.tookLock(lock, f)
	done := false
	defer func() {
		if !done {
			f.Close()
			os.Remove(lock)
		}
	}()

	cur, err := r.st.Reference(name)
	switch {
	case errors.Is(err, plumbing.ErrReferenceNotFound):
		if !old.IsZero() {
			return fmt.Errorf("update %s: it was deleted concurrently", name)
		}
	case err != nil:
		return fmt.Errorf("update %s: %w", name, err)
	case cur.Type() != plumbing.HashReference || cur.Hash() != old:
		return fmt.Errorf("update %s: it changed concurrently (now %s, expected %s)", name, cur, old)
	}

	if _, err := f.WriteString(new.String() + "\n"); err != nil {
		return fmt.Errorf("update %s: %w", name, err)
	}
	// the ref's own bytes are durable before its name moves: a power loss
	// must not leave an empty ref (an empty ref is refused, checkUnborn)
	if err := f.Sync(); err != nil {
		return fmt.Errorf("update %s: %w", name, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("update %s: %w", name, err)
	}
	done = true
	if err := os.Rename(lock, path); err != nil {
		os.Remove(lock)
		return fmt.Errorf("update %s: %w", name, err)
	}
	if err := atomicfile.SyncDir(filepath.Dir(path)); err != nil {
		return fmt.Errorf("update %s: %w", name, err)
	}
	return nil
}

// syncBeforeRef makes the objects just written (loose objects have no fsync
// of their own) and the committed files durable before the branch moves,
// like git's batch fsync mode: one syncfs(2) of the repository's file
// system, and of the work tree's when that is another one. Where one call
// cannot sync a file system, nothing is synced (as before).
func (r *Repo) syncBeforeRef() error {
	if !atomicfile.CanSyncFS {
		return nil
	}
	if err := atomicfile.SyncFS(r.commonDir); err != nil {
		return err
	}
	a, errA := os.Stat(r.commonDir)
	b, errB := os.Stat(r.root)
	if errA == nil && errB == nil && statOf(a).dev != statOf(b).dev {
		return atomicfile.SyncFS(r.root)
	}
	return nil
}
