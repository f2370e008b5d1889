package snapshot

import (
	"context"
	"errors"
	"strings"
	"testing"
)

// A process refused the lock without --wait says it did not wait, not
// "waited 62µs" (the time of its one try).
func TestLockRefusedWithoutWaitSaysSo(t *testing.T) {
	dir := t.TempDir()
	l, err := AcquireLock(context.Background(), dir, 0, "run", nil)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Release()
	var busy *BusyError
	_, err = AcquireLock(context.Background(), dir, 0, "run", nil)
	if !errors.As(err, &busy) {
		t.Fatalf("second holder: %v", err)
	}
	if busy.Waited != 0 || strings.Contains(err.Error(), "waited") || !strings.Contains(err.Error(), "did not wait") {
		t.Errorf("refused without a wait: %q (waited %s)", err, busy.Waited)
	}
}
