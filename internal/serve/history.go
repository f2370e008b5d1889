package serve

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	gogit "github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/filemode"
	"github.com/go-git/go-git/v5/plumbing/object"

	"github.com/careers-watcher/careers-watcher/internal/diff"
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
	repo   *gogit.Repository
	prefix string // the snapshot folder relative to the work tree, slash-separated
	head   *object.Commit
}

// history opens the repository; nil when there is none or no commit yet.
func (f *Folder) history() *history {
	start := f.RepoRoot
	if start == "" {
		start = f.Dir
	}
	repo, err := gogit.PlainOpenWithOptions(start, &gogit.PlainOpenOptions{DetectDotGit: true, EnableDotGitCommonDir: true})
	if err != nil {
		return nil
	}
	wt, err := repo.Worktree()
	if err != nil {
		return nil
	}
	root, err := filepath.EvalSymlinks(wt.Filesystem.Root())
	if err != nil {
		return nil
	}
	dir, err := filepath.EvalSymlinks(f.Dir)
	if err != nil {
		return nil
	}
	rel, err := filepath.Rel(root, dir)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return nil
	}
	rel = filepath.ToSlash(rel)
	if rel == "." {
		rel = ""
	}
	ref, err := repo.Head()
	if err != nil {
		return nil
	}
	head, err := repo.CommitObject(ref.Hash())
	if err != nil {
		return nil
	}
	return &history{repo: repo, prefix: rel, head: head}
}

func (h *history) path(elem ...string) string {
	if h.prefix == "" {
		return path.Join(elem...)
	}
	return path.Join(append([]string{h.prefix}, elem...)...)
}

// entry is the hash of path in commit c (zero when absent), with whether it
// is a folder.
func entry(c *object.Commit, p string) (plumbing.Hash, bool, error) {
	if c == nil {
		return plumbing.ZeroHash, false, nil
	}
	t, err := c.Tree()
	if err != nil {
		return plumbing.ZeroHash, false, fmt.Errorf("serve: git: commit %s: %w", c.Hash, err)
	}
	e, err := t.FindEntry(p)
	if errors.Is(err, object.ErrEntryNotFound) || errors.Is(err, object.ErrDirectoryNotFound) {
		return plumbing.ZeroHash, false, nil
	}
	if err != nil {
		return plumbing.ZeroHash, false, fmt.Errorf("serve: git: commit %s: %s: %w", c.Hash, p, err)
	}
	return e.Hash, e.Mode == filemode.Dir, nil
}

// parent is c's first parent, nil for a root commit.
func parent(c *object.Commit) (*object.Commit, error) {
	if c.NumParents() == 0 {
		return nil, nil
	}
	p, err := c.Parent(0)
	if err != nil {
		return nil, fmt.Errorf("serve: git: parent of %s: %w", c.Hash, err)
	}
	return p, nil
}

// lastChange is the time of the newest commit that changed the source's
// folder.
func (h *history) lastChange(source string) (time.Time, bool, error) {
	p := h.path(source)
	c := h.head
	for i := 0; c != nil && i < maxWalk; i++ {
		par, err := parent(c)
		if err != nil {
			return time.Time{}, false, err
		}
		a, _, err := entry(c, p)
		if err != nil {
			return time.Time{}, false, err
		}
		b, _, err := entry(par, p)
		if err != nil {
			return time.Time{}, false, err
		}
		if a != b {
			return c.Committer.When.UTC(), true, nil
		}
		c = par
	}
	return time.Time{}, false, nil
}

func (h *history) posting(hash plumbing.Hash) (model.Posting, error) {
	b, err := h.blob(hash)
	if err != nil {
		return model.Posting{}, err
	}
	p, err := model.Decode(b)
	if err != nil {
		return model.Posting{}, fmt.Errorf("serve: git: blob %s: %w", hash, err)
	}
	return p, nil
}

func (h *history) blob(hash plumbing.Hash) ([]byte, error) {
	bl, err := h.repo.BlobObject(hash)
	if err != nil {
		return nil, fmt.Errorf("serve: git: blob %s: %w", hash, err)
	}
	r, err := bl.Reader()
	if err != nil {
		return nil, fmt.Errorf("serve: git: blob %s: %w", hash, err)
	}
	defer r.Close()
	b, err := io.ReadAll(io.LimitReader(r, 16<<20))
	if err != nil {
		return nil, fmt.Errorf("serve: git: blob %s: %w", hash, err)
	}
	return b, nil
}

// History is one posting's history from git, newest first: every commit
// that added, changed or removed its snapshot file.
func (f *Folder) History(source, id string) ([]Event, error) {
	h := f.history()
	if h == nil || !validSourceName(source) {
		return []Event{}, nil
	}
	name := snapshot.FileName(id) + ".json"
	p := h.path(source, name)
	out := []Event{}
	c := h.head
	cur, _, err := entry(c, p)
	if err != nil {
		return nil, err
	}
	for i := 0; c != nil && i < maxWalk; i++ {
		par, err := parent(c)
		if err != nil {
			return nil, err
		}
		prev, _, err := entry(par, p)
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
func (h *history) event(c *object.Commit, source, name string, old, new plumbing.Hash) (Event, bool, error) {
	ev := Event{Timestamp: c.Committer.When.UTC().Truncate(time.Second), Commit: c.Hash.String(), Data: notify.Data{Source: source}}
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
		if !q.Since.IsZero() && c.Committer.When.Before(q.Since) {
			break
		}
		par, err := parent(c)
		if err != nil {
			return nil, err
		}
		for _, src := range sources {
			evs, err := h.commitEvents(c, par, src)
			if err != nil {
				return nil, err
			}
			out = append(out, evs...)
			if ev, ok := h.sourceEvent(c, par, src); ok {
				out = append(out, ev)
			}
		}
		c = par
	}
	if len(out) > q.Limit {
		out = out[:q.Limit]
	}
	return out, nil
}

// commitEvents are the events of one source in commit c against its parent.
func (h *history) commitEvents(c, par *object.Commit, source string) ([]Event, error) {
	p := h.path(source)
	a, aDir, err := entry(c, p)
	if err != nil {
		return nil, err
	}
	b, bDir, err := entry(par, p)
	if err != nil {
		return nil, err
	}
	if a == b {
		return nil, nil
	}
	var ta, tb *object.Tree
	if aDir {
		if ta, err = h.repo.TreeObject(a); err != nil {
			return nil, fmt.Errorf("serve: git: tree %s: %w", a, err)
		}
	}
	if bDir {
		if tb, err = h.repo.TreeObject(b); err != nil {
			return nil, fmt.Errorf("serve: git: tree %s: %w", b, err)
		}
	}
	files := func(t *object.Tree) map[string]plumbing.Hash {
		m := map[string]plumbing.Hash{}
		if t == nil {
			return m
		}
		for _, e := range t.Entries {
			if e.Mode.IsFile() && strings.HasSuffix(e.Name, ".json") && !strings.HasPrefix(e.Name, ".") {
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

// index is a source's index file in commit c (ok false when absent or
// unreadable).
func (h *history) index(c *object.Commit, source string) (snapshot.Index, bool) {
	hash, dir, err := entry(c, h.path(snapshot.StateDir, "index", source+".json"))
	if err != nil || dir || hash.IsZero() {
		return snapshot.Index{}, false
	}
	b, err := h.blob(hash)
	if err != nil {
		return snapshot.Index{}, false
	}
	var idx snapshot.Index
	if json.Unmarshal(b, &idx) != nil {
		return snapshot.Index{}, false
	}
	return idx, true
}

// sourceEvent is the source.* event of commit c, read from the source's
// index (which is committed with every health change): its incident
// counter moved, and its failure streak and suspicious flag say which
// event it was. The id is the one the notifiers got (notify.EventID of the
// type, source and incident number), so a feed entry keeps it; the reason
// (data.error) is not in the history and stays empty.
func (h *history) sourceEvent(c, par *object.Commit, source string) (Event, bool) {
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
	case now.Failures > 0 && now.Failures > before.Failures:
		typ = notify.SourceFailed
	case had && now.Failures == 0 && !now.Suspicious && (before.Failures > 0 || before.Suspicious):
		typ = notify.SourceRecovered
	default:
		return Event{}, false // a rebuilt index: fresh counters, no incident
	}
	return Event{
		ID: notify.EventID(typ, source, strconv.Itoa(now.Incidents)), Type: typ,
		Timestamp: c.Committer.When.UTC().Truncate(time.Second), Commit: c.Hash.String(),
		Data: notify.Data{Source: source},
	}, true
}
