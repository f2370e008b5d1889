package snapshot

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

// A run record written by a build before sums has no Sum: readers take
// it as none, but a failed run after the upgrade keeps its last success
// (the writer reads its own record with the writer lock held).
func TestRunRecordWithoutSumKeepsLastSuccess(t *testing.T) {
	s, err := Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	success := time.Date(2026, 11, 30, 6, 0, 0, 0, time.UTC)
	old := `{"last_run":"2026-11-30T06:00:00Z","last_success":"2026-11-30T06:00:00Z","outcome":"ok"}` + "\n"
	if err := os.MkdirAll(filepath.Dir(s.RunPath("acme")), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(s.RunPath("acme"), []byte(old), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, ok, err := s.PeekRun("acme"); ok || err != nil {
		t.Fatalf("a record without a sum reads as ok=%v err=%v for a reader, want none", ok, err)
	}
	failed := time.Date(2026, 12, 2, 6, 0, 0, 0, time.UTC)
	if err := s.RecordRun("acme", failed, RunFailed); err != nil {
		t.Fatal(err)
	}
	rec, ok, err := s.PeekRun("acme")
	if !ok || err != nil {
		t.Fatalf("the new record does not read: ok=%v err=%v", ok, err)
	}
	if !rec.LastSuccess.Equal(success) || !rec.LastRun.Equal(failed) || rec.Outcome != RunFailed {
		t.Errorf("record after a failed run = %+v, want last success %s kept", rec, success)
	}
}
