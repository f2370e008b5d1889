// Package serve reads a snapshot folder for people and programs: the status
// of each source, its open postings, one posting's history and the recent
// events (read from the git history of the snapshot files), and serves them
// as a dashboard, Atom feeds, a JSON API and Prometheus metrics. It never
// writes to the folder.
package serve

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"time"

	"github.com/robfig/cron/v3"

	"github.com/careers-watcher/careers-watcher/internal/gitrepo"
	"github.com/careers-watcher/careers-watcher/internal/model"
	"github.com/careers-watcher/careers-watcher/internal/notify"
	"github.com/careers-watcher/careers-watcher/internal/snapshot"
)

// SourceConfig is what the config says of a source (only what the views
// show).
type SourceConfig struct {
	Name     string
	Type     string
	Company  string
	Schedule string // cron spec or @every
}

// Folder is a snapshot folder read-only, with the sources of the config.
type Folder struct {
	Dir     string
	Sources []SourceConfig
	// RepoRoot is where the git repository is looked for ("" = Dir and its
	// parents).
	RepoRoot string
	// Push is set when git.push is configured: the views show the commits
	// not pushed yet (of PushBranch, "" HEAD's branch).
	Push       bool
	PushBranch string
	// FailAfter is the config's guard.fail_after (0: its default): a
	// source's first failed run is a source.failed event only when it
	// reached it.
	FailAfter int
	now       func() time.Time
	changes   *changeCache // the sources' last changes (nil: read each time)
	names     *namesCache  // the posting files each source's folder held (nil: walk for each id)
	chain     *chainCache  // the HEAD's chain as far as cursors walked it (nil: walked for each page)
	// walks bounds the history walks (a posting's history, the events)
	// running at once: each may read up to maxWalk commits, and requests
	// beyond it are answered 503 rather than queued (nil: unbounded)
	walks chan struct{}
	// eventWalk bounds the commits one page of events walks (0: maxWalk,
	// maxFilteredWalk with a filter); tests set it small
	eventWalk int
}

// maxWalks is how many history walks run at once (Folder.walks).
const maxWalks = 2

// ErrBusy is the answer to a history read while maxWalks others run.
var ErrBusy = errors.New("serve: busy reading the history for other requests: try again in a few seconds")

// walk takes a place for a history walk; done gives it back.
func (f *Folder) walk() (done func(), err error) {
	if f.walks == nil {
		return func() {}, nil
	}
	select {
	case f.walks <- struct{}{}:
		return func() { <-f.walks }, nil
	default:
		return nil, ErrBusy
	}
}

// Unpushed counts the commits not pushed to git.push.remote yet; ok is
// false when git.push is not configured or there is no repository.
func (f *Folder) Unpushed() (n int, ok bool, err error) {
	if !f.Push {
		return 0, false, nil
	}
	dir := f.RepoRoot
	if dir == "" {
		dir = f.Dir
	}
	return gitrepo.UnpushedIn(dir, f.PushBranch)
}

// NewFolder reads the snapshot folder dir. It does not create anything.
func NewFolder(dir string, sources []SourceConfig) (*Folder, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, fmt.Errorf("serve: snapshot folder %s: %w", dir, err)
	}
	return &Folder{Dir: abs, Sources: sources, now: time.Now, changes: &changeCache{}, names: &namesCache{}, chain: &chainCache{}, walks: make(chan struct{}, maxWalks)}, nil
}

func (f *Folder) store() *snapshot.Store { return &snapshot.Store{Dir: f.Dir} }

// Readable reports whether the snapshot folder can be read.
func (f *Folder) Readable() error {
	if _, err := os.ReadDir(f.Dir); err != nil {
		return fmt.Errorf("serve: snapshot folder: %w", err)
	}
	return nil
}

// Source finds a configured source by name.
func (f *Folder) Source(name string) (SourceConfig, bool) {
	for _, s := range f.Sources {
		if s.Name == name {
			return s, true
		}
	}
	return SourceConfig{}, false
}

// Status is one row of `watcher status` and of the dashboard.
type Status struct {
	Name    string `json:"name"`
	Type    string `json:"type"`
	Company string `json:"company"`
	// Health: "ok", "failing" (Failures runs in a row), "suspicious"
	// (the last listing was held back as too small) or "new" (no run of
	// the source is known: no posting, no change, no run record; review
	// s33 F8: it read "ok" and watcher_source_healthy 1).
	Health     string `json:"health"`
	Failures   int    `json:"failures"`
	Suspicious bool   `json:"suspicious"`
	// Generation counts the runs of this source that reported a change.
	Generation int `json:"generation"`
	// LastChange is the time of the last commit that touched the source's
	// folder (null without history).
	LastChange *time.Time `json:"last_change"`
	// LastRun and LastSuccess are when the source's last run and last
	// successful run ended, from the run record (snapshot.RecordRun), which
	// is local to the machine that runs the watcher and not in git: null
	// before a first run there (a fresh clone, an older folder).
	LastRun     *time.Time `json:"last_run"`
	LastSuccess *time.Time `json:"last_success"`
	Open        int        `json:"open_postings"`
	// Pending is the number of undelivered events per notifier.
	Pending map[string]int `json:"pending_deliveries"`
	// NextRun is when the daemon runs the source next: the time the
	// daemon recorded at its last run of the source while that is ahead,
	// else the schedule's next time (for @every, an interval after the
	// last run); null when the schedule cannot be read.
	NextRun *time.Time `json:"next_run"`
}

// HealthText is the health as the table shows it.
func (s Status) HealthText() string {
	switch s.Health {
	case "failing":
		return fmt.Sprintf("failing %d", s.Failures)
	case "new":
		return "never run"
	}
	return s.Health
}

// NeverRun marks st "new" when nothing of a run of its source is known:
// health ok, no posting, no change (generation 0, no last change) and no
// run record.
func NeverRun(st *Status) {
	if st.Health == "ok" && st.Open == 0 && st.Generation == 0 && st.LastChange == nil && st.LastRun == nil &&
		st.LastSuccess == nil {
		st.Health = "new"
	}
}

// sourceNames are the configured sources' names.
func (f *Folder) sourceNames() []string {
	names := make([]string, len(f.Sources))
	for i, sc := range f.Sources {
		names[i] = sc.Name
	}
	return names
}

// Statuses lists every configured source's status, in config order.
func (f *Folder) Statuses() ([]Status, error) {
	pending, err := f.Pending()
	if err != nil {
		return nil, err
	}
	hist, err := f.history()
	if err != nil {
		return nil, err
	}
	out := make([]Status, 0, len(f.Sources))
	for _, sc := range f.Sources {
		st, err := f.status(sc, pending[sc.Name], hist)
		if err != nil {
			return nil, err
		}
		out = append(out, st)
	}
	return out, nil
}

func (f *Folder) status(sc SourceConfig, pending map[string]int, hist *history) (Status, error) {
	st := Status{Name: sc.Name, Type: sc.Type, Company: sc.Company, Health: "ok", Pending: pending}
	if st.Pending == nil {
		st.Pending = map[string]int{}
	}
	idx, err := f.index(sc.Name)
	if err != nil {
		return st, err
	}
	st.Failures, st.Suspicious, st.Generation = idx.Failures, idx.Suspicious, idx.Generation
	switch {
	case idx.Failures > 0:
		st.Health = "failing"
	case idx.Suspicious:
		st.Health = "suspicious"
	}
	st.Open = len(idx.Postings)
	rec, ok, err := f.store().PeekRun(sc.Name)
	if err != nil {
		return st, fmt.Errorf("serve: source %q: %w", sc.Name, err)
	}
	if ok {
		st.LastRun = &rec.LastRun
		if !rec.LastSuccess.IsZero() {
			st.LastSuccess = &rec.LastSuccess
		}
	}
	if hist != nil {
		if t, ok, err := hist.lastChangeCached(f.changes, f.sourceNames(), sc.Name); err != nil {
			return st, err
		} else if ok {
			st.LastChange = &t
		}
	}
	if ok && rec.NextRun.After(f.now()) {
		// the daemon that made the last run said when it runs next
		n := rec.NextRun
		st.NextRun = &n
	} else if sc.Schedule != "" {
		p := cron.NewParser(cron.SecondOptional | cron.Minute | cron.Hour | cron.Dom | cron.Month | cron.Dow | cron.Descriptor)
		if sch, err := p.Parse(sc.Schedule); err == nil {
			n := sch.Next(f.now()).UTC()
			// an interval (@every) runs from the daemon's last run, not
			// from whenever status is asked
			if _, every := sch.(cron.ConstantDelaySchedule); every && st.LastRun != nil {
				if after := sch.Next(*st.LastRun).UTC(); after.After(f.now()) {
					n = after
				}
			}
			st.NextRun = &n
		}
	}
	NeverRun(&st)
	return st, nil
}

// index reads a source's index without rebuilding or writing anything: a
// missing index is read from the snapshot files' names.
func (f *Folder) index(source string) (snapshot.Index, error) {
	idx, err := f.store().PeekIndex(source)
	if err != nil {
		return idx, fmt.Errorf("serve: source %q: %w", source, err)
	}
	return idx, nil
}

// Postings reads every open posting of a source, sorted by id. A missing
// folder is no posting.
func (f *Folder) Postings(source string) ([]model.Posting, error) {
	return f.readPostings(source, false)
}

// Listing is Postings without the descriptions, and with the values that
// repeat across postings shared (intern): what the server keeps. Each
// description is dropped as its file is read, so reading 100,000 postings
// never holds 100,000 descriptions.
func (f *Folder) Listing(source string) ([]model.Posting, error) {
	return f.readPostings(source, true)
}

func (f *Folder) readPostings(source string, lite bool) ([]model.Posting, error) {
	if !validSourceName(source) {
		return nil, fmt.Errorf("serve: source %q: not a source name", source)
	}
	byKey := map[string]model.Posting{}
	err := f.store().EachFile(source, func(name string, b []byte) error {
		// a file named by the rule before the key upgrade is the posting
		// of its key too (snapshot.OwnFile)
		p, ok := snapshot.OwnFile(source, name, b, nil)
		if !ok {
			return nil // not a snapshot file
		}
		if _, dup := byKey[p.ID]; dup && snapshot.PostingName(p.ID) != name {
			return nil // two files of one key: the one named after it is it
		}
		if lite {
			p.Description = ""
			intern(&p)
		}
		byKey[p.ID] = p
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("serve: source %q: %w", source, err)
	}
	out := make([]model.Posting, 0, len(byKey))
	for _, p := range byKey {
		out = append(out, p)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out, nil
}

// Posting reads one open posting; ok is false when it is not open.
func (f *Folder) Posting(source, id string) (model.Posting, bool, error) {
	if !validSourceName(source) {
		return model.Posting{}, false, nil
	}
	st := f.store()
	p, ok, err := st.Lookup(source, id)
	if err != nil {
		return model.Posting{}, false, fmt.Errorf("serve: source %q: posting %q: %w", source, id, err)
	}
	if ok || !st.NeedsKeyUpgrade(source, nil) {
		return p, ok, nil
	}
	// a folder written before the key upgrade: the posting's file may be
	// named by the older rule
	err = st.EachFile(source, func(name string, b []byte) error {
		if q, own := snapshot.OwnFile(source, name, b, nil); own && q.ID == id && (!ok || snapshot.PostingName(id) == name) {
			p, ok = q, true
		}
		return nil
	})
	if err != nil {
		return model.Posting{}, false, fmt.Errorf("serve: source %q: posting %q: %w", source, id, err)
	}
	return p, ok, nil
}

// Pending counts the undelivered events per source and notifier, from the
// outbox files.
func (f *Folder) Pending() (map[string]map[string]int, error) {
	out, err := notify.PendingIn(f.store().OutboxDir())
	if err != nil {
		return nil, fmt.Errorf("serve: %w", err)
	}
	return out, nil
}

// OutboxDepth is the number of undelivered events.
func (f *Folder) OutboxDepth() int { return notify.DepthIn(f.store().OutboxDir()) }

func validSourceName(s string) bool {
	if s == "" || len(s) > 64 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}

// Detail is one posting and its history: the API's posting answer.
type Detail struct {
	Open    bool           `json:"open"`
	Posting *model.Posting `json:"posting"` // the open version, else the last known one (null: never seen)
	History []Event        `json:"history"` // newest first
	// ShallowFrom: the history is a shallow clone's (a CI checkout), and
	// the posting's was followed back to its oldest commit without
	// reaching its addition: nothing before is known (omitted otherwise).
	ShallowFrom *HistoryCut `json:"shallow_from,omitempty"`
}

// HistoryCut is the oldest commit a shallow clone has.
type HistoryCut struct {
	Commit    string    `json:"commit"`
	Timestamp time.Time `json:"timestamp"` // its committer's time
}

// Detail reads a posting and its history. A closed posting comes from its
// last version in the history; Posting is nil when there is none. The
// history's walk stops when ctx ends.
func (f *Folder) Detail(ctx context.Context, source, id string) (Detail, error) {
	d := Detail{History: []Event{}}
	p, ok, err := f.Posting(source, id)
	if err != nil {
		return d, err
	}
	if ok {
		d.Open, d.Posting = true, &p
	}
	var cut *gitrepo.Commit
	if d.History, cut, err = f.historyFrom(ctx, source, id); err != nil {
		return d, err
	}
	// (a history that starts with the posting's addition is whole)
	if n := len(d.History); cut != nil && (n == 0 || d.History[n-1].Type != notify.PostingAdded) {
		d.ShallowFrom = &HistoryCut{Commit: cut.Hash.String(), Timestamp: cut.When.UTC()}
	}
	if d.Posting == nil {
		for _, ev := range d.History {
			if ev.Data.Posting != nil {
				d.Posting = ev.Data.Posting
				break
			}
		}
	}
	return d, nil
}
