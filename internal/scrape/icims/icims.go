// Package icims reads careers portals on iCIMS ({prefix}-{company}.icims.com)
// from their server-rendered pages, asked for without the portal's
// branding wrapper (in_iframe=1):
//
//	GET {portal}/jobs/search?ss=1&in_iframe=1&pr={n}     n = 0, 1, ... (the page)
//	GET {portal}/jobs/{id}/{slug}/job?in_iframe=1        one posting
//
// A search page lists job cards (li.iCIMS_JobCardItem; older layouts
// div.row in div.iCIMS_JobsTable): a link a.iCIMS_Anchor to
// /jobs/{id}/{slug}/job with the title in h3, header cells (a sr-only
// span.field-label such as "Job Locations", then the value) and
// additional fields (dl.iCIMS_JobHeaderGroup: dt.iCIMS_JobHeaderField
// "Job ID", "Category", "Position Type", ... with dd.iCIMS_JobHeaderData).
// Which fields a portal shows is its own setting. The page size too: the
// number of pages is in "Page X of Y" (h2.iCIMS_SubHeader_Jobs, the
// div.iCIMS_PagingBatch) and every page but the last has <link rel="next">.
// A posting page carries a schema.org JobPosting in JSON-LD (description,
// datePosted, employmentType, jobLocation, sometimes baseSalary): the
// detail is read from it with the jsonld package's extractor.
//
// Shape sources: the careerkit fixture icims.html (Wipfli's search page,
// careers-wipfli.icims.com/jobs/search, trimmed to two cards); public
// readers and notes found with the search tool: an iCIMS technical
// reference ("append ?in_iframe=1 ... fully server-rendered", "pr=
// parameter, zero-indexed", "Search Results Page X of Y", "<link
// rel=\"next\"> present on all pages except the last", "Every Classic iCIMS
// detail page embeds a <script type=\"application/ld+json\"> ... JobPosting",
// "Expired/filled jobs return HTTP 410"), and card markup with
// header/additionalFields cells and "US-IL-Chicago | US-TX-Austin"
// multi-location values in other readers' tests.
//
// The listing lacks the description, so Detail fetches the posting page;
// Stamp is a hash of the card (title, link, every field shown), so a detail
// is fetched for a new posting or when a shown field changes; an edit of
// the description alone is picked up with the next change of those.
//
// Config and detect: source type "icims"; config key url = the
// portal (required): https://careers-wipfli.icims.com, or its search page
// https://careers-wipfli.icims.com/jobs/search?ss=1&searchCategory=12 whose
// filters are then kept (pr and in_iframe are the adapter's). detect: host
// *.icims.com with a path /jobs[/...] (/jobs/search, /jobs/intro,
// /jobs/{id}/{slug}/job) -> url https://{host}; e.g.
// https://careers-wipfli.icims.com/jobs/8214/payroll-tax-specialist/job ->
// url https://careers-wipfli.icims.com.
package icims

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/PuerkitoBio/goquery"
	"github.com/andybalholm/cascadia"

	"github.com/careers-watcher/careers-watcher/internal/model"
	"github.com/careers-watcher/careers-watcher/internal/scrape"
	"github.com/careers-watcher/careers-watcher/internal/scrape/jsonld"
)

// maxPages bounds a listing that never ends.
const maxPages = 500

var (
	cards      = cascadia.MustCompile("li.iCIMS_JobCardItem, .iCIMS_JobsTable > div.row")
	anchor     = cascadia.MustCompile("a.iCIMS_Anchor[href], .title a[href]")
	titleSel   = cascadia.MustCompile("h3, h2")
	headerTags = cascadia.MustCompile(".iCIMS_JobHeaderTag")
	dtSel      = cascadia.MustCompile("dt")
	ddSel      = cascadia.MustCompile("dd")
	headers    = cascadia.MustCompile("div.header")
	labelSel   = cascadia.MustCompile(".field-label")
	pagingText = cascadia.MustCompile(".iCIMS_SubHeader_Jobs, .iCIMS_PagingBatch, .iCIMS_Paging")
	nextLink   = cascadia.MustCompile(`link[rel="next"]`)
	portalMark = cascadia.MustCompile(".iCIMS_JobsTable, .iCIMS_ListingsPage, #searchForm, form[name='searchForm'], input[name='searchKeyword']")

	pageOf = regexp.MustCompile(`(?i)page\s+(\d+)\s+of\s+(\d+)`)
	jobID  = regexp.MustCompile(`/jobs/(\d+)(?:/|$)`)
)

// Config is an icims source's settings.
type Config struct {
	// URL is the portal (https://careers-acme.icims.com) or its search page
	// with filters.
	URL string
}

// Validate names the missing key.
func (c Config) Validate() error {
	_, err := scrape.RequireURL(c.URL, "the iCIMS portal")
	return err
}

// Adapter reads one portal.
type Adapter struct {
	name    string
	origin  string     // scheme://host
	portal  *url.URL   // the portal (scheme and host): every posting page is on its host
	filters url.Values // the configured search page's query, without pr and in_iframe
	client  *scrape.Client

	mu      sync.Mutex
	refused map[string]error // posting id -> why the last listing gave it no page URL
}

var _ scrape.Adapter = (*Adapter)(nil)

// New makes the adapter of source name.
func New(name string, cfg Config, c *scrape.Client) (*Adapter, error) {
	u, err := scrape.RequireURL(cfg.URL, "the iCIMS portal")
	if err != nil {
		return nil, fmt.Errorf("icims: source %q: %w", name, err)
	}
	a := &Adapter{name: name, origin: u.Scheme + "://" + u.Host, portal: &url.URL{Scheme: u.Scheme, Host: u.Host}, filters: url.Values{}, client: c}
	if strings.TrimRight(u.Path, "/") == "/jobs/search" {
		a.filters = u.Query()
		a.filters.Del("pr")
		a.filters.Del("in_iframe")
	}
	return a, nil
}

func (a *Adapter) board() string {
	return strings.TrimPrefix(strings.TrimPrefix(a.origin, "https://"), "http://")
}

// pageURL is search page n (0-based).
func (a *Adapter) pageURL(n int) string {
	q := url.Values{}
	for k, v := range a.filters {
		q[k] = v
	}
	if q.Get("ss") == "" {
		q.Set("ss", "1")
	}
	q.Set("in_iframe", "1")
	q.Set("pr", strconv.Itoa(n))
	return a.origin + "/jobs/search?" + q.Encode()
}

// listPage is one decoded search page.
type listPage struct {
	Raws    []model.Raw
	Pages   int  // Y of "Page X of Y"; 0 when the page does not say
	Next    bool // the page links a next page
	Portal  bool // the page has iCIMS listing markup (telling an empty board from another page)
	Refused map[string]error
}

// decodeList reads one search page (UTF-8 HTML); base resolves relative
// links. Posting URLs are the links without their query (in_iframe,
// session parameters). A card whose link is off base's host, or not
// http(s), or has a dot segment in its path (scrape.CheckDetailURL), is
// listed as scrape.Refused under the id its path names, the reason in
// Refused: the posting page is on the portal (see the package comment),
// and the detail would fetch whatever the link names.
func decodeList(body []byte, base *url.URL) (listPage, error) {
	doc, err := goquery.NewDocumentFromReader(bytes.NewReader(body))
	if err != nil {
		return listPage{}, fmt.Errorf("invalid HTML: %w", err)
	}
	var p listPage
	if m := pageOf.FindStringSubmatch(doc.FindMatcher(pagingText).Text()); m != nil {
		p.Pages, _ = strconv.Atoi(m[2])
	}
	p.Next = doc.FindMatcher(nextLink).Length() > 0
	found := doc.FindMatcher(cards)
	p.Portal = found.Length() > 0 || doc.FindMatcher(portalMark).Length() > 0
	seen := map[string]bool{}
	var ferr error
	found.EachWithBreak(func(i int, s *goquery.Selection) bool {
		r, err := card(s, base)
		if err != nil {
			ferr = fmt.Errorf("card %d: %w", i+1, err)
			return false
		}
		if _, err := scrape.CheckDetailURL(r.URL, base); err != nil {
			if p.Refused == nil {
				p.Refused = map[string]error{}
			}
			if !seen[r.ID] {
				p.Refused[r.ID] = err
				r = scrape.Refused(r.ID, r.Title)
			}
		}
		if !seen[r.ID] {
			seen[r.ID] = true
			p.Raws = append(p.Raws, r)
		}
		return true
	})
	if ferr != nil {
		return listPage{}, ferr
	}
	return p, nil
}

func clean(s string) string { return strings.Join(strings.Fields(s), " ") }

func card(s *goquery.Selection, base *url.URL) (model.Raw, error) {
	a := s.FindMatcher(anchor).First()
	href, _ := a.Attr("href")
	link, err := base.Parse(strings.TrimSpace(href))
	if err != nil || href == "" {
		return model.Raw{}, fmt.Errorf("no link to the posting (%q)", href)
	}
	m := jobID.FindStringSubmatch(link.Path)
	if m == nil {
		return model.Raw{}, fmt.Errorf("link %q has no /jobs/{id}/", href)
	}
	link.RawQuery, link.Fragment = "", ""
	title := clean(a.FindMatcher(titleSel).First().Text())
	if title == "" {
		title = clean(a.Text())
	}
	r := model.Raw{ID: m[1], Title: title, URL: link.String()}
	// the fields a portal shows, in page order
	type field struct{ label, value, date string }
	var fields []field
	s.FindMatcher(headerTags).Each(func(_ int, t *goquery.Selection) {
		dd := t.FindMatcher(ddSel).First()
		date, _ := dd.Find("[title]").Attr("title")
		fields = append(fields, field{clean(t.FindMatcher(dtSel).First().Text()), clean(dd.Text()), date})
	})
	s.FindMatcher(headers).Each(func(_ int, h *goquery.Selection) {
		if h.FindMatcher(headerTags).Length() > 0 {
			return // read above
		}
		label := clean(h.FindMatcher(labelSel).Text())
		v := h.Clone()
		v.FindMatcher(labelSel).Remove()
		date, _ := v.Find("[title]").Attr("title")
		fields = append(fields, field{label, clean(v.Text()), date})
	})
	h := sha256.New()
	h.Write([]byte(title + "\x00" + link.Path + "\x00"))
	for _, f := range fields {
		h.Write([]byte(f.label + "\x00" + f.value + "\x00" + f.date + "\x00"))
		l := strings.ToLower(f.label)
		switch {
		case f.value == "":
		case strings.Contains(l, "location"):
			for _, part := range strings.Split(f.value, "|") {
				r.Locations = scrape.AddLabels(r.Locations, part)
			}
		case l == "job id" || l == "id" || strings.Contains(l, "requisition"):
			r.RequisitionID = f.value
		case strings.Contains(l, "department"):
			r.Team = f.value
		case strings.Contains(l, "category") && r.Team == "":
			r.Team = f.value
		case strings.Contains(l, "position type") || strings.Contains(l, "job type") || l == "type":
			r.EmploymentType = f.value
		case strings.Contains(l, "posted") || strings.Contains(l, "date"):
			if d := scrape.DatePrefix(f.date); d != "" {
				r.Posted = d
			} else {
				r.Posted = day(f.value)
			}
		}
	}
	for _, l := range r.Locations {
		if strings.Contains(strings.ToLower(l), "remote") {
			r.Workplace = "remote"
		}
	}
	r.Stamp = hex.EncodeToString(h.Sum(nil))[:16]
	return r, nil
}

// day reads the dates iCIMS portals show ("May 8, 2026", "05/08/2026",
// "2026-05-08").
func day(s string) string {
	if d := scrape.DatePrefix(s); d != "" {
		return d
	}
	for _, layout := range []string{"January 2, 2006", "Jan 2, 2006", "1/2/2006"} {
		if t, err := time.Parse(layout, strings.TrimSpace(s)); err == nil {
			return t.Format(time.DateOnly)
		}
	}
	return ""
}

// decodeDetail reads a posting page's JSON-LD JobPosting.
func decodeDetail(body []byte, page *url.URL) (model.Raw, error) {
	doc, err := goquery.NewDocumentFromReader(bytes.NewReader(body))
	if err != nil {
		return model.Raw{}, fmt.Errorf("invalid HTML: %w", err)
	}
	raws, err := jsonld.Extract(doc, page)
	if err != nil {
		return model.Raw{}, err
	}
	if len(raws) == 0 {
		return model.Raw{}, errors.New("no JobPosting JSON-LD in the page")
	}
	r := raws[0]
	if strings.TrimSpace(r.DescriptionHTML) == "" {
		return model.Raw{}, errors.New("the JobPosting has no description")
	}
	return r, nil
}

var htmlAccept = http.Header{"Accept": {"text/html,application/xhtml+xml;q=0.9,*/*;q=0.8"}}

// List reads the search pages from pr=0 to the last: the one "Page X of
// Y" names, else the first without a next link. A first page that is no
// iCIMS listing, a later page without cards before the last, or a page
// that repeats earlier cards is an error: a listing read in part would
// report the rest removed.
func (a *Adapter) List(ctx context.Context) ([]model.Raw, error) {
	out, refused, err := a.list(ctx)
	a.mu.Lock()
	a.refused = refused
	a.mu.Unlock()
	return out, err
}

func (a *Adapter) list(ctx context.Context) ([]model.Raw, map[string]error, error) {
	var out []model.Raw
	refused := map[string]error{}
	seen := map[string]bool{}
	pages := 0
	for n := 0; n < maxPages; n++ {
		u := a.pageURL(n)
		resp, err := a.client.Do(ctx, scrape.Request{URL: u, Header: htmlAccept})
		if err != nil {
			var se *scrape.StatusError
			if n == 0 && errors.As(err, &se) && (se.Status == http.StatusNotFound || se.Status == http.StatusGone) {
				return nil, nil, fmt.Errorf("icims: board %q: not found (%d)", a.board(), se.Status)
			}
			return nil, nil, fmt.Errorf("icims: board %q: list page %d: %w", a.board(), n+1, err)
		}
		base, _ := url.Parse(u)
		p, err := decodeList(scrape.UTF8HTML(resp.Body, resp.Header.Get("Content-Type")), base)
		if err != nil {
			return nil, nil, fmt.Errorf("icims: board %q: list page %d: %s: %w", a.board(), n+1, u, err)
		}
		if n == 0 {
			pages = p.Pages
			if len(p.Raws) == 0 {
				if !p.Portal {
					return nil, nil, fmt.Errorf("icims: board %q: list page 1: %s: not an iCIMS search page (no job cards, no listing markup)", a.board(), u)
				}
				if pages > 1 || p.Next {
					return nil, nil, fmt.Errorf("icims: board %q: list page 1 has no job cards but says more pages follow: listing incomplete", a.board())
				}
				return out, refused, nil // an empty board
			}
		}
		added := 0
		for _, r := range p.Raws {
			if !seen[r.ID] {
				seen[r.ID] = true
				out = append(out, r)
				added++
				if err := p.Refused[r.ID]; err != nil {
					refused[r.ID] = err
				}
			}
		}
		switch {
		case len(p.Raws) == 0:
			return nil, nil, fmt.Errorf("icims: board %q: list page %d has no job cards after %d postings%s: listing incomplete", a.board(), n+1, len(out), of(pages))
		case added == 0:
			return nil, nil, fmt.Errorf("icims: board %q: list page %d repeats earlier postings: paging does not advance", a.board(), n+1)
		case pages > 0 && n+1 >= pages:
			return out, refused, nil
		case pages == 0 && !p.Next:
			return out, refused, nil
		}
	}
	return nil, nil, fmt.Errorf("icims: board %q: listing exceeds %d pages", a.board(), maxPages)
}

func of(pages int) string {
	if pages == 0 {
		return ""
	}
	return fmt.Sprintf(" (of %d pages)", pages)
}

// Detail reads the posting page's JobPosting. The card is the authority on
// identity, stamp, URL and the fields it shows; the page adds the
// description and what the card lacked (date, type, places, pay).
//
// A posting the listing refused (its card's link is off the portal, see
// decodeList) fails here, naming the link, never fetched; so does any URL
// that scrape.CheckDetailURL refuses.
func (a *Adapter) Detail(ctx context.Context, r model.Raw) (model.Raw, error) {
	a.mu.Lock()
	why := a.refused[r.ID]
	a.mu.Unlock()
	if why == nil && r.URL == "" {
		why = errors.New("no posting page URL")
	}
	if why != nil {
		return r, fmt.Errorf("icims: board %q: posting %s: %w", a.board(), r.ID, why)
	}
	page, err := scrape.CheckDetailURL(r.URL, a.portal)
	if err != nil {
		return r, fmt.Errorf("icims: board %q: posting %s: %w", a.board(), r.ID, err)
	}
	q := page.Query()
	q.Set("in_iframe", "1")
	page.RawQuery = q.Encode()
	u := page.String()
	resp, err := a.client.Do(ctx, scrape.Request{URL: u, Header: htmlAccept})
	if err != nil {
		return r, fmt.Errorf("icims: board %q: posting %s: %w", a.board(), r.ID, err)
	}
	d, err := decodeDetail(scrape.UTF8HTML(resp.Body, resp.Header.Get("Content-Type")), page)
	if err != nil {
		return r, fmt.Errorf("icims: board %q: posting %s: %s: %w", a.board(), r.ID, u, err)
	}
	out := r
	if out.Title == "" {
		out.Title = d.Title
	}
	if out.Posted == "" {
		out.Posted = d.Posted
	}
	if out.EmploymentType == "" {
		out.EmploymentType = d.EmploymentType
	}
	if out.Workplace == "" {
		out.Workplace = d.Workplace
	}
	// the card often shows only a country ("US"): the posting's places are finer
	if len(d.Locations) > 0 {
		out.Locations = d.Locations
	}
	if out.RequisitionID == "" {
		out.RequisitionID = d.RequisitionID
	}
	out.Salary = d.Salary
	out.DescriptionHTML = d.DescriptionHTML
	out.Complete = true
	return out, nil
}
