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
	"time"

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
		got, size, mod, err := (&Store{Dir: root}).readConfined(p)
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
	if _, _, _, err := (&Store{Dir: root}).readConfined(filepath.Join(sub, "none.json")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("missing file: %v, want fs.ErrNotExist", err)
	}
	if _, _, _, err := (&Store{Dir: root}).readConfined(sub); err == nil {
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
	_, _, _, err := (&Store{Dir: root}).readConfined(link)
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
	_, _, _, err = (&Store{Dir: root}).readConfined(filepath.Join(http, "y.json"))
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
	if b, _, _, err := (&Store{Dir: alias}).readConfined(filepath.Join(alias, ".watcher", "state", "z.json")); err != nil || string(b) != "z" {
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
	// a missing folder holds no file (session 34: an empty listing, not
	// a question per file); a file where the folder would be is not listed
	if got, ok := listSizes(filepath.Join(dir, "missing")); !ok || len(got) != 0 {
		t.Errorf("a missing folder: %v, ok %v; want empty, ok", got, ok)
	}
	if _, ok := listSizes(filepath.Join(dir, "README.md")); ok {
		t.Error("a file listed as a folder")
	}
}

// While a run holds the folders, the small files are read relative to
// them: the same bytes; a file that is a link is refused as before; a
// folder swapped for a link after the hold is not followed (the held
// folder is read), and after the release the link is refused by path.
func TestS25HeldFolders(t *testing.T) {
	base := t.TempDir()
	root := filepath.Join(base, "snap")
	s := &Store{Dir: root}
	for _, d := range s.heldFolders() {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	idx, val, state := s.IndexPath("a"), s.ValidatorsPath("a"), s.StatePath("a")
	for _, p := range []string{idx, val, state} {
		if err := os.WriteFile(p, []byte("own "+filepath.Base(filepath.Dir(p))), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	outside := filepath.Join(base, "outside")
	if err := os.MkdirAll(outside, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, n := range []string{"a.json", "b.json"} {
		if err := os.WriteFile(filepath.Join(outside, n), []byte("outside"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink(filepath.Join(outside, "b.json"), s.IndexPath("b")); err != nil {
		t.Fatal(err)
	}

	release := s.HoldFolders()
	if h := s.held; h == nil || len(h.fds) != len(s.heldFolders()) {
		t.Fatalf("held: %+v, want the %d folders", s.held, len(s.heldFolders()))
	}
	for _, p := range []string{idx, val, state} {
		got, err := s.readFile(p)
		want, _ := os.ReadFile(p)
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("held read of %s: %q, %v; want %q", p, got, err, want)
		}
	}
	var se *atomicfile.SymlinkError
	if _, err := s.readFile(s.IndexPath("b")); !errors.As(err, &se) || se.Path != s.IndexPath("b") {
		t.Errorf("held read of a link: %v; want a SymlinkError naming it", err)
	}
	// the validators' folder swapped for a link to the outside
	httpDir := filepath.Dir(val)
	if err := os.Rename(httpDir, filepath.Join(base, "moved")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, httpDir); err != nil {
		t.Fatal(err)
	}
	if got, err := s.readFile(val); err != nil || string(got) != "own http" {
		t.Errorf("held read after the folder became a link: %q, %v; want the held folder's file", got, err)
	}
	// lastRead sees a change made in the held folder (size and time)
	if _, err := s.readSeen(state); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(state, []byte("changed, longer"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got, there, err := s.lastRead(state); err != nil || !there || string(got) != "changed, longer" {
		t.Errorf("lastRead after a change: %q, %v, %v", got, there, err)
	}
	release()
	if s.held != nil {
		t.Error("still held after the release")
	}
	if _, err := s.readFile(val); !errors.As(err, &se) || se.Path != httpDir {
		t.Errorf("read by path after the release through a linked folder: %v; want a SymlinkError naming %s", err, httpDir)
	}
}

// A run record in a held folder is overwritten in place; one that is a
// link is not written through (the path's check refuses it).
func TestS25HeldRunRecord(t *testing.T) {
	base := t.TempDir()
	root := filepath.Join(base, "snap")
	s := &Store{Dir: root}
	for _, d := range s.heldFolders() {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	at := time.Date(2026, 12, 4, 15, 0, 0, 0, time.UTC)
	if err := s.RecordRunNext("a", at, RunOK, time.Time{}); err != nil { // a new record: by path
		t.Fatal(err)
	}
	release := s.HoldFolders()
	defer release()
	if err := s.RecordRunNext("a", at.Add(time.Hour), RunOK, time.Time{}); err != nil {
		t.Fatal(err)
	}
	rec, ok, err := s.PeekRun("a")
	if err != nil || !ok || !rec.LastRun.Equal(at.Add(time.Hour)) {
		t.Errorf("record after a held overwrite: %+v, %v, %v", rec, ok, err)
	}
	target := filepath.Join(base, "target.json")
	if err := os.WriteFile(target, []byte("t"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(target, s.RunPath("b")); err != nil {
		t.Fatal(err)
	}
	var se *atomicfile.SymlinkError
	if err := s.RecordRunNext("b", at, RunOK, time.Time{}); !errors.As(err, &se) {
		t.Errorf("record through a link: %v; want a SymlinkError", err)
	}
	if b, _ := os.ReadFile(target); string(b) != "t" {
		t.Errorf("the link's target was written: %q", b)
	}
}
