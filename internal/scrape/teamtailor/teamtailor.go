// Package teamtailor reads a company's Teamtailor career site
// (https://{company}.teamtailor.com, or the company's own domain) through
// the public jobs feed every such site serves.
//
// Interface (no key): GET {site}/jobs.json answers a JSON Feed 1.1
// (jsonfeed.org): {"version": "https://jsonfeed.org/version/1.1", "title",
// "home_page_url", "feed_url", "items": [{id, title, url, date_published,
// content_html, _jobposting}]}, where _jobposting is the posting's
// schema.org JobPosting (title, identifier, datePosted, jobLocation[] with
// PostalAddress, and where set employmentType, jobLocationType, baseSalary,
// description). Live feeds carry the whole advert in content_html; the
// captured fixture has it trimmed away. A feed may page with next_url (JSON
// Feed's paging field), which is followed.
//
// Sources of the shape: the captured feed in testdata/teamtailor.json
// (careerkit fixtures, Teamtailor's own feed at career.teamtailor.com); the
// JSON Feed 1.1 specification for items, date_modified and next_url;
// careerkit's engine/adapters.py (omoji-personal/careerkit) and other public
// clients that read {slug}.teamtailor.com/jobs.json live and take the
// advert from content_html ("title, location, description and date come
// back in one request").
//
// Mapping: the JobPosting is read by the jsonld package's schema.org mapping
// (the same as jsonld sources: places, remote, type, pay, date); the item's
// own title, url, content_html and date_published take precedence.
//
// Details: only for an item without content_html and without a JobPosting
// description (as in the fixture): the detail reads the item's page, a
// Teamtailor job page, and takes the description (and what else is missing)
// from its schema.org JobPosting. Stamp: the item's date_modified when the
// feed gives one, else a hash of the item as sent.
//
// Completeness: an answer without items (an HTML page, an error object) is
// an error; a next_url page that fails or brings no new item is an error.
// The feed has no total to check against.
//
// Config and detect: source type "teamtailor"; keys: url (the career
// site, https://acme.teamtailor.com or a custom domain such as
// https://careers.acme.com) or board (the subdomain: url defaults to
// https://{board}.teamtailor.com); one of the two is required. A query on
// url (url: https://careers.acme.com/?api_key=${KEY}, a gateway's key) goes
// onto every request to the site's scheme and host (scrape.APIURL: the
// feed, its next_url pages, job pages), never to another host, and the
// postings' page URLs leave it out. Detect:
// https://{board}.teamtailor.com, https://{board}.teamtailor.com/jobs,
// https://{board}.teamtailor.com/jobs/{id}-{slug} and
// https://{board}.teamtailor.com/jobs.json give board = the first label of
// the host; https://{board}.career.teamtailor.com (the older form) too
// (then url = https://{board}.career.teamtailor.com). A custom domain is
// recognised only by its page (a link or script to teamtailor's CDN,
// "teamtailor" in the page), so it needs url.
package teamtailor

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"github.com/PuerkitoBio/goquery"

	"github.com/careers-watcher/careers-watcher/internal/model"
	"github.com/careers-watcher/careers-watcher/internal/scrape"
	"github.com/careers-watcher/careers-watcher/internal/scrape/jsonld"
)

// maxPages bounds a feed whose next_url never ends.
const maxPages = 100

// Config is a teamtailor source's own keys.
type Config struct {
	URL   string `yaml:"-"`               // career site (the source's url); "" means https://{Board}.teamtailor.com
	Board string `yaml:"board,omitempty"` // subdomain, when URL is not given
}

// check names the first missing or wrong key.
func (c Config) check() error {
	if strings.TrimSpace(c.URL) == "" && strings.TrimSpace(c.Board) == "" {
		return errors.New("url (the career site) or board (the subdomain of {board}.teamtailor.com) is required")
	}
	if err := scrape.CheckBaseURL(c.URL); err != nil {
		return err
	}
	return nil
}

// Adapter reads one career site.
type Adapter struct {
	name   string
	base   string // the site, and the url's query when it has one (see scrape.APIURL)
	site   string // the site without the query: the board errors name
	client *scrape.Client
}

var _ scrape.Adapter = (*Adapter)(nil)

// New makes the adapter of source name.
func New(name string, cfg Config, c *scrape.Client) (*Adapter, error) {
	if err := cfg.check(); err != nil {
		return nil, fmt.Errorf("teamtailor: source %q: %w", name, err)
	}
	base := scrape.BaseOr(cfg.URL, "https://"+strings.ToLower(cfg.Board)+".teamtailor.com")
	return &Adapter{name: name, base: base, site: scrape.PageURL(base, ""), client: c}, nil
}

// feedURL is {site}/jobs.json, with the query of the source's url.
func (a *Adapter) feedURL() string { return scrape.APIURL(a.base, "/jobs.json") }

// onSite is raw (a next_url page, a job page) with the query of the
// source's url added (scrape.APIURL: raw's own parameters stand) when raw
// is on the site's scheme and host; a URL elsewhere is not sent the query
// (a key the site was given).
func (a *Adapter) onSite(raw string) string {
	if _, q, _ := strings.Cut(a.base, "?"); q == "" {
		return raw
	}
	u, err := url.Parse(raw)
	site, serr := url.Parse(a.site)
	if err != nil || serr != nil || u.Scheme != site.Scheme || !strings.EqualFold(u.Host, site.Host) {
		return raw
	}
	u.Fragment, u.RawFragment = "", ""
	own := u.RawQuery
	u.RawQuery, u.ForceQuery = "", false
	ref := ""
	if own != "" {
		ref = "?" + own
	}
	_, q, _ := strings.Cut(a.base, "?")
	return scrape.APIURL(u.String()+"?"+q, ref)
}

type item struct {
	ID            json.RawMessage `json:"id"`
	URL           string          `json:"url"`
	Title         string          `json:"title"`
	ContentHTML   string          `json:"content_html"`
	ContentText   string          `json:"content_text"`
	DatePublished string          `json:"date_published"`
	DateModified  string          `json:"date_modified"`
	JobPosting    json.RawMessage `json:"_jobposting"`
}

// listPage is one feed page: its postings and the next page's URL ("" at
// the end).
type listPage struct {
	Raws []model.Raw
	Next string
}

// decodeList reads one page of the feed; page is its URL (for a relative
// next_url and item url).
func decodeList(body []byte, page *url.URL) (listPage, error) {
	var f struct {
		Items   *[]json.RawMessage `json:"items"`
		NextURL string             `json:"next_url"`
	}
	if err := json.Unmarshal(body, &f); err != nil {
		return listPage{}, fmt.Errorf("invalid JSON: %w", err)
	}
	if f.Items == nil {
		return listPage{}, errors.New("no items in the response: not a JSON Feed")
	}
	p := listPage{Raws: make([]model.Raw, 0, len(*f.Items))}
	if n := strings.TrimSpace(f.NextURL); n != "" {
		u, err := page.Parse(n)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") {
			return listPage{}, fmt.Errorf("next_url %q is not an http or https URL", n)
		}
		p.Next = u.String()
	}
	for i, raw := range *f.Items {
		r, err := decodeItem(raw, page)
		if err != nil {
			return listPage{}, fmt.Errorf("item %d: %w", i+1, err)
		}
		p.Raws = append(p.Raws, r)
	}
	return p, nil
}

func decodeItem(raw json.RawMessage, page *url.URL) (model.Raw, error) {
	var it item
	if err := json.Unmarshal(raw, &it); err != nil {
		return model.Raw{}, err
	}
	id := scrape.IDString(it.ID)
	if id == "" {
		return model.Raw{}, fmt.Errorf("%q has no id", it.Title)
	}
	r := model.Raw{}
	if len(it.JobPosting) > 0 && string(it.JobPosting) != "null" {
		jp, ok, err := jobPosting(it.JobPosting, page)
		if err != nil {
			return model.Raw{}, fmt.Errorf("%s: _jobposting: %w", id, err)
		}
		if ok {
			r = jp
		}
	}
	r.ID = id
	r.RequisitionID = "" // the JobPosting's identifier is Teamtailor's job number, not a requisition
	if t := strings.TrimSpace(it.Title); t != "" {
		r.Title = t
	}
	if u := strings.TrimSpace(it.URL); u != "" {
		if abs, err := page.Parse(u); err == nil {
			r.URL = abs.String()
		}
	}
	if d := scrape.DatePrefix(it.DatePublished); d != "" {
		r.Posted = d
	}
	switch {
	case strings.TrimSpace(it.ContentHTML) != "":
		r.DescriptionHTML, r.DescriptionText = it.ContentHTML, ""
	case r.DescriptionHTML == "" && strings.TrimSpace(it.ContentText) != "":
		r.DescriptionText = it.ContentText
	}
	r.Complete = strings.TrimSpace(r.DescriptionHTML) != "" || strings.TrimSpace(r.DescriptionText) != ""
	if m := strings.TrimSpace(it.DateModified); m != "" {
		r.Stamp = m
	} else {
		sum := sha256.Sum256(raw)
		r.Stamp = hex.EncodeToString(sum[:8])
	}
	return r, nil
}

// jobPosting maps a schema.org JobPosting object with the jsonld package's
// mapping, by handing it over as the one ld+json block of a page.
func jobPosting(raw json.RawMessage, page *url.URL) (model.Raw, bool, error) {
	// "</" cannot end the script block once written as "<\/" (the same
	// JSON string)
	block := bytes.ReplaceAll(raw, []byte("</"), []byte(`<\/`))
	doc, err := goquery.NewDocumentFromReader(bytes.NewReader(append(append([]byte(`<script type="application/ld+json">`), block...), "</script>"...)))
	if err != nil {
		return model.Raw{}, false, err
	}
	raws, err := jsonld.Extract(doc, page)
	if err != nil {
		return model.Raw{}, false, err
	}
	if len(raws) == 0 {
		return model.Raw{}, false, nil
	}
	r := raws[0]
	r.Complete = false
	return r, true, nil
}

// List reads the feed, following next_url to the end.
func (a *Adapter) List(ctx context.Context) ([]model.Raw, error) {
	u := a.feedURL()
	var out []model.Raw
	seen := map[string]bool{}
	for n := 1; n <= maxPages; n++ {
		page, err := url.Parse(scrape.PageURL(u, "")) // what next_url and item urls resolve against: not the key
		if err != nil {
			return nil, fmt.Errorf("teamtailor: board %q: feed page %d: %w", a.site, n, err)
		}
		resp, err := a.client.Do(ctx, scrape.Request{URL: u, Header: http.Header{"Accept": {"application/feed+json, application/json"}}})
		if err != nil {
			if n == 1 {
				return nil, scrape.BoardError("teamtailor", a.site, err)
			}
			return nil, fmt.Errorf("teamtailor: board %q: feed page %d: %w", a.site, n, err)
		}
		p, err := decodeList(resp.Body, page)
		if err != nil {
			return nil, fmt.Errorf("teamtailor: board %q: feed page %d: %s: %w (body starts %q)", a.site, n, u, err, scrape.Snippet(resp.Body))
		}
		added := 0
		for _, r := range p.Raws {
			if seen[r.ID] {
				continue
			}
			seen[r.ID] = true
			out = append(out, r)
			added++
		}
		if p.Next == "" {
			if out == nil {
				out = []model.Raw{}
			}
			return out, nil
		}
		if added == 0 {
			return nil, fmt.Errorf("teamtailor: board %q: feed page %d (%s) brings no new item but names a next page: paging does not advance", a.site, n, u)
		}
		u = a.onSite(p.Next)
	}
	return nil, fmt.Errorf("teamtailor: board %q: feed exceeds %d pages", a.site, maxPages)
}

// Detail reads the posting's page and takes the description (and the
// type, pay, places and date the feed lacked) from its schema.org
// JobPosting.
func (a *Adapter) Detail(ctx context.Context, r model.Raw) (model.Raw, error) {
	if r.URL == "" {
		return r, fmt.Errorf("teamtailor: board %q: job %s: no page URL", a.site, r.ID)
	}
	return scrape.FetchDetail(ctx, a.client, "teamtailor", a.site, "job "+r.ID, scrape.Request{URL: a.onSite(r.URL), Header: http.Header{"Accept": {"text/html"}}}, r,
		func(resp *scrape.Response) (model.Raw, error) { return decodeDetail(resp.Body, r) })
}

// decodeDetail completes r from its job page.
func decodeDetail(body []byte, r model.Raw) (model.Raw, error) {
	jp, err := jsonld.OnPageAt(body, r.URL)
	if err != nil {
		return r, err
	}
	r.DescriptionHTML = jp.DescriptionHTML
	if r.EmploymentType == "" {
		r.EmploymentType = jp.EmploymentType
	}
	if len(r.Salary) == 0 {
		r.Salary = jp.Salary
	}
	if len(r.Locations) == 0 {
		r.Locations = jp.Locations
	}
	if r.Workplace == "" {
		r.Workplace = jp.Workplace
	}
	if r.Posted == "" {
		r.Posted = jp.Posted
	}
	r.Complete = true
	return r, nil
}
