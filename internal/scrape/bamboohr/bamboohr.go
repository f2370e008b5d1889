// Package bamboohr reads the public careers site that BambooHR hosts for a
// company at https://{company}.bamboohr.com/careers.
//
// Interface (the JSON the careers page itself loads; no key):
//
//   - GET {base}/careers/list: the whole board in one answer,
//     {"meta": {"totalCount": N}, "result": [{id, jobOpeningName,
//     departmentLabel, employmentStatusLabel, location {city, state},
//     atsLocation {country, state, province, city}, isRemote, locationType}]}.
//     No description, no date, no pay.
//   - GET {base}/careers/{id}/detail: one opening, {"result": {"jobOpening":
//     {jobOpeningName, employmentStatusLabel, description (HTML),
//     compensation (free text such as "$125,000 - $150,000"), datePosted
//     (YYYY-MM-DD), locationType, ...}}}.
//   - The page a person opens is {base}/careers/{id}. An unknown company
//     redirects to www.bamboohr.com (the redirect is followed, and the
//     marketing page is not JSON: an error).
//
// Sources of the shape: the captured list in testdata/bamboohr.json
// (careerkit fixtures); careerkit's engine/adapters.py (omoji-personal/
// careerkit) for both endpoints; a scraper test suite holding real
// 2026-10-10 list and detail answers (Alkira, Nexthop AI) for the detail's
// fields and the locationType codes "0" on site, "1" remote, "2" hybrid
// (also read that way by another public Go client's tests).
//
// Completeness: the list is one answer; meta.totalCount, when present, must
// equal the number of openings in it, else the listing is incomplete (an
// error, never removals). The captured fixture is itself such a trimmed
// answer (totalCount 3, two openings), which the tests use as the short
// listing.
//
// Details: the list lacks the description, so every opening is incomplete;
// its Stamp is a hash of its list entry, so a detail is fetched only for a
// new opening or one whose list entry changed.
//
// Config and detect: source type "bamboohr"; keys: board (required: the
// company subdomain, "acme" for acme.bamboohr.com), url (optional: the
// careers host to use instead of https://{board}.bamboohr.com, for tests and
// mirrors). Detect: https://{board}.bamboohr.com/careers,
// https://{board}.bamboohr.com/careers/{id}, https://{board}.bamboohr.com/jobs/
// and .../jobs/view.php?id=N (older embeds) all give board = the first label
// of the host; bamboohr.co.uk hosts exist too (https://{board}.bamboohr.co.uk/...,
// then url must be given as https://{board}.bamboohr.co.uk).
package bamboohr

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/careers-watcher/careers-watcher/internal/model"
	"github.com/careers-watcher/careers-watcher/internal/normalize"
	"github.com/careers-watcher/careers-watcher/internal/scrape"
)

// Config is a bamboohr source's own keys.
type Config struct {
	Board string // company subdomain (required)
	URL   string // careers host; "" means https://{Board}.bamboohr.com
}

// Validate names the first missing or wrong key.
func (c Config) Validate() error {
	return scrape.CheckBoard(c.Board, c.URL, "the company subdomain of {board}.bamboohr.com")
}

// Adapter reads one company's board.
type Adapter struct {
	name   string
	board  string
	base   string // no trailing slash
	client *scrape.Client
}

var _ scrape.Adapter = (*Adapter)(nil)

// New makes the adapter of source name.
func New(name string, cfg Config, c *scrape.Client) (*Adapter, error) {
	if err := cfg.Validate(); err != nil {
		return nil, fmt.Errorf("bamboohr: source %q: %w", name, err)
	}
	base := scrape.BaseOr(cfg.URL, "https://"+strings.ToLower(cfg.Board)+".bamboohr.com")
	return &Adapter{name: name, board: cfg.Board, base: base, client: c}, nil
}

func (a *Adapter) listURL() string { return scrape.APIURL(a.base, "/careers/list") }

// listPage is a decoded list answer: the openings and the total the board
// says it has (-1 when it says none).
type listPage struct {
	Raws  []model.Raw
	Total int
}

type place struct {
	City     string `json:"city"`
	State    string `json:"state"`
	Province string `json:"province"`
	Country  string `json:"country"`
}

type opening struct {
	ID                    json.RawMessage `json:"id"` // a string; tolerate a number
	JobOpeningName        string          `json:"jobOpeningName"`
	DepartmentLabel       string          `json:"departmentLabel"`
	EmploymentStatusLabel string          `json:"employmentStatusLabel"`
	Location              place           `json:"location"`
	ATSLocation           place           `json:"atsLocation"`
	IsRemote              *bool           `json:"isRemote"`
	LocationType          string          `json:"locationType"`
}

type listResponse struct {
	Meta *struct {
		TotalCount *scrape.Int `json:"totalCount"` // 20.0 reads as 20
	} `json:"meta"`
	Result *[]json.RawMessage `json:"result"`
}

// decodeList reads a /careers/list answer. base makes the openings' page
// URLs. An answer without result is an error.
func decodeList(body []byte, base string) (listPage, error) {
	var lr listResponse
	if err := json.Unmarshal(body, &lr); err != nil {
		return listPage{}, fmt.Errorf("invalid JSON: %w", err)
	}
	if lr.Result == nil {
		return listPage{}, errors.New("no result in the response")
	}
	p := listPage{Total: -1, Raws: make([]model.Raw, 0, len(*lr.Result))}
	if lr.Meta != nil && lr.Meta.TotalCount != nil {
		p.Total = int(*lr.Meta.TotalCount)
	}
	for i, item := range *lr.Result {
		var o opening
		if err := json.Unmarshal(item, &o); err != nil {
			return listPage{}, fmt.Errorf("opening %d: %w", i+1, err)
		}
		id := scrape.IDString(o.ID)
		if id == "" {
			return listPage{}, fmt.Errorf("opening %d (%q) has no id", i+1, o.JobOpeningName)
		}
		seg, err := scrape.IDSegment(id)
		if err != nil {
			// no link from it; Detail refuses it, that opening alone
			p.Raws = append(p.Raws, scrape.Refused(id, o.JobOpeningName))
			continue
		}
		r := model.Raw{
			ID:             id,
			Stamp:          stamp(item),
			Title:          strings.TrimSpace(o.JobOpeningName),
			URL:            scrape.PageURL(base, "/careers/"+seg),
			Team:           strings.TrimSpace(o.DepartmentLabel),
			EmploymentType: strings.TrimSpace(o.EmploymentStatusLabel),
			Workplace:      workplace(o.LocationType, o.IsRemote),
		}
		// the office; a remote opening names no office, only the area it is
		// open to (atsLocation)
		if l := scrape.JoinNonEmpty(o.Location.City, o.Location.State, o.Location.Province, o.Location.Country); l != "" {
			r.Locations = []string{l}
		} else if l := scrape.JoinNonEmpty(o.ATSLocation.City, o.ATSLocation.State, o.ATSLocation.Province, o.ATSLocation.Country); l != "" {
			r.Locations = []string{l}
		}
		p.Raws = append(p.Raws, r)
	}
	return p, nil
}

type detailResponse struct {
	Result *struct {
		JobOpening *struct {
			JobOpeningName        string `json:"jobOpeningName"`
			EmploymentStatusLabel string `json:"employmentStatusLabel"`
			Description           string `json:"description"`
			Compensation          string `json:"compensation"`
			DatePosted            string `json:"datePosted"`
			LocationType          string `json:"locationType"`
		} `json:"jobOpening"`
	} `json:"result"`
}

// decodeDetail completes r from a /careers/{id}/detail answer.
func decodeDetail(body []byte, r model.Raw) (model.Raw, error) {
	var d detailResponse
	if err := json.Unmarshal(body, &d); err != nil {
		return r, fmt.Errorf("invalid JSON: %w", err)
	}
	if d.Result == nil || d.Result.JobOpening == nil {
		return r, errors.New("no result.jobOpening in the response")
	}
	o := d.Result.JobOpening
	if strings.TrimSpace(o.Description) == "" {
		return r, errors.New("the opening has no description")
	}
	if t := strings.TrimSpace(o.JobOpeningName); t != "" {
		r.Title = t
	}
	if e := strings.TrimSpace(o.EmploymentStatusLabel); e != "" {
		r.EmploymentType = e
	}
	if w := workplace(o.LocationType, nil); w != "" {
		r.Workplace = w
	}
	r.Posted = scrape.DatePrefix(o.DatePosted)
	r.DescriptionHTML = o.Description
	// compensation is free text with no currency field of its own; the
	// normalizer's pay reader reads it ("$125,000 - $150,000", "$25-$30/hour")
	if c := strings.TrimSpace(o.Compensation); c != "" {
		r.Salary = normalize.Salaries(c)
	}
	r.Complete = true
	return r, nil
}

// List reads the whole board in one conditional request.
func (a *Adapter) List(ctx context.Context) ([]model.Raw, error) {
	u := a.listURL()
	resp, err := a.client.Do(ctx, scrape.Request{URL: u, Header: jsonAccept(), Conditional: true})
	if err != nil {
		return nil, scrape.BoardError("bamboohr", a.board, err)
	}
	if resp.NotModified {
		return nil, scrape.ErrNotModified
	}
	p, err := decodeList(resp.Body, a.base)
	if err != nil {
		return nil, fmt.Errorf("bamboohr: board %q: %s: %w (body starts %q)", a.board, u, err, scrape.Snippet(resp.Body))
	}
	if p.Total >= 0 && len(p.Raws) != p.Total {
		return nil, fmt.Errorf("bamboohr: board %q: %s: %d openings where meta.totalCount says %d: listing incomplete", a.board, u, len(p.Raws), p.Total)
	}
	if id := scrape.RepeatedID(p.Raws); id != "" {
		return nil, fmt.Errorf("bamboohr: board %q: %s: opening %s listed twice", a.board, u, id)
	}
	return p.Raws, nil
}

// Detail fetches the opening's description, date and pay.
func (a *Adapter) Detail(ctx context.Context, r model.Raw) (model.Raw, error) {
	id, err := scrape.IDSegment(r.ID)
	if err != nil {
		return r, fmt.Errorf("bamboohr: board %q: opening %s: %w", a.board, r.ID, err)
	}
	return scrape.FetchDetail(ctx, a.client, "bamboohr", a.board, "opening "+r.ID, scrape.Request{URL: scrape.APIURL(a.base, "/careers/"+id+"/detail"), Header: jsonAccept()}, r,
		func(resp *scrape.Response) (model.Raw, error) { return decodeDetail(resp.Body, r) })
}

func jsonAccept() http.Header { return http.Header{"Accept": {"application/json"}} }

// workplace maps locationType ("0" on site, "1" remote, "2" hybrid);
// isRemote true says remote whatever the type.
func workplace(locationType string, isRemote *bool) string {
	if isRemote != nil && *isRemote {
		return "remote"
	}
	switch strings.TrimSpace(locationType) {
	case "0":
		return "onsite"
	case "1":
		return "remote"
	case "2":
		return "hybrid"
	}
	return ""
}

// stamp is a short hash of the opening's list entry as sent: any change
// in the list (title, department, place, type) makes a new stamp.
func stamp(item []byte) string {
	sum := sha256.Sum256(item)
	return hex.EncodeToString(sum[:8])
}
