package report

import (
	"errors"
	"fmt"
	"maps"
	"sort"
	"time"

	"github.com/careers-watcher/careers-watcher/internal/gitrepo"
	"github.com/careers-watcher/careers-watcher/internal/model"
	"github.com/careers-watcher/careers-watcher/internal/snapshot"
)

// MaxSkillTrends bounds Trend.Rising and Trend.Falling.
const MaxSkillTrends = 10

// Trend is what changed in the trend window, read from the git history of
// the source folders (the database's: its versions table, see
// pgstore.ReportReader; the counting below is the same).
//
// The walk follows first parents from HEAD back to the last commit before
// Since, and diffs the source folders' trees of each commit against its
// parent: file names added are postings opened, names removed are postings
// closed, and only the blobs of removed or changed files are read (to know
// the skills at the start of the window). The commit that creates a source's
// folder is that source's baseline: its postings are the start state, not
// "opened". The end state is HEAD; the work tree may hold newer, uncommitted
// files, which only the other tables count.
type Trend struct {
	// Available is false when there is no git history to read (no
	// repository, no commit); Notes say why.
	Available bool      `json:"available"`
	Head      string    `json:"head"`    // the commit the trend ends at
	Since     time.Time `json:"since"`   // start of the window
	Commits   int       `json:"commits"` // commits in the window that changed a source folder
	Opened    int       `json:"opened"`
	Closed    int       `json:"closed"`
	Start     int       `json:"start_postings"` // open at the start of the window
	End       int       `json:"end_postings"`   // open at Head
	// Weeks are every ISO week (UTC) from Since to Now, oldest first.
	Weeks   []Week        `json:"weeks"`
	Sources []TrendSource `json:"sources"` // by name
	// Rising and Falling are the skills whose share of postings naming
	// them (required, preferred or mentioned) moved the most between the
	// start and the end of the window: at most MaxSkillTrends each,
	// biggest change first, then name.
	Rising  []SkillTrend `json:"rising"`
	Falling []SkillTrend `json:"falling"`

	blobReads int // blobs read from git, for tests
}

// Week is the number of postings opened and closed in one ISO week.
type Week struct {
	Week   string `json:"week"`  // "2026-W05"
	Start  string `json:"start"` // its Monday, YYYY-MM-DD
	Opened int    `json:"opened"`
	Closed int    `json:"closed"`
}

// TrendSource is the trend of one source.
type TrendSource struct {
	Source string `json:"source"`
	// Start is Since, or the time of the commit that created the source's
	// folder when that is later.
	Start  time.Time `json:"start"`
	Opened int       `json:"opened"`
	Closed int       `json:"closed"`
	// StartPostings and EndPostings are open at Start and at Head.
	StartPostings int `json:"start_postings"`
	EndPostings   int `json:"end_postings"`
}

// SkillTrend is the change of one skill's share of postings.
type SkillTrend struct {
	Skill         string  `json:"skill"`
	Category      string  `json:"category"`
	StartPostings int     `json:"start_postings"`
	StartShare    float64 `json:"start_share"`
	EndPostings   int     `json:"end_postings"`
	EndShare      float64 `json:"end_share"`
	Change        float64 `json:"change"` // EndShare - StartShare
}

// History reads the git history of the source folders. A missing
// repository or an unborn branch is a note, not an error.
func (f *folderReader) History(sources []string, since time.Time) (History, error) {
	h := History{Sources: map[string]SourceHistory{}}
	hist, err := gitrepo.OpenHistory(f.repoRoot, f.dir)
	if errors.Is(err, gitrepo.ErrNoRepository) {
		h.Note = "no git repository holds " + f.dir + ": no trend"
		return h, nil
	}
	if err != nil {
		return h, fmt.Errorf("report: %w", err)
	}
	head, err := hist.Head()
	if err != nil {
		return h, fmt.Errorf("report: %w", err)
	}
	if head == nil {
		h.Note = "the git repository has no commit yet: no trend"
		return h, nil
	}
	w := &walker{hist: hist, trees: map[string]cachedTree{}}
	h.Available = true
	h.Head = head.Hash.String()

	// The state at HEAD: the skills of each posting file. Files whose
	// bytes equal the work tree's are not read again.
	state := map[string]map[string][]string{}
	for _, src := range sources {
		state[src] = map[string][]string{}
		eh, err := w.entryHash(head, src)
		if err != nil {
			return h, err
		}
		if eh.IsZero() {
			continue
		}
		tree, err := w.tree(src, eh)
		if err != nil {
			return h, err
		}
		for _, e := range tree {
			if !postingEntry(e) {
				continue
			}
			if fi, ok := f.files[src][e.Name]; ok && fi.blob == e.Hash {
				state[src][e.Name] = skillSet(fi.posting)
				continue
			}
			sk, ok, err := w.readSkills(e.Hash)
			if err != nil {
				return h, err
			}
			if ok {
				state[src][e.Name] = sk
			}
		}
	}
	starts := map[string]time.Time{}
	ends := map[string][][]string{}
	for _, src := range sources {
		ends[src] = skillLists(state[src])
	}

	// A shallow clone (CI checkouts often are) has commits whose parents
	// it lacks: the history ends there, and such a commit is the baseline.
	cut := time.Time{}
	done := map[string]bool{}
	for c := head; c != nil && !c.When.Before(since) && len(done) < len(sources); {
		if hist.Cut(c) {
			cut = c.When.UTC()
			for _, src := range sources {
				if !done[src] {
					done[src] = true
					starts[src] = cut
				}
			}
			break
		}
		parent, err := hist.Parent(c)
		if err != nil {
			return h, fmt.Errorf("report: %w", err)
		}
		touched := false
		for _, src := range sources {
			if done[src] {
				continue
			}
			hc, err := w.entryHash(c, src)
			if err != nil {
				return h, err
			}
			hp, err := w.entryHash(parent, src)
			if err != nil {
				return h, err
			}
			if hc == hp {
				continue
			}
			touched = true
			if hp.IsZero() {
				// the folder starts here: this commit is the baseline
				done[src] = true
				starts[src] = c.When.UTC()
				continue
			}
			opened, closed, err := w.diff(src, hc, hp, state[src])
			if err != nil {
				return h, err
			}
			h.Changes = append(h.Changes, Change{Source: src, When: c.When, Opened: opened, Closed: closed})
		}
		if touched {
			h.Commits++
		}
		c = parent
	}
	if !cut.IsZero() {
		h.Note = "the git history is shallow (a shallow clone): trend from " + cut.Format("2006-01-02 15:04 UTC") + ", the oldest commit it has"
	}
	for _, src := range sources {
		h.Sources[src] = SourceHistory{Start: starts[src], StartSkills: skillLists(state[src]), EndSkills: ends[src]}
	}
	h.reads = w.reads
	return h, nil
}

// skillLists are the skill lists of a folder's postings, by file name.
func skillLists(files map[string][]string) [][]string {
	out := make([][]string, 0, len(files))
	for _, name := range sortedKeys(files) {
		out = append(out, files[name])
	}
	return out
}

// walker reads trees and blobs, remembering the last folder read of each
// source: the parent's folder of one step is the child's folder of the next.
type walker struct {
	hist  *gitrepo.History
	trees map[string]cachedTree
	reads int // blobs read, for tests
}

type cachedTree struct {
	hash    gitrepo.Hash
	entries []gitrepo.Entry
}

// entryHash is the hash of the source's folder in commit c, or zero when
// the commit (nil: none) has none there.
func (w *walker) entryHash(c *gitrepo.Commit, src string) (gitrepo.Hash, error) {
	e, ok, err := w.hist.Lookup(c, src)
	if err != nil {
		return gitrepo.Hash{}, fmt.Errorf("report: %w", err)
	}
	if !ok || !e.Dir {
		return gitrepo.Hash{}, nil
	}
	return e.Hash, nil
}

func (w *walker) tree(src string, h gitrepo.Hash) ([]gitrepo.Entry, error) {
	if c, ok := w.trees[src]; ok && c.hash == h {
		return c.entries, nil
	}
	es, err := w.hist.Folder(h)
	if err != nil {
		return nil, fmt.Errorf("report: %w", err)
	}
	w.trees[src] = cachedTree{h, es}
	return es, nil
}

// diff compares a source folder in a commit (hc; zero when the commit
// removed the folder) with its parent (hp), and moves state from the
// commit's postings to the parent's.
func (w *walker) diff(src string, hc, hp gitrepo.Hash, state map[string][]string) (opened, closed int, err error) {
	var child []gitrepo.Entry
	if !hc.IsZero() {
		if child, err = w.tree(src, hc); err != nil {
			return 0, 0, err
		}
	}
	parent, err := w.tree(src, hp)
	if err != nil {
		return 0, 0, err
	}
	// both lists are sorted the git way; compare by name with a map to
	// stay correct whatever the order
	old := make(map[string]gitrepo.Hash, len(parent))
	for _, e := range parent {
		if postingEntry(e) {
			old[e.Name] = e.Hash
		}
	}
	added := map[string]bool{}
	for _, e := range child {
		if !postingEntry(e) {
			continue
		}
		ph, ok := old[e.Name]
		switch {
		case !ok:
			added[e.Name] = true
		case ph != e.Hash:
			if err := w.load(state, e.Name, ph); err != nil {
				return 0, 0, err
			}
		}
		delete(old, e.Name)
	}
	// A file removed here whose posting is in a file added under its
	// key's name was moved there (the key upgrade, snapshot.Moves):
	// neither opened nor closed. Only the removed files' blobs are read,
	// each once.
	before := make(map[string]gitrepo.Hash, len(old)+len(child))
	after := make(map[string]gitrepo.Hash, len(child))
	for _, e := range child {
		if postingEntry(e) {
			after[e.Name] = e.Hash
			if !added[e.Name] {
				before[e.Name] = e.Hash // in both (the hash is not compared)
			}
		}
	}
	maps.Copy(before, old)
	read := map[string]model.Posting{} // the removed files that are snapshots
	moves, err := snapshot.Moves(before, after, func(name string, h gitrepo.Hash) (model.Posting, bool, error) {
		p, ok, err := w.readFile(src, name, h)
		if ok {
			read[name] = p
		}
		return p, ok, err
	})
	if err != nil {
		return 0, 0, err
	}
	for _, name := range sortedKeys(old) {
		p, ok := read[name]
		if !ok {
			closed++ // counted as the added names are, by name
			delete(state, name)
			continue
		}
		if to, moved := moves[name]; moved && added[to] { // (one move to a name)
			delete(added, to)
			delete(state, to)
		} else {
			closed++
		}
		state[name] = skillSet(p)
	}
	for name := range added {
		opened++
		delete(state, name)
	}
	return opened, closed, nil
}

// readFile reads one blob as the snapshot file name of source src
// (snapshot.OwnFile: a file named by the rule before the key upgrade is
// its key's posting); ok is false when it is not one.
func (w *walker) readFile(src, name string, h gitrepo.Hash) (model.Posting, bool, error) {
	w.reads++
	data, err := w.hist.Blob(h)
	if err != nil {
		return model.Posting{}, false, fmt.Errorf("report: %w", err)
	}
	p, ok := snapshot.OwnFile(src, name, data, nil)
	return p, ok, nil
}

func (w *walker) load(state map[string][]string, name string, h gitrepo.Hash) error {
	sk, ok, err := w.readSkills(h)
	if err != nil {
		return err
	}
	if ok {
		state[name] = sk
	} else {
		delete(state, name)
	}
	return nil
}

// readSkills reads one snapshot blob; ok is false when it is not a posting.
func (w *walker) readSkills(h gitrepo.Hash) ([]string, bool, error) {
	w.reads++
	data, err := w.hist.Blob(h)
	if err != nil {
		return nil, false, fmt.Errorf("report: %w", err)
	}
	p, err := model.Decode(data)
	if err != nil {
		return nil, false, nil
	}
	return skillSet(p), true, nil
}

func postingEntry(e gitrepo.Entry) bool {
	return e.File && snapshot.IsPostingName(e.Name)
}

// skillSet is every skill a posting names.
func skillSet(p model.Posting) []string {
	var all []string
	all = append(all, p.Skills.Required...)
	all = append(all, p.Skills.Preferred...)
	all = append(all, p.Skills.Mentioned...)
	return uniq(all)
}

func skillTrends(start map[string]int, startTotal int, end map[string]int, endTotal int, category func(string) string) (rising, falling []SkillTrend) {
	names := map[string]bool{}
	for s := range start {
		names[s] = true
	}
	for s := range end {
		names[s] = true
	}
	rising, falling = []SkillTrend{}, []SkillTrend{}
	for s := range names {
		st := SkillTrend{Skill: s, Category: category(s), StartPostings: start[s], StartShare: share(start[s], startTotal),
			EndPostings: end[s], EndShare: share(end[s], endTotal)}
		if st.Category == "" {
			st.Category = "other"
		}
		st.Change = round4(st.EndShare - st.StartShare)
		switch {
		case st.Change > 0:
			rising = append(rising, st)
		case st.Change < 0:
			falling = append(falling, st)
		}
	}
	sort.Slice(rising, func(i, j int) bool {
		if rising[i].Change != rising[j].Change {
			return rising[i].Change > rising[j].Change
		}
		return rising[i].Skill < rising[j].Skill
	})
	sort.Slice(falling, func(i, j int) bool {
		if falling[i].Change != falling[j].Change {
			return falling[i].Change < falling[j].Change
		}
		return falling[i].Skill < falling[j].Skill
	})
	if len(rising) > MaxSkillTrends {
		rising = rising[:MaxSkillTrends]
	}
	if len(falling) > MaxSkillTrends {
		falling = falling[:MaxSkillTrends]
	}
	return rising, falling
}

// isoWeek returns "YYYY-Www" and the week's Monday (UTC).
func isoWeek(t time.Time) (string, string) {
	t = t.UTC()
	y, w := t.ISOWeek()
	wd := (int(t.Weekday()) + 6) % 7 // Monday = 0
	monday := time.Date(t.Year(), t.Month(), t.Day()-wd, 0, 0, 0, 0, time.UTC)
	return fmt.Sprintf("%04d-W%02d", y, w), monday.Format(time.DateOnly)
}

// weeks lists every ISO week from since to now.
func weeks(since, now time.Time) []Week {
	out := []Week{}
	_, first := isoWeek(since)
	_, last := isoWeek(now)
	d, _ := time.Parse(time.DateOnly, first)
	end, _ := time.Parse(time.DateOnly, last)
	for ; !d.After(end); d = d.AddDate(0, 0, 7) {
		k, m := isoWeek(d)
		out = append(out, Week{Week: k, Start: m})
	}
	return out
}

// blobHash is the git blob hash of b.
func blobHash(b []byte) gitrepo.Hash { return gitrepo.BlobHash(b) }
