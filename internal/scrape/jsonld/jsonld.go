// Package jsonld reads careers sites that mark their postings up with
// schema.org JobPosting JSON-LD (the Google for Jobs markup, in
// <script type="application/ld+json">): from a listing page, the pages its
// links lead to (config links: a regexp on the absolute URL), or, without
// links, the page's own JobPosting items. With sitemap, the posting pages
// are the URLs of the site's sitemap that links matches: a posting's id is
// its page's URL (StableURL), its update stamp the sitemap's lastmod, and
// its page is fetched only when that changed. A URL id leaves out tracking
// tags and session ids (StableURL); a posting stored under a URL id an
// earlier rule gave keeps it while listed (CurrentID, scrape.IDRule), and
// an id memory saved before is read by the earlier keys (legacyKey). A
// posting page of a links source that fails keeps its postings as stored,
// unless it answered 404 or 410 on GoneAfter runs in a row: then they
// leave the listing.
package jsonld

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strings"

	"github.com/PuerkitoBio/goquery"

	"github.com/careers-watcher/careers-watcher/internal/config"
	"github.com/careers-watcher/careers-watcher/internal/model"
	"github.com/careers-watcher/careers-watcher/internal/scrape"
	"github.com/careers-watcher/careers-watcher/internal/scrape/render"
	"github.com/careers-watcher/careers-watcher/internal/scrape/sitemap"
)

// DefaultMaxPages caps the posting pages of one source when the config sets
// no max_pages.
const DefaultMaxPages = 200

// JSONLD is the adapter for one source.
type JSONLD struct {
	name     string
	page     *url.URL       // the listing page
	links    *regexp.Regexp // nil: read the page's own items
	maxPages int
	client   *scrape.Client
	sitemap  string           // "": none; a sitemap URL, or sitemap.Robots
	render   *render.Options  // nil: plain requests
	ids      *idState         // the id memory of the last successful run (LoadState); nil: none
	next     *idState         // the id memory of this run's List, for SaveState
	failed   map[string]error // ids of postings whose page failed in List, and why
}

var _ scrape.Stateful = (*JSONLD)(nil)

// New makes the adapter for src (type jsonld: url required; links and
// max_pages optional).
func New(src config.Source, c *scrape.Client) (*JSONLD, error) {
	cfg := config.SettingsOf[Config](src.Settings)
	u, err := url.Parse(src.URL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("jsonld: source %q: url must be an http or https URL", src.Name)
	}
	j := &JSONLD{name: src.Name, page: u, maxPages: cfg.MaxPages, client: c, sitemap: strings.TrimSpace(cfg.Sitemap)}
	if cfg.Render.Render == render.Browser {
		o := cfg.Render.Options()
		j.render = &o
	}
	if j.maxPages <= 0 {
		j.maxPages = DefaultMaxPages
	}
	if cfg.Links != "" {
		if j.links, err = regexp.Compile(cfg.Links); err != nil {
			return nil, fmt.Errorf("jsonld: source %q: links: %w", src.Name, err)
		}
	}
	if j.sitemap != "" && j.links == nil {
		return nil, fmt.Errorf("jsonld: source %q: sitemap needs links (which of its URLs are postings)", src.Name)
	}
	return j, nil
}

// fetch gets one page (NotModified when a conditional request came back
// 304); a refusal names the URL.
func (j *JSONLD) fetch(ctx context.Context, u string, conditional bool) (*scrape.Response, error) {
	return render.Page(ctx, j.client, u, j.render, conditional, "page %q")
}

// decodePage is the schema.org JobPosting items of the page at u (its body
// and Content-Type), in page order, repeats included; a page without one is
// an error. An ld+json block that cannot be read is skipped with a warning
// naming the page and the block when the page still gives a JobPosting.
func (j *JSONLD) decodePage(body []byte, contentType, u string) ([]model.Raw, error) {
	return decodePageWarn(body, contentType, u, func(n int, err error) {
		log, page := slog.Default(), u
		if j.client != nil {
			log, page = j.client.Logger(), j.client.RedactURL(u)
		}
		log.Warn("jsonld: unreadable ld+json block skipped", "source", j.name, "url", page, "block", n, "error", err)
	})
}

// decodePage is decodePage without the warnings.
func decodePage(body []byte, contentType, u string) ([]model.Raw, error) {
	return decodePageWarn(body, contentType, u, nil)
}

func decodePageWarn(body []byte, contentType, u string, warn func(int, error)) ([]model.Raw, error) {
	doc, err := scrape.ParseHTML(body, contentType, u)
	if err != nil {
		return nil, err
	}
	raws, err := ExtractWarn(doc, doc.Url, warn)
	if err != nil {
		return nil, err
	}
	if len(raws) == 0 {
		return nil, errors.New("no schema.org JobPosting on the page")
	}
	return raws, nil
}

// decodeLinks is the posting links of the listing page at u that match re,
// absolute, each once; a page without one is an error.
func decodeLinks(body []byte, contentType, u string, re *regexp.Regexp) ([]string, error) {
	doc, err := scrape.ParseHTML(body, contentType, u)
	if err != nil {
		return nil, err
	}
	links := Links(doc, re)
	if len(links) == 0 {
		return nil, fmt.Errorf("no link matches %q", re.String())
	}
	return links, nil
}

// List reads the listing: with links, every matching posting page (each
// must carry a JobPosting); without, the page's own JobPosting items (a
// single conditional request: 304 is scrape.ErrNotModified).
func (j *JSONLD) List(ctx context.Context) ([]model.Raw, error) {
	if j.sitemap != "" {
		return j.listSitemap(ctx)
	}
	start := j.page.String()
	resp, err := j.fetch(ctx, start, j.links == nil)
	if err != nil {
		return nil, j.errorf("%w", err)
	}
	if resp.NotModified {
		return nil, scrape.ErrNotModified
	}
	if j.links == nil {
		raws, err := j.decodePage(resp.Body, resp.Header.Get("Content-Type"), start)
		if err != nil {
			return nil, j.errorf("page %q: %w", start, err)
		}
		return j.uniq(raws, nil)
	}
	links, err := decodeLinks(resp.Body, resp.Header.Get("Content-Type"), start, j.links)
	if err != nil {
		return nil, j.errorf("page %q: %w", start, err)
	}
	if len(links) > j.maxPages {
		return nil, j.errorf("page %q: %d posting links, more than max_pages (%d): raise max_pages or narrow links", start, len(links), j.maxPages)
	}
	var raws []model.Raw
	var own []bool
	var failed []pageError
	from := map[string][]rawKey{} // a page's link -> the postings read from it
	// The pages are read in pageOrder (new pages first: a budget spent at
	// the same place every run keeps none out for good), their postings
	// taken in the listing's order (which decides the ids of postings
	// that share an identifier).
	got := make([][]model.Raw, len(links))
	errs := make([]error, len(links))
	for _, i := range j.pageOrder(links) {
		got[i], errs[i] = j.postingPage(ctx, links[i], i, len(links))
		if errs[i] != nil && ctx.Err() != nil {
			return nil, j.errorf("%w", errs[i])
		}
	}
	unread := 0 // pages the source's budget left unread
	for i, link := range links {
		if err := errs[i]; err != nil {
			if errors.Is(err, scrape.ErrBudget) {
				unread++
			}
			failed = append(failed, pageError{link, err})
			continue
		}
		for _, r := range got[i] {
			raws = append(raws, r)
			own = append(own, StableURL(r.URL) == StableURL(link))
			from[link] = append(from[link], keyOfRaw(r))
		}
	}
	// One posting page that fails (a stale link, a page refused) is that
	// posting's problem, as a failed detail is: with the id memory of an
	// earlier run its postings are kept as stored. Without one, or when
	// every page failed, the source fails; pages the source's budget left
	// unread are no failure of a first run (their postings come next run).
	if len(failed) > 0 && (j.ids == nil && len(failed) > unread || len(failed) == len(links)) {
		return nil, j.errorf("%w", failed[0].err)
	}
	if unread > 0 {
		log := slog.Default()
		if j.client != nil {
			log = j.client.Logger()
		}
		log.Warn("jsonld posting pages not read: the source's requests took the time http.source_budget allows them; kept as stored, or read next run", "source", j.name, "pages", unread, "of", len(links))
	}
	failed, gone := j.gone(failed)
	var away []string // the pages of postings kept as stored: their identifiers stay theirs
	for _, f := range failed {
		for _, id := range j.ids.page(f.link) {
			if u, ok := j.ids.Owners[id]; ok {
				away = append(away, u)
			}
		}
	}
	out, err := j.uniq(raws, own, away...)
	if err != nil {
		return nil, err
	}
	ids := make(map[rawKey]string, len(out))
	listed := make(map[string]bool, len(out))
	for _, r := range out {
		ids[keyOfRaw(r)] = r.ID
		listed[r.ID] = true
	}
	j.next.Pages = map[string][]string{}
	for link, keys := range from {
		page := urlKey(link)
		for _, k := range keys {
			if id, ok := ids[k]; ok && !slices.Contains(j.next.Pages[page], id) {
				j.next.Pages[page] = append(j.next.Pages[page], id)
			}
		}
	}
	if len(gone) > 0 {
		j.next.Gone = gone
	}
	j.failed = map[string]error{}
	for _, f := range failed {
		page := urlKey(f.link)
		if len(j.ids.page(f.link)) == 0 {
			// no posting of it was ever read: nothing to keep, but the page
			// is not silently left out (a link refused, a page failing)
			log, shown := slog.Default(), f.link
			if j.client != nil {
				log, shown = j.client.Logger(), j.client.RedactURL(f.link)
			}
			if !errors.Is(f.err, scrape.ErrBudget) { // (said once above)
				log.Warn("jsonld posting page failed; it has no postings read before, so none are listed from it", "source", j.name, "url", shown, "error", f.err)
			}
			continue
		}
		for _, id := range j.ids.page(f.link) {
			if listed[id] || listed[j.CurrentID(id)] {
				continue // read from another page too
			}
			listed[id] = true
			out = append(out, model.Raw{ID: id, URL: f.link})
			j.failed[id] = f.err
			j.next.Pages[page] = append(j.next.Pages[page], id)
			j.next.keep(j.ids, id)
		}
	}
	return out, nil
}

// pageOrder is the order the posting pages at links are read in (their
// indexes): scrape.BudgetOrder, the pages the id memory has no postings
// of first (review s25b B1b).
func (j *JSONLD) pageOrder(links []string) []int {
	idx := make([]int, len(links))
	for i := range idx {
		idx[i] = i
	}
	return scrape.BudgetOrder(idx, func(i int) bool { return len(j.ids.page(links[i])) > 0 })
}

// GoneAfter is how many runs in a row a posting page of a links source
// must answer 404 Not Found or 410 Gone before its postings are no longer
// kept as stored.
const GoneAfter = 3

// gone splits the failed posting pages: those whose postings are still
// kept as stored, and the runs in a row (up to GoneAfter) each page that
// answered 404 or 410 did so, by page key, for the id memory. A page that
// answered so on GoneAfter runs in a row is gone, as the board says: its
// postings are left out of the listing (they go missing, and the guard
// removes them as any posting that left the listing). Any other failure
// (5xx, a timeout, a refused address) keeps them however long it lasts,
// and ends a page's count, as an answer does.
func (j *JSONLD) gone(failed []pageError) (kept []pageError, runs map[string]int) {
	for _, f := range failed {
		if !scrape.IsStatus(f.err, http.StatusNotFound) && !scrape.IsStatus(f.err, http.StatusGone) {
			kept = append(kept, f)
			continue
		}
		key := urlKey(f.link)
		n := min(j.ids.Gone[key]+1, GoneAfter)
		if runs == nil {
			runs = map[string]int{}
		}
		runs[key] = n
		if n < GoneAfter {
			kept = append(kept, f)
			continue
		}
		log, page := slog.Default(), f.link
		if j.client != nil {
			log, page = j.client.Logger(), j.client.RedactURL(f.link)
		}
		log.Warn("jsonld posting page gone: its postings are no longer kept", "source", j.name, "url", page, "runs", n, "error", f.err)
	}
	return kept, runs
}

// pageError is a posting page that failed.
type pageError struct {
	link string
	err  error
}

// postingPage fetches and decodes one posting page.
func (j *JSONLD) postingPage(ctx context.Context, link string, i, n int) ([]model.Raw, error) {
	resp, err := j.fetch(ctx, link, false)
	if err != nil {
		return nil, fmt.Errorf("posting %d of %d: %w", i+1, n, err)
	}
	got, err := j.decodePage(resp.Body, resp.Header.Get("Content-Type"), link)
	if err != nil {
		return nil, fmt.Errorf("posting page %q: %w", link, err)
	}
	return got, nil
}

// ids gives the listed postings their ids (assignIDs) and keeps the id
// memory for SaveState.
func (j *JSONLD) uniq(raws []model.Raw, own []bool, away ...string) ([]model.Raw, error) {
	out, next, err := assignIDs(dedupe(raws, own), j.ids, away...)
	if err != nil {
		return nil, j.errorf("%w", err)
	}
	j.next = next
	return out, nil
}

// listSitemap is the listing from the sitemap: one posting per URL that
// links matches, its id the URL's StableURL and its stamp the lastmod;
// Detail reads its page.
func (j *JSONLD) listSitemap(ctx context.Context) ([]model.Raw, error) {
	starts := []string{j.sitemap}
	if j.sitemap == sitemap.Robots {
		var err error
		if starts, err = sitemap.FromRobots(ctx, j.client, j.page); err != nil {
			return nil, j.errorf("sitemap: %w", err)
		}
	}
	entries, err := sitemap.Reader{Client: j.client, Source: j.name, Match: j.links, MaxPostings: j.maxPages}.Postings(ctx, starts)
	if err != nil {
		return nil, j.errorf("%w", err)
	}
	return sitemap.Raws(entries, StableURL), nil
}

// Detail reads a posting found in the sitemap from its page: the
// JobPosting whose URL is the page's (else the page's first), under the
// sitemap's id and stamp. A posting read from a listing carries its
// description already.
func (j *JSONLD) Detail(ctx context.Context, r model.Raw) (model.Raw, error) {
	if r.Complete {
		return r, nil
	}
	if err, ok := j.failed[r.ID]; ok {
		return r, j.errorf("%w", err) // its page failed in List: kept as stored
	}
	resp, err := j.fetch(ctx, r.URL, false)
	if err != nil {
		return r, j.errorf("%w", err)
	}
	got, err := j.decodePage(resp.Body, resp.Header.Get("Content-Type"), r.URL)
	if err != nil {
		return r, j.errorf("posting page %q: %w", r.URL, err)
	}
	d := got[0]
	for _, g := range got {
		if StableURL(g.URL) == r.ID {
			d = g
			break
		}
	}
	d = scrape.OverList(d, r)
	d.Complete = true
	return d, nil
}

func (j *JSONLD) errorf(format string, args ...any) error {
	return fmt.Errorf("jsonld: source %q: "+format, append([]any{j.name}, args...)...)
}

// Links returns the absolute URLs (without fragments) of the page's links
// that match re, each once, in page order. Relative links resolve against
// the page's URL or its <base href>.
func Links(doc *goquery.Document, re *regexp.Regexp) []string {
	base := doc.Url
	if href, ok := doc.Find("base[href]").First().Attr("href"); ok && base != nil {
		if b, err := url.Parse(strings.TrimSpace(href)); err == nil {
			base = base.ResolveReference(b)
		}
	}
	var out []string
	seen := map[string]bool{}
	doc.Find("a[href]").Each(func(_ int, s *goquery.Selection) {
		href, _ := s.Attr("href")
		abs := resolve(strings.TrimSpace(href), base)
		if abs == "" || seen[abs] || !re.MatchString(abs) {
			return
		}
		seen[abs] = true
		out = append(out, abs)
	})
	return out
}
