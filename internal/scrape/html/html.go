// Package htmlsel reads careers pages with CSS selectors (config
// selectors: item, title, link, location, team, next, description): one
// posting per item element, following the next-page link, and reading the
// description from each posting's own page when a description selector is
// set. It is for sites without an API or JSON-LD markup (iCIMS, Jobvite,
// HRMDirect listings and the like). With sitemap, the postings are the
// URLs of the site's sitemap that links matches, each read from its own
// page with the selectors (item optional), its update stamp the lastmod:
// a page is fetched again only when its lastmod moved. A posting's id is
// its link's path and query without tracking tags and session ids (ID); a
// posting stored under an id an earlier rule gave keeps it while listed
// (CurrentID, scrape.IDRule).
package htmlsel

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"regexp"
	"slices"
	"strings"

	"github.com/PuerkitoBio/goquery"
	"github.com/andybalholm/cascadia"

	"github.com/careers-watcher/careers-watcher/internal/config"
	"github.com/careers-watcher/careers-watcher/internal/model"
	"github.com/careers-watcher/careers-watcher/internal/normalize"
	"github.com/careers-watcher/careers-watcher/internal/scrape"
	"github.com/careers-watcher/careers-watcher/internal/scrape/render"
	"github.com/careers-watcher/careers-watcher/internal/scrape/sitemap"
)

// DefaultMaxPages caps the listing pages of one source when the config sets
// no max_pages.
const DefaultMaxPages = 50

// DefaultMaxPostings caps the posting pages of a source read from its
// sitemap when the config sets no max_pages.
const DefaultMaxPostings = 200

// HTML is the adapter for one source.
type HTML struct {
	name     string
	start    string
	sel      matchers
	maxPages int
	client   *scrape.Client
	sitemap  string          // "": none; a sitemap URL, or sitemap.Robots
	links    *regexp.Regexp  // the posting URLs among the sitemap's
	render   *render.Options // nil: plain requests
}

var _ scrape.Adapter = (*HTML)(nil)

// matchers are the compiled selectors; nil when not configured.
type matchers struct {
	item, title, link, location, team, next, description goquery.Matcher
	text                                                 Selectors // as written, for messages
}

// New makes the adapter for src (type html: url and selectors.item and
// selectors.title required). Selectors are compiled once, here.
func New(src config.Source, c *scrape.Client) (*HTML, error) {
	cfg := config.SettingsOf[Config](src.Settings)
	u, err := url.Parse(src.URL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("html: source %q: url must be an http or https URL", src.Name)
	}
	s := cfg.Selectors
	h := &HTML{name: src.Name, start: u.String(), maxPages: cfg.MaxPages, client: c, sitemap: strings.TrimSpace(cfg.Sitemap)}
	if cfg.Render.Render == render.Browser {
		o := cfg.Render.Options()
		h.render = &o
	}
	if h.sitemap != "" {
		if cfg.Links == "" {
			return nil, fmt.Errorf("html: source %q: sitemap needs links (which of its URLs are postings)", src.Name)
		}
		if h.links, err = regexp.Compile(cfg.Links); err != nil {
			return nil, fmt.Errorf("html: source %q: links: %w", src.Name, err)
		}
		if strings.TrimSpace(s.Title) == "" {
			return nil, fmt.Errorf("html: source %q: selectors.title is required", src.Name)
		}
	} else {
		if strings.TrimSpace(s.Item) == "" || strings.TrimSpace(s.Title) == "" {
			return nil, fmt.Errorf("html: source %q: selectors.item and selectors.title are required", src.Name)
		}
		if s.Description != "" && s.Link == "" {
			return nil, fmt.Errorf("html: source %q: selectors.description needs selectors.link", src.Name)
		}
	}
	if h.maxPages <= 0 {
		h.maxPages = DefaultMaxPages
		if h.sitemap != "" {
			h.maxPages = DefaultMaxPostings
		}
	}
	h.sel.text = s
	for _, f := range []struct {
		key, text string
		dst       *goquery.Matcher
	}{
		{"item", s.Item, &h.sel.item}, {"title", s.Title, &h.sel.title}, {"link", s.Link, &h.sel.link},
		{"location", s.Location, &h.sel.location}, {"team", s.Team, &h.sel.team}, {"next", s.Next, &h.sel.next},
		{"description", s.Description, &h.sel.description},
	} {
		if strings.TrimSpace(f.text) == "" {
			continue
		}
		m, err := cascadia.Compile(f.text)
		if err != nil {
			return nil, fmt.Errorf("html: source %q: selectors.%s %q: %w", src.Name, f.key, f.text, err)
		}
		*f.dst = m
	}
	return h, nil
}

// fetch gets one page (NotModified when a conditional request came back
// 304); a refusal names the URL.
func (h *HTML) fetch(ctx context.Context, u string, conditional bool) (*scrape.Response, error) {
	return render.Page(ctx, h.client, u, h.render, conditional, "%q")
}

// listPage is one decoded listing page.
type listPage struct {
	postings []model.Raw // one per item that is no filler row, in page order
	next     string      // the next page's absolute URL, or ""
}

// decodePage reads the listing page at u (its body and Content-Type) with
// the source's selectors; it touches nothing else. A page without items,
// or whose items have no title, or an item without its link, is an error:
// a listing read in part would report the rest removed. An item whose
// link is not a web page (javascript:, mailto:) is left out with a
// warning: its id would come from the link, so it was never stored, and
// failing the page would fail the source on every run until the page
// changed; a page whose every item is such is an error.
func (h *HTML) decodePage(body []byte, contentType, u string) (listPage, error) {
	doc, err := scrape.ParseHTML(body, contentType, u)
	if err != nil {
		return listPage{}, err
	}
	items := doc.FindMatcher(h.sel.item)
	if items.Length() == 0 {
		return listPage{}, fmt.Errorf("no element matches selectors.item %q (a changed layout or an error page)", h.sel.text.Item)
	}
	var pg listPage
	var ierr error
	var skipped []string // the schemes of the items skipped
	items.EachWithBreak(func(i int, s *goquery.Selection) bool {
		if h.filler(s) {
			return true
		}
		r, err := h.item(s, doc)
		var other *otherScheme
		if errors.As(err, &other) {
			// a javascript: or mailto: item: no page, so no id; it was
			// never stored either, so leaving it out reports nothing
			// removed, and the others are listed
			skipped = append(skipped, other.scheme)
			log, page := slog.Default(), u
			if h.client != nil {
				log, page = h.client.Logger(), h.client.RedactURL(u)
			}
			log.Warn("html item skipped: its link is not http(s)", "source", h.name,
				"page", page, "item", i+1, "title", r.Title, "scheme", other.scheme)
			return true
		}
		if err != nil {
			ierr = fmt.Errorf("item %d: %w", i+1, err)
			return false
		}
		pg.postings = append(pg.postings, r)
		return true
	})
	if ierr != nil {
		return listPage{}, ierr
	}
	if len(pg.postings) == 0 && len(skipped) > 0 {
		// every item: a changed layout (links made scripts), not a page
		// without postings; an empty listing would report all removed
		return listPage{}, fmt.Errorf("no item has an http(s) link (selectors.link %q): %d items link %s", h.sel.text.Link, len(skipped), strings.Join(slices.Compact(slices.Sorted(slices.Values(skipped))), ", "))
	}
	if len(pg.postings) == 0 {
		return listPage{}, fmt.Errorf("no item has a title (selectors.title %q)", h.sel.text.Title)
	}
	pg.next = h.nextPage(doc)
	return pg, nil
}

// List reads every listing page, following selectors.next. A single page
// without next and description selectors is one conditional request (304:
// scrape.ErrNotModified). A page without items, a next link beyond
// max_pages, or paging that does not advance is an error: a listing read
// in part would report the rest removed.
func (h *HTML) List(ctx context.Context) ([]model.Raw, error) {
	if h.sitemap != "" {
		return h.listSitemap(ctx)
	}
	conditional := h.sel.next == nil && h.sel.description == nil
	var out []model.Raw
	at := map[string]int{} // id -> index in out
	visited := map[string]bool{}
	page := h.start
	for n := 1; ; n++ {
		if n > h.maxPages {
			return nil, h.errorf("more than max_pages (%d) listing pages: raise max_pages", h.maxPages)
		}
		visited[page] = true
		resp, err := h.fetch(ctx, page, conditional)
		if err != nil {
			return nil, h.errorf("page %d %w", n, err)
		}
		if resp.NotModified {
			return nil, scrape.ErrNotModified
		}
		pg, err := h.decodePage(resp.Body, resp.Header.Get("Content-Type"), page)
		if err != nil {
			return nil, h.errorf("page %d %q: %w", n, page, err)
		}
		added := 0
		for _, r := range pg.postings {
			if k, dup := at[r.ID]; dup {
				// the same posting listed again (under another location, say)
				for _, l := range r.Locations {
					out[k].Locations = appendNew(out[k].Locations, l)
				}
				continue
			}
			at[r.ID] = len(out)
			out = append(out, r)
			added++
		}
		if n > 1 && added == 0 {
			return nil, h.errorf("page %d %q repeats earlier postings: paging does not advance", n, page)
		}
		if pg.next == "" || visited[pg.next] {
			return out, nil
		}
		page = pg.next
	}
}

// filler reports whether an item is a header or separator row: neither a
// title nor a link (tables often match "tr" for their header too). An item
// with one but not the other is an error in item.
func (h *HTML) filler(s *goquery.Selection) bool {
	if text(first(s, h.sel.title)) != "" {
		return false
	}
	if h.sel.link == nil {
		return true
	}
	_, ok := first(s, h.sel.link).Attr("href")
	return !ok
}

// item reads one posting from its item element.
func (h *HTML) item(s *goquery.Selection, doc *goquery.Document) (model.Raw, error) {
	r := model.Raw{Complete: h.sel.description == nil}
	r.Title = text(first(s, h.sel.title))
	if r.Title == "" {
		return r, fmt.Errorf("no title (selectors.title %q)", h.sel.text.Title)
	}
	if h.sel.link != nil {
		href, ok := first(s, h.sel.link).Attr("href")
		link := resolve(doc, href)
		if ok && link == "" {
			if sc := scheme(href); sc != "" && sc != "http" && sc != "https" {
				return r, &otherScheme{sc}
			}
		}
		if !ok || link == "" {
			return r, fmt.Errorf("%q: no link (selectors.link %q matches no element with an http(s) href)", r.Title, h.sel.text.Link)
		}
		r.URL = link
		r.ID = ID(link)
	} else {
		r.URL = doc.Url.String()
		r.ID = r.Title
	}
	if h.sel.location != nil {
		all(s, h.sel.location).Each(func(_ int, l *goquery.Selection) {
			if t := text(l); t != "" {
				r.Locations = appendNew(r.Locations, t)
			}
		})
	}
	if h.sel.team != nil {
		r.Team = text(first(s, h.sel.team))
	}
	return r, nil
}

// otherScheme is an item whose link is not a web page (javascript:,
// mailto:, tel:): the listing goes on without it (see decodePage).
type otherScheme struct{ scheme string }

func (e *otherScheme) Error() string { return "link is " + e.scheme + ":, not http(s)" }

// scheme is href's scheme in lower case ("" for a relative or unreadable
// href).
func scheme(href string) string {
	u, err := url.Parse(strings.TrimSpace(href))
	if err != nil {
		return ""
	}
	return strings.ToLower(u.Scheme)
}

// nextPage is the absolute URL of the next-page link, or "" at the end
// (no link, an empty or "#" href, javascript:).
func (h *HTML) nextPage(doc *goquery.Document) string {
	if h.sel.next == nil {
		return ""
	}
	href, ok := doc.FindMatcher(h.sel.next).First().Attr("href")
	if !ok || strings.TrimSpace(href) == "" || strings.HasPrefix(strings.TrimSpace(href), "#") {
		return ""
	}
	return resolve(doc, href)
}

// listSitemap is the listing from the sitemap: one posting per URL that
// links matches, its id from the URL (ID) and its stamp the lastmod;
// Detail reads its page.
func (h *HTML) listSitemap(ctx context.Context) ([]model.Raw, error) {
	starts := []string{h.sitemap}
	if h.sitemap == sitemap.Robots {
		site, _ := url.Parse(h.start)
		var err error
		if starts, err = sitemap.FromRobots(ctx, h.client, site); err != nil {
			return nil, h.errorf("sitemap: %w", err)
		}
	}
	entries, err := sitemap.Reader{Client: h.client, Source: h.name, Match: h.links, MaxPostings: h.maxPages}.Postings(ctx, starts)
	if err != nil {
		return nil, h.errorf("%w", err)
	}
	return sitemap.Raws(entries, ID), nil
}

// decodePosting reads a posting found in the sitemap from its page at u:
// title, locations and team by the selectors within the first
// selectors.item element (the whole page without one), and the
// description by selectors.description when set.
func (h *HTML) decodePosting(body []byte, contentType, u string, r model.Raw) (model.Raw, error) {
	doc, err := scrape.ParseHTML(body, contentType, u)
	if err != nil {
		return r, err
	}
	scope := doc.Selection
	if h.sel.item != nil {
		if scope = doc.FindMatcher(h.sel.item).First(); scope.Length() == 0 {
			return r, fmt.Errorf("no element matches selectors.item %q (a changed layout or an error page)", h.sel.text.Item)
		}
	}
	if r.Title = text(first(scope, h.sel.title)); r.Title == "" {
		return r, fmt.Errorf("no title (selectors.title %q)", h.sel.text.Title)
	}
	if h.sel.location != nil {
		all(scope, h.sel.location).Each(func(_ int, l *goquery.Selection) {
			if t := text(l); t != "" {
				r.Locations = appendNew(r.Locations, t)
			}
		})
	}
	if h.sel.team != nil {
		r.Team = text(first(scope, h.sel.team))
	}
	if h.sel.description != nil {
		if r.DescriptionHTML, err = description(doc, h.sel.description, h.sel.text.Description); err != nil {
			return r, err
		}
	}
	r.Complete = true
	return r, nil
}

// Detail reads a posting from its page: a posting found in the sitemap
// whole, one from a listing its description.
func (h *HTML) Detail(ctx context.Context, r model.Raw) (model.Raw, error) {
	if h.sitemap != "" {
		resp, err := h.fetch(ctx, r.URL, false)
		if err != nil {
			return r, h.errorf("posting page %w", err)
		}
		d, err := h.decodePosting(resp.Body, resp.Header.Get("Content-Type"), r.URL, r)
		if err != nil {
			return r, h.errorf("posting page %q: %w", r.URL, err)
		}
		return d, nil
	}
	if h.sel.description == nil {
		r.Complete = true
		return r, nil
	}
	resp, err := h.fetch(ctx, r.URL, false)
	if err != nil {
		return r, h.errorf("posting page %w", err)
	}
	d, err := h.decodeDetail(resp.Body, resp.Header.Get("Content-Type"), r.URL)
	if err != nil {
		return r, h.errorf("posting page %q: %w", r.URL, err)
	}
	r.DescriptionHTML = d
	r.Complete = true
	return r, nil
}

// decodeDetail is the description HTML of the posting page at u: the inner
// HTML of every element selectors.description matches. A page where it
// matches none is an error.
func (h *HTML) decodeDetail(body []byte, contentType, u string) (string, error) {
	doc, err := scrape.ParseHTML(body, contentType, u)
	if err != nil {
		return "", err
	}
	return description(doc, h.sel.description, h.sel.text.Description)
}

// description is the inner HTML of every element m matches (written as
// text); none is an error.
func description(doc *goquery.Document, m goquery.Matcher, text string) (string, error) {
	d := doc.FindMatcher(m)
	if d.Length() == 0 {
		return "", fmt.Errorf("no element matches selectors.description %q", text)
	}
	var parts []string
	d.Each(func(_ int, s *goquery.Selection) {
		if html, err := s.Html(); err == nil && strings.TrimSpace(html) != "" {
			parts = append(parts, strings.TrimSpace(html))
		}
	})
	return strings.Join(parts, "\n"), nil
}

func (h *HTML) errorf(format string, args ...any) error {
	return fmt.Errorf("html: source %q: "+format, append([]any{h.name}, args...)...)
}

// first is the first element among s itself and its descendants that m
// matches (an item may itself be the link).
func first(s *goquery.Selection, m goquery.Matcher) *goquery.Selection {
	return all(s, m).First()
}

func all(s *goquery.Selection, m goquery.Matcher) *goquery.Selection {
	return s.FilterMatcher(m).AddSelection(s.FindMatcher(m))
}

// text is an element's text with whitespace collapsed.
func text(s *goquery.Selection) string {
	return strings.Join(strings.Fields(s.Text()), " ")
}

// resolve makes href absolute against the page (or its <base href>);
// "" for anything but http(s).
func resolve(doc *goquery.Document, href string) string {
	ref, err := url.Parse(strings.TrimSpace(href))
	if err != nil || doc.Url == nil {
		return ""
	}
	base := doc.Url
	if b, ok := doc.Find("base[href]").First().Attr("href"); ok {
		if bu, err := url.Parse(strings.TrimSpace(b)); err == nil {
			base = base.ResolveReference(bu)
		}
	}
	u := base.ResolveReference(ref)
	if u.Scheme != "http" && u.Scheme != "https" {
		return ""
	}
	u.Fragment, u.RawFragment = "", ""
	// a dot segment ResolveReference leaves (%2e%2e) is resolved as the
	// request will be: the id and the page fetched agree
	return scrape.AsSent(u.String())
}

// ID is a posting's id from its link: the URL's path, plus its query (in
// sorted order, without utm_* and other tracking parameters) when it has
// one, since many boards tell postings apart only there
// (job-opening.php?req=3762934). Session ids are no part of it, as query
// or as path parameters (/job/1;jsessionid=...): a board that rotates
// sessions would otherwise rename every posting on every run.
//
// Ids stored before tracking tags (gh_src, ...) and session ids were left
// out keep their form while their posting is listed (see CurrentID and
// scrape.IDRule): their files keep their names.
func ID(link string) string {
	u, err := url.Parse(link)
	if err != nil {
		return link
	}
	id := normalize.CanonicalEscapes(normalize.StripSessionPath(u.EscapedPath()))
	if id == "" {
		id = "/"
	}
	if q := normalize.QueryID(u.RawQuery); q != "" {
		id += "?" + q
	}
	return id
}

var _ scrape.IDRule = (*HTML)(nil)

// CurrentID is the id ID gives today to the posting stored as stored
// (scrape.IDRule): an id from a link (a path, with its query) as an
// earlier rule made it, with its tracking tags or session id, is read
// again by today's rule. An id that is no path (a title, for a listing
// without links) is as it was.
func (h *HTML) CurrentID(stored string) string {
	return scrape.KeepMasks(stored, currentID)
}

// currentID is CurrentID of an id without masks.
func currentID(stored string) string {
	if !strings.HasPrefix(stored, "/") || strings.HasPrefix(stored, "//") || !strings.ContainsAny(stored, "?;%(") {
		return stored
	}
	return ID(stored)
}

func appendNew(l []string, s string) []string {
	for _, e := range l {
		if e == s {
			return l
		}
	}
	return append(l, s)
}
