// Package stdout writes one readable line per event, for a terminal or a
// log collector. Postings are summed up as title, [levels], locations,
// salary and URL, after a mark, the kind of change and the source:
// "+ added    netflix-data-insights  Software Engineer (L5)  [L5]  Los Gatos, US  USD 100,000-720,000/year  https://...",
// "- removed  ..." and "~ changed  ... : salary USD 100,000-720,000 ->
// 120,000-750,000/year; skills.required +PyTorch -Java; title A -> B"
// (one part per changed field, sorted, as diff.Lines writes them).
// Source events read "! source.failed netflix-data-insights: status 503".
package stdout

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"

	"github.com/careers-watcher/careers-watcher/internal/diff"
	"github.com/careers-watcher/careers-watcher/internal/model"
	"github.com/careers-watcher/careers-watcher/internal/notify"
	"github.com/careers-watcher/careers-watcher/internal/notify/render"
)

// Stdout is a notify.Notifier that writes one line per event. It is safe
// for concurrent use.
type Stdout struct {
	name string
	mu   sync.Mutex
	w    io.Writer
}

var _ notify.Notifier = (*Stdout)(nil)

// New returns a Stdout writing to w (nil: os.Stdout).
func New(name string, w io.Writer) *Stdout {
	if w == nil {
		w = os.Stdout
	}
	return &Stdout{name: name, w: w}
}

// Name is the configured name.
func (s *Stdout) Name() string { return s.name }

// Notify writes the line of e.
func (s *Stdout) Notify(ctx context.Context, e notify.Event) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("stdout %q: %w", s.name, err)
	}
	line := Line(e) + "\n"
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, err := io.WriteString(s.w, line); err != nil {
		return fmt.Errorf("stdout %q: write: %w", s.name, err)
	}
	return nil
}

// Line is the one-line summary of e, without a newline.
func Line(e notify.Event) string {
	src := clean(e.Data.Source)
	switch e.Type {
	case notify.PostingAdded:
		return "+ added    " + src + posting(e.Data.Posting)
	case notify.PostingRemoved:
		return "- removed  " + src + posting(e.Data.Posting)
	case notify.PostingChanged:
		p := e.Data.Posting
		if p == nil {
			p = e.Data.Previous
		}
		line := "~ changed  " + src + posting(p)
		if c := changes(e.Data.Changes); c != "" {
			line += " : " + c
		}
		return line
	}
	mark := "!"
	if !strings.HasPrefix(e.Type, "source.") {
		mark = "?"
	}
	line := mark + " " + clean(e.Type) + " " + src
	if msg := clean(e.Data.Error); msg != "" {
		line += ": " + msg
	}
	return line
}

// posting is "  title  [levels]  locations  salary  url", empty parts left out.
func posting(p *model.Posting) string {
	if p == nil {
		return ""
	}
	// at most what the other channels show of a board's text (a 250 KB
	// title made a 250 KB line)
	parts := []string{diff.Truncate(clean(p.Title), render.MaxTitle)}
	if len(p.Levels) > 0 {
		parts = append(parts, "["+diff.Truncate(clean(strings.Join(p.Levels, "/")), render.MaxField)+"]")
	}
	u := clean(p.URL)
	if len(u) > render.MaxURL {
		u = "" // no board gives such a link; it would make the line
	}
	parts = append(parts, diff.Truncate(locations(p.Locations), render.MaxField), diff.Truncate(salaries(p.Salary), render.MaxField), u)
	var b strings.Builder
	for _, s := range parts {
		if s != "" {
			b.WriteString("  ")
			b.WriteString(s)
		}
	}
	return b.String()
}

func locations(locs []model.Location) string {
	const show = 3
	var out []string
	for i, l := range locs {
		if i == show {
			out = append(out, fmt.Sprintf("+%d more", len(locs)-show))
			break
		}
		var s string
		switch {
		case l.City != "" && l.Country != "":
			s = l.City + ", " + l.Country
		case l.City != "":
			s = l.City
		case l.Name != "":
			s = l.Name
		case l.Region != "" && l.Country != "":
			s = l.Region + ", " + l.Country
		default:
			s = l.Region + l.Country
		}
		if l.Remote {
			if s == "" {
				s = "Remote"
			} else {
				s = "Remote (" + s + ")"
			}
		}
		if s = clean(s); s != "" {
			out = append(out, s)
		}
	}
	return strings.Join(out, "; ")
}

func salaries(ss []model.Salary) string {
	out := make([]string, 0, len(ss))
	for _, s := range ss {
		out = append(out, diff.Salary(s))
	}
	return strings.Join(out, "; ")
}

// changes is the change lines of diff.Lines, one per field, sorted,
// joined with "; ": "salary USD 90,000 -> 100,000; skills.required
// +PyTorch -Java; title A -> B".
func changes(cs []model.Change) string {
	return strings.Join(diff.Lines(cs), "; ")
}

// clean drops control characters and bidirectional overrides (which could
// forge what a terminal shows), turns whitespace runs into one space and
// trims (diff.Clean).
func clean(s string) string { return diff.Clean(s) }
