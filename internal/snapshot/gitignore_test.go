package snapshot

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A snapshot folder that has a .gitignore of its own before the watcher
// first opens it (the folder is the user's repository) gets every line
// the watcher needs (temporary files, run marker, lock, run records)
// added at the first write, once, after the user's lines, which stay as
// they were.
func TestUserIgnoreFileGetsTheWatcherLines(t *testing.T) {
	for _, user := range []string{"*.log\n/notes/\n", "*.log\r\n.tmp-*\r\n", "*.log"} {
		dir := t.TempDir()
		path := filepath.Join(dir, ".gitignore")
		if err := os.WriteFile(path, []byte(user), 0o644); err != nil {
			t.Fatal(err)
		}
		s, err := Open(dir)
		if err != nil {
			t.Fatal(err)
		}
		for range 2 {
			if err := s.BeginWrite(); err != nil {
				t.Fatal(err)
			}
			if err := s.EndWrite(); err != nil {
				t.Fatal(err)
			}
		}
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		got := string(b)
		if !strings.HasPrefix(got, user) {
			t.Fatalf("the user's lines %q were not kept:\n%s", user, got)
		}
		lines := strings.Split(strings.ReplaceAll(got, "\r", ""), "\n")
		for _, want := range []string{".tmp-*", "/.watcher/run-in-progress", "/.watcher/" + LockName, strings.TrimSuffix(ignoreRuns, "\n")} {
			n := 0
			for _, l := range lines {
				if l == want {
					n++
				}
			}
			if n != 1 {
				t.Errorf("user file %q: line %q %d times in:\n%s", user, want, n, got)
			}
		}
		if !s.IgnoreWritten() {
			t.Error("IgnoreWritten is false after the lines were added: a quiet run would not commit them")
		}
		if !Transient(filepath.Join(dir, "nf", ".tmp-123")) {
			t.Fatal("a temporary file is not transient")
		}
	}
}
