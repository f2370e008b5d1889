package serve

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/careers-watcher/careers-watcher/internal/config"
	"github.com/careers-watcher/careers-watcher/internal/diff"
	"github.com/careers-watcher/careers-watcher/internal/gitrepo"
	"github.com/careers-watcher/careers-watcher/internal/model"
	"github.com/careers-watcher/careers-watcher/internal/notify"
	"github.com/careers-watcher/careers-watcher/internal/snapshot"
)

// maxWalk bounds the commits one history read walks.
const maxWalk = 20000

// Event is a change read from the git history: the event envelope of the
// notifiers (type, timestamp, data) with its id and the commit it is in.
// Ids are stable: they derive from the commit, the source, the posting's
// file and the type, so an event keeps its id however often it is read.
type Event struct {
	ID        string      `json:"id"`
	Type      string      `json:"type"`
	Timestamp time.Time   `json:"timestamp"`
	Commit    string      `json:"commit"`
	Data      notify.Data `json:"data"`
}

// history reads the git repository that holds the snapshot folder.
type history struct {
	hist      *gitrepo.History
	head      *gitrepo.Commit
	failAfter int // guard.fail_after
}

// history opens the repository; nil when there is none or no commit yet.
func (f *Folder) history() (*history, error) {
	hist, err := gitrepo.OpenHistory(f.RepoRoot, f.Dir)
	if errors.Is(err, gitrepo.ErrNoRepository) {
		return nil, nil // no git (git.commit: false): no history, no error
	}
	if err != nil {
		return nil, fmt.Errorf("serve: %w", err) // a damaged HEAD is not "no history"
	}
	head, err := hist.Head()
	if err != nil {
		return nil, fmt.Errorf("serve: %w", err)
	}
	if head == nil {
		return nil, nil
	}
	failAfter := f.FailAfter
	if failAfter <= 0 {
		failAfter = config.DefaultFailAfter
	}
	return &history{hist: hist, head: head, failAfter: failAfter}, nil
}

// entry is the hash of rel (relative to the snapshot folder) in commit c
// (zero when absent), with whether it is a folder.
func (h *history) entry(c *gitrepo.Commit, rel string) (gitrepo.Hash, bool, error) {
	e, ok, err := h.hist.Lookup(c, rel)
	if err != nil {
		return gitrepo.Hash{}, false, fmt.Errorf("serve: %w", err)
	}
	if !ok {
		return gitrepo.Hash{}, false, nil
	}
	return e.Hash, e.Dir, nil
}

// parent is c's first parent, nil for a root commit.
func (h *history) parent(c *gitrepo.Commit) (*gitrepo.Commit, error) {
	p, err := h.hist.Parent(c)
	if err != nil {
		return nil, fmt.Errorf("serve: %w", err)
	}
	return p, nil
}

// changeCache keeps every configured source's last change as read at one
// HEAD: status, the dashboard and /metrics ask for all of them on every
// request, and a source whose folder has not changed for a long time
// costs a walk of the whole history (review s23 F11). A new HEAD is read
// from its commit back to the cached one (or, after an amend, its
// parent): the sources it changed are updated, the others kept.
type changeCache struct {
	mu     sync.Mutex
	head   gitrepo.Hash        // the HEAD the entries were read at (zero: none)
	parent gitrepo.Hash        // its first parent
	last   map[string]changeAt // source -> its last change (absent: none within maxWalk)
}

// changeAt is a source's last change: the commit and its time.
type changeAt struct {
	commit gitrepo.Hash
	when   time.Time
}

// lastChangeCached is lastChange through cache for the sources (the
// Folder's configured ones, the same on every call): all of them are read
// in one walk when HEAD moved.
func (h *history) lastChangeCached(cache *changeCache, sources []string, source string) (time.Time, bool, error) {
	if cache == nil || !slices.Contains(sources, source) {
		return h.lastChange(source)
	}
	cache.mu.Lock()
	defer cache.mu.Unlock()
	if cache.head != h.head.Hash {
		if err := h.readChanges(cache, sources); err != nil {
			return time.Time{}, false, err
		}
	}
	c, ok := cache.last[source]
	return c.when, ok, nil
}

// readChanges brings cache to h's HEAD for sources in one walk back from
// HEAD: a source is settled at the first commit that changed its folder,
// or, where the walk meets the HEAD the cache was read at, by the cache
// (after an amend of that HEAD, at its parent, unless the amended commit
// was the source's last change).
func (h *history) readChanges(cache *changeCache, sources []string) error {
	last := map[string]changeAt{}
	pending := map[string]bool{}
	for _, s := range sources {
		pending[s] = true
	}
	settle := func(stop gitrepo.Hash) {
		for s := range pending {
			c, ok := cache.last[s]
			if ok && stop == cache.parent && c.commit == cache.head {
				continue // the amended commit's change: look further
			}
			if ok {
				last[s] = c
			}
			delete(pending, s)
		}
	}
	c := h.head
	for i := 0; c != nil && len(pending) > 0 && i < maxWalk; i++ {
		if !cache.head.IsZero() && (c.Hash == cache.head || c.Hash == cache.parent) {
			settle(c.Hash)
			if len(pending) == 0 {
				break
			}
		}
		if h.hist.Cut(c) {
			break // a shallow clone's oldest commit: what it changed is unknown
		}
		par, err := h.parent(c)
		if err != nil {
			return err
		}
		for s := range pending {
			a, _, err := h.entry(c, s)
			if err != nil {
				return err
			}
			b, _, err := h.entry(par, s)
			if err != nil {
				return err
			}
			if a != b {
				last[s] = changeAt{c.Hash, c.When.UTC()}
				delete(pending, s)
			}
		}
		c = par
	}
	cache.head, cache.parent = h.head.Hash, h.head.Parent()
	cache.last = last
	return nil
}

// lastChange is the time of the newest commit that changed the source's
// folder.
func (h *history) lastChange(source string) (time.Time, bool, error) {
	c := h.head
	for i := 0; c != nil && i < maxWalk; i++ {
		if h.hist.Cut(c) {
			break // a shallow clone's oldest commit: what it changed is unknown
		}
		par, err := h.parent(c)
		if err != nil {
			return time.Time{}, false, err
		}
		a, _, err := h.entry(c, source)
		if err != nil {
			return time.Time{}, false, err
		}
		b, _, err := h.entry(par, source)
		if err != nil {
			return time.Time{}, false, err
		}
		if a != b {
			return c.When.UTC(), true, nil
		}
		c = par
	}
	return time.Time{}, false, nil
}

func (h *history) posting(hash gitrepo.Hash) (model.Posting, error) {
	b, err := h.hist.Blob(hash)
	if err != nil {
		return model.Posting{}, fmt.Errorf("serve: %w", err)
	}
	p, err := model.Decode(b)
	if err != nil {
		return model.Posting{}, fmt.Errorf("serve: git: blob %s: %w", hash, err)
	}
	return p, nil
}

// History is one posting's history from git, newest first: every commit
// that added, changed or removed its snapshot file.
func (f *Folder) History(source, id string) ([]Event, error) {
	out, _, err := f.historyFrom(context.Background(), source, id)
	return out, err
}

// historyFrom is History, and, when the walk reached the oldest commit of
// a shallow clone (what that commit changed is unknown), that commit.
func (f *Folder) historyFrom(ctx context.Context, source, id string) (out []Event, cut *gitrepo.Commit, err error) {
	done, err := f.walk()
	if err != nil {
		return nil, nil, err
	}
	defer done()
	h, err := f.history()
	if err != nil {
		return nil, nil, err
	}
	if h == nil || !validSourceName(source) {
		return []Event{}, nil, nil
	}
	// The posting is followed by its key: its file is named after the key
	// (PostingName), or, before the key upgrade, by an older rule; the
	// commit that moved it to its key's name changed no posting.
	name := snapshot.PostingName(id)
	out = []Event{}
	c := h.head
	cur, _, err := h.entry(c, source+"/"+name)
	if err != nil {
		return nil, nil, err
	}
	if cur.IsZero() && h.oldKeys(c, source) {
		// a folder not upgraded yet: the open posting's file has an
		// older name
		if n, hash, ok, err := h.ownedIn(c, source, id); err != nil {
			return nil, nil, err
		} else if ok {
			name, cur = n, hash
		}
	}
	// the oldest commit that held the file: the walk ends there (the
	// posting's addition), or, for a name no commit held, at once
	var stop gitrepo.Hash
	known := func() (bool, error) {
		if f.names == nil {
			stop = gitrepo.Hash{}
			return true, nil
		}
		var ok bool
		var err error
		stop, ok, err = h.oldest(ctx, f.names, source, name)
		return ok, err
	}
	if ok, err := known(); err != nil || (!ok && cur.IsZero()) {
		return out, nil, err
	}
	for i := 0; c != nil && i < maxWalk; i++ {
		if err := ctx.Err(); err != nil {
			return nil, nil, fmt.Errorf("serve: history of %s/%s: %w", source, id, err)
		}
		if h.hist.Cut(c) {
			cut = c
			break // a shallow clone's oldest commit: what it changed is unknown
		}
		par, err := h.parent(c)
		if err != nil {
			return nil, nil, err
		}
		prev, _, err := h.entry(par, source+"/"+name)
		if err != nil {
			return nil, nil, err
		}
		if prev.IsZero() && !cur.IsZero() {
			// added here, or moved here from an older name
			n, hash, moved, err := h.movedFrom(par, c, source, name)
			if err != nil {
				return nil, nil, err
			}
			if moved {
				if !h.samePosting(source, n, hash, name, cur) {
					if ev, ok, err := h.event(c, source, name, hash, cur); err != nil {
						return nil, nil, err
					} else if ok {
						out = append(out, ev)
					}
				}
				c, cur, name = par, hash, n
				if _, err := known(); err != nil {
					return nil, nil, err
				}
				continue
			}
		}
		if cur != prev {
			ev, ok, err := h.event(c, source, name, prev, cur)
			if err != nil {
				return nil, nil, err
			}
			if ok {
				out = append(out, ev)
			}
		}
		if c.Hash == stop {
			break // no older commit held the file
		}
		c, cur = par, prev
	}
	return out, cut, nil
}

// oldKeys reports whether the source's index in commit c has an entry
// under a key of the rule before the key upgrade (untrimmed): its files
// may be named by that rule.
func (h *history) oldKeys(c *gitrepo.Commit, source string) bool {
	idx, ok := h.index(c, source)
	if !ok {
		return true
	}
	for k := range idx.Postings {
		if snapshot.KeyAsStored(model.UnKey(k), nil) != k {
			return true
		}
	}
	return false
}

// files are the posting files of the source's folder in commit c (name
// -> blob).
func (h *history) files(c *gitrepo.Commit, source string) (map[string]gitrepo.Hash, error) {
	dir, isDir, err := h.entry(c, source)
	if err != nil {
		return map[string]gitrepo.Hash{}, err
	}
	return h.folderFiles(dir, isDir)
}

// folderFiles are the posting files of the source's folder dir (name ->
// blob): none when the source's entry is not a folder.
func (h *history) folderFiles(dir gitrepo.Hash, isDir bool) (map[string]gitrepo.Hash, error) {
	out := map[string]gitrepo.Hash{}
	if !isDir || dir.IsZero() {
		return out, nil
	}
	es, err := h.hist.Folder(dir)
	if err != nil {
		return nil, fmt.Errorf("serve: %w", err)
	}
	for _, e := range es {
		if e.File && snapshot.IsPostingName(e.Name) {
			out[e.Name] = e.Hash
		}
	}
	return out, nil
}

// movedFrom is the file of commit par (its name and blob) that commit c
// moved to name, its posting's key's name (snapshot.Moves).
func (h *history) movedFrom(par, c *gitrepo.Commit, source, name string) (string, gitrepo.Hash, bool, error) {
	before, err := h.files(par, source)
	if err != nil {
		return "", gitrepo.Hash{}, false, err
	}
	after, err := h.files(c, source)
	if err != nil {
		return "", gitrepo.Hash{}, false, err
	}
	moves, err := snapshot.Moves(before, after, func(n string, hash gitrepo.Hash) (model.Posting, bool, error) {
		p, ok := h.own(source, n, hash)
		return p, ok, nil
	})
	if err != nil {
		return "", gitrepo.Hash{}, false, err
	}
	from := ""
	for n, to := range moves {
		if to == name && (from == "" || n < from) { // (two old names: the first)
			from = n
		}
	}
	if from == "" {
		return "", gitrepo.Hash{}, false, nil
	}
	return from, before[from], true, nil
}

// ownedIn finds the file of the posting of key id in the source's folder
// of commit c (snapshot.OwnFile).
func (h *history) ownedIn(c *gitrepo.Commit, source, id string) (string, gitrepo.Hash, bool, error) {
	dir, isDir, err := h.entry(c, source)
	if err != nil || !isDir || dir.IsZero() {
		return "", gitrepo.Hash{}, false, err
	}
	es, err := h.hist.Folder(dir)
	if err != nil {
		return "", gitrepo.Hash{}, false, fmt.Errorf("serve: %w", err)
	}
	for _, e := range es {
		if !e.File || !snapshot.IsPostingName(e.Name) {
			continue
		}
		if p, ok := h.own(source, e.Name, e.Hash); ok && p.ID == id {
			return e.Name, e.Hash, true, nil
		}
	}
	return "", gitrepo.Hash{}, false, nil
}

// own reads a blob as a snapshot file of the source named name.
func (h *history) own(source, name string, hash gitrepo.Hash) (model.Posting, bool) {
	b, err := h.hist.Blob(hash)
	if err != nil {
		return model.Posting{}, false
	}
	return snapshot.OwnFile(source, name, b, nil)
}

// samePosting reports whether two files hold the same posting (the
// canonical bytes of the postings they are read as).
func (h *history) samePosting(source, an string, a gitrepo.Hash, bn string, b gitrepo.Hash) bool {
	if a == b {
		return true
	}
	pa, ok := h.own(source, an, a)
	if !ok {
		return false
	}
	pb, ok := h.own(source, bn, b)
	if !ok {
		return false
	}
	ea, err1 := model.Encode(pa)
	eb, err2 := model.Encode(pb)
	return err1 == nil && err2 == nil && bytes.Equal(ea, eb)
}

// event makes the event of one file's change in commit c (old and new blob
// hashes, zero when absent).
func (h *history) event(c *gitrepo.Commit, source, name string, old, new gitrepo.Hash) (Event, bool, error) {
	ev := Event{Timestamp: c.When.UTC().Truncate(time.Second), Commit: c.Hash.String(), Data: notify.Data{Source: source}}
	switch {
	case old.IsZero():
		p, err := h.posting(new)
		if err != nil {
			return ev, false, nil // not a posting file
		}
		ev.Type, ev.Data.Posting = "posting.added", &p
	case new.IsZero():
		p, err := h.posting(old)
		if err != nil {
			return ev, false, nil
		}
		ev.Type, ev.Data.Posting = "posting.removed", &p
	default:
		a, err := h.posting(old)
		if err != nil {
			return ev, false, nil
		}
		b, err := h.posting(new)
		if err != nil {
			return ev, false, nil
		}
		ev.Type, ev.Data.Posting, ev.Data.Previous = "posting.changed", &b, &a
		ev.Data.Changes = diff.Postings(a, b)
		if ev.Data.Changes == nil {
			ev.Data.Changes = []model.Change{}
		}
	}
	// The id derives from what does not change when the run folds its
	// outbox files into its commit after delivery (the commit's hash does):
	// the parent, the file and its two versions.
	ev.ID = notify.EventID("git", c.Parent().String(), source, name, ev.Type, old.String(), new.String())
	return ev, true, nil
}

// EventQuery selects events.
type EventQuery struct {
	Source string    // "" = every configured source
	Since  time.Time // only events at or after it (zero: no bound)
	Limit  int       // at most this many, newest first (0: 100)
	// Match, when set, keeps only the events it accepts: Limit counts
	// those (a filtered feed's limit is of its matches, not of the events
	// read before the filter). A filtered read walks at most
	// maxFilteredWalk commits: a filter that matches little would walk
	// the whole history on every poll.
	Match func(Event) bool
	// Before, when set, keeps only the events older than the one with
	// this id (in the order of the answer): the cursor of the API's next
	// page. ErrNoCursor when the read does not reach that event.
	Before string
	// Ctx ends the read when it is done (the client has gone): a page
	// walks up to maxWalk commits, holding one of maxWalks places (nil:
	// no end but the walk's bound).
	Ctx context.Context
}

// ErrNoCursor is the answer to an events read whose Before names no event
// the read reaches (gone from the history, or older than it reads).
var ErrNoCursor = errors.New("serve: before: no such event in the history read (start again without before)")

// ErrBadCursor is the answer to an events read whose Before has none of
// the forms a page's next gives (COMMIT.EVENT, COMMIT or EVENT).
var ErrBadCursor = errors.New("serve: before: not a cursor of this API (a page's next: COMMIT.EVENT, COMMIT or EVENT)")

// maxFilteredWalk bounds the commits a filtered events read walks.
const maxFilteredWalk = 2000

// Events reads the events from the git history, newest first.
func (f *Folder) Events(q EventQuery) ([]Event, error) {
	page, err := f.EventsPage(q)
	return page.Events, err
}

// EventPage is a page of events and the cursor of the next (older) one.
type EventPage struct {
	Events []Event
	// Next is the Before of the next page, "" when the history read has
	// nothing older: the page's last event, or, when the walk's bound
	// ended the page, the commit the next page starts at.
	Next string
}

// pager is a Reader that gives the cursor of the next page itself
// (Folder: its cursors name the commit a page ends at, so a next page
// starts there instead of walking from the HEAD again).
type pager interface {
	EventsPage(q EventQuery) (EventPage, error)
}

// A cursor of the git history is "COMMIT.EVENT" (read on after that event
// of that commit), "COMMIT" (read on from that commit, all of its events)
// or "EVENT" (after that event, sought from the HEAD: the form before
// session 26, and the fallback when the commit is gone).
func splitCursor(before string) (commit, id string) {
	if c, e, ok := strings.Cut(before, "."); ok {
		return c, e
	}
	if strings.HasPrefix(before, "evt_") {
		return "", before
	}
	return before, ""
}

// wellFormedCursor tells whether a cursor's parts have the forms a page's
// Next gives: a commit's 40 hex digits, an event id, or both.
func wellFormedCursor(commit, id string) bool {
	if commit == "" && id == "" {
		return false
	}
	if commit != "" && (len(commit) != 40 || strings.Trim(commit, "0123456789abcdef") != "") {
		return false
	}
	return id == "" || EventIDForm(id)
}

// EventIDForm tells whether s has the form of an event id
// (notify.EventID: "evt_" and lowercase base32), as a cursor of a reader
// whose pages end at an event: no read for anything else.
func EventIDForm(s string) bool {
	rest, ok := strings.CutPrefix(s, "evt_")
	if !ok || rest == "" || len(rest) > 64 {
		return false
	}
	for i := 0; i < len(rest); i++ {
		if c := rest[i]; (c < 'a' || c > 'z') && (c < '0' || c > '9') && c != '_' && c != '-' {
			return false
		}
	}
	return true
}

// EventsPage is Events with the cursor of the next page (see EventPage).
// A page whose walk reached its bound before the history's end still has
// a cursor: a client following Next reads the whole history, however
// long, each page walking at most its bound.
func (f *Folder) EventsPage(q EventQuery) (EventPage, error) {
	if q.Limit <= 0 {
		q.Limit = 100
	}
	ctx := q.Ctx
	if ctx == nil {
		ctx = context.Background()
	}
	if err := ctx.Err(); err != nil {
		return EventPage{}, err
	}
	cursorCommit, cursorID := splitCursor(q.Before)
	if q.Before != "" && !wellFormedCursor(cursorCommit, cursorID) {
		return EventPage{}, ErrBadCursor // no walk for a cursor no page gave
	}
	done, err := f.walk()
	if err != nil {
		return EventPage{}, err
	}
	defer done()
	out := []Event{}
	h, err := f.history()
	if err != nil {
		return EventPage{}, err
	}
	if h == nil {
		if q.Before != "" {
			return EventPage{}, ErrNoCursor
		}
		return EventPage{Events: out}, nil
	}
	var sources []string
	for _, s := range f.Sources {
		if q.Source == "" || q.Source == s.Name {
			sources = append(sources, s.Name)
		}
	}
	walk := maxWalk
	if q.Match != nil {
		walk = maxFilteredWalk
	}
	if f.eventWalk > 0 {
		walk = f.eventWalk
	}
	c := h.head
	if cursorCommit != "" {
		at, ok, err := h.hist.CommitAt(cursorCommit)
		if err != nil {
			return EventPage{}, err
		}
		if ok {
			// only a commit of the HEAD's chain: one amended or reset
			// away, or of another branch, holds events the history
			// never had (review s26b)
			cc := f.chain
			if cc == nil {
				cc = &chainCache{}
			}
			if ok, err = cc.onChain(ctx, h, at); err != nil {
				return EventPage{}, err
			}
		}
		switch {
		case ok:
			c = at
		case cursorID == "":
			return EventPage{}, ErrNoCursor
		}
		// a commit gone or off the chain: the event is sought from the HEAD
	}
	seeking := cursorID != "" // before the cursor's event: skipped
	// full: the page holds one event more than Limit (an event older than
	// its last remains)
	full := func() bool { return len(out) > q.Limit }
	var next string
	i := 0
	for ; c != nil && i < walk && !full(); i++ {
		if err := ctx.Err(); err != nil {
			return EventPage{}, err
		}
		if !q.Since.IsZero() && c.When.Before(q.Since) {
			c = nil // older than asked: nothing after it
			break
		}
		if h.hist.Cut(c) {
			c = nil // a shallow clone's oldest commit: what it changed is unknown
			break
		}
		par, err := h.parent(c)
		if err != nil {
			return EventPage{}, err
		}
		for _, src := range sources {
			evs, err := h.commitEvents(c, par, src)
			if err != nil {
				return EventPage{}, err
			}
			if ev, ok := h.sourceEvent(c, par, src); ok {
				evs = append(evs, ev)
			}
			for _, ev := range evs {
				if seeking {
					seeking = ev.ID != cursorID
					continue
				}
				if q.Match == nil || q.Match(ev) {
					out = append(out, ev)
				}
			}
		}
		if seeking && cursorCommit != "" && c.Hash.String() == cursorCommit {
			// the cursor's commit holds no such event
			return EventPage{}, ErrNoCursor
		}
		c = par
	}
	if seeking {
		return EventPage{}, ErrNoCursor
	}
	switch {
	case full():
		out = out[:q.Limit]
		last := out[len(out)-1]
		next = last.Commit + "." + last.ID
	case c != nil && i == walk:
		// the walk's bound ended the page before the history did
		next = c.Hash.String()
	}
	return EventPage{Events: out, Next: next}, nil
}

// commitEvents are the events of one source in commit c against its parent.
func (h *history) commitEvents(c, par *gitrepo.Commit, source string) ([]Event, error) {
	p := source
	a, aDir, err := h.entry(c, p)
	if err != nil {
		return nil, err
	}
	b, bDir, err := h.entry(par, p)
	if err != nil {
		return nil, err
	}
	if a == b {
		return nil, nil
	}
	now, err := h.folderFiles(a, aDir)
	if err != nil {
		return nil, err
	}
	before, err := h.folderFiles(b, bDir)
	if err != nil {
		return nil, err
	}
	var names []string
	for n, hh := range now {
		if before[n] != hh {
			names = append(names, n)
		}
	}
	for n := range before {
		if _, ok := now[n]; !ok {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	// A file moved to its key's name (the key upgrade, snapshot.Moves)
	// holding the same posting is no change; holding another version, a
	// change.
	var out []Event
	moves, err := snapshot.Moves(before, now, func(n string, hash gitrepo.Hash) (model.Posting, bool, error) {
		p, ok := h.own(source, n, hash)
		return p, ok, nil
	})
	if err != nil {
		return nil, err
	}
	moved := map[string]bool{}
	for _, n := range names {
		to, ok := moves[n]
		if !ok {
			continue
		}
		moved[n], moved[to] = true, true
		if !h.samePosting(source, n, before[n], to, now[to]) {
			if ev, ok, err := h.event(c, source, to, before[n], now[to]); err != nil {
				return nil, err
			} else if ok {
				out = append(out, ev)
			}
		}
	}
	for _, n := range names {
		if moved[n] {
			continue
		}
		ev, ok, err := h.event(c, source, n, before[n], now[n])
		if err != nil {
			return nil, err
		}
		if ok {
			out = append(out, ev)
		}
	}
	return out, nil
}

// index is a source's index file in commit c (ok false when absent or
// unreadable).
func (h *history) index(c *gitrepo.Commit, source string) (snapshot.Index, bool) {
	hash, dir, err := h.entry(c, snapshot.IndexRel(source))
	if err != nil || dir || hash.IsZero() {
		return snapshot.Index{}, false
	}
	b, err := h.hist.Blob(hash)
	if err != nil {
		return snapshot.Index{}, false
	}
	return snapshot.DecodeIndex(b)
}

// sourceEvent is the source.* event of commit c, read from the source's
// index (which is committed with every health change): its incident
// counter moved, and its failure streak and suspicious flag say which
// event it was. The id is the one the notifiers got (notify.EventID of the
// type, source and incident number), so a feed entry keeps it; the reason
// (data.error) is not in the history and stays empty.
func (h *history) sourceEvent(c, par *gitrepo.Commit, source string) (Event, bool) {
	now, ok := h.index(c, source)
	if !ok {
		return Event{}, false
	}
	before, had := h.index(par, source)
	if had && now.Incidents == before.Incidents {
		return Event{}, false
	}
	var typ string
	switch {
	case now.Suspicious && !before.Suspicious:
		typ = notify.SourceSuspicious
	case now.Failures > 0 && now.Failures > before.Failures && (had || now.FailedNow(h.failAfter)):
		// with no index before, the counter's start is unknown: the
		// run's rule says whether this failure notified
		typ = notify.SourceFailed
	case had && now.Failures == 0 && !now.Suspicious && (before.Failures > 0 || before.Suspicious):
		typ = notify.SourceRecovered
	default:
		return Event{}, false // a rebuilt index: fresh counters, no incident
	}
	return Event{
		ID: notify.EventID(typ, source, strconv.Itoa(now.Incidents)), Type: typ,
		Timestamp: c.When.UTC().Truncate(time.Second), Commit: c.Hash.String(),
		Data: notify.Data{Source: source},
	}, true
}
