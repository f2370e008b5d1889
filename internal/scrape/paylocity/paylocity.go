// Package paylocity reads a company's public job board on Paylocity
// Recruiting (https://recruiting.paylocity.com/recruiting/jobs/All/{guid}).
//
// Interface (no key; the board's own pages):
//
//   - GET {base}/recruiting/jobs/All/{guid}: an HTML page whose script sets
//     window.pageData = {..., "Jobs": [{JobId, JobTitle, LocationName,
//     PublishedDate (ISO time with offset), Description (a short preview or
//     ""), IsInternal, HiringDepartment, JobLocation {Name, Address, City,
//     State, Zip, Country, ...}, IsRemote, IndeedRemoteType}], "ModuleTitle":
//     company name, ...}: the whole board in one page.
//   - GET {base}/Recruiting/Jobs/Details/{JobId}: the posting's page, which
//     carries a schema.org JobPosting (ld+json) with the full description.
//
// Sources of the shape: the captured board page in testdata/paylocity.html
// (careerkit fixtures, North Carolina Advanced Energy Corporation's board);
// careerkit's engine/adapters.py (omoji-personal/careerkit), which notes
// that the former /recruiting/v2/api/jobs endpoint now answers a JobNotFound
// HTML page with status 200 and reads window.pageData instead; public clients
// that read the Details page's JobPosting ld+json for the description (the
// list's Description is cut to a preview).
//
// Completeness: the board is one page; a page without window.pageData, or
// whose pageData has no Jobs, is an error (never an empty board). There is
// no total to check against.
//
// Details: every posting; its Stamp hashes its pageData entry (title,
// place, published date, preview, ...), so a detail is fetched only for a
// new or changed posting.
//
// Config and detect: source type "paylocity"; keys: board (required:
// the board's GUID, the segment after /jobs/All/), url (optional: the host
// instead of https://recruiting.paylocity.com, for tests and mirrors).
// Detect: https://recruiting.paylocity.com/recruiting/jobs/All/{guid} and
// .../recruiting/jobs/All/{guid}/{company-slug} (any case of the path) give
// board = {guid}; a Details URL (/Recruiting/Jobs/Details/{JobId}) names no
// board and cannot be detected.
package paylocity

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/careers-watcher/careers-watcher/internal/model"
	"github.com/careers-watcher/careers-watcher/internal/scrape"
	"github.com/careers-watcher/careers-watcher/internal/scrape/jsonld"
)

// DefaultBase is Paylocity Recruiting's host.
const DefaultBase = "https://recruiting.paylocity.com"

// Config is a paylocity source's own keys.
type Config struct {
	Board string // the board's GUID (required)
	URL   string // host; "" means DefaultBase
}

// Validate names the first missing or wrong key.
func (c Config) Validate() error {
	return scrape.CheckBoard(c.Board, c.URL, "the GUID of recruiting.paylocity.com/recruiting/jobs/All/{guid}")
}

// Adapter reads one board.
type Adapter struct {
	name, board, base string
	client            *scrape.Client
}

var _ scrape.Adapter = (*Adapter)(nil)

// New makes the adapter of source name.
func New(name string, cfg Config, c *scrape.Client) (*Adapter, error) {
	if err := cfg.Validate(); err != nil {
		return nil, fmt.Errorf("paylocity: source %q: %w", name, err)
	}
	return &Adapter{name: name, board: strings.TrimSpace(cfg.Board), base: scrape.BaseOr(cfg.URL, DefaultBase), client: c}, nil
}

func (a *Adapter) listURL() string {
	return scrape.APIURL(a.base, "/recruiting/jobs/All/"+scrape.Segment(a.board))
}

type job struct {
	JobID            json.RawMessage `json:"JobId"` // a number; a string is read too
	JobTitle         string          `json:"JobTitle"`
	LocationName     string          `json:"LocationName"`
	PublishedDate    string          `json:"PublishedDate"`
	HiringDepartment string          `json:"HiringDepartment"`
	JobLocation      *struct {
		Name    string `json:"Name"`
		City    string `json:"City"`
		State   string `json:"State"`
		Country string `json:"Country"`
	} `json:"JobLocation"`
	IsRemote *bool `json:"IsRemote"`
}

type listPage struct {
	Raws    []model.Raw
	Company string // ModuleTitle
}

// pageData finds the JSON object assigned to window.pageData in a page.
func pageData(body []byte) (json.RawMessage, error) {
	i := bytes.Index(body, []byte("window.pageData"))
	if i < 0 {
		return nil, errors.New("no window.pageData on the page")
	}
	rest := bytes.TrimLeft(body[i+len("window.pageData"):], " \t\r\n")
	if len(rest) == 0 || rest[0] != '=' {
		return nil, errors.New("window.pageData is not assigned")
	}
	var raw json.RawMessage
	if err := json.NewDecoder(bytes.NewReader(rest[1:])).Decode(&raw); err != nil {
		return nil, fmt.Errorf("window.pageData: %w", err)
	}
	return raw, nil
}

// decodeList reads a board page; base makes the postings' page URLs.
func decodeList(body []byte, base string) (listPage, error) {
	raw, err := pageData(body)
	if err != nil {
		return listPage{}, err
	}
	var pd struct {
		Jobs        *[]json.RawMessage `json:"Jobs"`
		ModuleTitle string             `json:"ModuleTitle"`
	}
	if err := json.Unmarshal(raw, &pd); err != nil {
		return listPage{}, fmt.Errorf("window.pageData: %w", err)
	}
	if pd.Jobs == nil {
		return listPage{}, errors.New("no Jobs in window.pageData")
	}
	p := listPage{Company: strings.TrimSpace(pd.ModuleTitle), Raws: make([]model.Raw, 0, len(*pd.Jobs))}
	for i, item := range *pd.Jobs {
		var j job
		if err := json.Unmarshal(item, &j); err != nil {
			return listPage{}, fmt.Errorf("job %d: %w", i+1, err)
		}
		id := scrape.IDString(j.JobID)
		if id == "" || id == "0" {
			return listPage{}, fmt.Errorf("job %d (%q) has no JobId", i+1, j.JobTitle)
		}
		seg, err := scrape.IDSegment(id)
		if err != nil {
			// no Details URL from it; Detail refuses it, that job alone
			p.Raws = append(p.Raws, scrape.Refused(id, j.JobTitle))
			continue
		}
		sum := sha256.Sum256(item)
		r := model.Raw{
			ID:     id,
			Stamp:  hex.EncodeToString(sum[:8]),
			Title:  strings.TrimSpace(j.JobTitle),
			URL:    scrape.PageURL(base, "/Recruiting/Jobs/Details/"+seg),
			Team:   strings.TrimSpace(j.HiringDepartment),
			Posted: scrape.DatePrefix(j.PublishedDate),
		}
		name := strings.TrimSpace(j.LocationName)
		if l := j.JobLocation; l != nil {
			if name == "" {
				name = strings.TrimSpace(l.Name)
			}
			r.Locations = scrape.AddLabels(nil, scrape.JoinNonEmpty(l.City, l.State, l.Country))
		}
		if len(r.Locations) == 0 && name != "" {
			r.Locations = []string{name}
		}
		// the location's name is the employer's label for it; boards name
		// their hybrid and remote sites so ("Hybrid", "Remote - US")
		low := strings.ToLower(name)
		switch {
		case j.IsRemote != nil && *j.IsRemote:
			r.Workplace = "remote"
		case strings.Contains(low, "hybrid"):
			r.Workplace = "hybrid"
		case strings.Contains(low, "remote"):
			r.Workplace = "remote"
		}
		p.Raws = append(p.Raws, r)
	}
	return p, nil
}

// decodeDetail completes r from its Details page's schema.org JobPosting.
func decodeDetail(body []byte, r model.Raw) (model.Raw, error) {
	jp, err := jsonld.OnPageAt(body, r.URL)
	if err != nil {
		return r, err
	}
	r.DescriptionHTML = jp.DescriptionHTML
	r.EmploymentType = jp.EmploymentType
	r.Salary = jp.Salary
	if jp.Workplace != "" {
		r.Workplace = jp.Workplace
	}
	if r.Posted == "" {
		r.Posted = jp.Posted
	}
	if len(r.Locations) == 0 {
		r.Locations = jp.Locations
	}
	r.Complete = true
	return r, nil
}

// List reads the board page in one conditional request.
func (a *Adapter) List(ctx context.Context) ([]model.Raw, error) {
	u := a.listURL()
	resp, err := a.client.Do(ctx, scrape.Request{URL: u, Header: http.Header{"Accept": {"text/html"}}, Conditional: true})
	if err != nil {
		return nil, scrape.BoardError("paylocity", a.board, err)
	}
	if resp.NotModified {
		return nil, scrape.ErrNotModified
	}
	p, err := decodeList(resp.Body, a.base)
	if err != nil {
		return nil, fmt.Errorf("paylocity: board %q: %s: %w", a.board, u, err)
	}
	if id := scrape.RepeatedID(p.Raws); id != "" {
		return nil, fmt.Errorf("paylocity: board %q: %s: job %s listed twice", a.board, u, id)
	}
	return p.Raws, nil
}

// Detail reads the posting's Details page, whose URL the listing made
// from the board's base and the JobId (no URL from the page is fetched);
// a JobId that is a dot segment fails here, never fetched.
func (a *Adapter) Detail(ctx context.Context, r model.Raw) (model.Raw, error) {
	if _, err := scrape.IDSegment(r.ID); err != nil {
		return r, fmt.Errorf("paylocity: board %q: job %s: %w", a.board, r.ID, err)
	}
	return scrape.FetchDetail(ctx, a.client, "paylocity", a.board, "job "+r.ID, scrape.Request{URL: r.URL, Header: http.Header{"Accept": {"text/html"}}}, r,
		func(resp *scrape.Response) (model.Raw, error) { return decodeDetail(resp.Body, r) })
}
