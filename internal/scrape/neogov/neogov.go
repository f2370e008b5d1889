// Package neogov reads a public agency's job board on NEOGOV
// (www.governmentjobs.com/careers/{agency}, school districts on
// www.schooljobs.com) through the agency's RSS feed:
//
//	GET {base}/SearchEngine/JobsFeed?agency={agency}
//
// The feed is the whole board in one answer (no paging): RSS 2.0 items with
// title, link, guid, description and pubDate, plus NEOGOV's own elements in
// the joblisting namespace (http://www.neogov.com/namespaces/JobListing):
// jobId, advertiseFromDateUTC, advertiseToDateTimeUTC, jobType,
// minimumSalary, maximumSalary, salaryCurrency, salaryInterval, department,
// division, location, state, examplesofduties, qualifications,
// supplementalinformation and categories/category. Elements are matched
// by local name, since some feeds (schooljobs.com) bind the prefix to
// another URI.
//
// Shape sources: the careerkit fixture neogov.xml (GovernmentJobs RSS for
// agency=fulton, trimmed and sanitized); public readers of the same feed
// found with the search tool, e.g. "https://www.governmentjobs.com/
// SearchEngine/JobsFeed?agency=hawaii" with the joblisting namespace, a
// NEOGOV fetcher documenting the schooljobs.com host, and feed readers
// listing jobType, state, division and the salary elements.
//
// The listing carries the descriptions, so Detail never fetches. The feed
// has no update time: Stamp is a hash of every field read, so any change of
// a posting, its text included, is seen.
//
// Config and detect: source type "neogov"; config keys
// board = the agency slug (required; the {agency} of
// governmentjobs.com/careers/{agency}), url = the host (optional, default
// https://www.governmentjobs.com; https://www.schooljobs.com for school
// districts). detect: https://www.governmentjobs.com/careers/{agency}[/...]
// and https://www.schooljobs.com/careers/{agency}[/...] -> board {agency}
// (url https://www.schooljobs.com for the latter); the feed URL
// .../SearchEngine/JobsFeed?agency={agency} -> board {agency}.
package neogov

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"golang.org/x/net/html/charset"

	"github.com/careers-watcher/careers-watcher/internal/model"
	"github.com/careers-watcher/careers-watcher/internal/scrape"
)

// DefaultBase is the GovernmentJobs host.
const DefaultBase = "https://www.governmentjobs.com"

// Config is a neogov source's settings.
type Config struct {
	// URL is the host serving the feed; "" means DefaultBase.
	URL string
	// Agency is the agency slug of governmentjobs.com/careers/{agency}.
	Agency string
}

// Validate names the missing key.
func (c Config) Validate() error {
	if strings.TrimSpace(c.Agency) == "" {
		return errors.New("board (the agency slug) is required")
	}
	return nil
}

// Adapter reads one agency's feed.
type Adapter struct {
	name   string
	base   string
	agency string
	client *scrape.Client
}

var _ scrape.Adapter = (*Adapter)(nil)

// New makes the adapter of source name.
func New(name string, cfg Config, c *scrape.Client) (*Adapter, error) {
	if err := cfg.Validate(); err != nil {
		return nil, fmt.Errorf("neogov: source %q: %w", name, err)
	}
	return &Adapter{name: name, base: scrape.BaseOr(strings.TrimSpace(cfg.URL), DefaultBase), agency: strings.TrimSpace(cfg.Agency), client: c}, nil
}

// FeedURL is the agency's RSS feed.
func (a *Adapter) FeedURL() string {
	return scrape.APIURL(a.base, "/SearchEngine/JobsFeed?agency="+url.QueryEscape(a.agency))
}

var feedAccept = http.Header{"Accept": {"application/rss+xml, application/xml;q=0.9, text/xml;q=0.8"}}

// List fetches the feed in one conditional request (304:
// scrape.ErrNotModified).
func (a *Adapter) List(ctx context.Context) ([]model.Raw, error) {
	u := a.FeedURL()
	resp, err := a.client.Do(ctx, scrape.Request{URL: u, Header: feedAccept, Conditional: true})
	if err != nil {
		return nil, scrape.BoardError("neogov", a.agency, err)
	}
	if resp.NotModified {
		return nil, scrape.ErrNotModified
	}
	p, err := decodeList(resp.Body)
	if err != nil {
		return nil, fmt.Errorf("neogov: board %q: %s: %w", a.agency, u, err)
	}
	return p.Raws, nil
}

// Detail returns r: the feed carries the descriptions.
func (a *Adapter) Detail(_ context.Context, r model.Raw) (model.Raw, error) {
	return r, nil
}

type feed struct {
	XMLName xml.Name `xml:"rss"`
	Channel *struct {
		Items []item `xml:"item"`
	} `xml:"channel"`
}

type item struct {
	GUID          string   `xml:"guid"`
	Link          string   `xml:"link"`
	Title         string   `xml:"title"`
	Description   string   `xml:"description"`
	PubDate       string   `xml:"pubDate"`
	JobID         string   `xml:"jobId"`
	AdvertiseFrom string   `xml:"advertiseFromDateUTC"`
	AdvertiseTo   string   `xml:"advertiseToDateTimeUTC"`
	JobType       string   `xml:"jobType"`
	MinSalary     string   `xml:"minimumSalary"`
	MaxSalary     string   `xml:"maximumSalary"`
	Currency      string   `xml:"salaryCurrency"`
	Interval      string   `xml:"salaryInterval"`
	Department    string   `xml:"department"`
	Division      string   `xml:"division"`
	Location      string   `xml:"location"`
	State         string   `xml:"state"`
	Duties        string   `xml:"examplesofduties"`
	Qualification string   `xml:"qualifications"`
	Supplemental  string   `xml:"supplementalinformation"`
	Categories    []string `xml:"categories>category"`
}

// listPage is the decoded feed: the whole board.
type listPage struct {
	Raws []model.Raw
}

// decodeList reads a feed. A body that is not an RSS feed with a channel
// (an HTML error page, a truncated answer) is an error; a channel without
// items is an empty board.
func decodeList(body []byte) (listPage, error) {
	dec := xml.NewDecoder(bytes.NewReader(body))
	dec.CharsetReader = charset.NewReaderLabel
	var f feed
	if err := dec.Decode(&f); err != nil {
		return listPage{}, fmt.Errorf("not an RSS feed: %w (body starts %q)", err, scrape.Snippet(body))
	}
	if f.Channel == nil {
		return listPage{}, errors.New("RSS feed without a channel")
	}
	out := make([]model.Raw, 0, len(f.Channel.Items))
	seen := map[string]bool{}
	for i, it := range f.Channel.Items {
		r, err := raw(it)
		if err != nil {
			return listPage{}, fmt.Errorf("item %d: %w", i+1, err)
		}
		if seen[r.ID] {
			continue
		}
		seen[r.ID] = true
		out = append(out, r)
	}
	return listPage{Raws: out}, nil
}

func raw(it item) (model.Raw, error) {
	id := strings.TrimSpace(it.JobID)
	link := strings.TrimSpace(it.Link)
	if link == "" {
		link = strings.TrimSpace(it.GUID)
	}
	if id == "" {
		// the link ends in /jobs/{jobId}
		if i := strings.LastIndex(link, "/jobs/"); i >= 0 {
			id = strings.Trim(link[i+len("/jobs/"):], "/")
			if j := strings.IndexAny(id, "/?#"); j >= 0 {
				id = id[:j]
			}
		}
	}
	if id == "" {
		return model.Raw{}, fmt.Errorf("%q has no jobId and no /jobs/ link", strings.TrimSpace(it.Title))
	}
	r := model.Raw{
		ID:             id,
		Stamp:          stamp(it),
		Title:          strings.TrimSpace(it.Title),
		URL:            link,
		EmploymentType: strings.TrimSpace(it.JobType),
		Posted:         posted(it),
	}
	r.Team = strings.TrimSpace(it.Department)
	if r.Team == "" && len(it.Categories) > 0 {
		r.Team = strings.TrimSpace(it.Categories[0])
	}
	loc := strings.TrimSpace(it.Location)
	state := strings.TrimSpace(it.State)
	switch {
	case loc != "" && state != "" && !strings.Contains(strings.ToLower(loc), strings.ToLower(state)):
		r.Locations = []string{loc + ", " + state}
	case loc != "":
		r.Locations = []string{loc}
	case state != "":
		r.Locations = []string{state}
	}
	if strings.Contains(strings.ToLower(loc), "remote") {
		r.Workplace = "remote"
	}
	if s, ok := salary(it); ok {
		r.Salary = []model.Salary{s}
	}
	r.DescriptionHTML = description(it)
	r.Complete = true
	return r, nil
}

// description joins the feed's text parts, each under the heading the
// posting page gives it.
func description(it item) string {
	var b scrape.Sections
	b.Add("", it.Description)
	b.Add("Examples of Duties", it.Duties)
	b.Add("Qualifications", it.Qualification)
	b.Add("Supplemental Information", it.Supplemental)
	return b.String()
}

// posted is the first day of advertising ("Wed, 19 Aug 2026 05:00:00:0",
// NEOGOV's own format), else the item's pubDate.
func posted(it item) string {
	if d := rssDay(it.AdvertiseFrom); d != "" {
		return d
	}
	return rssDay(it.PubDate)
}

// rssDay reads the date of an RFC 1123 time ("Wed, 19 Aug 2026 ..."); only
// the date part is parsed, since NEOGOV's time part is not RFC 1123.
func rssDay(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.Index(s, ", "); i >= 0 && i <= 4 {
		s = s[i+2:]
	}
	f := strings.Fields(s)
	if len(f) < 3 {
		return ""
	}
	t, err := time.Parse("2 Jan 2006", strings.Join(f[:3], " "))
	if err != nil {
		return ""
	}
	return t.Format(time.DateOnly)
}

// periods maps NEOGOV's salary intervals onto the model's periods; a
// bi-weekly or semi-monthly amount is converted to a yearly one (26 and 24
// pay days a year).
var periods = map[string]struct {
	period string
	factor float64
}{
	"year": {"year", 1}, "yearly": {"year", 1}, "annual": {"year", 1}, "annually": {"year", 1},
	"month": {"month", 1}, "monthly": {"month", 1},
	"week": {"week", 1}, "weekly": {"week", 1},
	"day": {"day", 1}, "daily": {"day", 1},
	"hour": {"hour", 1}, "hourly": {"hour", 1},
	"biweekly": {"year", 26}, "bi-weekly": {"year", 26},
	"semimonthly": {"year", 24}, "semi-monthly": {"year", 24},
}

func salary(it item) (model.Salary, bool) {
	lo, errLo := amount(it.MinSalary)
	hi, errHi := amount(it.MaxSalary)
	switch {
	case errLo != nil && errHi != nil:
		return model.Salary{}, false
	case errLo != nil:
		lo = hi
	case errHi != nil:
		hi = lo
	}
	if lo <= 0 && hi <= 0 {
		return model.Salary{}, false
	}
	if hi < lo {
		lo, hi = hi, lo
	}
	p, ok := periods[strings.ToLower(strings.Join(strings.Fields(it.Interval), ""))]
	if !ok {
		return model.Salary{}, false
	}
	cur := strings.ToUpper(strings.TrimSpace(it.Currency))
	return model.Salary{Min: lo * p.factor, Max: hi * p.factor, Currency: cur, Period: p.period}, true
}

func amount(s string) (float64, error) {
	s = strings.NewReplacer(",", "", "$", "").Replace(strings.TrimSpace(s))
	if s == "" {
		return 0, errors.New("empty")
	}
	return strconv.ParseFloat(s, 64)
}

// stamp hashes every field read: the feed has no update time.
func stamp(it item) string {
	return scrape.HashStamp(append([]string{it.Link, it.Title, it.Description, it.JobID, it.AdvertiseFrom, it.AdvertiseTo,
		it.JobType, it.MinSalary, it.MaxSalary, it.Currency, it.Interval, it.Department, it.Division, it.Location,
		it.State, it.Duties, it.Qualification, it.Supplemental}, it.Categories...)...)
}
