// Package rippling reads a company's public job board on Rippling
// (https://ats.rippling.com/{board}/jobs) through Rippling's public Job
// Board API.
//
// Interface (no key):
//
//   - GET {api}/platform/api/ats/v1/board/{board}/jobs: the whole board as a
//     bare JSON array, one row per (job, work location) pair: [{uuid, name,
//     department {id, label}, url, workLocation {id, label}}]. The same uuid
//     repeats once per location; rows are merged back into one posting. No
//     description, date, pay or type.
//   - GET {api}/platform/api/ats/v1/board/{board}/jobs/{uuid}: one job,
//     {uuid, name, url, companyName, description {company, role} (HTML),
//     workLocations [string], employmentType {label: code such as
//     "SALARIED_FT", id: text such as "Salaried, full-time"}, createdOn
//     (ISO time), department {name}, payRangeDetails [{rangeStart,
//     rangeEnd, currency, frequency}]} (payRangeDetails is empty when the
//     employer states no pay). An unknown board answers
//     {"error_code": "RESOURCE_NOT_FOUND", ...}: an object, not an array, so
//     an error here, never an empty board.
//
// Sources of the shape: the captured list in testdata/rippling.json
// (careerkit fixtures: the repeated uuid with two locations is real);
// careerkit's engine/adapters.py (omoji-personal/careerkit) for the list
// endpoint; public clients' tests built on live answers of 2026-09 (Framework,
// Unchained, Urban SDK, GenLogs) and documented as Rippling's Job Board API
// (developer.rippling.com/documentation/job-board-api) for the detail
// endpoint and its fields, including the inverted employmentType (id holds
// the text).
//
// Completeness: one answer, no total to check; an answer that is not a JSON
// array is an error. Details: every posting lacks its description in the
// list; its Stamp hashes its merged list rows, so the detail is fetched only
// for a new posting or one whose title, department, URL or locations
// changed.
//
// Config and detect: source type "rippling"; keys: board (required: the
// board slug, "acme" for ats.rippling.com/acme/jobs), url (optional: the API
// base instead of https://api.rippling.com, for tests and mirrors). Detect:
// https://ats.rippling.com/{board}/jobs, https://ats.rippling.com/{board}/jobs/{uuid},
// https://ats.rippling.com/{locale}/{board}/jobs (a locale such as en-GB
// first), https://api.rippling.com/platform/api/ats/v1/board/{board}/jobs
// all give board = that path segment.
package rippling

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
	"github.com/careers-watcher/careers-watcher/internal/scrape"
)

// DefaultAPI is the public API host.
const DefaultAPI = "https://api.rippling.com"

// Config is a rippling source's own keys.
type Config struct {
	Board string // board slug (required)
	URL   string // API base; "" means DefaultAPI
}

// Validate names the first missing or wrong key.
func (c Config) Validate() error {
	return scrape.CheckBoard(c.Board, c.URL, "the slug of ats.rippling.com/{board}/jobs")
}

// Adapter reads one board.
type Adapter struct {
	name, board, api string
	client           *scrape.Client
}

var _ scrape.Adapter = (*Adapter)(nil)

// New makes the adapter of source name.
func New(name string, cfg Config, c *scrape.Client) (*Adapter, error) {
	if err := cfg.Validate(); err != nil {
		return nil, fmt.Errorf("rippling: source %q: %w", name, err)
	}
	return &Adapter{name: name, board: cfg.Board, api: scrape.BaseOr(cfg.URL, DefaultAPI), client: c}, nil
}

func (a *Adapter) listURL() string { return scrape.APIURL(a.api, a.jobsPath()) }

// jobsPath is the path of the board's jobs under the API base.
func (a *Adapter) jobsPath() string {
	return "/platform/api/ats/v1/board/" + scrape.Segment(a.board) + "/jobs"
}

type label struct {
	ID    string `json:"id"`
	Label string `json:"label"`
}

type row struct {
	UUID         string `json:"uuid"`
	Name         string `json:"name"`
	Department   *label `json:"department"`
	URL          string `json:"url"`
	WorkLocation *label `json:"workLocation"`
}

type listPage struct {
	Raws []model.Raw
}

// decodeList reads the list array, merging the rows of one uuid; board
// makes the page URL of a row without one.
func decodeList(body []byte, board string) (listPage, error) {
	var rows []json.RawMessage
	if err := json.Unmarshal(body, &rows); err != nil {
		var obj map[string]any
		if json.Unmarshal(body, &obj) == nil {
			return listPage{}, fmt.Errorf("not a list of jobs: %s", describe(obj))
		}
		return listPage{}, fmt.Errorf("invalid JSON: %w", err)
	}
	if rows == nil {
		return listPage{}, errors.New("not a list of jobs: null")
	}
	p := listPage{Raws: []model.Raw{}}
	at := map[string]int{}
	hashes := map[string][][]byte{}
	for i, item := range rows {
		var x row
		if err := json.Unmarshal(item, &x); err != nil {
			return listPage{}, fmt.Errorf("row %d: %w", i+1, err)
		}
		id := strings.TrimSpace(x.UUID)
		if id == "" {
			return listPage{}, fmt.Errorf("row %d (%q) has no uuid", i+1, x.Name)
		}
		loc := ""
		if x.WorkLocation != nil {
			loc = x.WorkLocation.Label
		}
		if _, err := scrape.IDSegment(id); err != nil {
			// no link from it, no stamp; Detail refuses it, that job alone
			if _, ok := at[id]; !ok {
				at[id] = len(p.Raws)
				p.Raws = append(p.Raws, scrape.Refused(id, x.Name))
			}
			continue
		}
		hashes[id] = append(hashes[id], item)
		if j, ok := at[id]; ok {
			p.Raws[j].Locations = scrape.AddLabels(p.Raws[j].Locations, loc)
			continue
		}
		r := model.Raw{ID: id, Title: strings.TrimSpace(x.Name), URL: strings.TrimSpace(x.URL),
			Locations: scrape.AddLabels(nil, loc)}
		if r.URL == "" {
			r.URL = "https://ats.rippling.com/" + scrape.Segment(board) + "/jobs/" + scrape.Segment(id)
		}
		if x.Department != nil {
			r.Team = strings.TrimSpace(x.Department.Label)
		}
		at[id] = len(p.Raws)
		p.Raws = append(p.Raws, r)
	}
	for i := range p.Raws {
		if hashes[p.Raws[i].ID] == nil {
			continue // refused
		}
		h := sha256.New()
		for _, b := range hashes[p.Raws[i].ID] {
			h.Write(b)
			h.Write([]byte{0})
		}
		p.Raws[i].Stamp = hex.EncodeToString(h.Sum(nil))[:16]
	}
	return p, nil
}

func describe(obj map[string]any) string {
	for _, k := range []string{"error_code", "message", "detail", "error"} {
		if v, ok := obj[k]; ok {
			return fmt.Sprintf("%s %v", k, v)
		}
	}
	return "an object"
}

type detail struct {
	UUID        string          `json:"uuid"`
	Name        string          `json:"name"`
	URL         string          `json:"url"`
	Description json.RawMessage `json:"description"`
	WorkLocs    []string        `json:"workLocations"`
	Employment  *label          `json:"employmentType"`
	CreatedOn   string          `json:"createdOn"`
	Department  *struct {
		Name string `json:"name"`
	} `json:"department"`
	PayRanges []struct {
		RangeStart *scrape.Amount `json:"rangeStart"`
		RangeEnd   *scrape.Amount `json:"rangeEnd"`
		Currency   string         `json:"currency"`
		Frequency  string         `json:"frequency"`
	} `json:"payRangeDetails"`
}

// decodeDetail completes r from the job's detail answer.
func decodeDetail(body []byte, r model.Raw) (model.Raw, error) {
	var d detail
	if err := json.Unmarshal(body, &d); err != nil {
		return r, fmt.Errorf("invalid JSON: %w", err)
	}
	if d.UUID != "" && d.UUID != r.ID {
		return r, fmt.Errorf("the answer is for job %s", d.UUID)
	}
	desc, err := description(d.Description)
	if err != nil {
		return r, err
	}
	if desc == "" {
		return r, errors.New("no description in the response")
	}
	r.DescriptionHTML = desc
	if t := strings.TrimSpace(d.Name); t != "" {
		r.Title = t
	}
	if u := strings.TrimSpace(d.URL); u != "" {
		r.URL = u
	}
	// the detail names every place; the list one per row
	if locs := scrape.AddLabels(nil, d.WorkLocs...); len(locs) > 0 {
		r.Locations = locs
	}
	if d.Employment != nil {
		// inverted on this API: id is the text ("Salaried, full-time"),
		// label the code ("SALARIED_FT")
		r.EmploymentType = strings.TrimSpace(d.Employment.ID)
		if r.EmploymentType == "" {
			r.EmploymentType = strings.TrimSpace(d.Employment.Label)
		}
	}
	if d.Department != nil && strings.TrimSpace(d.Department.Name) != "" && r.Team == "" {
		r.Team = strings.TrimSpace(d.Department.Name)
	}
	r.Posted = scrape.DatePrefix(d.CreatedOn)
	r.Salary = nil
	for _, p := range d.PayRanges {
		var lo, hi float64
		if p.RangeStart != nil {
			lo = float64(*p.RangeStart)
		}
		if p.RangeEnd != nil {
			hi = float64(*p.RangeEnd)
		}
		if lo <= 0 && hi <= 0 {
			continue
		}
		if lo <= 0 {
			lo = hi
		}
		if hi <= 0 {
			hi = lo
		}
		r.Salary = append(r.Salary, model.Salary{Min: lo, Max: hi,
			Currency: strings.ToUpper(strings.TrimSpace(p.Currency)), Period: period(p.Frequency)})
	}
	r.Complete = true
	return r, nil
}

// description joins the role and company parts (role first: it is the
// posting; the company part is the same on every job), or takes a plain
// string.
func description(raw json.RawMessage) (string, error) {
	if len(raw) == 0 || string(raw) == "null" {
		return "", nil
	}
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return strings.TrimSpace(s), nil
	}
	var parts struct {
		Company string `json:"company"`
		Role    string `json:"role"`
	}
	if err := json.Unmarshal(raw, &parts); err != nil {
		return "", fmt.Errorf("description: %w", err)
	}
	var out []string
	for _, p := range []string{parts.Role, parts.Company} {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, "\n"), nil
}

// period maps payRangeDetails.frequency ("YEARLY_ANNUALLY", "Annual",
// "HOURLY", ...) to the model's periods; "" when unknown.
func period(f string) string {
	f = strings.ToUpper(f)
	switch {
	case strings.Contains(f, "YEAR") || strings.Contains(f, "ANNUAL"):
		return "year"
	case strings.Contains(f, "MONTH"):
		return "month"
	case strings.Contains(f, "WEEK"):
		return "week"
	case strings.Contains(f, "HOUR"):
		return "hour"
	case strings.Contains(f, "DAY") || strings.Contains(f, "DAILY"):
		return "day"
	}
	return ""
}

// List reads the whole board in one conditional request.
func (a *Adapter) List(ctx context.Context) ([]model.Raw, error) {
	u := a.listURL()
	resp, err := a.client.Do(ctx, scrape.Request{URL: u, Header: http.Header{"Accept": {"application/json"}}, Conditional: true})
	if err != nil {
		return nil, scrape.BoardError("rippling", a.board, err)
	}
	if resp.NotModified {
		return nil, scrape.ErrNotModified
	}
	p, err := decodeList(resp.Body, a.board)
	if err != nil {
		return nil, fmt.Errorf("rippling: board %q: %s: %w (body starts %q)", a.board, u, err, scrape.Snippet(resp.Body))
	}
	return p.Raws, nil
}

// Detail fetches the job's description, places, type, date and pay.
func (a *Adapter) Detail(ctx context.Context, r model.Raw) (model.Raw, error) {
	id, err := scrape.IDSegment(r.ID)
	if err != nil {
		return r, fmt.Errorf("rippling: board %q: job %s: %w", a.board, r.ID, err)
	}
	return scrape.FetchDetail(ctx, a.client, "rippling", a.board, "job "+r.ID, scrape.JSONRequest(scrape.APIURL(a.api, a.jobsPath()+"/"+id)), r,
		func(resp *scrape.Response) (model.Raw, error) { return decodeDetail(resp.Body, r) })
}
