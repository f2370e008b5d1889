package report

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/careers-watcher/careers-watcher/internal/gitrepo"
	"github.com/careers-watcher/careers-watcher/internal/model"
	"github.com/careers-watcher/careers-watcher/internal/snapshot"
)

// Reader is what Build reads of a store: its sources, their open postings
// and the history of the trend window. The snapshot folder with its git
// history is one (the default, Options.SnapshotDir); the PostgreSQL store's
// is pgstore.ReportReader, whose history is the versions table. Build
// calls Sources, then Open for each source, then History once.
type Reader interface {
	// Sources checks the requested sources (each must be known to the
	// store) or, with none requested, lists every source; sorted, without
	// repeats. Errors start with "report: ".
	Sources(want []string) ([]string, error)
	// Open reads the open postings of a source, in a fixed order; notes
	// are warnings about unreadable entries.
	Open(source string) (postings []model.Posting, notes []string, err error)
	// History reads what changed in the sources from since on.
	History(sources []string, since time.Time) (History, error)
}

// History is a store's account of the trend window, before Build counts
// it into weeks and skill shares.
type History struct {
	// Available is false when the store has no history (no repository,
	// no commit); Note says why.
	Available bool
	// Head names where the history ends: a commit; "" for the database
	// (it ends now).
	Head string
	// Note is a warning about the history ("" none).
	Note string
	// Commits is the number of writes in the window that changed a
	// source: commits of the folder, the database's transactions
	// (versions recorded at one time).
	Commits int
	// Sources is the history of each source of the request.
	Sources map[string]SourceHistory
	// Changes are the postings opened and closed in the window, per write
	// and source (any order).
	Changes []Change

	reads int // blobs read from git, for tests
}

// SourceHistory is one source's start and end in the window.
type SourceHistory struct {
	// Start is when the source's history starts in the window: zero for
	// the window's start; the source's first write when it is later (that
	// write is the baseline, its postings not counted as opened).
	Start time.Time
	// StartSkills and EndSkills are the skills (every list) of each
	// posting open at Start and at the end of the history.
	StartSkills [][]string
	EndSkills   [][]string
}

// Change is what one write did to one source.
type Change struct {
	Source string
	When   time.Time
	Opened int
	Closed int
}

// assembleTrend counts a store's history into the Trend.
func assembleTrend(h History, sources []string, opts Options, category func(string) string) Trend {
	t := Trend{Since: opts.Since, Weeks: weeks(opts.Since, opts.Now), Sources: []TrendSource{}, Rising: []SkillTrend{}, Falling: []SkillTrend{}}
	if !h.Available {
		return t
	}
	t.Available, t.Head, t.Commits, t.blobReads = true, h.Head, h.Commits, h.reads
	weekIdx := map[string]int{}
	for i, wk := range t.Weeks {
		weekIdx[wk.Week] = i
	}
	bySrc := map[string]*TrendSource{}
	var start, end [][]string
	for _, src := range sources {
		sh := h.Sources[src]
		ts := &TrendSource{Source: src, Start: opts.Since, StartPostings: len(sh.StartSkills), EndPostings: len(sh.EndSkills)}
		if !sh.Start.IsZero() {
			ts.Start = sh.Start.UTC()
		}
		bySrc[src] = ts
		start = append(start, sh.StartSkills...)
		end = append(end, sh.EndSkills...)
	}
	for _, c := range h.Changes {
		ts := bySrc[c.Source]
		if ts == nil {
			continue
		}
		ts.Opened += c.Opened
		ts.Closed += c.Closed
		t.Opened += c.Opened
		t.Closed += c.Closed
		key, monday := isoWeek(c.When)
		i, ok := weekIdx[key]
		if !ok {
			t.Weeks = append(t.Weeks, Week{Week: key, Start: monday})
			sort.Slice(t.Weeks, func(a, b int) bool { return t.Weeks[a].Start < t.Weeks[b].Start })
			for j, wk := range t.Weeks {
				weekIdx[wk.Week] = j
			}
			i = weekIdx[key]
		}
		t.Weeks[i].Opened += c.Opened
		t.Weeks[i].Closed += c.Closed
	}
	for _, src := range sources {
		t.Sources = append(t.Sources, *bySrc[src])
	}
	startCounts, startTotal := skillCounts(start)
	endCounts, endTotal := skillCounts(end)
	t.Start, t.End = startTotal, endTotal
	t.Rising, t.Falling = skillTrends(startCounts, startTotal, endCounts, endTotal, category)
	return t
}

// folderReader reads a snapshot folder (the work tree: the open postings)
// and the git history of its source folders (the trend).
type folderReader struct {
	store    *snapshot.Store
	dir      string // absolute
	repoRoot string
	// files are the postings Open read, with the git blob hash of their
	// bytes: History does not read again a blob the work tree has.
	files map[string]map[string]fileInfo
}

// fileInfo is a posting read from the work tree with the git blob hash of
// its bytes.
type fileInfo struct {
	posting model.Posting
	blob    gitrepo.Hash
}

// Sources checks the requested sources or lists the folders.
func (f *folderReader) Sources(want []string) ([]string, error) {
	if len(want) > 0 {
		seen := map[string]bool{}
		var out []string
		for _, s := range want {
			if s == "" || strings.ContainsAny(s, `/\`) || strings.HasPrefix(s, ".") {
				return nil, fmt.Errorf("report: source %q: not a source folder name", s)
			}
			if !f.store.HasSource(s) {
				return nil, fmt.Errorf("report: source %q: no folder %s", s, f.store.SourceDir(s))
			}
			if !seen[s] {
				seen[s] = true
				out = append(out, s)
			}
		}
		sort.Strings(out)
		return out, nil
	}
	out, err := f.store.Sources()
	if err != nil {
		return nil, fmt.Errorf("report: %w", err)
	}
	return out, nil
}

// Open reads the snapshot files of one source folder, by file name.
func (f *folderReader) Open(source string) ([]model.Posting, []string, error) {
	files := map[string]fileInfo{}
	var notes []string
	err := f.store.EachFile(source, func(name string, b []byte) error {
		p, err := model.Decode(b)
		if err != nil {
			notes = append(notes, fmt.Sprintf("%s: not a posting: %v", name, err))
			return nil
		}
		files[name] = fileInfo{posting: p, blob: blobHash(b)}
		return nil
	})
	if err != nil {
		return nil, nil, fmt.Errorf("report: %w", err)
	}
	if f.files == nil {
		f.files = map[string]map[string]fileInfo{}
	}
	f.files[source] = files
	out := make([]model.Posting, 0, len(files))
	for _, name := range sortedKeys(files) {
		out = append(out, files[name].posting)
	}
	return out, notes, nil
}

func skillCounts(state [][]string) (map[string]int, int) {
	counts := map[string]int{}
	for _, sk := range state {
		for _, s := range sk {
			counts[s]++
		}
	}
	return counts, len(state)
}

// SkillsOf is every skill of the lists, each once: what the trend counts
// of a posting (for a Reader's SourceHistory).
func SkillsOf(s model.Skills) []string {
	return skillSet(model.Posting{Skills: s})
}

// Restrict is rd limited to the named sources (a config's): a report
// with no source requested covers every one of them and no other source
// rd knows (a shared database holds other teams' boards), and a named
// source rd has nothing of is reported empty, as a source folder with no
// posting file is; a requested source not named is an error.
func Restrict(rd Reader, names []string) Reader {
	return &restricted{Reader: rd, names: names}
}

type restricted struct {
	Reader
	names []string
}

func (r *restricted) Sources(want []string) ([]string, error) {
	known := map[string]bool{}
	for _, n := range r.names {
		known[n] = true
	}
	if len(want) == 0 {
		want = r.names
	}
	seen := map[string]bool{}
	out := []string{}
	for _, s := range want {
		if !known[s] {
			return nil, fmt.Errorf("report: source %q: not a source of the config", s)
		}
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	sort.Strings(out)
	return out, nil
}
