// Package phenom reads careers sites built on Phenom (Phenom People) from
// the data their server-rendered pages embed for the page's own script:
//
//	GET {site}/{locale}/search-results?from={k}&s=1
//	    <script> ... phApp.ddo = {"eagerLoadRefineSearch": {"status": 200,
//	    "hits": 10, "totalHits": 52, "data": {"jobs": [...]}}}; ...
//	GET {site}/{locale}/job/{jobId}
//	    phApp.ddo = {"jobDetail": {"data": {"job": {"description": "<p>..."}}}}
//
// from is an offset; a page holds "hits" jobs (the site's setting, often
// 10) and totalHits is the board's size. A listed job has jobId, reqId,
// jobSeqNo, title, type ("Full-Time"), location, city, state, country,
// cityStateCountry, multi_location_array [{location}], category,
// department, postedDate ("2026-04-09T09:54:06.573+0000"), dateCreated and
// a descriptionTeaser of about 300 characters: the full description is on
// the job's own page, in jobDetail.data.job.description.
//
// Shape sources: the careerkit fixture phenom.html (Phenom's own board,
// careers.phenom.com/global/en/search-results, trimmed to two jobs); public
// readers of the same pages found with the search tool: a Phenom adapter
// documenting "phApp.ddo = {...}" on search pages, totalHits,
// "<origin>/<locale>/job/<jobId>" as the canonical job page "server-rendered
// with its own phApp.ddo island carrying the FULL description"
// (jobDetail.data.job.description); paging by "from" with "s=1"
// (careers.microsoft.com/professionals/us/en/search-results?from=N&s=1);
// multi_location_array in a Bell (jobs.bell.ca) reader. The widgets API
// (POST {site}/widgets, ddoKey refineSearch) is the same data behind a
// session token on many sites: not used.
//
// The listing lacks the description, so Detail fetches the job page; Stamp
// is a hash of the listed fields, teaser included, so a detail is fetched
// for a new posting or when a listed field or the description's opening
// changes.
//
// Config and detect: source type "phenom"; config key url = the
// site's search-results page (required), e.g.
// https://careers.phenom.com/global/en/search-results; its query (filters
// such as a category) is kept on every page. detect: a URL whose path ends
// in /{country}/{lang}/search-results, or /{country}/{lang}/job/{id}[/slug]
// on a site whose HTML has "phApp.ddo" (the host alone does not tell: most
// Phenom sites are on the employer's domain, e.g. careers.phenom.com,
// jobs.bell.ca) -> url {origin}/{country}/{lang}/search-results.
package phenom

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"path"
	"strconv"
	"strings"

	"github.com/PuerkitoBio/goquery"
	"github.com/andybalholm/cascadia"

	"github.com/careers-watcher/careers-watcher/internal/model"
	"github.com/careers-watcher/careers-watcher/internal/scrape"
)

// maxPages bounds a listing that never ends.
const maxPages = 2000

var scripts = cascadia.MustCompile("script")

// Config is a phenom source's settings.
type Config struct {
	// URL is the site's search-results page:
	// https://careers.phenom.com/global/en/search-results.
	URL string
}

// Validate names the missing key.
func (c Config) Validate() error {
	_, err := scrape.RequireURL(c.URL, "the search-results page")
	return err
}

// Adapter reads one site.
type Adapter struct {
	name   string
	search *url.URL
	client *scrape.Client
}

var _ scrape.Adapter = (*Adapter)(nil)

// New makes the adapter of source name.
func New(name string, cfg Config, c *scrape.Client) (*Adapter, error) {
	u, err := scrape.RequireURL(cfg.URL, "the search-results page")
	if err != nil {
		return nil, fmt.Errorf("phenom: source %q: %w", name, err)
	}
	u.Fragment = ""
	return &Adapter{name: name, search: u, client: c}, nil
}

func (a *Adapter) board() string { return a.search.Host + a.search.Path }

// pageURL is the search page starting at offset from.
func (a *Adapter) pageURL(from int) string {
	u := *a.search
	q := u.Query()
	q.Set("from", strconv.Itoa(from))
	q.Set("s", "1")
	u.RawQuery = q.Encode()
	return u.String()
}

// JobURL is the job's own page: {origin}{dir of the search page}/job/{id}.
func (a *Adapter) JobURL(id string) string {
	dir := path.Dir(strings.TrimRight(a.search.Path, "/"))
	if dir == "/" || dir == "." {
		dir = ""
	}
	return a.search.Scheme + "://" + a.search.Host + dir + "/job/" + scrape.Segment(id)
}

type place struct {
	Location string `json:"location"`
}

// job is a job as the search page and the job page embed it.
type job struct {
	JobID            json.RawMessage `json:"jobId"` // a string; tolerate a number
	ReqID            string          `json:"reqId"`
	JobSeqNo         string          `json:"jobSeqNo"`
	Title            string          `json:"title"`
	Type             string          `json:"type"`
	Location         string          `json:"location"`
	CityStateCountry string          `json:"cityStateCountry"`
	City             string          `json:"city"`
	State            string          `json:"state"`
	Country          string          `json:"country"`
	MultiLocation    []place         `json:"multi_location_array"`
	Category         string          `json:"category"`
	Department       string          `json:"department"`
	PostedDate       string          `json:"postedDate"`
	DateCreated      string          `json:"dateCreated"`
	Teaser           string          `json:"descriptionTeaser"`
	Description      string          `json:"description"`
}

type ddo struct {
	Search *struct {
		Status    *scrape.Int `json:"status"` // counts and codes: 20.0 reads as 20
		Hits      *scrape.Int `json:"hits"`
		TotalHits *scrape.Int `json:"totalHits"`
		Data      *struct {
			Jobs *[]job `json:"jobs"`
		} `json:"data"`
	} `json:"eagerLoadRefineSearch"`
	Detail *struct {
		Status *scrape.Int `json:"status"`
		Data   *struct {
			Job *job `json:"job"`
		} `json:"data"`
	} `json:"jobDetail"`
}

// listPage is one decoded search page.
type listPage struct {
	Raws  []model.Raw
	Hits  int // the page size the site says, -1 when absent
	Total int // totalHits
}

// findDDO reads the phApp.ddo object of a page. A page without one is not
// a Phenom page (an error page, a challenge, a site that moved).
func findDDO(body []byte) (ddo, error) {
	doc, err := parse(body)
	if err != nil {
		return ddo{}, err
	}
	var raw json.RawMessage
	found := false
	var derr error
	doc.FindMatcher(scripts).EachWithBreak(func(_ int, s *goquery.Selection) bool {
		text := s.Text()
		for rest := text; ; {
			i := strings.Index(rest, "phApp.ddo")
			if i < 0 {
				return true
			}
			rest = strings.TrimLeft(rest[i+len("phApp.ddo"):], " \t\r\n")
			if !strings.HasPrefix(rest, "=") {
				continue
			}
			dec := json.NewDecoder(strings.NewReader(strings.TrimLeft(rest[1:], " \t\r\n")))
			if derr = dec.Decode(&raw); derr == nil {
				found = true
			}
			return false
		}
	})
	if derr != nil {
		return ddo{}, fmt.Errorf("phApp.ddo is not JSON: %w", derr)
	}
	if !found {
		return ddo{}, fmt.Errorf("no phApp.ddo in the page (body starts %q)", scrape.Snippet(body))
	}
	var d ddo
	if err := json.Unmarshal(raw, &d); err != nil {
		return ddo{}, fmt.Errorf("phApp.ddo: %w", err)
	}
	return d, nil
}

// decodeList reads one search page. Posting URLs are left empty (the
// adapter knows the site).
func decodeList(body []byte) (listPage, error) {
	d, err := findDDO(body)
	if err != nil {
		return listPage{}, err
	}
	s := d.Search
	if s == nil {
		return listPage{}, errors.New("no eagerLoadRefineSearch in phApp.ddo")
	}
	if s.Status != nil && *s.Status != http.StatusOK {
		return listPage{}, fmt.Errorf("eagerLoadRefineSearch status %d", *s.Status)
	}
	if s.Data == nil || s.Data.Jobs == nil || s.TotalHits == nil {
		return listPage{}, errors.New("eagerLoadRefineSearch without data.jobs and totalHits")
	}
	p := listPage{Hits: -1, Total: int(*s.TotalHits)}
	if s.Hits != nil {
		p.Hits = int(*s.Hits)
	}
	for i, j := range *s.Data.Jobs {
		r, err := raw(j)
		if err != nil {
			return listPage{}, fmt.Errorf("job %d: %w", i+1, err)
		}
		p.Raws = append(p.Raws, r)
	}
	return p, nil
}

func raw(j job) (model.Raw, error) {
	id := scrape.IDString(j.JobID)
	if id == "" {
		return model.Raw{}, fmt.Errorf("%q has no jobId", j.Title)
	}
	r := model.Raw{
		ID:             id,
		Stamp:          stamp(j),
		Title:          strings.TrimSpace(j.Title),
		RequisitionID:  strings.TrimSpace(j.ReqID),
		EmploymentType: strings.TrimSpace(j.Type),
		Posted:         scrape.DatePrefix(j.PostedDate),
	}
	if r.Posted == "" {
		r.Posted = scrape.DatePrefix(j.DateCreated)
	}
	r.Team = strings.TrimSpace(j.Department)
	if r.Team == "" {
		r.Team = strings.TrimSpace(j.Category)
	}
	first := strings.TrimSpace(j.Location)
	if first == "" {
		first = strings.TrimSpace(j.CityStateCountry)
	}
	if first == "" {
		first = scrape.JoinNonEmpty(j.City, j.State, j.Country)
	}
	r.Locations = scrape.AddLabels(nil, first)
	for _, m := range j.MultiLocation {
		r.Locations = scrape.AddLabels(r.Locations, m.Location)
	}
	if strings.TrimSpace(j.Description) != "" {
		r.DescriptionHTML = strings.TrimSpace(j.Description)
		r.Complete = true
	}
	return r, nil
}

// decodeDetail reads a job page's jobDetail.data.job. A page without a
// description is an error.
func decodeDetail(body []byte) (model.Raw, error) {
	d, err := findDDO(body)
	if err != nil {
		return model.Raw{}, err
	}
	if d.Detail == nil || d.Detail.Data == nil || d.Detail.Data.Job == nil {
		return model.Raw{}, errors.New("no jobDetail.data.job in phApp.ddo")
	}
	r, err := raw(*d.Detail.Data.Job)
	if err != nil {
		return model.Raw{}, err
	}
	if !r.Complete {
		return model.Raw{}, errors.New("the job page has no description")
	}
	return r, nil
}

// decodePage is decodeList of a search page's response.
func decodePage(resp *scrape.Response) (listPage, error) {
	return decodeList(scrape.UTF8HTML(resp.Body, resp.Header.Get("Content-Type")))
}

var htmlAccept = http.Header{"Accept": {"text/html,application/xhtml+xml;q=0.9,*/*;q=0.8"}}

// List reads the search pages from offset 0 until it has totalHits jobs.
// The offset advances by what each page brought. A page without the
// embedded data, an empty page before totalHits, a page that repeats
// earlier jobs, or a totalHits that changes while paging is an error: a
// listing read in part would report the rest removed.
func (a *Adapter) List(ctx context.Context) ([]model.Raw, error) {
	var got scrape.Unique
	total := -1
	from := 0
	setURL := func(r *model.Raw) { r.URL = a.JobURL(r.ID) }
	for page := 0; page < maxPages; page++ {
		p, err := scrape.ListPage(ctx, a.client, "phenom", a.board(), "list page", page, scrape.Request{URL: a.pageURL(from), Header: htmlAccept}, decodePage)
		if err != nil {
			return nil, err
		}
		if page == 0 {
			total = p.Total
		} else if p.Total != total {
			return nil, fmt.Errorf("phenom: board %q: list page %d: totalHits changed from %d to %d while paging: listing incomplete", a.board(), page+1, total, p.Total)
		}
		added := got.Add(p.Raws, setURL)
		from += len(p.Raws)
		switch {
		case got.Len() >= total:
			return got.Postings(), nil
		case len(p.Raws) == 0:
			return nil, fmt.Errorf("phenom: board %q: list page %d is empty after %d of %d postings: listing incomplete", a.board(), page+1, got.Len(), total)
		case added == 0:
			return nil, fmt.Errorf("phenom: board %q: list page %d repeats earlier postings after %d of %d: paging does not advance", a.board(), page+1, got.Len(), total)
		}
	}
	return nil, fmt.Errorf("phenom: board %q: listing exceeds %d pages", a.board(), maxPages)
}

// Detail reads the job's page for its description. The listing is the
// authority on identity, stamp and URL; the page fills what the listing
// lacked.
func (a *Adapter) Detail(ctx context.Context, r model.Raw) (model.Raw, error) {
	// the page URL is JobURL(r.ID): a dot id names a parent path
	if _, err := scrape.IDSegment(r.ID); err != nil {
		return r, fmt.Errorf("phenom: board %q: posting %s: %w", a.board(), r.ID, err)
	}
	u := r.URL
	if u == "" {
		u = a.JobURL(r.ID)
	}
	d, err := scrape.FetchDetail(ctx, a.client, "phenom", a.board(), "posting "+r.ID, scrape.Request{URL: u, Header: htmlAccept}, r,
		func(resp *scrape.Response) (model.Raw, error) {
			return decodeDetail(scrape.UTF8HTML(resp.Body, resp.Header.Get("Content-Type")))
		})
	if err != nil {
		return r, err
	}
	if d.ID != r.ID {
		return r, fmt.Errorf("phenom: board %q: posting %s: %s: the page is of job %s", a.board(), r.ID, u, d.ID)
	}
	return scrape.DetailOverList(r, d), nil
}

// parse reads a UTF-8 HTML body.
func parse(body []byte) (*goquery.Document, error) {
	doc, err := goquery.NewDocumentFromReader(bytes.NewReader(body))
	if err != nil {
		return nil, fmt.Errorf("invalid HTML: %w", err)
	}
	return doc, nil
}

func stamp(j job) string {
	parts := []string{string(j.JobID), j.ReqID, j.JobSeqNo, j.Title, j.Type, j.Location, j.CityStateCountry, j.City, j.State,
		j.Country, j.Category, j.Department, j.PostedDate, j.DateCreated, j.Teaser}
	for _, m := range j.MultiLocation {
		parts = append(parts, m.Location)
	}
	return scrape.HashStamp(parts...)
}
