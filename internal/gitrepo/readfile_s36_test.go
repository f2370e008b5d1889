package gitrepo

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// readReference is what stageFile did before readRegular: os.Open, the
// open file's stat, then a read of the whole file.
func readReference(abs string) (data []byte, st fileStat, exec, regular bool, err error) {
	f, err := os.Open(abs)
	if err != nil {
		return nil, fileStat{}, false, false, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, fileStat{}, false, false, err
	}
	if !fi.Mode().IsRegular() {
		return nil, fileStat{}, false, false, nil
	}
	data, err = io.ReadAll(f)
	return data, statOf(fi), fi.Mode()&0o100 != 0, true, err
}

// TestS36ReadRegularAsOpen holds readRegular (the commit's read of each
// file, through a buffer reused file after file) to os.Open, Stat and a
// whole read: the same bytes, stat data, execute bit and kind for files
// of many sizes (around the buffer's growth and the read sizes), read in
// an order that makes the buffer both too small and too large.
func TestS36ReadRegularAsOpen(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	rng := rand.New(rand.NewPCG(36, 1))
	sizes := []int{0, 1, 2, 511, 512, 513, 4095, 4096, 4097, 8192, 65535, 65536, 65537, 300000}
	for range 60 {
		sizes = append(sizes, rng.IntN(40000))
	}
	var paths []string
	for i, n := range sizes {
		b := make([]byte, n)
		for j := range b {
			b[j] = byte(rng.Uint32())
		}
		p := filepath.Join(dir, fmt.Sprintf("f%03d", i))
		mode := fs.FileMode(0o644)
		if i%3 == 0 {
			mode = 0o755
		}
		if err := os.WriteFile(p, b, mode); err != nil {
			t.Fatal(err)
		}
		if err := os.Chmod(p, mode); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	if err := os.Mkdir(filepath.Join(dir, "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("f005", filepath.Join(dir, "link")); err != nil {
		t.Fatal(err)
	}
	paths = append(paths, filepath.Join(dir, "sub"), filepath.Join(dir, "link"), filepath.Join(dir, "missing"))
	var buf []byte
	for round := range 3 {
		rng.Shuffle(len(paths), func(i, j int) { paths[i], paths[j] = paths[j], paths[i] })
		for _, p := range paths {
			data, st, exec, regular, err := readRegular(p, buf)
			wdata, wst, wexec, wregular, werr := readReference(p)
			if (err == nil) != (werr == nil) || err != nil && (err.Error() != werr.Error() || errors.Is(err, fs.ErrNotExist) != errors.Is(werr, fs.ErrNotExist)) {
				t.Fatalf("round %d %s: err %v, want %v", round, p, err, werr)
			}
			if !bytes.Equal(data, wdata) || st != wst || exec != wexec || regular != wregular {
				t.Fatalf("round %d %s: %d bytes %+v exec %v regular %v, want %d bytes %+v exec %v regular %v",
					round, p, len(data), st, exec, regular, len(wdata), wst, wexec, wregular)
			}
			if regular {
				buf = data
			}
		}
	}
}

// TestS36CommitReusedBufferBlobs commits files of falling and rising sizes
// in one commit, loose (under packMin) and packed (over it): every blob is
// its file's content, though the commit reads them all through one buffer
// (a pending object keeps a copy, not the buffer).
func TestS36CommitReusedBufferBlobs(t *testing.T) {
	t.Parallel()
	needGit(t)
	for _, n := range []int{packMin / 2, packMin + 30} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			want := map[string]string{}
			var paths []string
			for i := range n {
				size := (n - i) * 97 // falling: each file fits the buffer of the one before
				if i%2 == 1 {
					size = i * 211
				}
				p := fmt.Sprintf("snapshots/src/p%03d.json", i)
				content := strings.Repeat(string(rune('a'+i%26)), size) + fmt.Sprint(i)
				writeFile(t, filepath.Join(dir, p), content)
				want[p] = content
				paths = append(paths, p)
			}
			r := mustOpen(t, dir)
			if _, ok := mustCommit(t, r, paths, "files"); !ok {
				t.Fatal("nothing committed")
			}
			for _, p := range paths {
				if got := gitOut(t, dir, "cat-file", "blob", "HEAD:"+p); got != want[p] {
					t.Fatalf("%s: blob of %d bytes, want the file's %d", p, len(got), len(want[p]))
				}
			}
			checkClean(t, dir)
		})
	}
}
