package report

import (
	"sort"
	"strconv"
	"strings"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// SourcePostings are the open postings of one source, by title, then id.
type SourcePostings struct {
	Source   string        `json:"source"`
	Postings []OpenPosting `json:"postings"`
}

// OpenPosting is one open posting as the report lists it.
type OpenPosting struct {
	ID       string   `json:"id"`
	Title    string   `json:"title"`
	URL      string   `json:"url"`
	Levels   []string `json:"levels"`
	Location string   `json:"location"` // the first place, "+N" more; "" when none is stated
	Pay      string   `json:"pay"`      // the first range, "USD 100,000–150,000 / year"; "" when none
}

// listPostings lists the open postings of every source.
func listPostings(sources []string, current map[string][]model.Posting) []SourcePostings {
	out := make([]SourcePostings, 0, len(sources))
	for _, src := range sources {
		sp := SourcePostings{Source: src, Postings: []OpenPosting{}}
		for _, p := range current[src] {
			op := OpenPosting{ID: p.ID, Title: p.Title, URL: p.URL, Levels: uniq(p.Levels), Location: placeLabel(p.Locations)}
			if op.Levels == nil {
				op.Levels = []string{}
			}
			if len(p.Salary) > 0 {
				s := p.Salary[0]
				op.Pay = s.Currency + " " + fmtRange(s.Min, s.Max) + " / " + s.Period
			}
			sp.Postings = append(sp.Postings, op)
		}
		sort.Slice(sp.Postings, func(i, j int) bool {
			a, b := sp.Postings[i], sp.Postings[j]
			if a.Title != b.Title {
				return a.Title < b.Title
			}
			return a.ID < b.ID
		})
		out = append(out, sp)
	}
	return out
}

// placeLabel is the first location ("Los Gatos, California, US",
// "Remote (US)") and how many more there are.
func placeLabel(ls []model.Location) string {
	if len(ls) == 0 {
		return ""
	}
	l := ls[0]
	label := strings.TrimSpace(l.Name)
	if l.City != "" {
		label = cityLabel(l)
	} else if label == "" {
		label = strings.Join(uniq([]string{l.Region, l.Country}), ", ")
	}
	if l.Remote {
		if label == "" {
			label = "Remote"
		} else if !strings.Contains(strings.ToLower(label), "remote") {
			label = "Remote (" + label + ")"
		}
	}
	if len(ls) > 1 {
		label += " +" + strconv.Itoa(len(ls)-1)
	}
	return label
}

// settle ends the trend's window at the history there is and keeps only
// the skill trends that one posting could not make.
//
// The window starts no earlier than the first commit of the snapshots:
// when every source's folder was created inside the window, the window
// starts at the earliest of those commits (weeks before it are dropped).
//
// One posting opened, closed or edited moves a skill's share of the open
// postings by at most one posting's share of the smaller of the start and
// end counts, 1/min(start, end). A skill is rising or falling only when its
// share moved by more than that; with no posting at the start or at the
// end, there is nothing to compare and none is.
func (t *Trend) settle() {
	if !t.Available || len(t.Sources) == 0 {
		return
	}
	first := t.Sources[0].Start
	for _, s := range t.Sources[1:] {
		if s.Start.Before(first) {
			first = s.Start
		}
	}
	if first.After(t.Since) {
		t.Since = first
		_, monday := isoWeek(first)
		kept := t.Weeks[:0]
		for _, w := range t.Weeks {
			if w.Start >= monday {
				kept = append(kept, w)
			}
		}
		t.Weeks = kept
	}
	minTotal := min(t.Start, t.End)
	strong := func(list []SkillTrend) []SkillTrend {
		out := []SkillTrend{}
		for _, s := range list {
			// exact, from the counts (Change is rounded)
			change := float64(s.EndPostings)/float64(t.End) - float64(s.StartPostings)/float64(t.Start)
			if minTotal > 0 && abs(change) > 1/float64(minTotal)+1e-12 {
				out = append(out, s)
			}
		}
		return out
	}
	t.Rising, t.Falling = strong(t.Rising), strong(t.Falling)
}

func abs(f float64) float64 {
	if f < 0 {
		return -f
	}
	return f
}

// plural is "1 posting", "2 postings", "0 postings".
func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return strconv.Itoa(n) + " " + word + "s"
}
