package gitrepo

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/go-git/go-git/v5/plumbing"
)

// packedRepo commits n files (a pack: n >= packMin) and a second commit
// that changes one of them, and returns the folder.
func packedRepo(t *testing.T, n int) string {
	t.Helper()
	dir := t.TempDir()
	r := mustOpen(t, dir)
	var paths []string
	for i := range n {
		p := filepath.Join(dir, "src", fmt.Sprintf("d%02d", i%7), fmt.Sprintf("%04d.json", i))
		writeFile(t, p, fmt.Sprintf("{\"posting\": %d}\n%s", i, strings.Repeat("text ", i%50)))
		paths = append(paths, p)
	}
	if _, _, err := r.Commit(paths, "first", testAuthor, testWhen); err != nil {
		t.Fatal(err)
	}
	packs, _ := filepath.Glob(filepath.Join(dir, ".git", "objects", "pack", "pack-*.pack"))
	if len(packs) == 0 {
		t.Fatalf("a commit of %d files wrote no pack", n)
	}
	return dir
}

// Every object of the watcher's pack reads the same through packSet
// (packread.go) as through go-git: type and content, and an object no
// pack holds is not found there.
func TestPackedReadIsGoGits(t *testing.T) {
	dir := packedRepo(t, 3*packMin)
	r := mustOpen(t, dir)
	s := r.packSetLoaded()
	if s == nil || len(s.packs) == 0 {
		t.Fatal("no pack set")
	}
	read := 0
	for _, p := range s.packs {
		f, err := os.Open(p.idx)
		if err != nil {
			t.Fatal(err)
		}
		for i := range p.prefixes {
			var h plumbing.Hash
			if _, err := f.ReadAt(h[:], 8+1024+int64(i)*20); err != nil {
				t.Fatal(err)
			}
			typ, data, ok, err := s.read(h)
			if err != nil || !ok {
				t.Fatalf("object %s: ok %v, %v", h, ok, err)
			}
			obj, err := r.st.EncodedObject(plumbing.AnyObject, h)
			if err != nil {
				t.Fatal(err)
			}
			rd, err := obj.Reader()
			if err != nil {
				t.Fatal(err)
			}
			want, err := io.ReadAll(rd)
			rd.Close()
			if err != nil {
				t.Fatal(err)
			}
			if typ != obj.Type() || !bytes.Equal(data, want) {
				t.Fatalf("object %s: %s of %d bytes, go-git reads %s of %d", h, typ, len(data), obj.Type(), len(want))
			}
			read++
		}
		f.Close()
	}
	if read < 3*packMin {
		t.Fatalf("read %d packed objects, want at least %d", read, 3*packMin)
	}
	missing := hashObject(plumbing.BlobObject, []byte("in no pack\n"))
	if _, _, ok, err := s.read(missing); ok || err != nil {
		t.Errorf("an object in no pack: ok %v, %v", ok, err)
	}
}

// A repository whose pack holds deltas (git gc --aggressive) still reads
// right: a delta is go-git's to read. HeadFile, ChangedSince and a commit
// of a new process work on it, and the packed reader says "delta" for the
// deltas rather than answering.
func TestPackedReadFallsBackOnDeltas(t *testing.T) {
	needGit(t)
	dir := packedRepo(t, 2*packMin)
	// near-identical versions of one big file make deltas
	big := filepath.Join(dir, "src", "big.txt")
	for v := range 4 {
		writeFile(t, big, strings.Repeat("line of a long file that changes little\n", 400)+fmt.Sprintf("version %d\n", v))
		if _, _, err := mustOpen(t, dir).Commit([]string{big}, fmt.Sprintf("v%d", v), testAuthor, testWhen); err != nil {
			t.Fatal(err)
		}
	}
	gitOut(t, dir, "gc", "--aggressive", "--quiet")
	if out := gitOut(t, dir, "verify-pack", "-v", filepath.Join(".git", "objects", "pack", strings.TrimSuffix(filepath.Base(onePack(t, dir)), ".pack")+".idx")); !strings.Contains(out, "chain length") {
		t.Fatalf("git gc made no deltas:\n%s", out)
	}
	r := mustOpen(t, dir)
	got, ok, err := r.HeadFile(big)
	if err != nil || !ok || !strings.HasSuffix(string(got), "version 3\n") {
		t.Fatalf("HeadFile after gc: ok %v, %v, ends %q", ok, err, got[max(0, len(got)-12):])
	}
	deltas := 0
	for _, line := range strings.Split(gitOut(t, dir, "rev-list", "--objects", "--all"), "\n") {
		f := strings.Fields(line)
		if len(f) == 0 {
			continue
		}
		h := plumbing.NewHash(f[0])
		if _, _, _, err := r.packSetLoaded().read(h); err == errNotWhole {
			deltas++
		}
		if _, err := r.readObject(plumbing.AnyObject, h); err != nil {
			t.Fatalf("read %s after gc: %v", h, err)
		}
	}
	if deltas == 0 {
		t.Error("no object of the gc'd pack was a delta to the packed reader")
	}
	if changed, err := r.ChangedSince("src"); err != nil || len(changed) != 0 {
		t.Fatalf("ChangedSince after gc: %q, %v", changed, err)
	}
	writeFile(t, big, "short now\n")
	if _, ok, err := mustOpen(t, dir).Commit([]string{big}, "short", testAuthor, testWhen); err != nil || !ok {
		t.Fatalf("commit after gc: %v %v", ok, err)
	}
	if out := gitOut(t, dir, "fsck", "--strict"); strings.Contains(out, "error") {
		t.Fatalf("git fsck:\n%s", out)
	}
}

func onePack(t *testing.T, dir string) string {
	t.Helper()
	packs, _ := filepath.Glob(filepath.Join(dir, ".git", "objects", "pack", "pack-*.pack"))
	if len(packs) != 1 {
		t.Fatalf("%d packs after gc, want 1", len(packs))
	}
	return packs[0]
}
