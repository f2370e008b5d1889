//go:build unix

package atomicfile

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
)

// The raw temporary file (temp_unix.go) keeps what os.CreateTemp and
// os.Chmod gave: mode 0644 whatever the umask, the folder made when it is
// missing, a folder in the file's place (empty too: os.Rename refused it
// by a stat first, rename(2) refuses it itself) an error that leaves no
// temporary file. Not parallel: the umask is the process's.
func TestWriteFileRawTempKeepsModeAndRefusals(t *testing.T) {
	old := syscall.Umask(0o077)
	defer syscall.Umask(old)
	dir := t.TempDir()
	for _, durable := range []bool{false, true} {
		p := filepath.Join(dir, "new", "deeper", "a.json")
		if err := write(p, []byte("x\n"), durable); err != nil {
			t.Fatal(err)
		}
		if fi, err := os.Stat(p); err != nil || fi.Mode().Perm() != 0o644 {
			t.Fatalf("durable %v: mode %v, %v; want 0644 under umask 077", durable, fi.Mode(), err)
		}
		empty := filepath.Join(dir, "empty.json")
		if err := os.Mkdir(empty, 0o755); err != nil && !os.IsExist(err) {
			t.Fatal(err)
		}
		if err := write(empty, []byte("x"), durable); err == nil {
			t.Fatalf("durable %v: a write over an empty folder succeeded", durable)
		}
		ents, _ := os.ReadDir(dir)
		for _, e := range ents {
			if IsTemp(e.Name()) {
				t.Fatalf("durable %v: temporary file %s left", durable, e.Name())
			}
		}
		if fi, err := os.Stat(empty); err != nil || !fi.IsDir() {
			t.Fatalf("durable %v: the folder is gone: %v", durable, err)
		}
	}
	if err := write(filepath.Join(dir, "new", "deeper", "a.json", "b"), []byte("x"), false); err == nil {
		t.Fatal("a write below a file succeeded")
	}
}

// writeTempOS is writeTemp as it was (os.MkdirAll, os.CreateTemp, os.Chmod;
// os.Rename after it), for BenchmarkWriteFileNoSync.
func writeTempOS(path string, data []byte) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	f, err := os.CreateTemp(dir, TempPrefix+"*")
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	if err := os.Chmod(f.Name(), 0o644); err != nil {
		return err
	}
	return os.Rename(f.Name(), path)
}

// A new snapshot file's write without fsync (a first cycle's), through the
// raw descriptor against the os package's calls; cpu-ns/op is the
// process's user and system time (the wall time is mostly the file
// system's, and moves with the machine's load).
func BenchmarkWriteFileNoSync(b *testing.B) {
	data := make([]byte, 7<<10)
	for _, c := range []struct {
		name  string
		write func(string, []byte) error
	}{{"raw", WriteFileNoSync}, {"os", writeTempOS}} {
		b.Run(c.name, func(b *testing.B) {
			dir := filepath.Join(b.TempDir(), "src")
			i := 0
			start := cpuTime()
			for b.Loop() {
				i++
				if err := c.write(filepath.Join(dir, strconv.Itoa(i)+".json"), data); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(cpuTime()-start)/float64(b.N), "cpu-ns/op")
		})
	}
}

// cpuTime is the process's user and system time so far, in nanoseconds.
func cpuTime() int64 {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return ru.Utime.Nano() + ru.Stime.Nano()
}

// Review s34 F2: a folder that is a file is named in the error (not a
// random temporary name), and a folder at the target is fs.ErrExist, as
// os.Rename said before the raw descriptor.
func TestWriteErrorsNameTheFolderS34(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "file")
	if err := os.WriteFile(file, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	err := WriteFile(filepath.Join(file, "a.json"), []byte("{}"))
	if err == nil || !strings.Contains(err.Error(), file+":") || strings.Contains(err.Error(), TempPrefix) {
		t.Errorf("write under a file: %v, want an error naming %s and no temporary file", err, file)
	}
	target := filepath.Join(dir, "target")
	if err := os.MkdirAll(filepath.Join(target, "inner"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(target, []byte("{}")); !errors.Is(err, fs.ErrExist) {
		t.Errorf("write over a folder: %v, want fs.ErrExist", err)
	}
}
