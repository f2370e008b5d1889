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
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/careers-watcher/careers-watcher/internal/atomicfile"
	"github.com/careers-watcher/careers-watcher/internal/retry"
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

	// Budget bounds how long a pass waits on a notifier that does not
	// answer (see Deliver); 0: no bound but ctx.
	Budget time.Duration
	// BreakAfter is the number of failures in a row that open a notifier's
	// circuit; 0: DefaultBreakAfter.
	BreakAfter int
	// MaxPending bounds the backlog a failing notifier leaves: after a
	// Deliver pass, when more than MaxPending events are still owed to a
	// notifier, the oldest of those it failed to take in that pass (an
	// attempt failed, or they were held behind its open circuit or a
	// stalled attempt) are dropped for it, reported in the result
	// (Trimmed, Dropped, Errors) and logged at ERROR. Add never drops, and
	// a notifier that takes its events loses none, however many one run
	// adds. 0: no bound.
	MaxPending int
	// Observe, when set, is told each delivery outcome per notifier:
	// "delivered", "failed" (tried again later), "dropped" (a permanent
	// failure) or "expired", with the number of events (metrics).
	Observe func(notifier, outcome string, events int)

	dir    string
	expire time.Duration
	mu     sync.Mutex

	bmu      sync.Mutex
	breakers map[string]*breaker

	// seq is the highest Seq of the outbox's entries, read from them by
	// an Add when the folder changed since the last Add (its mtime is
	// not seqStamp: another process's run, a delivery, a first Add);
	// mu guards both.
	seq      uint64
	seqStamp time.Time
}

// entry is the content of one outbox file.
type entry struct {
	ID      string    `json:"id"`
	Event   Event     `json:"event"`
	Owed    []string  `json:"owed"`
	Created time.Time `json:"created"`
	// Seq is the place of the Add call that wrote the entry in the order
	// of the outbox's Add calls: one more than the highest Seq in the
	// outbox then, the same for every entry of the call. It orders
	// delivery across runs whatever the clock did between them (a clock
	// stepped back makes a later run's Timestamp and Created the
	// earlier). Entries written before Seq have none (0): a folder that
	// holds any is ordered by the clock alone (see load).
	Seq          uint64     `json:"seq,omitempty"`
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
	// Dropped counts (event, notifier) pairs given up: on a permanent
	// failure, or trimmed (MaxPending); Held those not tried because the
	// notifier is paused or did not answer within the budget.
	Dropped, Held int
	// Trimmed counts the (event, notifier) pairs of Dropped that were
	// dropped undelivered because the notifier was owed more than
	// MaxPending after failing in this pass.
	Trimmed          int
	Changed, Touched []string
	Errors           []error
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

func (o *Outbox) observe(notifier, outcome string, n int) {
	if o.Observe != nil && n > 0 {
		o.Observe(notifier, outcome, n)
	}
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
	if len(events) == 0 {
		return nil, nil
	}
	o.mu.Lock()
	defer o.mu.Unlock()
	if err := o.readSeq(); err != nil {
		return nil, err
	}
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
		// Created keeps the clock's full precision: it orders the events
		// recorded within one second (a posting that went A -> B in one
		// run and back in the next; see load).
		en := &entry{ID: e.ID, Event: e, Owed: owed, Created: now, Seq: o.seq + 1}
		if werr := o.write(path, en); werr != nil {
			errs = append(errs, werr)
			continue
		}
		written = append(written, path)
	}
	if len(written) > 0 {
		o.seq++
		o.seqStamp = o.stamp()
	}
	return written, errors.Join(errs...)
}

// readSeq sets o.seq to the highest Seq of the outbox's entries, unless
// the folder is as this Outbox's last Add left it (a run's later Adds, in
// one process). Files that cannot be read are left out: Deliver moves them
// aside, and their events are not delivered.
func (o *Outbox) readSeq() error {
	stamp := o.stamp()
	if !stamp.IsZero() && stamp.Equal(o.seqStamp) {
		return nil
	}
	entries, _, err := o.load()
	if err != nil {
		return err
	}
	o.seq = 0
	for _, le := range entries {
		o.seq = max(o.seq, le.Seq)
	}
	o.seqStamp = stamp
	return nil
}

// stamp is the outbox folder's modification time (zero when it cannot be
// read): adding or removing a file moves it.
func (o *Outbox) stamp() time.Time {
	fi, err := os.Stat(o.dir)
	if err != nil {
		return time.Time{}
	}
	return fi.ModTime()
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

// load reads every outbox file, sorted in the order the events were
// recorded: by Seq (their Add call), which no clock moves. Entries of one
// call, and every entry of a folder where some have no Seq, are sorted by
// event timestamp (whole seconds), then by the time they were recorded,
// then by id: two events of one posting within one second (A -> B, then
// back) are in the order they were made.
// (Files written before Created kept its fraction of a second tie, and
// fall to the id.)
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
		en, err := readEntry(o.dir, path)
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
	// A folder where some entries have no Seq (written by a release
	// before it, also after entries with one: a downgrade, an older
	// daemon beside a newer run) is sorted by the clock alone, as that
	// release did.
	bySeq := !slices.ContainsFunc(entries, func(l loaded) bool { return l.Seq == 0 })
	sort.Slice(entries, func(i, j int) bool {
		if sa, sb := entries[i].Seq, entries[j].Seq; bySeq && sa != sb {
			return sa < sb
		}
		a, b := entries[i].Event, entries[j].Event
		if !a.Timestamp.Equal(b.Timestamp) {
			return a.Timestamp.Before(b.Timestamp)
		}
		if ca, cb := entries[i].Created, entries[j].Created; !ca.Equal(cb) {
			return ca.Before(cb)
		}
		return a.ID < b.ID
	})
	return entries, bad, nil
}

// RecordedSince are the posting events (added, changed, removed) of the
// outbox entries added in since's second or after (their Created time),
// oldest first (see load): what a run that stopped in its write phase
// recorded, for the recovery to finish the file moves the events
// announce. Unreadable files are left out.
func (o *Outbox) RecordedSince(since time.Time) ([]Event, error) {
	o.mu.Lock()
	defer o.mu.Unlock()
	entries, _, err := o.load()
	if err != nil {
		return nil, err
	}
	after := since.Truncate(time.Second)
	var out []Event
	for _, l := range entries {
		switch l.Event.Type {
		case PostingAdded, PostingChanged, PostingRemoved:
		default:
			continue
		}
		if l.Created.Before(after) || l.Event.Data.Posting == nil {
			continue
		}
		out = append(out, l.Event)
	}
	return out, nil
}

// errCorrupt marks a file that can be read but not understood.
var errCorrupt = errors.New("corrupt")

// readEntry reads the outbox file path of the outbox folder dir. It reads
// nothing through a symbolic link, as the snapshot store's reads do: not
// the file itself (atomicfile.CheckPath on dir; a link swapped in after the
// folder was listed), nor one on the way to it below a confined snapshot
// folder (atomicfile.Check: the outbox folder is a link).
func readEntry(dir, path string) (*entry, error) {
	if err := atomicfile.Check(path); err != nil {
		return nil, err
	}
	if err := atomicfile.CheckPath(dir, path); err != nil {
		return nil, err
	}
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

// Deliver tries every stored event, in the order recorded (see load), on
// each notifier still owed it. A notifier that takes the event is removed
// from the file; a file with none left is deleted. An entry older than the
// expiry (counted from when it was added) is dropped without another try
// and reported. Notifiers are looked up by name among routes (the first
// route with that name wins); a name no longer configured is dropped from
// the entry. When ctx ends it stops: what was not tried stays, and ctx's
// error is returned.
//
// This is the one retry stage of notifications: a notifier makes one
// attempt per call and marks a failure worth another try with retry.Again.
// Notifiers are served concurrently, each in delivery order, so one slow or
// dead receiver never holds up another:
//   - a failure worth another try keeps the event for the next pass; when
//     the answer asked for a wait (Retry-After), the notifier is paused
//     until then;
//   - a permanent failure (410, other 4xx but 408 and 429) drops the event
//     for that notifier at once and reports it;
//   - after BreakAfter failures in a row the notifier's circuit opens: no
//     attempt until a backoff (30s, doubling to 1h) ends, then one probe;
//   - an attempt that has no answer within Budget is cancelled, and the
//     notifier's other events wait for the next pass;
//   - when a notifier that failed in this pass is still owed more than
//     MaxPending events, the oldest of those it failed to take are dropped
//     for it (see trim).
//
// Logs stay short whatever the number of events: one line when a
// notifier's circuit opens or closes, one summary line per notifier and
// pass that had failures; single failures are logged at debug level.
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
	var order []string
	for _, r := range routes {
		if r.Notifier == nil {
			continue
		}
		if _, ok := notifiers[r.Notifier.Name()]; !ok {
			notifiers[r.Notifier.Name()] = r.Notifier
			order = append(order, r.Notifier.Name())
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
			for _, n := range en.Owed {
				o.observe(n, "expired", 1)
			}
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

	// 2. The work of each notifier, in delivery order: one job per event,
	// or one per source for a digester.
	work := map[string][]job{}
	groupAt := map[[2]string]int{}
	for _, p := range live {
		for _, name := range p.Owed {
			if p.done[name] {
				continue
			}
			if _, ok := notifiers[name].(Digester); ok {
				k := [2]string{name, p.Event.Data.Source}
				if i, ok := groupAt[k]; ok {
					work[name][i].passes = append(work[name][i].passes, p)
					continue
				}
				groupAt[k] = len(work[name])
			}
			work[name] = append(work[name], job{source: p.Event.Data.Source, passes: []*pass{p}})
		}
	}

	// 3. Every notifier at once, each on its own jobs.
	var wg sync.WaitGroup
	var rmu sync.Mutex // guards res and the passes
	for _, name := range order {
		jobs := work[name]
		if len(jobs) == 0 {
			continue
		}
		wg.Go(func() {
			o.serve(ctx, notifiers[name], jobs, &res, &rmu)
		})
	}
	wg.Wait()

	// 4. The bound on what a failing notifier is owed.
	o.trim(live, &res)

	// 5. Write back what changed.
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

// OutboxFullMessage is the message of the ERROR record Deliver logs once
// per notifier that lost events to MaxPending, with the attributes
// notifier, dropped (the count) and max_pending: what `watcher run` counts
// to exit 1 (internal/cli).
const OutboxFullMessage = "notify: outbox full, oldest events dropped undelivered"

// trim keeps at most MaxPending events owed to each notifier after a pass:
// beyond it, the oldest of those the notifier failed to take in this pass
// (p.missed) are dropped for it. An event it was not offered because the
// pass was stopped (ctx), or that it took, is never a candidate, so a
// notifier that delivers never loses an event. One ERROR line and one
// error per notifier that lost events.
func (o *Outbox) trim(live []*pass, res *DeliverResult) {
	if o.MaxPending <= 0 {
		return
	}
	owed := map[string]int{}
	for _, p := range live {
		for _, name := range p.Owed {
			if !p.done[name] {
				owed[name]++
			}
		}
	}
	over := map[string]int{}
	for name, c := range owed {
		if c > o.MaxPending {
			over[name] = c - o.MaxPending
		}
	}
	if len(over) == 0 {
		return
	}
	dropped := map[string]int{}
	var names []string
	for _, p := range live { // oldest first
		for _, name := range p.Owed {
			if over[name] == 0 || p.done[name] || !p.missed[name] {
				continue
			}
			over[name]--
			if dropped[name] == 0 {
				names = append(names, name)
			}
			dropped[name]++
			p.done[name], p.dirty = true, true
		}
	}
	for _, name := range names {
		n := dropped[name]
		res.Trimmed += n
		res.Dropped += n
		o.observe(name, "dropped", n)
		res.Errors = append(res.Errors, fmt.Errorf("notify: outbox full: %d oldest undelivered events dropped for %s, which failed and was owed more than max_pending (%d)", n, name, o.MaxPending))
		o.log().Error(OutboxFullMessage, "notifier", name, "dropped", n, "max_pending", o.MaxPending)
	}
}

// job is one call to a notifier: one event, or a digest of one source's.
type job struct {
	source string
	passes []*pass
}

// serve makes one notifier's calls of a pass, in order, until they are
// done, its circuit opens, an attempt outlives the budget, or ctx ends.
func (o *Outbox) serve(ctx context.Context, n Notifier, jobs []job, res *DeliverResult, rmu *sync.Mutex) {
	name := n.Name()
	log := o.log()
	b := o.breaker(name)
	if wait := b.closedAt(o.now()); wait > 0 {
		rmu.Lock()
		res.Held += countEvents(jobs)
		missed(name, jobs)
		rmu.Unlock()
		return
	}
	var failed, dropped, held int
	var lastErr string
	last := time.Now()
	// blocked: the postings (and sources, for their source events) whose
	// event failed in this pass and stays for the next: their later
	// events wait too, so that a receiver never gets a posting's B -> C
	// before its A -> B (review s23 F3)
	var blocked map[string]bool
	for i, jb := range jobs {
		if ctx.Err() != nil {
			break
		}
		if blocked != nil && slices.ContainsFunc(jb.passes, func(p *pass) bool { return blocked[orderKey(p.Event)] }) {
			// held for order, not failed: never a candidate for trim
			// (review s23b B2)
			held += len(jb.passes)
			continue
		}
		if b.closedAt(o.now()) > 0 {
			held += countEvents(jobs[i:])
			rmu.Lock()
			missed(name, jobs[i:])
			rmu.Unlock()
			break
		}
		rmu.Lock()
		now := o.now()
		events := make([]Event, len(jb.passes))
		for k, p := range jb.passes {
			p.try(now)
			events[k] = p.Event
		}
		rmu.Unlock()
		actx, cancel := ctx, context.CancelFunc(func() {})
		if o.Budget > 0 {
			actx, cancel = context.WithDeadline(ctx, last.Add(o.Budget))
		}
		var nerr error
		if d, ok := n.(Digester); ok {
			nerr = d.NotifyDigest(actx, jb.source, events)
		} else {
			nerr = n.Notify(actx, events[0])
		}
		stalled := nerr != nil && ctx.Err() == nil && actx.Err() != nil
		cancel()
		if nerr == nil {
			rmu.Lock()
			for _, p := range jb.passes {
				p.done[name] = true
			}
			res.Delivered += len(jb.passes)
			rmu.Unlock()
			o.observe(name, "delivered", len(jb.passes))
			if b.success() {
				log.Info("notify: notifier delivers again, circuit closed", "notifier", name)
			}
			last = time.Now()
			log.Debug("notify: delivered", "notifier", name, "source", jb.source, "events", len(events))
			continue
		}
		if ctx.Err() != nil {
			break // the run was stopped: not the notifier's failure
		}
		if stalled {
			nerr = fmt.Errorf("notify: notifier %q gave no answer within the delivery budget (%s): %w", name, o.Budget, nerr)
		}
		lastErr = nerr.Error()
		retryable, after := retry.Retryable(nerr)
		permanent := !retryable && !stalled
		rmu.Lock()
		for _, p := range jb.passes {
			p.lastErr = lastErr
			if permanent {
				p.done[name] = true // stop trying this event on this notifier
			}
		}
		if permanent {
			dropped += len(jb.passes)
			res.Dropped += len(jb.passes)
			o.observe(name, "dropped", len(jb.passes))
			for _, p := range jb.passes {
				res.Errors = append(res.Errors, fmt.Errorf("notify: event %s (%s, source %q) dropped for %s: permanent failure: %w", p.Event.ID, p.Event.Type, p.Event.Data.Source, name, nerr))
			}
		} else {
			missed(name, jobs[i:i+1])
			if blocked == nil {
				blocked = map[string]bool{}
			}
			for _, p := range jb.passes {
				blocked[orderKey(p.Event)] = true
			}
			failed += len(jb.passes)
			res.Failed += len(jb.passes)
			o.observe(name, "failed", len(jb.passes))
			if _, ok := n.(Digester); ok {
				ids := make([]string, len(jb.passes))
				for k, p := range jb.passes {
					ids[k] = p.Event.ID
				}
				res.Errors = append(res.Errors, fmt.Errorf("notify: %d events of source %q (%s) for %s: %w", len(ids), jb.source, shortList(ids, 3), name, nerr))
			} else {
				e := jb.passes[0].Event
				res.Errors = append(res.Errors, fmt.Errorf("notify: event %s (%s, source %q) for %s: %w", e.ID, e.Type, e.Data.Source, name, nerr))
			}
		}
		rmu.Unlock()
		log.Debug("notify: attempt failed", "notifier", name, "source", jb.source, "events", len(events), "error", lastErr)
		if until, opened := b.failure(o.now(), after, o.breakAfter()); opened {
			log.Warn("notify: notifier paused, circuit open", "notifier", name, "until", until.Format(time.RFC3339), "failures", b.fails, "error", lastErr)
		}
		if stalled {
			held += countEvents(jobs[i+1:])
			rmu.Lock()
			missed(name, jobs[i+1:])
			rmu.Unlock()
			break
		}
	}
	if failed+dropped+held > 0 {
		rmu.Lock()
		res.Held += held
		rmu.Unlock()
		log.Warn("notify: notifier did not take every event", "notifier", name, "failed", failed, "dropped", dropped, "held", held, "error", lastErr)
	}
}

// orderKey names what an event's order matters within: its posting, or
// its source for an event without one (source.failed, source.recovered).
func orderKey(e Event) string {
	if e.Data.Posting != nil {
		return e.Data.Source + "\x00" + e.Data.Posting.ID
	}
	return e.Data.Source
}

// missed marks the events of jobs as not taken by the notifier name in
// this pass because it failed (candidates for trim). rmu held.
func missed(name string, jobs []job) {
	for _, j := range jobs {
		for _, p := range j.passes {
			if p.missed == nil {
				p.missed = map[string]bool{}
			}
			p.missed[name] = true
		}
	}
}

func countEvents(jobs []job) int {
	n := 0
	for _, j := range jobs {
		n += len(j.passes)
	}
	return n
}

func (o *Outbox) breakAfter() int {
	if o.BreakAfter > 0 {
		return o.BreakAfter
	}
	return DefaultBreakAfter
}

// DefaultBreakAfter is the number of failures in a row that open a
// notifier's circuit when Outbox.BreakAfter is 0.
const DefaultBreakAfter = 3

// breaker returns the circuit of a notifier; it lives as long as the Outbox
// (the daemon's), so a paused notifier stays paused across passes.
func (o *Outbox) breaker(name string) *breaker {
	o.bmu.Lock()
	defer o.bmu.Unlock()
	if o.breakers == nil {
		o.breakers = map[string]*breaker{}
	}
	b := o.breakers[name]
	if b == nil {
		b = &breaker{}
		o.breakers[name] = b
	}
	return b
}

// breaker is a notifier's circuit: closed while it answers; open after
// too many failures in a row, or when the receiver asked for a wait; then
// one probe when the pause ends.
type breaker struct {
	mu    sync.Mutex
	fails int       // failures in a row
	opens int       // times opened in a row, for the backoff
	until time.Time // no attempt before this
	open  bool
}

const (
	breakerBase = 30 * time.Second
	breakerMax  = time.Hour
	// maxAsked caps a wait a receiver asks for (Retry-After).
	maxAsked = 24 * time.Hour
)

// closedAt says how long the circuit still stays open at now (0: an attempt
// may be made).
func (b *breaker) closedAt(now time.Time) time.Duration {
	b.mu.Lock()
	defer b.mu.Unlock()
	if now.Before(b.until) {
		return b.until.Sub(now)
	}
	return 0
}

// success closes the circuit; it reports whether it was open.
func (b *breaker) success() bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	was := b.open
	b.fails, b.opens, b.open, b.until = 0, 0, false, time.Time{}
	return was
}

// failure counts a failure; asked is the wait the receiver asked for. It
// reports whether the circuit opened now (a state change worth a log line),
// and until when.
func (b *breaker) failure(now time.Time, asked time.Duration, after int) (time.Time, bool) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.fails++
	var wait time.Duration
	if asked > 0 {
		wait = min(asked, maxAsked)
	}
	if b.fails >= after || (b.open && b.fails > 0) {
		back := breakerBase
		for i := 0; i < b.opens && back < breakerMax; i++ {
			back *= 2
		}
		wait = max(wait, min(back, breakerMax))
	}
	if wait <= 0 {
		return time.Time{}, false
	}
	opened := !b.open
	if opened {
		b.opens = 0
	}
	b.opens++
	b.open = true
	b.until = now.Add(wait)
	return b.until, opened
}

// pass is what one Deliver call does to one stored event.
type pass struct {
	loaded
	done    map[string]bool // notifiers delivered to (or dropped) in this pass
	missed  map[string]bool // notifiers that failed to take it in this pass (see trim)
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
