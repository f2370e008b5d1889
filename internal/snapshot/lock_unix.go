//go:build unix

package snapshot

import (
	"errors"
	"os"
	"syscall"
)

var errBusy = errors.New("locked by another process")

// tryLock takes an exclusive flock on f without blocking; errBusy when
// another open file holds it.
func tryLock(f *os.File) error {
	for {
		err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
		switch {
		case err == nil:
			return nil
		case errors.Is(err, syscall.EINTR):
			continue
		case errors.Is(err, syscall.EWOULDBLOCK):
			return errBusy
		}
		return err
	}
}

func unlock(f *os.File) error { return syscall.Flock(int(f.Fd()), syscall.LOCK_UN) }

// alive reports whether a process with that pid exists (EPERM: one of
// another user). A pid reused since is reported alive: the card is a hint.
func alive(pid int) bool {
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}
