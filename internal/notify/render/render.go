// Package render holds the text pieces shared by the chat and mail
// channels: a digest view of the events of one source (the data model of
// user templates), one-line posting summaries, money, pay and location
// formatting, escaping for Slack mrkdwn, Markdown (Discord, Teams) and HTML,
// and user Go templates with a fallback to the default text.
package render

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/careers-watcher/careers-watcher/internal/diff"
	"github.com/careers-watcher/careers-watcher/internal/model"
	"github.com/careers-watcher/careers-watcher/internal/notify"
	"github.com/careers-watcher/careers-watcher/internal/redact"
)

// Digester is notify.Digester: channels that send the events of one
// source as one message. The outbox groups by source and calls it.
type Digester = notify.Digester

// Kinds of an Item, from the event type.
const (
	KindAdded      = "added"
	KindChanged    = "changed"
	KindRemoved    = "removed"
	KindFailed     = "failed"
	KindRecovered  = "recovered"
	KindSuspicious = "suspicious"
)

// Digest is the view of the events of one source: the data of user
// templates. Strings are plain text (control characters and bidirectional
// overrides removed, whitespace collapsed), not escaped: templates escape
// with the functions of Funcs (text/template) or automatically
// (html/template).
type Digest struct {
	Source  string // source name
	Company string // company of the first posting, "" when none
	Header  string // "netflix-data-insights: 2 added, 1 changed, 1 removed"
	Counts  string // "2 added, 1 changed, 1 removed"
	Total   int    // number of events
	Added   []Item
	Changed []Item
	Removed []Item
	Other   []Item // source.* and unknown events
	Items   []Item // all of them: Added, Changed, Removed, then Other
	More    string // where the full list is: a URL or "the snapshot folder <source>/"
	Omitted int    // items left out by Cut (the counts still tell all)
}

// Cut keeps the first n of d.Items (Added first, then Changed, Removed,
// Other) and the groups accordingly, and counts the rest in Omitted.
func (d Digest) Cut(n int) Digest {
	if n < 0 || n >= len(d.Items) {
		return d
	}
	d.Omitted += len(d.Items) - n
	keep := func(list []Item) []Item {
		k := min(len(list), n)
		n -= k
		return list[:k:k]
	}
	d.Items = d.Items[:n:n]
	d.Added = keep(d.Added)
	d.Changed = keep(d.Changed)
	d.Removed = keep(d.Removed)
	d.Other = keep(d.Other)
	return d
}

// Item is the view of one event.
type Item struct {
	ID        string // event id
	Type      string // event type, e.g. "posting.added"
	Kind      string // added, changed, removed, failed, recovered, suspicious (or the type)
	Source    string
	Title     string
	URL       string // only http and https URLs; "" otherwise
	Company   string
	Role      string
	Team      string
	Levels    string // "L5/L6"
	Location  string // "Los Gatos, US; Remote (US)" (3 at most, then "+N more")
	Pay       string // "USD 100,000-720,000/year"
	Workplace string
	Skills    string // required skills, comma separated
	Summary   string // Line: title [levels] · location · pay
	Error     string // source.* events
	Changes   []Change
	Posting   *model.Posting // the posting (new version for changes); nil for source.* events
}

// Change is the changes of one field, as text (diff.Group): Field, Old
// and New (for list fields: the items removed and added, joined with ", "),
// Added and Removed (list fields), String ("salary USD 100,000-720,000 ->
// 120,000-750,000/year", "skills.required +PyTorch -Java") and Format (the
// same with each value escaped, and another arrow). Item.Changes has one
// per field, sorted by field. The description is reported as changed,
// with the number of sentences added and removed, without its text.
type Change = diff.Group

// NewDigest builds the view of events for source. more says where the
// full list lives (see More).
func NewDigest(source string, events []notify.Event, more string) Digest {
	d := Digest{Source: Clean(source), Total: len(events), More: more}
	for _, e := range events {
		it := NewItem(e)
		switch it.Kind {
		case KindAdded:
			d.Added = append(d.Added, it)
		case KindChanged:
			d.Changed = append(d.Changed, it)
		case KindRemoved:
			d.Removed = append(d.Removed, it)
		default:
			d.Other = append(d.Other, it)
		}
		if d.Company == "" && it.Company != "" {
			d.Company = it.Company
		}
	}
	d.Items = append(append(append(append(d.Items, d.Added...), d.Changed...), d.Removed...), d.Other...)
	var counts []string
	for _, c := range []struct {
		n    int
		what string
	}{{len(d.Added), "added"}, {len(d.Changed), "changed"}, {len(d.Removed), "removed"}} {
		if c.n > 0 {
			counts = append(counts, strconv.Itoa(c.n)+" "+c.what)
		}
	}
	for _, it := range d.Other {
		counts = append(counts, "source "+it.Kind)
	}
	d.Counts = strings.Join(counts, ", ")
	if d.Counts == "" {
		d.Counts = "no changes"
	}
	d.Header = d.Source + ": " + d.Counts
	return d
}

// More says where the full list of a source is: historyURL + "/" + source
// when historyURL (e.g. the snapshot repository's web view of the snapshot
// folder) is set, else "the snapshot folder <source>/".
func More(historyURL, source string) string {
	if u := SafeURL(historyURL); u != "" {
		return strings.TrimRight(u, "/") + "/" + url.PathEscape(source)
	}
	return "the snapshot folder " + Clean(source) + "/"
}

// NewItem builds the view of one event.
func NewItem(e notify.Event) Item {
	it := Item{ID: e.ID, Type: Clean(e.Type), Source: Clean(e.Data.Source), Error: Clean(e.Data.Error)}
	switch e.Type {
	case notify.PostingAdded:
		it.Kind = KindAdded
	case notify.PostingChanged:
		it.Kind = KindChanged
	case notify.PostingRemoved:
		it.Kind = KindRemoved
	default:
		it.Kind = strings.TrimPrefix(it.Type, "source.")
	}
	p := e.Data.Posting
	if p == nil {
		p = e.Data.Previous
	}
	it.Posting = p
	if p != nil {
		it.Title = title(p)
		if len(p.URL) <= MaxURL {
			it.URL = SafeURL(p.URL)
		}
		it.Company = Truncate(Clean(p.Company), MaxField)
		it.Role = Truncate(Clean(p.Role), MaxField)
		it.Team = Truncate(Clean(p.Team), MaxField)
		it.Levels = Truncate(Clean(strings.Join(p.Levels, "/")), MaxField)
		it.Location = Truncate(Locations(p.Locations, 3), MaxField)
		it.Pay = Truncate(Salaries(p.Salary), MaxField)
		it.Workplace = Truncate(Clean(p.Workplace), MaxField)
		it.Skills = Truncate(Clean(strings.Join(p.Skills.Required, ", ")), 4*MaxField)
		it.Summary = Line(p)
	}
	it.Changes = diff.Groups(e.Data.Changes)
	return it
}

// What a message shows of a board's own text at most, in runes (a
// board's title or company can be as long as its answer: a 250 KB title
// made a 250 KB e-mail or console line per event), and the longest URL it
// links. The event's posting (webhooks, the outbox) keeps the text whole.
const (
	MaxTitle = 300
	MaxField = 200
	MaxURL   = 2048
)

// title is the posting's title as a message shows it, its id when it has
// none.
func title(p *model.Posting) string {
	t := Clean(p.Title)
	if t == "" {
		t = Clean(p.ID)
	}
	return Truncate(t, MaxTitle)
}

// Line is the one-line summary of a posting: "title [levels] · location ·
// pay", empty parts left out, plain text.
func Line(p *model.Posting) string {
	if p == nil {
		return ""
	}
	parts := []string{title(p)}
	if len(p.Levels) > 0 {
		parts[0] += " [" + Truncate(Clean(strings.Join(p.Levels, "/")), MaxField) + "]"
	}
	for _, s := range []string{Locations(p.Locations, 3), Salaries(p.Salary)} {
		if s != "" {
			parts = append(parts, Truncate(s, MaxField))
		}
	}
	return strings.Join(parts, " · ")
}

// EventLine is the one-line summary of an event: "added: <Line>",
// "changed: <Line> (salary, skills.required)", "source failed: <error>".
func EventLine(e notify.Event) string {
	it := NewItem(e)
	switch it.Kind {
	case KindAdded, KindRemoved:
		return it.Kind + ": " + it.Summary
	case KindChanged:
		s := it.Kind + ": " + it.Summary
		var fields []string
		for _, c := range it.Changes {
			if len(fields) == 0 || fields[len(fields)-1] != c.Field {
				fields = append(fields, c.Field)
			}
		}
		if len(fields) > 0 {
			s += " (" + strings.Join(fields, ", ") + ")"
		}
		return s
	}
	s := "source " + it.Kind + ": " + it.Source
	if it.Error != "" {
		s += ": " + it.Error
	}
	return s
}

// Location is one location as text: "Los Gatos, California, US",
// "Remote (US)", the platform's label when it could not be split.
func Location(l model.Location) string { return diff.Location(l) }

// Locations joins at most show locations with "; ", then "+N more".
func Locations(locs []model.Location, show int) string {
	var out []string
	for i, l := range locs {
		if show > 0 && i == show {
			out = append(out, fmt.Sprintf("+%d more", len(locs)-show))
			break
		}
		if s := Location(l); s != "" {
			out = append(out, s)
		}
	}
	return strings.Join(out, "; ")
}

// Salary is one pay range as text: "USD 100,000-720,000/year".
func Salary(s model.Salary) string { return diff.Salary(s) }

// Salaries joins the ranges with "; ".
func Salaries(ss []model.Salary) string {
	out := make([]string, 0, len(ss))
	for _, s := range ss {
		out = append(out, Salary(s))
	}
	return strings.Join(out, "; ")
}

// Money writes 100000 as "100,000" and 52.5 as "52.50".
func Money(v float64) string { return diff.Money(v) }

// Value is a changed value as text. It knows the values of diff.Postings
// both in memory (model.Location, model.Salary, *int) and after a JSON
// round trip through the outbox (map[string]any, float64).
func Value(field string, v any) string { return diff.Value(field, v) }

// Clean drops control characters and bidirectional overrides, turns
// whitespace runs into one space and trims.
func Clean(s string) string { return diff.Clean(s) }

func isBidi(r rune) bool { return diff.IsBidi(r) }

// SafeURL returns u when it is an absolute http or https URL without
// whitespace or control characters, else "". Characters that would end a
// link in mrkdwn or Markdown (<, >, |, (, ), quotes, spaces) are
// percent-encoded.
func SafeURL(u string) string {
	u = strings.TrimSpace(u)
	pu, err := url.Parse(u)
	if err != nil || (pu.Scheme != "http" && pu.Scheme != "https") || pu.Host == "" {
		return ""
	}
	var b strings.Builder
	for _, r := range u {
		switch {
		case r < 0x20 || r == 0x7f || unicode.IsSpace(r) || isBidi(r):
			return ""
		case strings.ContainsRune(`<>|()"'`+"`", r):
			fmt.Fprintf(&b, "%%%02X", r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Truncate cuts s to at most n runes, ending in "…" when cut.
func Truncate(s string, n int) string { return diff.Truncate(s, n) }

// TruncateBytes cuts s to at most n bytes, ending in "…" when cut, before
// a word or token it would split (redact.CutBytes).
func TruncateBytes(s string, n int) string {
	if len(s) <= n {
		return s
	}
	if n < len(redact.Ellipsis) {
		return ""
	}
	return redact.CutBytes(s, n-len(redact.Ellipsis))
}

// Sample is an example event for `watcher notify test`: a made-up posting
// added to source, marked as a test ("test": true, for receivers that
// mirror postings), with an id derived from now so that receivers do not
// de-duplicate it against an earlier test.
func Sample(source string, now time.Time) notify.Event {
	years := 5
	now = now.UTC().Truncate(time.Second)
	return notify.Event{
		ID:        notify.EventID("test", source, now.Format(time.RFC3339Nano)),
		Type:      notify.PostingAdded,
		Test:      true,
		Timestamp: now,
		Data: notify.Data{
			Source: source,
			Posting: &model.Posting{
				ID: "test-0001", Source: source, Company: "Example",
				Title:     "Machine Learning Engineer (L5), Test Notification",
				URL:       "https://example.com/careers/job/test-0001",
				Role:      "Machine Learning Engineer",
				Levels:    []string{"L5"},
				Team:      "Data & Insights",
				Locations: []model.Location{{City: "Los Gatos", Region: "California", Country: "US"}, {Remote: true, Country: "US"}},
				Workplace: "hybrid", EmploymentType: "full_time",
				Salary:             []model.Salary{{Min: 100000, Max: 720000, Currency: "USD", Period: "year"}},
				Skills:             model.Skills{Required: []string{"Python", "PyTorch"}, Preferred: []string{"Spark"}},
				MinYearsExperience: &years,
				Description:        "A sample posting sent by `watcher notify test`.",
			},
		},
	}
}
