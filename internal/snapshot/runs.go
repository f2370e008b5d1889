package snapshot

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"hash/crc32"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/careers-watcher/careers-watcher/internal/atomicfile"
)

// The run record: per source, when its last run ended, when its last
// successful run ended and how the last run went. A quiet run commits
// nothing, so git cannot tell when a source was last run; this file can.
// It lives in .watcher/runs/<source>.json, is local to the machine (the
// snapshot repository's .gitignore lists it, it is never committed and
// never makes `git status` dirty), and a fresh clone has none until its
// first run.

// Outcomes of a source's run in a RunRecord.
const (
	RunOK         = "ok"
	RunFailed     = "failed"
	RunSuspicious = "suspicious"
)

// runsDir is the folder of the run records, inside StateDir.
const runsDir = "runs"

// ignoreRuns is the .gitignore line of the run records.
const ignoreRuns = "/" + StateDir + "/" + runsDir + "/\n"

// RunRecord is a source's last run.
type RunRecord struct {
	LastRun     time.Time `json:"last_run"`              // when the last run of the source ended
	LastSuccess time.Time `json:"last_success,omitzero"` // when the last successful run ended (zero: none yet)
	Outcome     string    `json:"outcome"`               // RunOK, RunFailed or RunSuspicious
	// NextRun is when the daemon that made the run starts the source's
	// next run (its schedule's next time plus the source's jitter); zero
	// for a run the daemon did not make (watcher run, a CI job).
	NextRun time.Time `json:"next_run,omitzero"`
	// Sum is the CRC-32 (IEEE, hex) of the record's indented JSON
	// without it: a record read while it was overwritten in place (see
	// writeRecord) is a mix of two that may decode, and fails its sum.
	Sum string `json:"sum,omitempty"`
}

// recordSum is the Sum of rec (its own Sum left out).
func recordSum(rec RunRecord) (string, error) {
	rec.Sum = ""
	b, err := json.MarshalIndent(rec, "", " ")
	if err != nil {
		return "", err
	}
	return fmt.Sprintf("%08x", crc32.ChecksumIEEE(b)), nil
}

// RunPath is the run record of a source (local, never committed).
func (s *Store) RunPath(source string) string {
	return filepath.Join(s.Dir, StateDir, runsDir, source+".json")
}

// isRunRecord reports whether path is a run record.
func isRunRecord(path string) bool {
	dir := filepath.Dir(path)
	return filepath.Base(dir) == runsDir && filepath.Base(filepath.Dir(dir)) == StateDir
}

// RecordRun writes a source's run record at the end of a run that ended
// at with outcome: the last run is at, and the last success too when the
// outcome is RunOK (else the previous one is kept). The write is atomic
// (not synced: see below); the record is never committed.
func (s *Store) RecordRun(source string, at time.Time, outcome string) error {
	return s.RecordRunNext(source, at, outcome, time.Time{})
}

// RecordRunNext is RecordRun for a run the daemon made, which starts the
// source's next run at next (zero: not known).
func (s *Store) RecordRunNext(source string, at time.Time, outcome string, next time.Time) error {
	switch outcome {
	case RunOK, RunFailed, RunSuspicious:
	default:
		return fmt.Errorf("snapshot: run record of source %q: unknown outcome %q", source, outcome)
	}
	var rec RunRecord
	if outcome != RunOK { // the last success stays as it was
		var err error
		// The writer's own read: a record of a build before sums (no
		// Sum) keeps its last success; nobody overwrites it meanwhile.
		if rec, _, err = s.readRun(source, false); err != nil {
			return err
		}
	}
	rec.LastRun, rec.Outcome, rec.NextRun = at.UTC(), outcome, time.Time{}
	if !next.IsZero() {
		rec.NextRun = next.UTC()
	}
	if outcome == RunOK {
		rec.LastSuccess = rec.LastRun
	}
	rec.Sum = ""
	sum, err := recordSum(rec)
	if err != nil {
		return fmt.Errorf("snapshot: run record of source %q: %w", source, err)
	}
	rec.Sum = sum
	b, err := json.MarshalIndent(rec, "", " ")
	if err != nil {
		return fmt.Errorf("snapshot: run record of source %q: %w", source, err)
	}
	// Atomic, but without fsyncs (a run writes one per source): a power
	// loss may take back the last record, or leave one that does not
	// decode, which reads as none until the next run writes it again.
	// In a held folder (HoldFolders) a record of the same length is
	// overwritten relative to it: no path walk, and the file opened with
	// O_NOFOLLOW as overwriteRecord opens it.
	data := append(b, '\n')
	if padded, ok := padRecord(data); ok && canOverwrite {
		if written, held := s.overwriteHeld(s.RunPath(source), padded); held && written {
			return nil
		}
	}
	if err := atomicfile.CheckPath(s.Dir, s.RunPath(source)); err != nil {
		return fmt.Errorf("snapshot: run record of source %q: %w", source, err)
	}
	if err := writeRecord(s.RunPath(source), data); err != nil {
		return fmt.Errorf("run record of source %q: %w", source, err)
	}
	return nil
}

// PeekRun reads a source's run record for a reader (status, serve):
// ok is false when there is none (no run on this machine yet, an older
// folder, a fresh clone), or it does not decode or fails its Sum (read
// while a run overwrote it, cut by a power loss, or written by a build
// before sums: the next run replaces it); the error is a failed read.
func (s *Store) PeekRun(source string) (rec RunRecord, ok bool, err error) {
	return s.readRun(source, true)
}

// readRun reads a source's run record; a record without a Sum is
// accepted unless sumRequired.
func (s *Store) readRun(source string, sumRequired bool) (rec RunRecord, ok bool, err error) {
	b, err := s.readFile(s.RunPath(source))
	if errors.Is(err, fs.ErrNotExist) {
		return RunRecord{}, false, nil
	}
	if err != nil {
		return RunRecord{}, false, fmt.Errorf("snapshot: run record of source %q: %w", source, err)
	}
	if err := json.Unmarshal(b, &rec); err != nil || rec.LastRun.IsZero() || (rec.Sum == "" && sumRequired) {
		return RunRecord{}, false, nil
	}
	if sum, err := recordSum(rec); rec.Sum != "" && (err != nil || sum != rec.Sum) {
		return RunRecord{}, false, nil
	}
	rec.Sum = ""
	return rec, true, nil
}

// recordSize is the length of a run record on disk: the JSON, spaces, a
// newline (JSON allows trailing space). A record of the same length can be
// overwritten in place.
const recordSize = 256

// writeRecord writes a run record. One that exists is overwritten in place
// by one write of recordSize bytes at its start (a record is never longer:
// nothing of the old one stays): a process killed at any point leaves the
// old record or the new one, as a rename would, without the rename's cost
// (ext4 starts writing back a file renamed over another: 170 µs each, a
// tenth of a quiet cycle of 1,000 sources). A reader at the same moment
// may see a mix of the two: both are JSON padded to the same length, so a
// mix can decode (a time made of digits of both); its Sum then does not
// match (but once in 2^32) and PeekRun reads it as none, as after a power
// loss. A new record (or one of another length, or where a
// symbolic link is) is a temporary file named after it (the writer lock
// makes that name this run's), then a rename. No fsync, no chmod, the
// folder made only when missing: a run writes one per source.
func writeRecord(path string, data []byte) error {
	if padded, ok := padRecord(data); ok {
		data = padded
		if overwriteRecord(path, data) {
			return nil
		}
	}
	tmp := filepath.Join(filepath.Dir(path), atomicfile.TempPrefix+filepath.Base(path))
	f, err := os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if errors.Is(err, fs.ErrNotExist) {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return err
		}
		f, err = os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	}
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		os.Remove(tmp)
	}
	return err
}

// padRecord is a record's JSON padded with spaces to recordSize bytes; ok
// is false when it is not shorter than that.
func padRecord(data []byte) (padded []byte, ok bool) {
	if len(data) >= recordSize {
		return nil, false
	}
	padded = make([]byte, recordSize)
	n := copy(padded, bytes.TrimRight(data, "\n"))
	for i := n; i < recordSize-1; i++ {
		padded[i] = ' '
	}
	padded[recordSize-1] = '\n'
	return padded, true
}

// overwriteRecord writes data (recordSize bytes) over the existing record
// at path when it is a regular file not longer than that, reached without
// a symbolic link. It reports whether it did; false leaves the file as it
// was or, after a failed write, to be replaced.
func overwriteRecord(path string, data []byte) bool {
	if !canOverwrite {
		return false
	}
	return rawOverwrite(path, data)
}
