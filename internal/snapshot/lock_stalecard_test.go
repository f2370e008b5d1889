//go:build unix

package snapshot

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
)

// holdFlock takes the folder's lock the way a non-watcher does (flock(1),
// a backup tool): it writes no card.
func holdFlock(t *testing.T, dir string) {
	t.Helper()
	f, err := os.OpenFile(filepath.Join(dir, StateDir, LockName), os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		t.Fatal(err)
	}
}

// A watcher that released the lock leaves no card: a process refused later
// by a holder that writes none is not told the finished watcher's pid.
func TestLockReleasedLeavesNoCard(t *testing.T) {
	dir := t.TempDir()
	l, err := AcquireLock(context.Background(), dir, 0, "run", nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := l.Release(); err != nil {
		t.Fatal(err)
	}
	holdFlock(t, dir)
	var busy *BusyError
	_, err = AcquireLock(context.Background(), dir, 0, "run", nil)
	if !errors.As(err, &busy) || busy.PID != 0 || busy.Command != "" || !strings.Contains(err.Error(), "in use by another process") {
		t.Fatalf("refused by a card-less holder: %v", err)
	}
}

// The card of a watcher that was killed (it could not empty it) names a
// pid that no longer runs: the message does not name it.
func TestLockCardOfADeadProcessIsNotNamed(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, StateDir), 0o755); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("true")
	if err := cmd.Run(); err != nil {
		t.Skipf("no true(1): %v", err)
	}
	dead := cmd.Process.Pid // waited for: no longer a process
	card := "pid=" + strconv.Itoa(dead) + " started=2026-01-02T03:04:05Z command=run\n"
	if err := os.WriteFile(filepath.Join(dir, StateDir, LockName), []byte(card), 0o644); err != nil {
		t.Fatal(err)
	}
	holdFlock(t, dir)
	var busy *BusyError
	_, err := AcquireLock(context.Background(), dir, 0, "run", nil)
	if !errors.As(err, &busy) || busy.PID != 0 || strings.Contains(err.Error(), strconv.Itoa(dead)) {
		t.Fatalf("refused with a dead holder's card: %v", err)
	}
	// a live pid on the card is still named (this test process)
	live := "pid=" + strconv.Itoa(os.Getpid()) + " command=daemon\n"
	if err := os.WriteFile(filepath.Join(dir, StateDir, LockName), []byte(live), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := AcquireLock(context.Background(), dir, 0, "run", nil); !errors.As(err, &busy) || busy.PID != os.Getpid() || busy.Command != "daemon" {
		t.Fatalf("refused with a live holder's card: %v", err)
	}
}
