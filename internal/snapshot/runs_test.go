package snapshot

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestRunRecord(t *testing.T) {
	s, err := Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	if _, ok, err := s.PeekRun("acme"); ok || err != nil {
		t.Fatalf("no record yet: ok %v, %v", ok, err)
	}
	t1 := time.Date(2026, 1, 2, 3, 4, 5, 0, time.FixedZone("x", 3600))
	if err := s.RecordRun("acme", t1, RunOK); err != nil {
		t.Fatal(err)
	}
	rec, ok, err := s.PeekRun("acme")
	if !ok || err != nil || !rec.LastRun.Equal(t1) || !rec.LastSuccess.Equal(t1) || rec.Outcome != RunOK {
		t.Fatalf("after an ok run: %+v %v %v", rec, ok, err)
	}
	for i, outcome := range []string{RunFailed, RunSuspicious} {
		at := t1.Add(time.Duration(i+1) * time.Hour)
		if err := s.RecordRun("acme", at, outcome); err != nil {
			t.Fatal(err)
		}
		rec, ok, err = s.PeekRun("acme")
		if !ok || err != nil || !rec.LastRun.Equal(at) || !rec.LastSuccess.Equal(t1) || rec.Outcome != outcome {
			t.Fatalf("after a %s run: %+v %v %v", outcome, rec, ok, err)
		}
	}
	if err := s.RecordRun("acme", t1, "maybe"); err == nil || !strings.Contains(err.Error(), `"acme"`) {
		t.Fatalf("unknown outcome: %v", err)
	}
	// never committed: transient for recovery, listed in .gitignore
	if !Transient(s.RunPath("acme")) || Transient(s.PostingPath("runs", "acme")) {
		t.Fatal("Transient does not tell the run record")
	}
	files, err := s.Files()
	if err != nil || slices.Contains(files, s.RunPath("acme")) {
		t.Fatalf("Files lists the run record: %v %v", files, err)
	}
	ig, err := os.ReadFile(s.IgnorePath())
	if err != nil || !strings.Contains(string(ig), "\n/.watcher/runs/\n") {
		t.Fatalf(".gitignore: %v\n%s", err, ig)
	}
	// a record that does not decode is none (the next run replaces it)
	if err := os.WriteFile(s.RunPath("acme"), []byte("{"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, ok, err := s.PeekRun("acme"); ok || err != nil {
		t.Fatalf("corrupt record: ok %v, %v", ok, err)
	}
	if err := s.RecordRun("acme", t1, RunFailed); err != nil {
		t.Fatal(err)
	}
	if rec, ok, _ := s.PeekRun("acme"); !ok || !rec.LastSuccess.IsZero() || rec.Outcome != RunFailed {
		t.Fatalf("replaced corrupt record: %+v", rec)
	}
}

// A .gitignore written before there were run records (with the lock's
// line, without a last newline) gets their line at the next write phase,
// once.
func TestIgnoreFileGetsTheRunRecords(t *testing.T) {
	s, err := Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	old := "# written by careers-watcher: files of a run in progress, never committed\n.tmp-*\n/.watcher/run-in-progress\n/.watcher/lock"
	if err := os.WriteFile(s.IgnorePath(), []byte(old), 0o644); err != nil {
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
	b, err := os.ReadFile(s.IgnorePath())
	if want := old + "\n" + ignoreRuns; err != nil || string(b) != want {
		t.Fatalf(".gitignore:\n%s\nwant:\n%s", b, want)
	}
}

// A run record is overwritten in place (the same file, its length fixed),
// except one longer than a record or a symbolic link, which is replaced:
// every outcome decodes to the last record written, and a link's target is
// never written through.
func TestRunRecordOverwrite(t *testing.T) {
	s, err := Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t1 := time.Date(2026, 1, 2, 3, 4, 5, 123456789, time.UTC)
	check := func(what string, at time.Time, outcome string) {
		t.Helper()
		rec, ok, err := s.PeekRun("acme")
		if !ok || err != nil || !rec.LastRun.Equal(at) || rec.Outcome != outcome {
			t.Fatalf("%s: %+v %v %v", what, rec, ok, err)
		}
		if b, _ := os.ReadFile(s.RunPath("acme")); len(b) != recordSize {
			t.Fatalf("%s: the record has %d bytes, want %d", what, len(b), recordSize)
		}
	}
	if err := s.RecordRun("acme", t1, RunOK); err != nil {
		t.Fatal(err)
	}
	check("first", t1, RunOK)
	before, _ := os.Stat(s.RunPath("acme"))
	t2 := t1.Add(time.Hour).Truncate(time.Second) // a shorter time: nothing of the longer one stays
	if err := s.RecordRun("acme", t2, RunFailed); err != nil {
		t.Fatal(err)
	}
	check("overwritten", t2, RunFailed)
	if after, _ := os.Stat(s.RunPath("acme")); !os.SameFile(before, after) {
		t.Fatal("the record was replaced, not overwritten in place")
	}

	// a longer file there (not a record of ours): replaced
	if err := os.WriteFile(s.RunPath("acme"), []byte(strings.Repeat("x", 3*recordSize)), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := s.RecordRun("acme", t1, RunOK); err != nil {
		t.Fatal(err)
	}
	check("after a longer file", t1, RunOK)

	// a symbolic link there (review F19): refused, naming it, its target
	// untouched and the link left for the user to look at
	target := filepath.Join(t.TempDir(), "elsewhere")
	if err := os.WriteFile(target, []byte("keep\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	os.Remove(s.RunPath("acme"))
	if err := os.Symlink(target, s.RunPath("acme")); err != nil {
		t.Fatal(err)
	}
	if err := s.RecordRun("acme", t2, RunOK); err == nil || !strings.Contains(err.Error(), s.RunPath("acme")+" is a symbolic link: refused") {
		t.Fatalf("a record that is a symbolic link: %v, want it refused", err)
	}
	if _, _, err := s.PeekRun("acme"); err == nil {
		t.Fatal("a record that is a symbolic link was read")
	}
	if b, _ := os.ReadFile(target); string(b) != "keep\n" {
		t.Fatalf("the link's target was written: %q", b)
	}
	if fi, _ := os.Lstat(s.RunPath("acme")); fi.Mode()&os.ModeSymlink == 0 {
		t.Fatal("the symbolic link was replaced")
	}
}
