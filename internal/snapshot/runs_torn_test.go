package snapshot

import (
	"os"
	"testing"
	"time"
)

// A reader that sees a run record while a run overwrites it in place gets
// a mix of the old and the new record's bytes, cut anywhere: it reads as
// the old record, the new one or none, never as a record nobody wrote (a
// time made of digits of both).
func TestRunRecordTornReadIsNone(t *testing.T) {
	s, err := Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t1 := time.Date(2026, 12, 2, 3, 0, 0, 0, time.UTC)
	t2 := time.Date(2026, 12, 2, 4, 59, 0, 0, time.UTC)
	record := func(at time.Time, outcome string) ([]byte, RunRecord) {
		t.Helper()
		if err := s.RecordRun("acme", at, outcome); err != nil {
			t.Fatal(err)
		}
		b, err := os.ReadFile(s.RunPath("acme"))
		if err != nil {
			t.Fatal(err)
		}
		rec, ok, err := s.PeekRun("acme")
		if !ok || err != nil {
			t.Fatalf("record of %s does not read back: %v", at, err)
		}
		return b, rec
	}
	oldB, oldRec := record(t1, RunOK)
	newB, newRec := record(t2, RunFailed)
	if len(oldB) != recordSize || len(newB) != recordSize {
		t.Fatalf("records of %d and %d bytes, want %d", len(oldB), len(newB), recordSize)
	}
	wrong := 0
	for k := 0; k <= recordSize; k++ {
		for _, mix := range [][]byte{append(append([]byte{}, newB[:k]...), oldB[k:]...), append(append([]byte{}, oldB[:k]...), newB[k:]...)} {
			if err := os.WriteFile(s.RunPath("acme"), mix, 0o644); err != nil {
				t.Fatal(err)
			}
			rec, ok, err := s.PeekRun("acme")
			if err != nil {
				t.Fatal(err)
			}
			if ok && rec != oldRec && rec != newRec {
				if wrong++; wrong <= 3 {
					t.Errorf("a torn record (cut at %d) reads as one nobody wrote: %+v", k, rec)
				}
			}
		}
	}
	if wrong > 3 {
		t.Errorf("%d torn records read as ones nobody wrote", wrong)
	}
}
