package snapshot

import (
	"time"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// Backend is what the pipeline (internal/watch) and the readers (serve,
// status, report) need of where the snapshots live, and nothing of how: a
// source's current postings with their stamps and hashes (the Index), its
// health (in the Index too), its HTTP validators and adapter state, and a
// write phase whose changes become the truth together. *Store, the folder
// of files committed to git, is the one implementation; a database (issue
// 14: sources, postings as JSONB with hash and stamps, versions, source
// health) implements the same methods.
//
// A string a write returns is what the run's commit must take (a path for
// the files; "" when nothing was written): the pipeline collects them and
// commits them with the events' outbox entries, in one git commit for the
// files, in one transaction for a database.
//
// Not in it, because they belong to the files and git: the paths handed
// to gitrepo (PostingPath for the committed copy, IgnorePath, Files for
// recovery), the writer lock (AcquireLock on the folder), and the
// outbox folder (OutboxDir, which notify.Outbox owns inside).
type Backend interface {
	Reader

	// CheckSourceDir refuses a source whose storage cannot be written
	// safely (for the files: a folder that is a symbolic link).
	CheckSourceDir(source string) error
	// LoadIndex is a source's state for the pipeline, rebuilt from the
	// postings when lost or unreadable, with fresh counters and
	// Index.Rebuilt set (the pipeline saves it before the events whose
	// ids it numbers); HasIndex says whether one is stored.
	LoadIndex(source string) (Index, error)
	HasIndex(source string) bool
	// Read is the stored version of a posting (and its canonical bytes);
	// Exists says whether there is one.
	Read(source, id string) (model.Posting, []byte, error)
	Exists(source, id string) bool
	LoadValidators(source string) []byte
	LoadAdapterState(source string) []byte

	// The write phase: BeginWrite marks a run as writing, EndWrite as
	// committed; Interrupted reports a write phase that never ended (the
	// next run finishes it before anything else).
	BeginWrite() error
	EndWrite() error
	Interrupted() (bool, time.Time)
	WritePosting(source, id string, data []byte) (string, error)
	RemovePosting(source, id string) (string, error)
	// WriteReadme keeps the human-readable view of a source's postings
	// (the files' README.md; a database has none and returns nothing).
	WriteReadme(source string, writes map[string][]byte, removes []string, idx Index) ([]string, error)
	SaveIndex(source string, idx Index) (string, error)
	SaveValidators(source string, data []byte) (string, error)
	SaveAdapterState(source string, data []byte) (string, bool, error)
}

// Reader is what the read-only commands and the web views need: nothing
// is created, rebuilt or written.
type Reader interface {
	// Sources lists the sources that have stored postings, sorted.
	Sources() ([]string, error)
	HasSource(source string) bool
	// Postings are a source's open postings, sorted by id; Lookup is one.
	Postings(source string) ([]model.Posting, error)
	Lookup(source, id string) (model.Posting, bool, error)
	// PeekIndex is a source's stored state and health, never rebuilt.
	PeekIndex(source string) (Index, error)
	// Version changes whenever a source's postings or state change.
	Version(source string) string
}

var _ Backend = (*Store)(nil)
