// Package jobvite reads a company's public careers site on Jobvite
// (https://jobs.jobvite.com/{company}), which has no public JSON: its pages
// are server-rendered HTML.
//
// Interface:
//
//   - GET {base}/{company}/search?p={N} (N from 0): 50 job rows a page, each
//     a table row with a link to /{company}/job/{id} (the title; in a
//     td.jv-job-list-name on live pages) and a td.jv-job-list-location
//     ("2 Locations" for a multi-site job); ".jv-pagination-text" says
//     "1-50 of 266" and an a.jv-pagination-next link is on every page but
//     the last. An empty board says "No results found" in .jv-page-body. An unknown company
//     redirects to search.jobvite.com/?invalid=1 (a page without rows: an
//     error here).
//   - GET {base}/{company}/job/{id}: the job's page; .jv-job-detail-description
//     holds the description (HTML, under a "Description" h3 that is
//     dropped), and a schema.org JobPosting (ld+json) gives datePosted and
//     jobLocation[] (and, where set, employmentType and baseSalary). A
//     removed job redirects to /careers/{company}/jobs?error=404 (a page
//     without a description: an error).
//
// Sources of the shape: the captured search page in testdata/jobvite.html
// (careerkit fixtures, Feeding America's board: two rows, no pagination);
// careerkit's engine/adapters.py (omoji-personal/careerkit); a public Jobvite
// fetcher verified live against Egnyte and Nutanix (2026-10-04) for the
// paging, the "1-50 of N" total, the next link, the empty-board text, the
// redirects and the detail page; other public scrapers for the td classes
// and .jv-job-detail-description. One public scraper reports that
// "/search?p=1" answered the first page again on one board while
// "/search/?p=1" paged; this adapter asks /search?p=N as the verified
// fetcher does, and a page that repeats earlier rows is an error, so that
// behaviour would fail loudly, never shorten the listing.
//
// Completeness: paging ends on the page without a next link; when the
// pages state a total, the listing must have exactly that many jobs; an
// empty page after a next link, a page that brings no new job, a first page
// with no rows and without "No results found" are all errors.
//
// Details: every job; its Stamp hashes its list row (title, location, link),
// so the page is read only for a new or changed row.
//
// Config and detect: source type "jobvite"; keys: board (required: the
// company path segment, "feedingamerica" for jobs.jobvite.com/feedingamerica),
// url (optional: the host instead of https://jobs.jobvite.com, for tests and
// mirrors). Detect: https://jobs.jobvite.com/{board}, .../{board}/search,
// .../{board}/jobs, .../{board}/job/{id} give board = the first path
// segment; https://careers.jobvite.com/{board}/... likewise (older form,
// same board on jobs.jobvite.com).
package jobvite

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

	"github.com/PuerkitoBio/goquery"

	"github.com/careers-watcher/careers-watcher/internal/model"
	"github.com/careers-watcher/careers-watcher/internal/scrape"
	"github.com/careers-watcher/careers-watcher/internal/scrape/jsonld"
)

// DefaultBase is Jobvite's careers host.
const DefaultBase = "https://jobs.jobvite.com"

// maxPages bounds a listing that never ends (50 jobs a page).
const maxPages = 200

// noResults is Jobvite's own text on a board without openings.
const noResults = "No results found"

// Config is a jobvite source's own keys.
type Config struct {
	Board string // company path segment (required)
	URL   string // host; "" means DefaultBase
}

// Validate names the first missing or wrong key.
func (c Config) Validate() error {
	b := strings.TrimSpace(c.Board)
	if b == "" {
		return errors.New("board is required (the company of jobs.jobvite.com/{board})")
	}
	if strings.ContainsAny(b, "/?#") {
		return fmt.Errorf("board %q must be one path segment", b)
	}
	if err := scrape.CheckBaseURL(c.URL); err != nil {
		return err
	}
	return nil
}

// Adapter reads one company's site.
type Adapter struct {
	name, board, base string
	jobPath           *regexp.Regexp
	client            *scrape.Client
}

var _ scrape.Adapter = (*Adapter)(nil)

// New makes the adapter of source name.
func New(name string, cfg Config, c *scrape.Client) (*Adapter, error) {
	if err := cfg.Validate(); err != nil {
		return nil, fmt.Errorf("jobvite: source %q: %w", name, err)
	}
	board := strings.TrimSpace(cfg.Board)
	return &Adapter{name: name, board: board, base: scrape.BaseOr(cfg.URL, DefaultBase), jobPath: jobPath(board), client: c}, nil
}

// jobPath matches a job link's path, /{board}/job/{id}, the board in any case.
func jobPath(board string) *regexp.Regexp {
	return regexp.MustCompile(`(?i)^/` + regexp.QuoteMeta(board) + `/job/([A-Za-z0-9]+)/?$`)
}

func (a *Adapter) pageURL(n int) string {
	return scrape.APIURL(a.base, "/"+scrape.Segment(a.board)+"/search?p="+strconv.Itoa(n))
}

// listPage is one search page.
type listPage struct {
	Raws      []model.Raw
	Next      bool // an a.jv-pagination-next link
	Total     int  // "1-50 of N"; -1 when the page does not say
	NoResults bool // Jobvite's empty-board text in .jv-page-body
}

var ofTotal = regexp.MustCompile(`of\s+([\d,]+)`)

// decodeList reads a search page; page is its URL (for relative links), re
// the job link path.
func decodeList(body []byte, page *url.URL, re *regexp.Regexp) (listPage, error) {
	doc, err := goquery.NewDocumentFromReader(bytes.NewReader(body))
	if err != nil {
		return listPage{}, err
	}
	p := listPage{Total: -1, Raws: []model.Raw{}}
	seen := map[string]bool{}
	doc.Find("a[href]").Each(func(_ int, s *goquery.Selection) {
		href, _ := s.Attr("href")
		u, err := page.Parse(strings.TrimSpace(href))
		if err != nil || u.Host != page.Host {
			return
		}
		m := re.FindStringSubmatch(u.Path)
		if m == nil || seen[m[1]] {
			return
		}
		seen[m[1]] = true
		row := s.Closest("tr")
		loc := collapse(row.Find(".jv-job-list-location").First().Text())
		title := collapse(s.Text())
		u.RawQuery, u.Fragment = "", ""
		r := model.Raw{ID: m[1], Title: title, URL: u.String()}
		// "2 Locations" is a placeholder: the job's page names them
		if loc != "" && !nLocations.MatchString(loc) {
			r.Locations = []string{loc}
		}
		h := sha256.New()
		for _, f := range []string{m[1], title, loc, collapse(row.Text())} {
			h.Write([]byte(f))
			h.Write([]byte{0})
		}
		r.Stamp = hex.EncodeToString(h.Sum(nil))[:16]
		p.Raws = append(p.Raws, r)
	})
	p.Next = doc.Find("a.jv-pagination-next").Length() > 0
	if m := ofTotal.FindStringSubmatch(doc.Find(".jv-pagination-text").First().Text()); m != nil {
		if n, err := strconv.Atoi(strings.ReplaceAll(m[1], ",", "")); err == nil {
			p.Total = n
		}
	}
	// only in the board's own page body, as Jobvite writes it there
	p.NoResults = strings.Contains(doc.Find(".jv-page-body").Text(), noResults)
	return p, nil
}

var nLocations = regexp.MustCompile(`(?i)^\d+ Locations$`)

// List pages through the search pages to the one without a next link.
func (a *Adapter) List(ctx context.Context) ([]model.Raw, error) {
	var out []model.Raw
	seen := map[string]bool{}
	total := -1
	for n := 0; n < maxPages; n++ {
		u := a.pageURL(n)
		page, _ := url.Parse(u)
		resp, err := a.client.Do(ctx, scrape.Request{URL: u, Header: http.Header{"Accept": {"text/html"}}})
		if err != nil {
			if n == 0 {
				return nil, scrape.BoardError("jobvite", a.board, err)
			}
			return nil, fmt.Errorf("jobvite: board %q: list page %d: %w", a.board, n+1, err)
		}
		p, err := decodeList(resp.Body, page, a.jobPath)
		if err != nil {
			return nil, fmt.Errorf("jobvite: board %q: list page %d: %s: %w", a.board, n+1, u, err)
		}
		if p.Total >= 0 {
			total = p.Total
		}
		if len(p.Raws) == 0 {
			switch {
			case n == 0 && p.NoResults && !p.Next:
				return []model.Raw{}, nil
			case n == 0:
				return nil, fmt.Errorf("jobvite: board %q: %s: no job rows and no %q: not a Jobvite search page (unknown board, or the page changed)", a.board, u, noResults)
			default:
				return nil, fmt.Errorf("jobvite: board %q: list page %d is empty after %d%s: listing incomplete", a.board, n+1, len(out), of(total))
			}
		}
		added := 0
		for _, r := range p.Raws {
			if !seen[r.ID] {
				seen[r.ID] = true
				out = append(out, r)
				added++
			}
		}
		if added == 0 {
			return nil, fmt.Errorf("jobvite: board %q: list page %d repeats earlier jobs after %d%s: paging does not advance", a.board, n+1, len(out), of(total))
		}
		if !p.Next {
			if total >= 0 && len(out) != total {
				return nil, fmt.Errorf("jobvite: board %q: %d jobs where the pages say %d: listing incomplete", a.board, len(out), total)
			}
			return out, nil
		}
	}
	return nil, fmt.Errorf("jobvite: board %q: listing exceeds %d pages", a.board, maxPages)
}

func of(total int) string {
	if total < 0 {
		return " jobs"
	}
	return fmt.Sprintf(" of %d jobs", total)
}

// Detail reads the job's page.
func (a *Adapter) Detail(ctx context.Context, r model.Raw) (model.Raw, error) {
	id, err := scrape.IDSegment(r.ID)
	if err != nil {
		return r, fmt.Errorf("jobvite: board %q: job %s: %w", a.board, r.ID, err)
	}
	u := scrape.APIURL(a.base, "/"+scrape.Segment(a.board)+"/job/"+id)
	resp, err := a.client.Do(ctx, scrape.Request{URL: u, Header: http.Header{"Accept": {"text/html"}}})
	if err != nil {
		return r, fmt.Errorf("jobvite: board %q: job %s: %w", a.board, r.ID, err)
	}
	d, err := decodeDetail(resp.Body, u, r)
	if err != nil {
		return r, fmt.Errorf("jobvite: board %q: job %s: %s: %w", a.board, r.ID, u, err)
	}
	return d, nil
}

// decodeDetail completes r from its job page at pageURL.
func decodeDetail(body []byte, pageURL string, r model.Raw) (model.Raw, error) {
	page, err := url.Parse(pageURL)
	if err != nil {
		return r, err
	}
	doc, err := goquery.NewDocumentFromReader(bytes.NewReader(body))
	if err != nil {
		return r, err
	}
	var jp model.Raw
	if raws, err := jsonld.Extract(doc, page); err == nil && len(raws) > 0 {
		jp = raws[0]
	}
	desc := doc.Find(".jv-job-detail-description").First()
	if h := desc.ChildrenFiltered("h3").First(); strings.EqualFold(collapse(h.Text()), "Description") {
		h.Remove() // Jobvite's heading above every description
	}
	html := ""
	if collapse(desc.Text()) != "" {
		html, _ = desc.Html()
		html = strings.TrimSpace(html)
	}
	if html == "" {
		html = strings.TrimSpace(jp.DescriptionHTML)
	}
	if html == "" {
		return r, errors.New("no .jv-job-detail-description and no JobPosting description on the page")
	}
	r.DescriptionHTML = html
	if len(jp.Locations) > 0 {
		r.Locations = jp.Locations
	}
	if jp.Workplace != "" {
		r.Workplace = jp.Workplace
	}
	r.Posted = jp.Posted
	r.EmploymentType = jp.EmploymentType
	r.Salary = jp.Salary
	if t := strings.TrimSpace(jp.Title); t != "" && r.Title == "" {
		r.Title = t
	}
	r.Complete = true
	return r, nil
}

func collapse(s string) string { return strings.Join(strings.Fields(s), " ") }
