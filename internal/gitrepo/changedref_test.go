package gitrepo

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"math/rand"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"syscall"
	"testing"

	gogit "github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
)

// refChangedSince is ChangedSince as it was before it streamed (HEAD's
// files and the index held in maps), kept as the reference the streaming
// one is compared with.
//
// It lists the paths (relative to Root, slash-separated, sorted)
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
func (r *Repo) refChangedSince(prefix string) ([]string, error) {
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
	staged, err := r.refIndexDiffers(rel, want)
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
func (r *Repo) refIndexDiffers(rel string, head map[string]headFile) ([]string, error) {
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

type headFile struct {
	hash plumbing.Hash
	kind uint32 // file type bits of the mode
	exec bool   // a regular file with mode 100755
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
	data, err := readInto(f, fi.Size(), nil)
	if err != nil {
		return nil, nil, err
	}
	return data, fi, nil
}

// TestChangedSinceMatchesReference: the streaming ChangedSince lists what
// the one holding maps listed, for random work trees changed at random
// (files edited, removed, added, made executable, turned into folders and
// back, symlinks, fifos, ".git" names, nested repositories, index entries
// staged by git), at several prefixes.
func TestChangedSinceMatchesReference(t *testing.T) {
	needGit(t)
	for seed := range int64(6) {
		t.Run(fmt.Sprint("seed", seed), func(t *testing.T) {
			rnd := rand.New(rand.NewSource(seed))
			dir := t.TempDir()
			r := mustOpen(t, dir)
			var files []string
			names := []string{"a", "a.b", "a-c", "b", "c.json", "d"}
			var mk func(rel string, depth int)
			mk = func(rel string, depth int) {
				for _, n := range names {
					p := n
					if rel != "" {
						p = rel + "/" + n
					}
					switch k := rnd.Intn(4); {
					case k == 0 && depth < 3:
						mk(p, depth+1)
					case k <= 2:
						writeFile(t, filepath.Join(dir, p), fmt.Sprintf("%s %d\n", p, rnd.Intn(3)))
						files = append(files, p)
					}
				}
			}
			mk("", 0)
			mk("s", 1)
			mustCommit(t, r, files, "first")
			// changes
			for _, p := range files {
				abs := filepath.Join(dir, p)
				switch rnd.Intn(12) {
				case 0:
					os.Remove(abs)
				case 1:
					writeFile(t, abs, "edited "+p+"\n")
				case 2:
					os.Chmod(abs, 0o755)
				case 3:
					os.Remove(abs)
					writeFile(t, filepath.Join(abs, "inner.json"), "inner\n")
				case 4:
					os.Remove(abs)
					os.Symlink("../elsewhere", abs)
				case 5:
					os.Remove(abs)
					syscall.Mkfifo(abs, 0o644)
				case 6:
					writeFile(t, filepath.Join(filepath.Dir(abs), ".Git", "x"), "x\n")
				case 7:
					d := filepath.Dir(abs)
					if d != dir {
						os.MkdirAll(filepath.Join(d, ".git"), 0o755) // a nested repository
					}
				case 8:
					writeFile(t, abs+".new", "new\n")
				case 9:
					// staged by git, work tree back as HEAD has it
					old, _ := os.ReadFile(abs)
					writeFile(t, abs, "staged\n")
					git(t, dir, "add", "--", p)
					writeFile(t, abs, string(old))
				case 10:
					// staged by git, then gone from the work tree
					writeFile(t, abs+".staged", "staged\n")
					git(t, dir, "add", "--", p+".staged")
					os.Remove(abs + ".staged")
				}
			}
			// a folder HEAD has, replaced by a file
			for _, p := range files {
				if d := filepath.Dir(p); d != "." && rnd.Intn(3) == 0 {
					os.RemoveAll(filepath.Join(dir, d))
					writeFile(t, filepath.Join(dir, d), "was a folder\n")
					break
				}
			}
			prefixes := []string{"", "s", "a", "a/b", "missing", files[rnd.Intn(len(files))], files[rnd.Intn(len(files))]}
			for _, pre := range prefixes {
				want, werr := r.refChangedSince(pre)
				got, gerr := r.ChangedSince(pre)
				if (werr == nil) != (gerr == nil) || !reflect.DeepEqual(got, want) {
					t.Errorf("ChangedSince(%q) = %q, %v\nreference:          %q, %v", pre, got, gerr, want, werr)
				}
			}
			// without an index
			os.Remove(filepath.Join(dir, ".git", "index"))
			want, werr := r.refChangedSince("")
			got, gerr := r.ChangedSince("")
			if (werr == nil) != (gerr == nil) || !reflect.DeepEqual(got, want) {
				t.Errorf("no index: ChangedSince = %q, %v\nreference:          %q, %v", got, gerr, want, werr)
			}
		})
	}
}
