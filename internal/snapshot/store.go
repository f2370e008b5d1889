package snapshot

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/careers-watcher/careers-watcher/internal/atomicfile"
	"github.com/careers-watcher/careers-watcher/internal/model"
)

// Store is a snapshot directory.
type Store struct {
	Dir string // absolute

	seenMu sync.Mutex
	seen   map[string]seenFile // state files as last read (readSeen)

	heldMu sync.Mutex
	held   *heldDirs // the folders a run holds (HoldFolders; nil on other systems)

	// ignoreWritten: this Store wrote the folder's .gitignore (made it,
	// or added lines to an older one); see IgnoreWritten.
	ignoreWritten atomic.Bool
}

// IgnoreWritten reports whether this Store wrote the folder's .gitignore
// (Open made it, or BeginWrite added lines to an older one): only then can
// it differ from the committed one because of the watcher, and a run with
// nothing else to commit must look (it need not read HEAD's copy on every
// quiet run).
func (s *Store) IgnoreWritten() bool { return s.ignoreWritten.Load() }

// Open makes the snapshot directory if needed. It refuses a folder whose
// own files are symbolic links (CheckLinks), and confines every write
// under it (atomicfile.Confine: no symbolic link on a written path).
func Open(dir string) (*Store, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, fmt.Errorf("snapshot: %w", err)
	}
	s := &Store{Dir: abs}
	if err := s.CheckLinks(); err != nil {
		return nil, err
	}
	atomicfile.Confine(abs)
	if err := os.MkdirAll(filepath.Join(abs, StateDir), 0o755); err != nil {
		return nil, fmt.Errorf("snapshot: %w", err)
	}
	if _, err := os.Stat(s.IgnorePath()); errors.Is(err, fs.ErrNotExist) {
		if err := WriteFile(s.IgnorePath(), []byte(ignoreFile)); err != nil {
			return nil, err
		}
		s.ignoreWritten.Store(true)
	}
	return s, nil
}

const ignoreFile = `# written by careers-watcher: files of a run in progress, never committed
.tmp-*
/.watcher/run-in-progress
` + ignoreLock + ignoreRuns

// ignoreLock is the line of the writer lock, added to the .gitignore of a
// folder made before there was a lock.
const ignoreLock = "/.watcher/" + LockName + "\n"

// ignoreRules are the lines of ignoreFile that the folder's .gitignore
// must have, whoever wrote it.
var ignoreRules = []string{".tmp-*\n", "/" + StateDir + "/" + markerName + "\n", ignoreLock, ignoreRuns}

// ignoreAdded heads the lines added to a .gitignore the watcher did not
// write (the folder's own, from before the first run).
const ignoreAdded = "# added by careers-watcher: files of a run in progress and run records, never committed\n"

// ensureIgnore adds the lines of ignoreRules that a .gitignore lacks, once,
// after its own lines, which stay as they are: one of an older version
// (no lock or run records line), or the folder's own, there before the
// first run (no line of the watcher's: Open writes the file only when
// there is none). It writes the file when it is gone.
func (s *Store) ensureIgnore() error {
	b, err := s.readFile(s.IgnorePath())
	if errors.Is(err, fs.ErrNotExist) {
		s.ignoreWritten.Store(true)
		return WriteFile(s.IgnorePath(), []byte(ignoreFile))
	}
	if err != nil {
		return fmt.Errorf("snapshot: %w", err)
	}
	have := map[string]bool{}
	ours := false
	for _, l := range strings.Split(string(b), "\n") {
		l = strings.TrimRight(l, " \t\r")
		have[l+"\n"] = true
		ours = ours || strings.HasPrefix(l, "# written by careers-watcher") || strings.HasPrefix(l, "# added by careers-watcher")
	}
	var add []byte
	for _, l := range ignoreRules {
		if !have[l] {
			add = append(add, l...)
		}
	}
	if len(add) == 0 {
		return nil
	}
	if len(b) > 0 && b[len(b)-1] != '\n' {
		b = append(b, '\n')
	}
	if !ours {
		b = append(b, ignoreAdded...)
	}
	s.ignoreWritten.Store(true)
	return WriteFile(s.IgnorePath(), append(b, add...))
}

// IgnorePath is the .gitignore of the snapshot directory.
func (s *Store) IgnorePath() string { return filepath.Join(s.Dir, ".gitignore") }

// Transient reports whether path is a file that is never committed: one
// of a run in progress (a temporary file, the run marker or the writer
// lock) or a run record (local to the machine, see RecordRun).
func Transient(path string) bool {
	base := filepath.Base(path)
	state := filepath.Base(filepath.Dir(path)) == StateDir
	return atomicfile.IsTemp(base) || base == markerName || state && base == LockName || isRunRecord(path)
}

// PostingPath is the file of a posting.
func (s *Store) PostingPath(source, id string) string {
	return filepath.Join(s.Dir, source, FileName(id)+".json")
}

// IndexPath is the file of a source's index.
func (s *Store) IndexPath(source string) string {
	return filepath.Join(s.Dir, filepath.FromSlash(IndexRel(source)))
}

// IndexRel is where a source's index is inside the folder, slash-separated:
// for reading its committed copies through gitrepo.History, which answers
// with paths relative to the folder.
func IndexRel(source string) string { return StateDir + "/index/" + source + ".json" }

// AdapterStateRel is where a source's adapter state is inside the folder,
// slash-separated (see IndexRel).
func AdapterStateRel(source string) string { return StateDir + "/state/" + source + ".json" }

// PostingRel is where a posting's snapshot file is inside the folder,
// slash-separated (see IndexRel).
func PostingRel(source, id string) string { return source + "/" + PostingName(id) }

// ValidatorsPath is the file of a source's HTTP validators (ETag,
// Last-Modified) for conditional requests.
func (s *Store) ValidatorsPath(source string) string {
	return filepath.Join(s.Dir, StateDir, "http", source+".json")
}

// StatePath is the file of a source's adapter state (scrape.Stateful: for
// instance which listing interface an Eightfold tenant answers).
func (s *Store) StatePath(source string) string {
	return filepath.Join(s.Dir, filepath.FromSlash(AdapterStateRel(source)))
}

// OutboxDir is the folder of undelivered notifications.
func (s *Store) OutboxDir() string { return filepath.Join(s.Dir, StateDir, "outbox") }

// markerPath is the file that exists while a run is writing.
func (s *Store) markerPath() string { return filepath.Join(s.Dir, StateDir, markerName) }

const markerName = "run-in-progress"

// Index is the compact per-source state that lets a run with no change
// avoid reading snapshot files: per posting id, the platform's update stamp
// and the hash of the snapshot file.
type Index struct {
	Normalizer string `json:"normalizer"` // normalize.Normalizer.Version of the stored postings
	Generation int    `json:"generation"` // runs of this source that reported a change
	// Health: failed runs in a row, whether the listing is held as
	// suspicious, and a counter of source.* incidents (part of their event
	// ids).
	Failures   int  `json:"failures,omitempty"`
	Suspicious bool `json:"suspicious,omitempty"`
	Incidents  int  `json:"incidents,omitempty"`
	// FailedNotified: whether the failure streak's source.failed went
	// out (set on every failed run since session 29; nil in an index
	// written before, or with no streak): see Notified.
	FailedNotified *bool `json:"failed_notified,omitempty"`
	// PostedUTC: the index was saved by a watcher that reads posting
	// dates in UTC (normalizer rules 56 and later), so that the stored
	// postings' dates are UTC dates: an upgrade run gives no one-day
	// leeway to a posted date then (internal/watch samePosted). Not in
	// Same: a run that changes nothing else does not write the index (nor
	// commit it) for it alone; the next that writes it records it.
	PostedUTC bool `json:"posted_utc,omitempty"`
	// Names: the rule the source's posting files are named by
	// (NamesRule), set by a run that fetched the source and by the key
	// upgrade; 0 in an index written before session 30, whose keys with
	// capital letters may name files by the older rule (see hasOldKeys).
	// Not in Same, as PostedUTC.
	Names    int              `json:"names,omitempty"`
	Postings map[string]Entry `json:"postings"`
	// Rebuilt: LoadIndex found no index it could read and rebuilt this
	// one from the postings, with fresh counters (never stored).
	Rebuilt bool `json:"-"`
	// Unreadable: the index file LoadIndex rebuilt this one instead of
	// was there but not an index (torn, edited, a bad merge); never
	// stored. The pipeline warns and commits the rebuilt one.
	Unreadable bool `json:"-"`
	// Broken: the names of the posting files of the source's folder that
	// a rebuild could not decode (torn, edited, a bad merge): their
	// postings are not in Postings, and only their history can tell what
	// they were (never stored).
	Broken []string `json:"-"`
	// StateVersion: a database store's version of the source's state that
	// LoadIndex read this index at; the run's SaveIndex hands it back, so
	// that the write is checked against what this run read, not another
	// run's read of the same source (pgstore; nil in the files store;
	// never stored).
	StateVersion *int64 `json:"-"`
}

// Same reports whether two indexes hold the same stored state (every
// field but PostedUTC and Names, and Rebuilt and Unreadable, which are never stored): a run that leaves its index
// the same need not encode and write it.
func (a Index) Same(b Index) bool {
	return a.Normalizer == b.Normalizer && a.Generation == b.Generation && a.Failures == b.Failures &&
		(a.FailedNotified == nil) == (b.FailedNotified == nil) && (a.FailedNotified == nil || *a.FailedNotified == *b.FailedNotified) &&
		a.Suspicious == b.Suspicious && a.Incidents == b.Incidents && maps.Equal(a.Postings, b.Postings)
}

// Entry is one posting in an Index.
type Entry struct {
	Stamp   string `json:"stamp,omitempty"`
	Hash    string `json:"hash"`
	Missing int    `json:"missing,omitempty"` // successful runs in a row it was missing from (removal debounce)
	// FileMoved: a run stopped after it rewrote or removed the posting's
	// snapshot file and before it saved this index, and the next run's
	// recovery committed the file as the stopped run left it: the file
	// (and HEAD) may hold a version Hash does not name. The next run that
	// fetches the posting compares it with the file, never keeps it by its
	// stamp, and the entry it saves is plain again. Set only by a recovery
	// (never in an index a completed run saved).
	FileMoved bool `json:"file_moved,omitempty"`
	// Size is the length of the snapshot file of the version Hash names,
	// in bytes: a run that keeps the posting without reading its file
	// (by its stamp) stats the file, and reads it when its size is
	// another (an unreadable file is rewritten). 0: not recorded (an
	// index saved before sizes were, or a database's), then the file is
	// read once to record it.
	Size int64 `json:"size,omitempty"`
	// Unsaved: a run stopped after it recorded the posting's 'added'
	// event and wrote its file, before it saved this index, and the next
	// run's recovery committed both and recorded the posting here (Hash:
	// its file's). A run that lists it reports it added, as the stopped
	// run did (the same event id); one that does not counts it missing and
	// removes it, as any posting, so that the file does not stay for good.
	// Set only by a recovery.
	Unsaved bool `json:"unsaved,omitempty"`
}

// LoadIndex reads a source's index. When there is none (first run, or state
// lost) it is rebuilt from the snapshot files, so deleting .watcher never
// makes every posting look new.
func (s *Store) LoadIndex(source string) (Index, error) {
	b, err := s.readFile(s.IndexPath(source))
	unreadable := false
	if err == nil {
		if idx, ok := DecodeIndex(b); ok {
			return idx, nil
		}
		// a corrupt index is rebuilt from the files, which are the truth
		unreadable = true
	} else if !errors.Is(err, fs.ErrNotExist) {
		return Index{}, fmt.Errorf("snapshot: %w", err)
	}
	idx, err := s.rebuildIndex(source)
	idx.Unreadable = unreadable && err == nil
	return idx, err
}

func (s *Store) rebuildIndex(source string) (Index, error) {
	// The counters that go into event ids start past any value the lost
	// index can have held, so a rebuilt state never repeats an old id.
	fresh := int(time.Now().Unix())
	idx := Index{Generation: fresh, Incidents: fresh, Postings: map[string]Entry{}, Rebuilt: true}
	dir := filepath.Join(s.Dir, source)
	ents, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return idx, nil
	}
	if err != nil {
		return Index{}, fmt.Errorf("snapshot: %w", err)
	}
	for _, e := range ents {
		name := e.Name()
		if e.IsDir() || !strings.HasSuffix(name, ".json") || strings.HasPrefix(name, ".") {
			continue
		}
		b, err := s.readFile(filepath.Join(dir, name))
		if err != nil {
			return Index{}, fmt.Errorf("snapshot: %w", err)
		}
		p, ok := OwnFile(source, name, b, nil) // an older rule's name counts
		if !ok {
			if d, err := model.Decode(b); IsPostingName(name) && (err != nil || strings.TrimSpace(d.ID) == "") {
				idx.Broken = append(idx.Broken, name)
			}
			continue // not ours, or not readable
		}
		size := int64(len(b))
		if PostingName(p.ID) != name {
			if _, dup := idx.Postings[p.ID]; dup {
				continue // the file named after the key is it
			}
			// its id was rewritten to its key: the hash of the posting
			if c, err := model.Encode(p); err == nil {
				b = c
			}
			size = 0 // its file is not written yet
		}
		idx.Postings[p.ID] = Entry{Hash: model.Hash(b), Size: size}
	}
	return idx, nil
}

// SaveIndex writes a source's index (canonical: sorted keys, indented).
func (s *Store) SaveIndex(source string, idx Index) (string, error) {
	b, err := json.MarshalIndent(idx, "", " ")
	if err != nil {
		return "", fmt.Errorf("snapshot: %w", err)
	}
	p := s.IndexPath(source)
	if old, err := s.readFile(p); err == nil && bytes.Equal(old, append(b, '\n')) {
		return p, nil
	}
	// The snapshots it describes are durable before it is (see batch.go).
	if err := s.Sync(); err != nil {
		return "", err
	}
	return p, writeDurable(p, append(b, '\n'))
}

// ErrUnreadable: a posting's snapshot file is there but is not a
// snapshot (torn, edited, a bad merge): Read and Lookup wrap it with the
// file's path and the decoder's error.
var ErrUnreadable = errors.New("unreadable snapshot file")

// Read loads the stored snapshot of a posting.
func (s *Store) Read(source, id string) (model.Posting, []byte, error) {
	p := s.PostingPath(source, id)
	b, err := s.readFile(p)
	if err != nil {
		return model.Posting{}, nil, fmt.Errorf("snapshot: %w", err)
	}
	post, err := model.Decode(b)
	if err != nil {
		return model.Posting{}, nil, fmt.Errorf("snapshot: %s: %w: %w", p, ErrUnreadable, err)
	}
	if err := sameIdentity(source, id, post); err != nil {
		return model.Posting{}, nil, fmt.Errorf("snapshot: %s: %w: %w", p, ErrUnreadable, err)
	}
	return post, b, nil
}

// sameIdentity checks that a decoded snapshot file is the posting its
// name says: a file holding another posting (its "id" or "source"
// another: a copy over the wrong file, an edit, a bad merge) is no
// version of this one, and is taken as unreadable (rewritten from the
// fetched posting, compared with its last good committed copy) rather
// than as a hand edit to keep.
func sameIdentity(source, id string, p model.Posting) error {
	if p.Source != "" && p.Source != source {
		return fmt.Errorf("it holds a posting of source %q", p.Source)
	}
	if k := StoredKey(p.ID, nil); k != id && PostingName(k) != PostingName(id) {
		return fmt.Errorf("it holds posting %q", p.ID)
	}
	return nil
}

// Holds reads a posting's snapshot file to tell whether it holds the
// version whose content hash is hash; size is the file's length (0 when
// it cannot be read).
func (s *Store) Holds(source, id, hash string) (size int64, ok bool) {
	b, err := s.readFile(s.PostingPath(source, id))
	if err != nil {
		return 0, false
	}
	return int64(len(b)), model.Hash(b) == hash
}

// Sizes answers the length of a posting's snapshot file (there: it is a
// regular file), from one read of the source's folder made at the first
// question: its names and a stat of each ".json" file relative to the
// open folder (listSizes). A folder that cannot be listed is asked file
// by file.
func (s *Store) Sizes(source string) func(id string) (size int64, there bool) {
	l := s.SizeList(source)
	return l.Size
}

// SizeList is Sizes with the listing it made kept (Names).
type SizeList struct {
	dir, source string
	s           *Store
	listed, ok  bool
	sizes       map[string]int64
}

// SizeList is a source's SizeList; nothing is read before its first
// question.
func (s *Store) SizeList(source string) *SizeList {
	return &SizeList{dir: s.SourceDir(source), source: source, s: s}
}

// folderListings counts the source folders SizeLists listed (see
// FolderListings).
var folderListings atomic.Int64

// FolderListings is how many times this process listed a source's folder
// for the sizes of its files: one per source and run is the design; a
// test holds a run to it (a listing per posting made a quiet run
// quadratic: review s32 F1).
func FolderListings() int64 { return folderListings.Load() }

// Size is the length of a posting's snapshot file (see Sizes).
func (l *SizeList) Size(id string) (int64, bool) {
	if !l.listed {
		l.listed = true
		folderListings.Add(1)
		l.sizes, l.ok = listSizes(l.dir)
	}
	if l.ok {
		// PostingName(id) without building the name when id is used as it
		// is: a map lookup through string(bytes) allocates nothing, and the
		// quiet cycle asks for every kept posting
		if len(id) <= maxPlainName && plain(id) {
			var buf [maxPlainName + len(".json")]byte
			name := append(append(buf[:0], id...), ".json"...)
			size, there := l.sizes[string(name)]
			return size, there
		}
		size, there := l.sizes[PostingName(id)]
		return size, there
	}
	fi, err := os.Lstat(l.s.PostingPath(l.source, id))
	if err != nil || !fi.Mode().IsRegular() {
		return 0, false
	}
	return fi.Size(), true
}

// Names are the names of the regular ".json" files of the folder, when a
// question (Size) listed it; ok is false when none did, or the folder could
// not be listed.
func (l *SizeList) Names() (names []string, ok bool) {
	if l == nil || !l.listed || !l.ok {
		return nil, false
	}
	names = make([]string, 0, len(l.sizes))
	for n := range l.sizes {
		names = append(names, n)
	}
	return names, true
}

// Exists reports whether the snapshot file of a posting is there.
func (s *Store) Exists(source, id string) bool {
	_, err := os.Stat(s.PostingPath(source, id))
	return err == nil
}

// CheckSourceDir refuses a source folder that is a symbolic link or not a
// folder (a missing one is fine: the first write makes it).
func (s *Store) CheckSourceDir(source string) error {
	dir := filepath.Join(s.Dir, source)
	fi, err := os.Lstat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return fmt.Errorf("snapshot: %w", err)
	case fi.Mode()&fs.ModeSymlink != 0:
		return fmt.Errorf("snapshot: folder %s is a symbolic link: refused (writes must stay inside the snapshot folder)", dir)
	case !fi.IsDir():
		return fmt.Errorf("snapshot: %s is not a folder: refused", dir)
	}
	return nil
}

// Sources lists the source folders present, sorted.
func (s *Store) Sources() ([]string, error) {
	ents, err := os.ReadDir(s.Dir)
	if err != nil {
		return nil, fmt.Errorf("snapshot: %w", err)
	}
	var out []string
	for _, e := range ents {
		if e.IsDir() && !strings.HasPrefix(e.Name(), ".") {
			out = append(out, e.Name())
		}
	}
	sort.Strings(out)
	return out, nil
}

// BeginWrite marks a run as writing; EndWrite clears the mark once the
// writes are committed. A mark found at start means the last run stopped in
// the middle: its files must be committed before anything else.
// BeginWrite also brings an older .gitignore up to date (it is committed
// with every commit), after the marker: a run that stops after rewriting it
// leaves the marker, and the next run's recovery commits it.
func (s *Store) BeginWrite() error {
	if err := writeDurable(s.markerPath(), []byte("1\n")); err != nil {
		return err
	}
	if err := s.ensureIgnore(); err != nil {
		return err
	}
	s.beginBatch()
	return nil
}

// EndWrite makes the run's files durable (see batch.go), then clears the
// mark.
func (s *Store) EndWrite() error {
	if err := s.endBatch(); err != nil {
		return err
	}
	if err := atomicfile.Remove(s.markerPath()); err != nil {
		return fmt.Errorf("snapshot: %w", err)
	}
	return nil
}

// Interrupted reports whether the last run stopped while writing, and when
// that run started writing.
func (s *Store) Interrupted() (bool, time.Time) {
	fi, err := os.Stat(s.markerPath())
	if err != nil {
		return false, time.Time{}
	}
	return true, fi.ModTime()
}
