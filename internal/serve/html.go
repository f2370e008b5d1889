package serve

import (
	"bytes"
	"embed"
	"html/template"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/careers-watcher/careers-watcher/internal/diff"
)

//go:embed templates
var templateFS embed.FS

// Link is a link whose target came from a board: Href is empty unless the
// URL is http or https, and then the template shows the text only.
type Link struct {
	Href string
	Text string
}

// SafeLink keeps only http and https URLs with a host.
func SafeLink(raw, text string) Link {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return Link{Text: text}
	}
	return Link{Href: u.String(), Text: text}
}

// maxShown is how many runes of a board's text a list, a feed entry's
// title or a page's <title> shows.
const maxShown = 300

var funcs = template.FuncMap{
	"link": SafeLink,
	"when": func(t *time.Time) string {
		if t == nil {
			return "—"
		}
		return t.UTC().Format("2006-01-02 15:04 UTC")
	},
	"iso":  func(t time.Time) string { return t.UTC().Format(time.RFC3339) },
	"day":  func(t time.Time) string { return t.UTC().Format("2006-01-02 15:04") },
	"join": strings.Join,
	// short cuts a board's text that a list shows (a title as long as the
	// board's answer made each row as long); the posting's page shows it
	// whole
	"cut": func(s string) string { return diff.Truncate(s, maxShown) },
	"first": func(l []string) string {
		if len(l) == 0 {
			return ""
		}
		return l[0]
	},
	"pending": func(m map[string]int) string {
		if len(m) == 0 {
			return "—"
		}
		var parts []string
		for n, v := range m {
			parts = append(parts, n+": "+strconv.Itoa(v))
		}
		sort.Strings(parts)
		return strings.Join(parts, ", ")
	},
	"locations":   LocationText,
	"pay":         PayText,
	"change":      ViewChange,
	"postingHref": postingPath,
	"evword":      func(t string) string { return strings.TrimPrefix(t, "posting.") },
	"evclass":     func(t string) string { return strings.TrimPrefix(t, "posting.") },
	"short": func(s string) string {
		if len(s) > 12 {
			return s[:12]
		}
		return s
	},
}

var pages = func() map[string]*template.Template {
	out := map[string]*template.Template{}
	for _, name := range []string{"dashboard", "source", "posting", "events"} {
		t := template.Must(template.New(name).Funcs(funcs).ParseFS(templateFS, "templates/layout.html", "templates/events.html", "templates/"+name+".html"))
		out[name] = t
	}
	return out
}()

var styleCSS = func() []byte {
	b, err := templateFS.ReadFile("templates/style.css")
	if err != nil {
		panic(err)
	}
	return b
}()

func (s *Server) style(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Content-Type", "text/css; charset=utf-8")
	w.Header().Set("Cache-Control", "max-age=3600")
	_, _ = w.Write(styleCSS)
}

// render executes a page into a buffer first, so that a failure is a clean
// 500 and not half a page.
func (s *Server) render(w http.ResponseWriter, r *http.Request, code int, page, tmpl string, data any) {
	var b bytes.Buffer
	if err := pages[page].ExecuteTemplate(&b, tmpl, data); err != nil {
		s.internal(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(code)
	_, _ = w.Write(noBidi(b.Bytes()))
}

// noBidi is a page or feed without bidirectional marks and overrides: none
// is in the templates, so any comes from a board's text, where an override
// would show a title reversed ("Engineer \u202egnp.exe" read as
// "Engineer exe.png"), as the notifiers and status already drop them
// (diff.IsBidi). The API's JSON keeps the data exact.
func noBidi(b []byte) []byte {
	if !bytes.ContainsFunc(b, diff.IsBidi) {
		return b
	}
	return bytes.Map(func(r rune) rune {
		if diff.IsBidi(r) {
			return -1
		}
		return r
	}, b)
}

func (s *Server) notFound(w http.ResponseWriter, r *http.Request, msg string) {
	if strings.HasPrefix(r.URL.Path, "/api/") {
		s.apiError(w, http.StatusNotFound, msg)
		return
	}
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	http.Error(w, msg, http.StatusNotFound)
}

func (s *Server) pageDashboard(w http.ResponseWriter, r *http.Request) {
	sts, err := s.Data.Statuses()
	if err != nil {
		s.internal(w, r, err)
		return
	}
	evs, err := s.Data.Events(EventQuery{Limit: 20, Ctx: r.Context()})
	if err != nil {
		s.internal(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "dashboard", "dashboard.html", map[string]any{"Title": "Sources", "Statuses": sts, "Events": evs})
}

func (s *Server) pageEvents(w http.ResponseWriter, r *http.Request) {
	q, bad := s.eventQuery(r)
	if bad != "" {
		http.Error(w, bad, http.StatusBadRequest)
		return
	}
	evs, err := s.Data.Events(q)
	if msg, ok := cursorError(err); ok {
		http.Error(w, msg, http.StatusBadRequest)
		return
	}
	if err != nil {
		s.internal(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "events", "eventspage", map[string]any{"Title": "Recent events", "Events": evs})
}

// column is a sortable column header of the source page.
type column struct{ Text, Href string }

func (s *Server) pageSource(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("name")
	_, ok := s.Data.Source(name)
	if !ok {
		s.notFound(w, r, "no such source")
		return
	}
	st, err := s.Data.SourceStatus(name)
	if err != nil {
		s.internal(w, r, err)
		return
	}
	code := http.StatusOK
	q, qerr := QueryFromValues(r.URL.Query())
	errText := ""
	if qerr != nil {
		code, errText, q = http.StatusBadRequest, qerr.Error(), Query{}
	}
	ps, err := s.postings(name)
	if err != nil {
		s.internal(w, r, err)
		return
	}
	page, err := q.Select(ps)
	if err != nil {
		s.internal(w, r, err)
		return
	}
	self := sourcePath(name)
	href := func(v url.Values) string { return self + "?" + v.Encode() }
	var cols []column
	for _, c := range []struct{ text, key string }{{"Title", "title"}, {"Role", "role"}, {"Level", "level"}, {"Location", "location"}, {"Pay", "pay"}, {"Posted", "posted"}, {"Required skills", ""}} {
		if c.key == "" {
			cols = append(cols, column{Text: c.text})
			continue
		}
		v := q.Values()
		text := c.text
		switch q.Sort {
		case c.key:
			v.Set("sort", "-"+c.key)
			text += " ▲"
		case "-" + c.key:
			v.Set("sort", c.key)
			text += " ▼"
		default:
			v.Set("sort", c.key)
		}
		cols = append(cols, column{Text: text, Href: href(v)})
	}
	var prev, next string
	if page.Page > 1 {
		v := q.Values()
		v.Set("page", strconv.Itoa(page.Page-1))
		prev = href(v)
	}
	if page.Page < page.Pages {
		v := q.Values()
		v.Set("page", strconv.Itoa(page.Page+1))
		next = href(v)
	}
	s.render(w, r, code, "source", "source.html", map[string]any{"Title": name, "Status": st, "Query": q, "Page": page,
		"Columns": cols, "Prev": prev, "Next": next, "Error": errText})
}

func (s *Server) pagePosting(w http.ResponseWriter, r *http.Request) {
	name, id := r.PathValue("name"), r.PathValue("id")
	if id == "" { // /sources/{name}/postings/?id=..: the link of a dot key
		if id = r.URL.Query().Get("id"); id == "" {
			s.notFound(w, r, "no such posting, open or in the history")
			return
		}
	}
	if _, ok := s.Data.Source(name); !ok {
		s.notFound(w, r, "no such source")
		return
	}
	d, err := s.Data.Detail(r.Context(), name, id)
	if err != nil {
		s.internal(w, r, err)
		return
	}
	if d.Posting == nil {
		s.notFound(w, r, "no such posting, open or in the history")
		return
	}
	s.render(w, r, http.StatusOK, "posting", "posting.html", map[string]any{"Title": d.Posting.Title, "Detail": d})
}
