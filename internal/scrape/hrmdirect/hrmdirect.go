// Package hrmdirect reads job boards on HRMDirect (ClearCompany's hosted
// boards, {company}.hrmdirect.com) from their server-rendered pages:
//
//	GET {board}/employment/job-openings.php?search=true    the whole board, one table
//	GET {board}/employment/job-opening.php?req={req}&req_loc={loc}   one posting
//
// The listing is one table, not paged: a row per requisition and location,
// tr[data-req-id] (data-custom-req-id: the requisition number the employer
// shows), with cells td.departments, td.posTitle (a link to
// job-opening.php?req=..&req_loc=..; the tenant's markup leaves the <a>
// unclosed), td.cities, td.state, td.countries where the board shows them,
// and the posting date as MM/DD/YYYY in a cell of its own. The description
// is only on the posting page, in div.jobDesc.
//
// Shape sources: the careerkit fixture hrmdirect.html (an HRMDirect board,
// trimmed to two rows and sanitized); public readers of the same pages
// found with the search tool: "{slug}.hrmdirect.com/employment/
// job-openings.php?search=true (the bare path renders the filter form above
// an empty result, so the query is what makes the board answer)", a reader
// keying a posting by "the PAIR (req, req_loc)", one stating "An explicit
// all-filter request returns its complete non-paginated table", treating a
// page/offset link as unexpected and reading the description from
// div.jobDesc (legacy pages in windows-1252), a reader's test with one
// requisition on two rows (two locations), and cells named cities, state
// and countries.
//
// Rows of one requisition are one posting (ID = req) with each row's place
// among its locations. Stamp is a hash of the rows' fields, so a detail is
// fetched for a new posting or when a listed field (title, department,
// places, date) changes; an edit of the description alone is picked up
// with the next change of those.
//
// Config and detect: source type "hrmdirect"; config key url =
// the board (required): https://acme.hrmdirect.com, or its listing page
// https://acme.hrmdirect.com/employment/job-openings.php?search=true&dept=12
// whose filters are then kept. detect: host *.hrmdirect.com with a path
// /employment/job-openings.php or /employment/job-opening.php (e.g.
// https://opco.hrmdirect.com/employment/job-opening.php?req=3210&req_loc=1)
// -> url https://{host}.
package hrmdirect

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"path"
	"regexp"
	"strings"
	"time"

	"github.com/PuerkitoBio/goquery"
	"github.com/andybalholm/cascadia"

	"github.com/careers-watcher/careers-watcher/internal/model"
	"github.com/careers-watcher/careers-watcher/internal/scrape"
)

var (
	rows      = cascadia.MustCompile("tr[data-req-id]")
	titleCell = cascadia.MustCompile("td.posTitle")
	titleLink = cascadia.MustCompile("td.posTitle a[href]")
	cells     = cascadia.MustCompile("td")
	deptCell  = cascadia.MustCompile("td.departments")
	cityCell  = cascadia.MustCompile("td.cities")
	stateCell = cascadia.MustCompile("td.state")
	ctryCell  = cascadia.MustCompile("td.countries")
	boardMark = cascadia.MustCompile(`form[action*="job-openings.php"], .reqResult`)
	pageLinks = cascadia.MustCompile(`a[href*="job-openings.php"][href*="page="], a[href*="job-openings.php"][href*="offset="]`)
	jobDesc   = cascadia.MustCompile("div.jobDesc")

	usDate = regexp.MustCompile(`^\d{1,2}/\d{1,2}/\d{4}$`)
)

// Config is an hrmdirect source's settings.
type Config struct {
	// URL is the board (https://acme.hrmdirect.com) or its listing page
	// with filters.
	URL string
}

// Validate names the missing key.
func (c Config) Validate() error {
	_, err := scrape.RequireURL(c.URL, "the HRMDirect board")
	return err
}

// Adapter reads one board.
type Adapter struct {
	name    string
	origin  string
	filters url.Values
	client  *scrape.Client
}

var _ scrape.Adapter = (*Adapter)(nil)

// New makes the adapter of source name.
func New(name string, cfg Config, c *scrape.Client) (*Adapter, error) {
	u, err := scrape.RequireURL(cfg.URL, "the HRMDirect board")
	if err != nil {
		return nil, fmt.Errorf("hrmdirect: source %q: %w", name, err)
	}
	a := &Adapter{name: name, origin: u.Scheme + "://" + u.Host, filters: url.Values{}, client: c}
	if path.Base(u.Path) == "job-openings.php" {
		a.filters = u.Query()
	}
	return a, nil
}

func (a *Adapter) board() string {
	return strings.TrimPrefix(strings.TrimPrefix(a.origin, "https://"), "http://")
}

// ListURL is the board's listing page.
func (a *Adapter) ListURL() string {
	q := url.Values{}
	for k, v := range a.filters {
		q[k] = v
	}
	q.Set("search", "true")
	return a.origin + "/employment/job-openings.php?" + q.Encode()
}

// listPage is the decoded listing.
type listPage struct {
	Raws  []model.Raw
	Board bool // the page has the board's form or result markup
	Paged bool // the page links further listing pages
}

func clean(s string) string { return strings.Join(strings.Fields(s), " ") }

// decodeList reads the listing page (UTF-8 HTML); base resolves the rows'
// relative links. A row whose link leaves the board (another host, not
// http(s), a dot segment in its path: scrape.CheckDetailURL) gets the
// board's own page of its req instead: the detail fetches only the board.
func decodeList(body []byte, base *url.URL) (listPage, error) {
	doc, err := goquery.NewDocumentFromReader(bytes.NewReader(body))
	if err != nil {
		return listPage{}, fmt.Errorf("invalid HTML: %w", err)
	}
	p := listPage{Board: doc.FindMatcher(boardMark).Length() > 0, Paged: doc.FindMatcher(pageLinks).Length() > 0}
	at := map[string]int{}
	hashes := map[string][]string{}
	var ferr error
	doc.FindMatcher(rows).EachWithBreak(func(i int, s *goquery.Selection) bool {
		href, _ := s.FindMatcher(titleLink).First().Attr("href")
		link, err := base.Parse(strings.TrimSpace(href))
		if err != nil || href == "" {
			ferr = fmt.Errorf("row %d: no link to the posting", i+1)
			return false
		}
		q := link.Query()
		req := strings.TrimSpace(q.Get("req"))
		if req == "" {
			req, _ = s.Attr("data-req-id")
			req = strings.TrimSpace(req)
		}
		if req == "" {
			ferr = fmt.Errorf("row %d: link %q has no req", i+1, href)
			return false
		}
		keep := url.Values{"req": {req}}
		if loc := strings.TrimSpace(q.Get("req_loc")); loc != "" {
			keep.Set("req_loc", loc)
		}
		link.RawQuery, link.Fragment = keep.Encode(), ""
		if _, err := scrape.CheckDetailURL(link.String(), base); err != nil {
			// off the board (another host, not http(s), a dot path): the
			// posting's page is the board's own (the package comment's
			// URL), which the detail reads instead of what the row names
			link = base.ResolveReference(&url.URL{Path: "/employment/job-opening.php", RawQuery: keep.Encode()})
		}
		title := clean(s.FindMatcher(titleCell).First().Text())
		custom, _ := s.Attr("data-custom-req-id")
		place := scrape.JoinNonEmpty(s.FindMatcher(cityCell).First().Text(), s.FindMatcher(stateCell).First().Text(),
			s.FindMatcher(ctryCell).First().Text())
		dept := clean(s.FindMatcher(deptCell).First().Text())
		posted := ""
		s.FindMatcher(cells).EachWithBreak(func(_ int, c *goquery.Selection) bool {
			if t := strings.TrimSpace(c.Text()); usDate.MatchString(t) {
				if d, err := time.Parse("1/2/2006", t); err == nil {
					posted = d.Format(time.DateOnly)
					return false
				}
			}
			return true
		})
		hashes[req] = append(hashes[req], title, link.String(), custom, place, dept, posted)
		if j, ok := at[req]; ok {
			r := &p.Raws[j]
			r.Locations = scrape.AddLabels(r.Locations, place)
			if r.Posted == "" || (posted != "" && posted < r.Posted) {
				r.Posted = posted
			}
			return true
		}
		at[req] = len(p.Raws)
		p.Raws = append(p.Raws, model.Raw{
			ID: req, Title: title, URL: link.String(), RequisitionID: strings.TrimSpace(custom), Team: dept,
			Locations: scrape.AddLabels(nil, place), Posted: posted,
		})
		return true
	})
	if ferr != nil {
		return listPage{}, ferr
	}
	for i := range p.Raws {
		r := &p.Raws[i]
		if r.Title == "" {
			return listPage{}, fmt.Errorf("posting %s has no title", r.ID)
		}
		h := sha256.New()
		for _, s := range hashes[r.ID] {
			h.Write([]byte(s + "\x00"))
		}
		r.Stamp = hex.EncodeToString(h.Sum(nil))[:16]
		for _, l := range r.Locations {
			if strings.Contains(strings.ToLower(l), "remote") {
				r.Workplace = "remote"
			}
		}
	}
	return p, nil
}

// decodeDetail reads a posting page's div.jobDesc.
func decodeDetail(body []byte) (model.Raw, error) {
	doc, err := goquery.NewDocumentFromReader(bytes.NewReader(body))
	if err != nil {
		return model.Raw{}, fmt.Errorf("invalid HTML: %w", err)
	}
	d := doc.FindMatcher(jobDesc).First()
	if d.Length() == 0 {
		return model.Raw{}, errors.New("no div.jobDesc in the page")
	}
	h, err := d.Html()
	if err != nil {
		return model.Raw{}, err
	}
	h = strings.TrimSpace(h)
	if h == "" || strings.TrimSpace(d.Text()) == "" {
		return model.Raw{}, errors.New("the posting's description is empty")
	}
	return model.Raw{DescriptionHTML: h, Complete: true}, nil
}

var htmlAccept = http.Header{"Accept": {"text/html,application/xhtml+xml;q=0.9,*/*;q=0.8"}}

// List reads the board's table in one conditional request (304:
// scrape.ErrNotModified). A page without rows is an empty board only when
// it is the board's page (its search form or result markup); anything else
// (an error page, a moved board) is an error, as is a listing that links
// further pages, which this adapter would read in part.
func (a *Adapter) List(ctx context.Context) ([]model.Raw, error) {
	u := a.ListURL()
	resp, err := a.client.Do(ctx, scrape.Request{URL: u, Header: htmlAccept, Conditional: true})
	if err != nil {
		return nil, scrape.BoardError("hrmdirect", a.board(), err)
	}
	if resp.NotModified {
		return nil, scrape.ErrNotModified
	}
	base, _ := url.Parse(u)
	p, err := decodeList(scrape.UTF8HTML(resp.Body, resp.Header.Get("Content-Type")), base)
	if err != nil {
		return nil, fmt.Errorf("hrmdirect: board %q: %s: %w", a.board(), u, err)
	}
	if p.Paged {
		return nil, fmt.Errorf("hrmdirect: board %q: %s: the listing links further pages: listing incomplete", a.board(), u)
	}
	if len(p.Raws) == 0 && !p.Board {
		return nil, fmt.Errorf("hrmdirect: board %q: %s: not an HRMDirect listing (no rows, no search form)", a.board(), u)
	}
	if p.Raws == nil {
		p.Raws = []model.Raw{}
	}
	return p.Raws, nil
}

// Detail reads the posting page's description.
func (a *Adapter) Detail(ctx context.Context, r model.Raw) (model.Raw, error) {
	u := r.URL
	if u == "" {
		u = a.origin + "/employment/job-opening.php?req=" + url.QueryEscape(r.ID)
	}
	origin, _ := url.Parse(a.origin)
	if _, err := scrape.CheckDetailURL(u, origin); err != nil {
		return r, fmt.Errorf("hrmdirect: board %q: posting %s: %w", a.board(), r.ID, err)
	}
	resp, err := a.client.Do(ctx, scrape.Request{URL: u, Header: htmlAccept})
	if err != nil {
		return r, fmt.Errorf("hrmdirect: board %q: posting %s: %w", a.board(), r.ID, err)
	}
	d, err := decodeDetail(scrape.UTF8HTML(resp.Body, resp.Header.Get("Content-Type")))
	if err != nil {
		return r, fmt.Errorf("hrmdirect: board %q: posting %s: %s: %w", a.board(), r.ID, u, err)
	}
	r.DescriptionHTML = d.DescriptionHTML
	r.Complete = true
	return r, nil
}
