// Package report turns a snapshot directory and its git history (or the
// database of store: postgres, through the same Reader) into a report
// of what companies hire for: open postings by role, level, location and team;
// skill demand by category; pay ranges by role and level; and the trend read
// from the git history of the snapshots (postings opened and closed per ISO
// week, skills rising and falling).
//
// Build computes a Report; WriteText, WriteMarkdown, WriteJSON and WriteHTML
// render it. (The README.md kept inside each source's snapshot folder is
// internal/snapshot's: SourceReadme.)
//
// # JSON
//
// WriteJSON writes the Report struct with the json tags below (2-space
// indent, trailing newline). Keys are stable: they change only on purpose.
// Every list has a fixed order (documented on its field), shares are
// fractions of the open postings rounded to 4 decimals, times are RFC 3339
// in UTC, and lists are [] rather than null.
//
//	{
//	  "generated_at": "2026-03-02T12:00:00Z",   // Options.Now
//	  "since": "2025-12-08T00:00:00Z",          // start of the trend window, no earlier than the first snapshot commit
//	  "open_postings": 12,
//	  "sources": [{"name": "netflix-data-insights", "postings": 12, "share": 1}],
//	  "roles":      [{"name", "postings", "share"}],  // by postings desc, then name
//	  "levels":     [...],   // L1..L9, then seniority words in rank order, then others, "(none)" last
//	  "teams":      [...],   // by postings desc, then name
//	  "countries":  [...],   // ISO code, or the platform's label; "(none)" for no place
//	                         // (a bare "Remote" location has no country)
//	  "cities":     [...],   // "City, Region, CC"
//	  "workplaces": [...],   // onsite, hybrid, remote, "(unspecified)"
//	  "remote_postings": 3,  // workplace remote or a remote location
//	  "skill_categories": [{
//	    "category": "language", "postings": 9, "share": 0.75,
//	    "skills": [{"skill": "Python", "postings": 8, "share": 0.6667,
//	                "required": 6, "preferred": 1, "mentioned": 1}]
//	  }],                     // categories and skills by postings desc, then name
//	  "pay": {
//	    "by_role":       [PayRow],  // by role, currency, period
//	    "by_role_level": [PayRow]   // by role, level order, currency, period
//	  },
//	  "trend": {
//	    "available": true,     // false without git history (see "notes")
//	    "head": "<commit>", "since": "...", "commits": 5,   // store: postgres: head "", commits = writes
//	                                                        // (versions recorded at one time) that changed a source
//	    "opened": 5, "closed": 3, "start_postings": 6, "end_postings": 8,
//	    "weeks": [{"week": "2026-W06", "start": "2026-02-02", "opened": 2, "closed": 1}],
//	    "sources": [{"source", "start", "opened", "closed", "start_postings", "end_postings"}],
//	    "rising":  [{"skill", "category", "start_postings", "start_share",
//	                 "end_postings", "end_share", "change"}],   // |change| > 1/min(start, end) postings

//	    "falling": [...]
//	  },
//	  "postings": [{"source": "netflix-data-insights", "postings": [{"id", "title",
//	                "url", "levels", "location", "pay"}]}],   // by source, then title, id
//	  "notes": ["acme: broken.json: not a posting: ..."]
//	}
//
// A PayRow is {"role", "level" (omitted in by_role), "currency", "period",
// "postings", "ranges", "min": {"min","median","max"} (of the ranges' lower
// bounds), "max": {...} (of their upper bounds), "yearly": {"factor": 2080,
// "min": Stats, "max": Stats} (only for month, week, day and hour ranges:
// a yearly equivalent, labelled as such)}.
package report

import (
	"errors"
	"fmt"
	"path/filepath"
	"sort"
	"time"

	"github.com/careers-watcher/careers-watcher/internal/model"
	"github.com/careers-watcher/careers-watcher/internal/normalize"
	"github.com/careers-watcher/careers-watcher/internal/snapshot"
)

// DefaultWindow is the trend window when Options.Since is zero.
const DefaultWindow = 12 * 7 * 24 * time.Hour

// Options select what Build reads.
type Options struct {
	// SnapshotDir is the snapshot directory: <dir>/<source>/<id>.json.
	SnapshotDir string
	// Sources are the source folders to report on; empty means every
	// folder of SnapshotDir whose name does not start with a dot.
	Sources []string
	// Since starts the trend window; zero means Now - DefaultWindow.
	Since time.Time
	// Now ends the trend window and is the report's time; zero means
	// time.Now().
	Now time.Time
	// RepoRoot is the work tree of the git repository holding the
	// snapshots; "" discovers it from SnapshotDir (walking up). Without a
	// repository the report has no trend (Trend.Available is false).
	RepoRoot string
	// Reader is the store to read; nil reads SnapshotDir and its git
	// history (RepoRoot).
	Reader Reader
	// Category maps a canonical skill name to its category; nil uses the
	// embedded taxonomy of package normalize. Skills without a category
	// are reported under "other".
	Category func(skill string) string
}

// Report is the result of Build. Its JSON form is documented in the package
// comment.
type Report struct {
	GeneratedAt     time.Time       `json:"generated_at"`
	Since           time.Time       `json:"since"`
	Open            int             `json:"open_postings"`
	Sources         []Count         `json:"sources"`
	Roles           []Count         `json:"roles"`
	Levels          []Count         `json:"levels"`
	Teams           []Count         `json:"teams"`
	Countries       []Count         `json:"countries"`
	Cities          []Count         `json:"cities"`
	Workplaces      []Count         `json:"workplaces"`
	Remote          int             `json:"remote_postings"`
	SkillCategories []SkillCategory `json:"skill_categories"`
	Pay             Pay             `json:"pay"`
	Trend           Trend           `json:"trend"`
	// Postings lists the open postings of each source (see postings.go).
	Postings []SourcePostings `json:"postings"`
	// Notes are warnings about the input (unreadable files, missing
	// history), in the order they were found.
	Notes []string `json:"notes"`
}

// Count is a number of open postings with a share of all open postings.
type Count struct {
	Name     string  `json:"name"`
	Postings int     `json:"postings"`
	Share    float64 `json:"share"`
}

// SkillCategory is the demand for the skills of one taxonomy category.
type SkillCategory struct {
	Category string        `json:"category"`
	Postings int           `json:"postings"` // postings naming at least one skill of the category
	Share    float64       `json:"share"`
	Skills   []SkillDemand `json:"skills"`
}

// SkillDemand counts the open postings that name a skill, by list.
type SkillDemand struct {
	Skill     string  `json:"skill"`
	Postings  int     `json:"postings"` // required + preferred + mentioned
	Share     float64 `json:"share"`
	Required  int     `json:"required"`
	Preferred int     `json:"preferred"`
	Mentioned int     `json:"mentioned"`
}

// Pay holds the pay ranges of open postings.
type Pay struct {
	ByRole      []PayRow `json:"by_role"`
	ByRoleLevel []PayRow `json:"by_role_level"`
}

// PayRow summarises the ranges of one group in one currency and period.
type PayRow struct {
	Role     string  `json:"role"`
	Level    string  `json:"level,omitempty"`
	Currency string  `json:"currency"`
	Period   string  `json:"period"`
	Postings int     `json:"postings"`
	Ranges   int     `json:"ranges"`
	Min      Stats   `json:"min"` // of the ranges' lower bounds
	Max      Stats   `json:"max"` // of the ranges' upper bounds
	Yearly   *Yearly `json:"yearly,omitempty"`
}

// Stats are the minimum, median and maximum of some amounts.
type Stats struct {
	Min    float64 `json:"min"`
	Median float64 `json:"median"`
	Max    float64 `json:"max"`
}

// Yearly is the yearly equivalent of a month, week, day or hour row:
// amounts times Factor (12, 52, 260 or 2080).
type Yearly struct {
	Factor float64 `json:"factor"`
	Min    Stats   `json:"min"`
	Max    Stats   `json:"max"`
}

// yearFactors convert a labelled period to a yearly equivalent.
var yearFactors = map[string]float64{"month": 12, "week": 52, "day": 260, "hour": 2080}

// Build reads the store (Options.Reader, else the snapshot directory and
// its git history): the open postings and the trend window's history, and
// computes the report.
func Build(opts Options) (*Report, error) {
	rd := opts.Reader
	if rd == nil {
		if opts.SnapshotDir == "" {
			return nil, errors.New("report: no snapshot directory")
		}
		dir, err := filepath.Abs(opts.SnapshotDir)
		if err != nil {
			return nil, fmt.Errorf("report: %w", err)
		}
		rd = &folderReader{store: &snapshot.Store{Dir: dir}, dir: dir, repoRoot: opts.RepoRoot}
	}
	if opts.Now.IsZero() {
		opts.Now = time.Now()
	}
	opts.Now = opts.Now.UTC()
	if opts.Since.IsZero() {
		opts.Since = opts.Now.Add(-DefaultWindow)
	}
	opts.Since = opts.Since.UTC()
	if opts.Since.After(opts.Now) {
		return nil, fmt.Errorf("report: since %s is after now %s", opts.Since.Format(time.RFC3339), opts.Now.Format(time.RFC3339))
	}
	category := opts.Category
	if category == nil {
		tax, err := normalize.LoadTaxonomy(nil)
		if err != nil {
			return nil, fmt.Errorf("report: %w", err)
		}
		category = tax.Category
	}

	sources, err := rd.Sources(opts.Sources)
	if err != nil {
		return nil, err
	}
	r := &Report{GeneratedAt: opts.Now, Since: opts.Since, Notes: []string{}}
	var all []model.Posting
	current := map[string][]model.Posting{} // source -> open postings
	var srcCounts []Count
	for _, src := range sources {
		ps, notes, err := rd.Open(src)
		if err != nil {
			return nil, err
		}
		for _, n := range notes {
			r.Notes = append(r.Notes, src+": "+n)
		}
		current[src] = ps
		all = append(all, ps...)
		srcCounts = append(srcCounts, Count{Name: src, Postings: len(ps)})
	}
	r.summarise(all, category)
	r.Sources = withShares(srcCounts, r.Open)

	h, err := rd.History(sources, opts.Since)
	if err != nil {
		return nil, err
	}
	if h.Note != "" {
		r.Notes = append(r.Notes, h.Note)
	}
	trend := assembleTrend(h, sources, opts, category)
	trend.settle()
	r.Trend, r.Since = trend, trend.Since
	r.Postings = listPostings(sources, current)
	return r, nil
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
