//go:build unix

package snapshot

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/atomicfile"
)

// readConfined reads what os.ReadFile reads, with the file's size and
// modification time, for empty, small and larger files.
func TestS25ReadConfinedAsReadFile(t *testing.T) {
	root := t.TempDir()
	sub := filepath.Join(root, ".watcher", "index")
	if err := os.MkdirAll(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, n := range []int{0, 1, 511, 512, 513, 4096, 100_000} {
		p := filepath.Join(sub, fmt.Sprintf("f%d.json", n))
		want := bytes.Repeat([]byte("ab\n"), n)[:n]
		if err := os.WriteFile(p, want, 0o644); err != nil {
			t.Fatal(err)
		}
		got, size, mod, err := readConfined(root, p)
		if err != nil {
			t.Fatalf("%d bytes: %v", n, err)
		}
		fi, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) || size != int64(n) || !mod.Equal(fi.ModTime()) {
			t.Errorf("%d bytes: got %d bytes, size %d, mod %v; want %d, %d, %v", n, len(got), size, mod, n, n, fi.ModTime())
		}
	}
	// a missing file is fs.ErrNotExist, a folder an error
	if _, _, _, err := readConfined(root, filepath.Join(sub, "none.json")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("missing file: %v, want fs.ErrNotExist", err)
	}
	if _, _, _, err := readConfined(root, sub); err == nil {
		t.Error("a folder read as a file")
	}
}

// A link as the file, or as a folder on the way, is refused with the
// SymlinkError CheckPath gives; a link above the root is the user's choice.
func TestS25ReadConfinedRefusesLinks(t *testing.T) {
	base := t.TempDir()
	outside := filepath.Join(base, "secret")
	if err := os.WriteFile(outside, []byte("secret"), 0o644); err != nil {
		t.Fatal(err)
	}
	root := filepath.Join(base, "snap")
	state := filepath.Join(root, ".watcher", "state")
	if err := os.MkdirAll(state, 0o755); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(state, "x.json")
	if err := os.Symlink(outside, link); err != nil {
		t.Fatal(err)
	}
	_, _, _, err := readConfined(root, link)
	var se *atomicfile.SymlinkError
	if !errors.As(err, &se) || se.Path != link || se.Root != root {
		t.Fatalf("file link: %v; want a SymlinkError naming %s under %s", err, link, root)
	}
	if want := atomicfile.CheckPath(root, link); err.Error() != want.Error() {
		t.Errorf("file link: %q, CheckPath says %q", err, want)
	}
	// a folder on the way that is a link
	other := filepath.Join(base, "other")
	if err := os.MkdirAll(other, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(other, "y.json"), []byte("{}"), 0o644); err != nil {
		t.Fatal(err)
	}
	http := filepath.Join(root, ".watcher", "http")
	if err := os.Symlink(other, http); err != nil {
		t.Fatal(err)
	}
	_, _, _, err = readConfined(root, filepath.Join(http, "y.json"))
	if !errors.As(err, &se) || se.Path != http {
		t.Fatalf("folder link: %v; want a SymlinkError naming %s", err, http)
	}
	// the root itself reached through a link: read
	alias := filepath.Join(base, "alias")
	if err := os.Symlink(root, alias); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(state, "z.json"), []byte("z"), 0o644); err != nil {
		t.Fatal(err)
	}
	if b, _, _, err := readConfined(alias, filepath.Join(alias, ".watcher", "state", "z.json")); err != nil || string(b) != "z" {
		t.Errorf("through a linked root: %q, %v", b, err)
	}
}

// rawOverwrite writes over a regular file no longer than the data, and
// leaves a link, a longer file and a missing one alone.
func TestS25RawOverwrite(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "r.json")
	if err := os.WriteFile(p, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	if !rawOverwrite(p, []byte("new!")) {
		t.Fatal("regular file not overwritten")
	}
	if b, _ := os.ReadFile(p); string(b) != "new!" {
		t.Errorf("overwritten: %q", b)
	}
	if rawOverwrite(p, []byte("x")) {
		t.Error("a longer file overwritten in place")
	}
	if rawOverwrite(filepath.Join(dir, "none.json"), []byte("x")) {
		t.Error("a missing file reported written")
	}
	target := filepath.Join(dir, "target")
	if err := os.WriteFile(target, []byte("t"), 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "l.json")
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
	if rawOverwrite(link, []byte("xx")) {
		t.Error("written through a link")
	}
	if b, _ := os.ReadFile(target); string(b) != "t" {
		t.Errorf("link target changed: %q", b)
	}
}

// listSizes reads a folder larger than one buffer of entries whole, and
// only its regular ".json" files.
func TestS25ListSizesLargeFolder(t *testing.T) {
	dir := t.TempDir()
	want := map[string]int64{}
	long := strings.Repeat("n", 120)
	for i := range 400 { // about 56 KB of entries: several reads
		n := fmt.Sprintf("%s%04d.json", long, i)
		if err := os.WriteFile(filepath.Join(dir, n), make([]byte, i), 0o644); err != nil {
			t.Fatal(err)
		}
		want[n] = int64(i)
	}
	if err := os.WriteFile(filepath.Join(dir, "README.md"), []byte("r"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(dir, "sub.json"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(dir, "README.md"), filepath.Join(dir, "link.json")); err != nil {
		t.Fatal(err)
	}
	got, ok := listSizes(dir)
	if !ok || len(got) != len(want) {
		t.Fatalf("listSizes: %d entries, ok %v; want %d", len(got), ok, len(want))
	}
	for n, s := range want {
		if got[n] != s {
			t.Errorf("%s: %d, want %d", n, got[n], s)
		}
	}
	if _, ok := listSizes(filepath.Join(dir, "missing")); ok {
		t.Error("a missing folder listed")
	}
}
