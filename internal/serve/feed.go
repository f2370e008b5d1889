package serve

import (
	"bytes"
	"fmt"
	"html"
	"net/http"
	"net/url"
	"strings"

	"github.com/gorilla/feeds"

	"github.com/careers-watcher/careers-watcher/internal/diff"
	"github.com/careers-watcher/careers-watcher/internal/notify"
	"github.com/careers-watcher/careers-watcher/internal/urlpath"
)

// feed answers /feed.atom and /sources/{name}/feed.atom: Atom 1.0, one entry
// per event from the git history, with the event id as the entry id. The
// posting filters of the source page (role, level, skill, location,
// min_pay, q) and since and limit apply.
func (s *Server) feed(w http.ResponseWriter, r *http.Request) {
	eq, bad := s.eventQuery(r)
	if bad != "" {
		code := http.StatusBadRequest
		if bad == "no such source" {
			code = http.StatusNotFound
		}
		http.Error(w, bad, code)
		return
	}
	pq, err := QueryFromValues(r.URL.Query())
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	c, _ := pq.Check()
	// a filter goes with the query: limit counts the matching events
	if !c.Empty() {
		eq.Match = func(ev Event) bool { return c.Match(notify.Event{Type: ev.Type, Data: ev.Data}) }
	}
	evs, err := s.Data.Events(eq)
	if msg, ok := cursorError(err); ok {
		http.Error(w, msg, http.StatusBadRequest)
		return
	}
	if err != nil {
		s.internal(w, r, err)
		return
	}
	// Links are relative to the server's root: the request's Host header
	// is the client's word, and a link built from it would point a feed
	// reader (or a cache that keeps the answer) wherever the client said.
	title := "careers-watcher: all sources"
	self := "/feed.atom"
	id := "urn:careers-watcher:feed"
	if eq.Source != "" {
		title = "careers-watcher: " + eq.Source
		self = sourcePath(eq.Source) + "/feed.atom"
		id += ":source:" + urlpath.Segment(eq.Source)
	}
	f := &feeds.Feed{Title: title, Link: &feeds.Link{Href: self, Rel: "self"}, Author: &feeds.Author{Name: "careers-watcher"}}
	for _, ev := range evs {
		ne := notify.Event{Type: ev.Type, Data: ev.Data}
		if !c.Match(ne) {
			continue
		}
		if f.Updated.Before(ev.Timestamp) {
			f.Updated = ev.Timestamp
		}
		f.Add(feedItem(ev))
	}
	if f.Updated.IsZero() {
		f.Updated = s.Data.Now().UTC()
	}
	w.Header().Set("Content-Type", "application/atom+xml; charset=utf-8")
	af := (&feeds.Atom{Feed: f}).AtomFeed()
	af.Id = id // an atom:id is an absolute IRI (the self link is relative)
	var b bytes.Buffer
	if err := feeds.WriteXML(af, &b); err != nil {
		s.Logger.Error("feed failed", "path", r.URL.Path, "error", err.Error())
		return
	}
	_, _ = w.Write(noBidi(b.Bytes()))
}

// feedItem is one entry: the title says what happened; the summary (HTML,
// every value from a board escaped) lists the changes; its link is
// relative to the server's root.
func feedItem(ev Event) *feeds.Item {
	p := ev.Data.Posting
	what := strings.TrimPrefix(ev.Type, "posting.")
	it := &feeds.Item{Id: "urn:careers-watcher:event:" + ev.ID, Updated: ev.Timestamp, Created: ev.Timestamp}
	if p == nil {
		// a source event: the source's page
		it.Title = fmt.Sprintf("%s: %s", ev.Data.Source, what)
		it.Link = &feeds.Link{Href: sourcePath(ev.Data.Source)}
		return it
	}
	it.Title = oneLineText(fmt.Sprintf("%s %s: %s", what, ev.Data.Source, diff.Truncate(p.Title, maxShown)))
	it.Link = &feeds.Link{Href: postingPath(ev.Data.Source, p.ID)}
	var b strings.Builder
	fmt.Fprintf(&b, "<p>%s · %s · %s</p>", html.EscapeString(diff.Truncate(p.Company, maxShown)), html.EscapeString(diff.Truncate(p.Role, maxShown)),
		html.EscapeString(diff.Truncate(LocationText(p.Locations), maxShown)))
	if pay := PayText(p.Salary); pay != "" {
		fmt.Fprintf(&b, "<p>Pay: %s</p>", html.EscapeString(pay))
	}
	if len(ev.Data.Changes) > 0 {
		b.WriteString("<ul>")
		for _, ch := range ev.Data.Changes {
			v := ViewChange(ch)
			fmt.Fprintf(&b, "<li>%s: %s → %s</li>", html.EscapeString(ch.Field), html.EscapeString(v.Old), html.EscapeString(v.New))
		}
		b.WriteString("</ul>")
	}
	it.Description = b.String()
	return it
}

// postingPath is the link to a posting's page. A key "." or ".." goes in
// the query (/sources/{name}/postings/?id=..): as a path segment, even
// percent-encoded, a browser (a WHATWG URL parser) resolves it to a parent
// path, the source's page.
func postingPath(source, id string) string {
	if id == "." || id == ".." {
		return sourcePath(source) + "/postings/?id=" + url.QueryEscape(id)
	}
	return sourcePath(source) + "/postings/" + urlpath.Segment(id)
}

func sourcePath(source string) string { return "/sources/" + urlpath.Segment(source) }

// oneLineText is s on one line: control characters as spaces, runs of
// white space as one.
func oneLineText(s string) string {
	return strings.Join(strings.Fields(strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f {
			return ' '
		}
		return r
	}, s)), " ")
}
