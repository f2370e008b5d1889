package watch

import (
	"slices"
	"strconv"
	"strings"

	"github.com/careers-watcher/careers-watcher/internal/diff"
	"github.com/careers-watcher/careers-watcher/internal/model"
)

// maxTitle bounds a title in a commit body.
const maxTitle = 100

// line is a posting in a commit body: id and title, control characters and
// bidirectional overrides out, the title cut.
func line(p model.Posting) string {
	return diff.Truncate(diff.Clean(p.ID), maxIDShown) + " " + diff.Truncate(diff.Clean(p.Title), maxTitle)
}

// maxIDShown is the longest posting id a commit line shows whole (an id
// keyed by a long URL is cut, with an ellipsis).
const maxIDShown = 200

// changedLines is a changed posting in a commit body: "~ id title", then
// one indented line per changed field, old -> new (diff.Lines):
//
//	~ 790311790854 Software Engineer (L5)
//	  salary USD 100,000-720,000 -> 120,000-750,000/year
//	  skills.required +PyTorch -Java
func changedLines(p model.Posting, changes []model.Change) string {
	var b strings.Builder
	b.WriteString("~ " + line(p))
	for _, l := range diff.Lines(changes) {
		b.WriteString("\n  " + l)
	}
	return b.String()
}

// counts are the source's numbers of this run that are not zero, in the
// words of the commit subject: "1 added", "2 missing (removal pending)".
func (s SourceResult) counts() []string {
	var parts []string
	for _, p := range []struct {
		n    int
		word string
	}{{s.Added, "added"}, {s.Removed, "removed"}, {s.Changed, "changed"}, {s.Rewrites, "re-normalized"}, {s.Missing, "missing (removal pending)"}, {s.returned, "back before removal"}} {
		if p.n > 0 {
			parts = append(parts, strconv.Itoa(p.n)+" "+p.word)
		}
	}
	return parts
}

// Quiet says whether the run found nothing to tell of the source: no
// posting added, removed, changed, re-normalized, missing or back.
func (s SourceResult) Quiet() bool { return len(s.counts()) == 0 }

// Summary is what the run did to the source, as `run` prints it: its
// added, removed and changed postings (zero too), then the other numbers
// of the commit subject that are not zero (re-normalized, missing with the
// removal pending, back before removal).
func (s SourceResult) Summary() string {
	parts := []string{strconv.Itoa(s.Added) + " added", strconv.Itoa(s.Removed) + " removed", strconv.Itoa(s.Changed) + " changed"}
	for _, p := range s.counts() {
		if !strings.HasSuffix(p, " added") && !strings.HasSuffix(p, " removed") && !strings.HasSuffix(p, " changed") {
			parts = append(parts, p)
		}
	}
	return strings.Join(parts, ", ")
}

// sourceLines are a source's posting lines of a commit body.
type sourceLines struct {
	source string
	lines  []string
}

// bodyLines are the posting lines of a commit body, each source's sorted
// (added, removed, changed; by id). Over several sources (grouped), each
// source's lines stand under a line with its name, the sources sorted by
// name and parted by a blank line:
//
//	greenhouse-acme:
//	+ 12 Data Engineer
//
//	lever-acme:
//	- 7f3c Analyst
func bodyLines(groups []sourceLines, grouped bool) []string {
	slices.SortFunc(groups, func(a, b sourceLines) int { return strings.Compare(a.source, b.source) })
	var out []string
	for i, g := range groups {
		if grouped {
			if i > 0 {
				out = append(out, "")
			}
			out = append(out, g.source+":")
		}
		out = append(out, slices.Sorted(slices.Values(g.lines))...)
	}
	return out
}
