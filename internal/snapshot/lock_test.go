package snapshot

import (
	"context"
	"errors"
	"os"
	"strings"
	"testing"
	"time"
)

func TestLock(t *testing.T) {
	dir := t.TempDir()
	l, err := AcquireLock(context.Background(), dir, 0, "run", nil)
	if err != nil {
		t.Fatal(err)
	}
	// a second holder (another open file: flock excludes it even in this
	// process) is refused at once, or after its wait, with the holder's card
	var busy *BusyError
	if _, err := AcquireLock(context.Background(), dir, 0, "run", nil); !errors.As(err, &busy) || busy.PID != os.Getpid() || busy.Command != "run" || busy.Started.IsZero() {
		t.Fatalf("second holder: %v", err)
	}
	waited := false
	if _, err := AcquireLock(context.Background(), dir, 60*time.Millisecond, "run", func(*BusyError) { waited = true }); !errors.As(err, &busy) || !waited || !strings.Contains(err.Error(), "waited") {
		t.Fatalf("second holder with a wait: %v (told it waits: %v)", err, waited)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := AcquireLock(ctx, dir, -1, "run", nil); !errors.Is(err, context.Canceled) {
		t.Fatalf("waiting with a cancelled context: %v", err)
	}
	if err := l.Release(); err != nil {
		t.Fatal(err)
	}
	l2, err := AcquireLock(context.Background(), dir, 0, "daemon", nil)
	if err != nil {
		t.Fatalf("after release: %v", err)
	}
	l2.Release()
}

// A .gitignore written before there was a lock gets the lock's line at the
// next run's BeginWrite, once.
func TestIgnoreFileGetsTheLock(t *testing.T) {
	s, err := Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	old := "# written by careers-watcher: files of a run in progress, never committed\n.tmp-*\n/.watcher/run-in-progress\n"
	os.WriteFile(s.IgnorePath(), []byte(old), 0o644)
	for range 2 {
		if err := s.BeginWrite(); err != nil {
			t.Fatal(err)
		}
		s.EndWrite()
	}
	b, _ := os.ReadFile(s.IgnorePath())
	if string(b) != old+"/.watcher/lock\n/.watcher/runs/\n" {
		t.Fatalf(".gitignore:\n%s", b)
	}
	if !s.IgnoreWritten() {
		t.Fatal("the store that added the lines does not report writing the .gitignore")
	}
	// another process on the brought-up folder: nothing to write, and a
	// quiet run need not compare the file with HEAD's
	s2, err := Open(s.Dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := s2.BeginWrite(); err != nil {
		t.Fatal(err)
	}
	s2.EndWrite()
	if s2.IgnoreWritten() {
		t.Fatal("a store that left the .gitignore as it was reports writing it")
	}
	if !Transient(s.Dir+"/.watcher/lock") || Transient(s.Dir+"/src/lock") {
		t.Fatal("Transient does not tell the lock file")
	}
}
