package snapshot

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/careers-watcher/careers-watcher/internal/atomicfile"
)

// LockName is the file under StateDir that one process at a time holds
// locked (flock) while it reads and writes the snapshot folder. It is never
// committed (see the folder's .gitignore).
const LockName = "lock"

// Lock is the held writer lock of a snapshot folder. The kernel releases it
// when the process ends, however it ends: a lock is never stale.
type Lock struct {
	f    *os.File
	path string
}

// BusyError says that another process holds the lock: who, since when.
type BusyError struct {
	Path    string
	PID     int       // 0 when unknown
	Started time.Time // zero when unknown
	Command string    // "run", "daemon", ... ("" when unknown)
	Waited  time.Duration
}

func (e *BusyError) Error() string {
	who := "another process"
	if e.PID > 0 {
		who = "process " + strconv.Itoa(e.PID)
		if e.Command != "" {
			who += " (watcher " + e.Command + ")"
		}
		if !e.Started.IsZero() {
			who += ", started " + e.Started.Format(time.RFC3339)
		}
	}
	wait := "did not wait (--wait DURATION waits for it)"
	if e.Waited > 0 {
		wait = "waited " + e.Waited.String()
	}
	return fmt.Sprintf("snapshot folder %s is in use by %s: %s; nothing was touched", filepath.Dir(filepath.Dir(e.Path)), who, wait)
}

// lockPoll is how often a waiting process tries the lock again.
const lockPoll = 25 * time.Millisecond

// AcquireLock takes the writer lock of the snapshot folder dir, waiting for
// another holder up to wait (0: not at all; negative: until ctx ends). It
// creates dir/.watcher and the lock file when missing and writes nothing
// else; a lock file (or .watcher) that is a symbolic link is refused. A holder records its pid, start time and command in the file, which
// a refused process reports in its *BusyError. onWait (may be nil) is
// called once when the lock is busy and the caller is willing to wait.
func AcquireLock(ctx context.Context, dir string, wait time.Duration, command string, onWait func(*BusyError)) (*Lock, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, fmt.Errorf("snapshot: lock: %w", err)
	}
	path := filepath.Join(abs, StateDir, LockName)
	// a lock file that is a committed symbolic link would be truncated
	// wherever it points
	if err := atomicfile.CheckPath(abs, path); err != nil {
		return nil, fmt.Errorf("snapshot: lock: %w", err)
	}
	if err := os.MkdirAll(filepath.Join(abs, StateDir), 0o755); err != nil {
		return nil, fmt.Errorf("snapshot: lock: %w", err)
	}
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|openNoFollow, 0o644)
	if err != nil {
		return nil, fmt.Errorf("snapshot: lock: %w", err)
	}
	start := time.Now()
	for {
		err := tryLock(f)
		if err == nil {
			break
		}
		if !errors.Is(err, errBusy) {
			f.Close()
			return nil, fmt.Errorf("snapshot: lock %s: %w", path, err)
		}
		waited := time.Since(start)
		if wait >= 0 && waited >= wait {
			f.Close()
			if wait == 0 {
				waited = 0 // it did not wait: the first try's time is no wait
			}
			return nil, busy(path, waited)
		}
		if onWait != nil {
			onWait(busy(path, 0))
			onWait = nil
		}
		t := time.NewTimer(lockPoll)
		select {
		case <-ctx.Done():
			t.Stop()
			f.Close()
			return nil, fmt.Errorf("snapshot: waiting for the lock: %w (%w)", ctx.Err(), busy(path, time.Since(start)))
		case <-t.C:
		}
	}
	// the holder's card, for whoever is refused meanwhile
	card := fmt.Sprintf("pid=%d started=%s command=%s\n", os.Getpid(), time.Now().UTC().Format(time.RFC3339), command)
	if err := f.Truncate(0); err == nil {
		_, _ = f.WriteAt([]byte(card), 0)
	}
	return &Lock{f: f, path: path}, nil
}

func busy(path string, waited time.Duration) *BusyError {
	e := &BusyError{Path: path, Waited: waited}
	b, err := os.ReadFile(path)
	if err != nil {
		return e
	}
	for _, kv := range strings.Fields(string(b)) {
		k, v, _ := strings.Cut(kv, "=")
		switch k {
		case "pid":
			e.PID, _ = strconv.Atoi(v)
		case "started":
			e.Started, _ = time.Parse(time.RFC3339, v)
		case "command":
			e.Command = v
		}
	}
	if e.PID > 0 && !alive(e.PID) {
		// the card of a watcher that was killed: whoever holds the lock
		// now wrote none (flock(1), a backup tool)
		e.PID, e.Command, e.Started = 0, "", time.Time{}
	}
	return e
}

// Release gives the lock up, emptying its card first so that a process
// refused later by another holder (one that writes no card) is not told
// this one's pid. A holder is known only by the flock, never by the file's
// content: the card is a hint for the refused process's message.
func (l *Lock) Release() error {
	if l == nil || l.f == nil {
		return nil
	}
	_ = l.f.Truncate(0)
	err := unlock(l.f)
	if cerr := l.f.Close(); err == nil {
		err = cerr
	}
	l.f = nil
	if err != nil {
		return fmt.Errorf("snapshot: unlock %s: %w", l.path, err)
	}
	return nil
}
