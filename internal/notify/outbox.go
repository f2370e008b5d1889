package notify

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/careers-watcher/careers-watcher/internal/atomicfile"
)

// DefaultExpire is how long the outbox keeps an undelivered event when
// OpenOutbox is given no expiry.
const DefaultExpire = 7 * 24 * time.Hour

// Outbox is the durable store of undelivered events: a directory with one
// JSON file per event (<id>.json) holding the event, the names of the
// notifiers still owed it, the number of delivery passes that tried it, the
// first and last attempt times and the last error. Files are written
// atomically (temporary file in the same directory, fsync, rename, fsync of
// the directory), so a crash leaves either the old or the new file.
//
// The methods of one Outbox are safe for concurrent use; two processes must
// not work on the same directory at the same time.
type Outbox struct {
	// Logger receives one line per delivery, failure, expiry and corrupt
	// file; nil means slog.Default().
	Logger *slog.Logger
	// Now is the clock (tests); nil means time.Now.
	Now func() time.Time

	dir    string
	expire time.Duration
	mu     sync.Mutex
}

// entry is the content of one outbox file.
type entry struct {
	ID           string     `json:"id"`
	Event        Event      `json:"event"`
	Owed         []string   `json:"owed"`
	Created      time.Time  `json:"created"`
	Attempts     int        `json:"attempts"`
	FirstAttempt *time.Time `json:"first_attempt,omitempty"`
	LastAttempt  *time.Time `json:"last_attempt,omitempty"`
	LastError    string     `json:"last_error,omitempty"`
}

// DeliverResult says what one Deliver call did. Delivered and Failed count
// (event, notifier) pairs; Expired counts events dropped for age. Changed
// lists the files whose meaning changed: deleted (delivered to all,
// expired), moved aside, or owed to fewer notifiers (worth a commit of the
// outbox). Touched lists the files rewritten only with attempt bookkeeping
// (attempts, last error): committed along with something else, never worth
// a commit of their own. Errors holds the delivery failures, expiries and
// corrupt files, each naming the event or the file.
type DeliverResult struct {
	Delivered, Failed, Expired int
	Changed, Touched           []string
	Errors                     []error
}

const (
	fileExt    = ".json"
	corruptExt = ".corrupt"
)

// OpenOutbox opens (and creates) the outbox directory. An expire of 0 means
// DefaultExpire. Temporary files left by a crash more than an hour ago are
// removed.
func OpenOutbox(dir string, expire time.Duration) (*Outbox, error) {
	if dir == "" {
		return nil, errors.New("notify: outbox: no directory")
	}
	if expire <= 0 {
		expire = DefaultExpire
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("notify: outbox: %w", err)
	}
	o := &Outbox{dir: dir, expire: expire}
	if des, err := os.ReadDir(dir); err == nil {
		for _, de := range des {
			if !atomicfile.IsTemp(de.Name()) {
				continue
			}
			if fi, err := de.Info(); err == nil && time.Since(fi.ModTime()) > time.Hour {
				_ = os.Remove(filepath.Join(dir, de.Name()))
			}
		}
	}
	return o, nil
}

// Dir is the outbox directory.
func (o *Outbox) Dir() string { return o.dir }

func (o *Outbox) now() time.Time {
	if o.Now != nil {
		return o.Now().UTC()
	}
	return time.Now().UTC()
}

func (o *Outbox) log() *slog.Logger {
	if o.Logger != nil {
		return o.Logger
	}
	return slog.Default()
}

// validID reports whether id can be a file name: letters, digits, '.', '_'
// and '-', not starting with a dot, at most 200 bytes.
func validID(id string) bool {
	if id == "" || len(id) > 200 || id[0] == '.' {
		return false
	}
	for _, c := range []byte(id) {
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9', c == '.', c == '_', c == '-':
		default:
			return false
		}
	}
	return true
}

// Add stores events, each owed to the notifiers of the routes that match it
// (an event no route matches is not stored). It is idempotent by id: an
// event whose file already exists is left as it is. An event without a
// usable id (see EventID) is not stored and is reported in err; the others
// still are. A zero Timestamp is set to now. It returns the paths of the
// files written.
func (o *Outbox) Add(events []Event, routes []Route) (written []string, err error) {
	o.mu.Lock()
	defer o.mu.Unlock()
	var errs []error
	for _, e := range events {
		if !validID(e.ID) {
			errs = append(errs, fmt.Errorf("notify: outbox: event %q (%s, source %q): invalid id", e.ID, e.Type, e.Data.Source))
			continue
		}
		var owed []string
		for _, r := range routes {
			if r.Notifier == nil || !r.Match(e) {
				continue
			}
			if n := r.Notifier.Name(); !contains(owed, n) {
				owed = append(owed, n)
			}
		}
		if len(owed) == 0 {
			continue
		}
		path := o.path(e.ID)
		if _, serr := os.Lstat(path); serr == nil {
			continue
		} else if !errors.Is(serr, fs.ErrNotExist) {
			errs = append(errs, fmt.Errorf("notify: outbox: %w", serr))
			continue
		}
		now := o.now()
		if e.Timestamp.IsZero() {
			e.Timestamp = now
		}
		e.Timestamp = e.Timestamp.UTC().Truncate(time.Second)
		e.Data.Posting = canonical(e.Data.Posting)
		e.Data.Previous = canonical(e.Data.Previous)
		en := &entry{ID: e.ID, Event: e, Owed: owed, Created: now.Truncate(time.Second)}
		if werr := o.write(path, en); werr != nil {
			errs = append(errs, werr)
			continue
		}
		written = append(written, path)
	}
	return written, errors.Join(errs...)
}

func (o *Outbox) path(id string) string { return filepath.Join(o.dir, id+fileExt) }

// Pending returns the stored events in delivery order. Unreadable files are
// skipped and reported in the error (Deliver moves them aside); the events
// that could be read are returned with it.
func (o *Outbox) Pending() ([]Event, error) {
	o.mu.Lock()
	defer o.mu.Unlock()
	entries, bad, err := o.load()
	if err != nil {
		return nil, err
	}
	var errs []error
	for _, b := range bad {
		errs = append(errs, fmt.Errorf("notify: outbox: %s: %w", b.path, b.err))
	}
	events := make([]Event, 0, len(entries))
	for _, le := range entries {
		events = append(events, le.Event)
	}
	return events, errors.Join(errs...)
}

type loaded struct {
	*entry
	path string
}

type badFile struct {
	path string
	err  error
}

// load reads every outbox file, sorted by event timestamp then id.
func (o *Outbox) load() ([]loaded, []badFile, error) {
	des, err := os.ReadDir(o.dir)
	if err != nil {
		return nil, nil, fmt.Errorf("notify: outbox: %w", err)
	}
	var entries []loaded
	var bad []badFile
	for _, de := range des {
		name := de.Name()
		if !de.Type().IsRegular() || !strings.HasSuffix(name, fileExt) || strings.HasPrefix(name, ".") {
			continue
		}
		path := filepath.Join(o.dir, name)
		en, err := readEntry(path)
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				continue // removed meanwhile
			}
			bad = append(bad, badFile{path, err})
			continue
		}
		if en.ID == "" {
			en.ID = strings.TrimSuffix(name, fileExt)
		}
		en.Event.ID = en.ID
		entries = append(entries, loaded{en, path})
	}
	sort.Slice(entries, func(i, j int) bool {
		a, b := entries[i].Event, entries[j].Event
		if !a.Timestamp.Equal(b.Timestamp) {
			return a.Timestamp.Before(b.Timestamp)
		}
		return a.ID < b.ID
	})
	return entries, bad, nil
}

// errCorrupt marks a file that can be read but not understood.
var errCorrupt = errors.New("corrupt")

func readEntry(path string) (*entry, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber() // keep the numbers of changes as written
	var en entry
	if err := dec.Decode(&en); err != nil {
		return nil, fmt.Errorf("%w: %w", errCorrupt, err)
	}
	if en.Event.Type == "" {
		return nil, fmt.Errorf("%w: no event type", errCorrupt)
	}
	if en.ID != "" && !validID(en.ID) {
		return nil, fmt.Errorf("%w: invalid id %q", errCorrupt, en.ID)
	}
	return &en, nil
}

// Deliver tries every stored event, oldest first (by Timestamp, then id), on
// each notifier still owed it. A notifier that takes the event is removed
// from the file; a file with none left is deleted. An entry older than the
// expiry (counted from when it was added) is dropped without another try
// and reported. Notifiers are looked up by name among routes (the first
// route with that name wins); a name no longer configured is dropped from
// the entry. One notifier failing does not stop the others. When ctx ends it
// stops: what was not tried stays, and ctx's error is returned.
//
// A notifier that is a Digester gets what it is owed grouped by source: one
// NotifyDigest call per source with the group's events in delivery order.
// Success clears the notifier from every event of the group; failure keeps
// it on all of them (the group is sent again whole). Other notifiers get one
// Notify call per event.
//
// A corrupt file is moved aside as <name>.corrupt and reported with its
// path; the other files are still delivered. The returned error is for the
// outbox itself (directory unreadable, a file that could not be written or
// removed, ctx ended); delivery failures are in the result's Errors.
func (o *Outbox) Deliver(ctx context.Context, routes []Route) (DeliverResult, error) {
	o.mu.Lock()
	defer o.mu.Unlock()
	var res DeliverResult
	log := o.log()

	notifiers := map[string]Notifier{}
	for _, r := range routes {
		if r.Notifier == nil {
			continue
		}
		if _, ok := notifiers[r.Notifier.Name()]; !ok {
			notifiers[r.Notifier.Name()] = r.Notifier
		}
	}

	entries, bad, err := o.load()
	if err != nil {
		return res, err
	}
	var ioErrs []error
	for _, b := range bad {
		if !errors.Is(b.err, errCorrupt) {
			// Unreadable for now (permissions, I/O): leave it for a later pass.
			res.Errors = append(res.Errors, fmt.Errorf("notify: outbox: %s: %w", b.path, b.err))
			continue
		}
		to := b.path + corruptExt
		if rerr := os.Rename(b.path, to); rerr != nil {
			ioErrs = append(ioErrs, fmt.Errorf("notify: outbox: %s: %w", b.path, rerr))
			res.Errors = append(res.Errors, fmt.Errorf("notify: outbox: %s: %w", b.path, b.err))
			continue
		}
		atomicfile.SyncDir(o.dir)
		res.Changed = append(res.Changed, b.path, to)
		res.Errors = append(res.Errors, fmt.Errorf("notify: outbox: %s: %w (moved to %s)", b.path, b.err, to))
		log.Error("notify: corrupt outbox file moved aside", "path", b.path, "error", b.err.Error())
	}

	// 1. Expiry and notifiers no longer configured.
	var live []*pass
	for _, le := range entries {
		if ctx.Err() != nil {
			break
		}
		en, e := le.entry, le.Event
		born := en.Created
		if born.IsZero() {
			born = e.Timestamp
		}
		if now := o.now(); now.Sub(born) > o.expire {
			if rerr := o.remove(le.path); rerr != nil {
				ioErrs = append(ioErrs, rerr)
				continue
			}
			res.Expired++
			res.Changed = append(res.Changed, le.path)
			msg := fmt.Sprintf("notify: event %s (%s, source %q) expired after %d attempts, not delivered to %s",
				e.ID, e.Type, e.Data.Source, en.Attempts, strings.Join(en.Owed, ", "))
			if en.LastError != "" {
				msg += ": " + en.LastError
			}
			res.Errors = append(res.Errors, errors.New(msg))
			log.Error("notify: event expired undelivered", append(eventAttrs(e), "notifier", strings.Join(en.Owed, ","), "attempt", en.Attempts, "error", en.LastError)...)
			continue
		}
		p := &pass{loaded: le, done: map[string]bool{}, dirty: len(en.Owed) == 0} // nothing owed: delete
		for _, name := range en.Owed {
			if _, ok := notifiers[name]; !ok {
				p.dirty, p.done[name] = true, true
				log.Warn("notify: notifier no longer configured, dropped from outbox entry", append(eventAttrs(e), "notifier", name)...)
			}
		}
		live = append(live, p)
	}

	// 2. One call per event for the notifiers that are not digesters.
	type groupKey struct{ notifier, source string }
	var groups []groupKey
	members := map[groupKey][]*pass{}
perEvent:
	for _, p := range live {
		for _, name := range p.Owed {
			if p.done[name] {
				continue
			}
			n := notifiers[name]
			if _, ok := n.(Digester); ok {
				k := groupKey{name, p.Event.Data.Source}
				if _, seen := members[k]; !seen {
					groups = append(groups, k)
				}
				members[k] = append(members[k], p)
				continue
			}
			if ctx.Err() != nil {
				break perEvent
			}
			p.try(o.now())
			if nerr := n.Notify(ctx, p.Event); nerr != nil {
				res.Failed++
				p.lastErr = nerr.Error()
				res.Errors = append(res.Errors, fmt.Errorf("notify: event %s (%s, source %q): %w", p.Event.ID, p.Event.Type, p.Event.Data.Source, nerr))
				log.Warn("notify: delivery failed, kept in outbox", append(eventAttrs(p.Event), "notifier", name, "attempt", p.Attempts, "error", nerr.Error())...)
				continue
			}
			p.done[name] = true
			res.Delivered++
			log.Debug("notify: delivered", append(eventAttrs(p.Event), "notifier", name, "attempt", p.Attempts)...)
		}
	}

	// 3. One call per (digester, source) with the group's events.
	for _, k := range groups {
		if ctx.Err() != nil {
			break
		}
		group := members[k]
		events := make([]Event, len(group))
		ids := make([]string, len(group))
		for i, p := range group {
			p.try(o.now())
			events[i], ids[i] = p.Event, p.Event.ID
		}
		attrs := []any{"notifier", k.notifier, "source", k.source, "events", len(events)}
		if nerr := notifiers[k.notifier].(Digester).NotifyDigest(ctx, k.source, events); nerr != nil {
			res.Failed += len(group)
			for _, p := range group {
				p.lastErr = nerr.Error()
			}
			res.Errors = append(res.Errors, fmt.Errorf("notify: %d events of source %q (%s): %w", len(group), k.source, shortList(ids, 3), nerr))
			log.Warn("notify: digest delivery failed, kept in outbox", append(attrs, "event_id", strings.Join(ids, ","), "error", nerr.Error())...)
			continue
		}
		for _, p := range group {
			p.done[k.notifier] = true
		}
		res.Delivered += len(group)
		log.Debug("notify: digest delivered", append(attrs, "event_id", strings.Join(ids, ","))...)
	}

	// 4. Write back what changed.
	for _, p := range live {
		if !p.dirty {
			continue
		}
		en := p.entry
		if p.lastErr != "" {
			en.LastError = p.lastErr
		}
		owed := en.Owed[:0:0]
		for _, name := range en.Owed {
			if !p.done[name] {
				owed = append(owed, name)
			}
		}
		fewer := len(owed) < len(en.Owed)
		en.Owed = owed
		if len(owed) == 0 {
			if rerr := o.remove(p.path); rerr != nil {
				ioErrs = append(ioErrs, rerr)
				continue
			}
		} else if werr := o.write(p.path, en); werr != nil {
			ioErrs = append(ioErrs, werr)
			continue
		}
		if fewer {
			res.Changed = append(res.Changed, p.path)
		} else {
			res.Touched = append(res.Touched, p.path)
		}
	}
	if cerr := ctx.Err(); cerr != nil {
		ioErrs = append(ioErrs, fmt.Errorf("notify: outbox: delivery stopped: %w", cerr))
	}
	return res, errors.Join(ioErrs...)
}

// pass is what one Deliver call does to one stored event.
type pass struct {
	loaded
	done    map[string]bool // notifiers delivered to (or dropped) in this pass
	dirty   bool            // the file must be written or removed
	tried   bool
	lastErr string
}

// try counts the pass as an attempt once.
func (p *pass) try(now time.Time) {
	p.dirty = true
	if p.tried {
		return
	}
	p.tried = true
	now = now.Truncate(time.Second)
	p.Attempts++
	if p.FirstAttempt == nil {
		p.FirstAttempt = &now
	}
	p.LastAttempt = &now
}

func eventAttrs(e Event) []any {
	return []any{"event_id", e.ID, "event_type", e.Type, "source", e.Data.Source}
}

// shortList is "a, b, c and 4 more".
func shortList(ids []string, n int) string {
	if len(ids) <= n {
		return strings.Join(ids, ", ")
	}
	return fmt.Sprintf("%s and %d more", strings.Join(ids[:n], ", "), len(ids)-n)
}

// write stores en at path atomically.
func (o *Outbox) write(path string, en *entry) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(en); err != nil {
		return fmt.Errorf("notify: outbox: %s: %w", path, err)
	}
	if err := atomicfile.WriteFile(path, buf.Bytes()); err != nil {
		return fmt.Errorf("notify: outbox: %w", err)
	}
	return nil
}

func (o *Outbox) remove(path string) error {
	if err := atomicfile.Remove(path); err != nil {
		return fmt.Errorf("notify: outbox: %w", err)
	}
	return nil
}
