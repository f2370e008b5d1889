package serve

import (
	"fmt"
	"sort"
	"time"

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
	hist *gitrepo.History
	head *gitrepo.Commit
}

// history opens the repository; nil when there is none or no commit yet.
func (f *Folder) history() *history {
	hist, err := gitrepo.OpenHistory(f.RepoRoot, f.Dir)
	if err != nil {
		return nil
	}
	head, err := hist.Head()
	if err != nil || head == nil {
		return nil
	}
	return &history{hist: hist, head: head}
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

// lastChange is the time of the newest commit that changed the source's
// folder.
func (h *history) lastChange(source string) (time.Time, bool, error) {
	c := h.head
	for i := 0; c != nil && i < maxWalk; i++ {
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
	h := f.history()
	if h == nil || !validSourceName(source) {
		return []Event{}, nil
	}
	name := snapshot.PostingName(id)
	p := snapshot.PostingRel(source, id)
	out := []Event{}
	c := h.head
	cur, _, err := h.entry(c, p)
	if err != nil {
		return nil, err
	}
	for i := 0; c != nil && i < maxWalk; i++ {
		par, err := h.parent(c)
		if err != nil {
			return nil, err
		}
		prev, _, err := h.entry(par, p)
		if err != nil {
			return nil, err
		}
		if cur != prev {
			ev, ok, err := h.event(c, source, name, prev, cur)
			if err != nil {
				return nil, err
			}
			if ok {
				out = append(out, ev)
			}
		}
		c, cur = par, prev
	}
	return out, nil
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
	ev.ID = notify.EventID("git", c.Hash.String(), source, name, ev.Type)
	return ev, true, nil
}

// EventQuery selects events.
type EventQuery struct {
	Source string    // "" = every configured source
	Since  time.Time // only events at or after it (zero: no bound)
	Limit  int       // at most this many, newest first (0: 100)
}

// Events reads the events from the git history, newest first.
func (f *Folder) Events(q EventQuery) ([]Event, error) {
	if q.Limit <= 0 {
		q.Limit = 100
	}
	out := []Event{}
	h := f.history()
	if h == nil {
		return out, nil
	}
	var sources []string
	for _, s := range f.Sources {
		if q.Source == "" || q.Source == s.Name {
			sources = append(sources, s.Name)
		}
	}
	c := h.head
	for i := 0; c != nil && i < maxWalk && len(out) < q.Limit; i++ {
		if !q.Since.IsZero() && c.When.Before(q.Since) {
			break
		}
		par, err := h.parent(c)
		if err != nil {
			return nil, err
		}
		for _, src := range sources {
			evs, err := h.commitEvents(c, par, src)
			if err != nil {
				return nil, err
			}
			out = append(out, evs...)
		}
		c = par
	}
	if len(out) > q.Limit {
		out = out[:q.Limit]
	}
	return out, nil
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
	var ta, tb []gitrepo.Entry
	if aDir {
		if ta, err = h.hist.Folder(a); err != nil {
			return nil, fmt.Errorf("serve: %w", err)
		}
	}
	if bDir {
		if tb, err = h.hist.Folder(b); err != nil {
			return nil, fmt.Errorf("serve: %w", err)
		}
	}
	files := func(t []gitrepo.Entry) map[string]gitrepo.Hash {
		m := map[string]gitrepo.Hash{}
		for _, e := range t {
			if e.File && snapshot.IsPostingName(e.Name) {
				m[e.Name] = e.Hash
			}
		}
		return m
	}
	now, before := files(ta), files(tb)
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
	var out []Event
	for _, n := range names {
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
