// Package pinpoint reads the public job board that Pinpoint hosts for a
// company at https://{company}.pinpointhq.com.
//
// Interface (public, no key): GET {base}/postings.json answers every open
// posting in one response, {"data": [{id, title, url, path, description,
// key_responsibilities_header, key_responsibilities,
// skills_knowledge_expertise_header, skills_knowledge_expertise,
// benefits_header, benefits, workplace_type, workplace_type_text,
// compensation, compensation_minimum, compensation_maximum,
// compensation_currency, compensation_frequency, compensation_visible,
// deadline_at, job {id, requisition_id, department {name}, division},
// department {name}, location {id, name}}]}. The advert is split into
// those HTML sections; the list carries all of them, so no detail request
// is ever made.
//
// Sources of the shape: the captured answer in testdata/pinpoint.json
// (careerkit fixtures, "fields observed on Pinpoint's documented public
// Sensiba and JED postings.json endpoints"); public clients that read
// {slug}.pinpointhq.com/postings.json live (made-tech, coforma,
// wealthwizards, cazoo) and join description, key_responsibilities,
// skills_knowledge_expertise and benefits as the advert.
//
// Completeness: one answer; an answer without "data" (an error object, an
// HTML page) is an error, never an empty board. The answer has no total
// to check against.
//
// Stamp: a hash of the posting's entry as sent, so an unchanged posting is
// not normalized again and any edit (text, pay, place) is seen.
//
// Config and detect: source type "pinpoint"; keys: board (required: the
// subdomain, "acme" for acme.pinpointhq.com), url (optional: the board host
// instead of https://{board}.pinpointhq.com). Detect:
// https://{board}.pinpointhq.com, https://{board}.pinpointhq.com/en/postings/{uuid},
// https://{board}.pinpointhq.com/postings.json give board = the first label
// of the host.
package pinpoint

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"net/http"
	"strings"

	"github.com/careers-watcher/careers-watcher/internal/model"
	"github.com/careers-watcher/careers-watcher/internal/scrape"
)

// Config is a pinpoint source's own keys.
type Config struct {
	Board string // subdomain of {board}.pinpointhq.com (required)
	URL   string // board host; "" means https://{Board}.pinpointhq.com
}

// Validate names the first missing or wrong key.
func (c Config) Validate() error {
	return scrape.CheckBoard(c.Board, c.URL, "the subdomain of {board}.pinpointhq.com")
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
		return nil, fmt.Errorf("pinpoint: source %q: %w", name, err)
	}
	base := scrape.BaseOr(cfg.URL, "https://"+strings.ToLower(cfg.Board)+".pinpointhq.com")
	return &Adapter{name: name, board: cfg.Board, base: base, client: c}, nil
}

func (a *Adapter) listURL() string { return scrape.APIURL(a.base, "/postings.json") }

type named struct {
	Name string `json:"name"`
}

type posting struct {
	ID                             json.RawMessage `json:"id"`
	Title                          string          `json:"title"`
	URL                            string          `json:"url"`
	Path                           string          `json:"path"`
	Description                    string          `json:"description"`
	KeyResponsibilitiesHeader      string          `json:"key_responsibilities_header"`
	KeyResponsibilities            string          `json:"key_responsibilities"`
	SkillsKnowledgeExpertiseHeader string          `json:"skills_knowledge_expertise_header"`
	SkillsKnowledgeExpertise       string          `json:"skills_knowledge_expertise"`
	BenefitsHeader                 string          `json:"benefits_header"`
	Benefits                       string          `json:"benefits"`
	WorkplaceType                  string          `json:"workplace_type"`
	WorkplaceTypeText              string          `json:"workplace_type_text"`
	CompensationMinimum            *scrape.Amount  `json:"compensation_minimum"`
	CompensationMaximum            *scrape.Amount  `json:"compensation_maximum"`
	CompensationCurrency           string          `json:"compensation_currency"`
	CompensationFrequency          string          `json:"compensation_frequency"`
	CompensationVisible            *bool           `json:"compensation_visible"`
	Job                            *struct {
		RequisitionID string `json:"requisition_id"`
		Department    *named `json:"department"`
	} `json:"job"`
	Department *named `json:"department"`
	Location   *named `json:"location"`
}

type listPage struct {
	Raws []model.Raw
}

// decodeList reads a postings.json answer; base makes URLs of postings
// that give only a path.
func decodeList(body []byte, base string) (listPage, error) {
	var lr struct {
		Data *[]json.RawMessage `json:"data"`
	}
	if err := json.Unmarshal(body, &lr); err != nil {
		return listPage{}, fmt.Errorf("invalid JSON: %w", err)
	}
	if lr.Data == nil {
		return listPage{}, errors.New("no data in the response")
	}
	p := listPage{Raws: make([]model.Raw, 0, len(*lr.Data))}
	for i, item := range *lr.Data {
		var x posting
		if err := json.Unmarshal(item, &x); err != nil {
			return listPage{}, fmt.Errorf("posting %d: %w", i+1, err)
		}
		r, err := raw(x, item, base)
		if err != nil {
			return listPage{}, fmt.Errorf("posting %d: %w", i+1, err)
		}
		p.Raws = append(p.Raws, r)
	}
	return p, nil
}

func raw(x posting, item []byte, base string) (model.Raw, error) {
	id := scrape.IDString(x.ID)
	if id == "" {
		return model.Raw{}, fmt.Errorf("%q has no id", x.Title)
	}
	sum := sha256.Sum256(item)
	r := model.Raw{
		ID:              id,
		Stamp:           hex.EncodeToString(sum[:8]),
		Title:           strings.TrimSpace(x.Title),
		URL:             strings.TrimSpace(x.URL),
		Workplace:       strings.TrimSpace(x.WorkplaceType),
		DescriptionHTML: advert(x),
	}
	if r.URL == "" && strings.HasPrefix(x.Path, "/") {
		r.URL = scrape.PageURL(base, x.Path)
	}
	if r.Workplace == "" {
		r.Workplace = strings.TrimSpace(x.WorkplaceTypeText)
	}
	if x.Job != nil {
		r.RequisitionID = strings.TrimSpace(x.Job.RequisitionID)
		if x.Job.Department != nil {
			r.Team = strings.TrimSpace(x.Job.Department.Name)
		}
	}
	if r.Team == "" && x.Department != nil {
		r.Team = strings.TrimSpace(x.Department.Name)
	}
	if x.Location != nil {
		r.Locations = scrape.AddLabels(nil, x.Location.Name)
	}
	if s, ok := salary(x); ok {
		r.Salary = []model.Salary{s}
	}
	r.Complete = r.DescriptionHTML != ""
	return r, nil
}

// advert joins the advert's sections in reading order, each optional
// section under its own header when the board names one.
func advert(x posting) string {
	var b strings.Builder
	add := func(header, body string) {
		if strings.TrimSpace(body) == "" {
			return
		}
		if b.Len() > 0 {
			b.WriteByte('\n')
		}
		if h := strings.TrimSpace(header); h != "" {
			b.WriteString("<h3>" + html.EscapeString(h) + "</h3>\n")
		}
		b.WriteString(body)
	}
	add("", x.Description)
	add(x.KeyResponsibilitiesHeader, x.KeyResponsibilities)
	add(x.SkillsKnowledgeExpertiseHeader, x.SkillsKnowledgeExpertise)
	add(x.BenefitsHeader, x.Benefits)
	return b.String()
}

// salary is the structured pay range, unless the board hides it.
func salary(x posting) (model.Salary, bool) {
	if x.CompensationVisible != nil && !*x.CompensationVisible {
		return model.Salary{}, false
	}
	var lo, hi float64
	if x.CompensationMinimum != nil {
		lo = float64(*x.CompensationMinimum)
	}
	if x.CompensationMaximum != nil {
		hi = float64(*x.CompensationMaximum)
	}
	if lo <= 0 && hi <= 0 {
		return model.Salary{}, false
	}
	if lo <= 0 {
		lo = hi
	}
	if hi <= 0 {
		hi = lo
	}
	s := model.Salary{Min: lo, Max: hi, Currency: strings.ToUpper(strings.TrimSpace(x.CompensationCurrency))}
	switch p := strings.ToLower(strings.TrimSpace(x.CompensationFrequency)); p {
	case "year", "month", "week", "day", "hour":
		s.Period = p
	}
	return s, true
}

// List reads the whole board in one conditional request.
func (a *Adapter) List(ctx context.Context) ([]model.Raw, error) {
	u := a.listURL()
	resp, err := a.client.Do(ctx, scrape.Request{URL: u, Header: http.Header{"Accept": {"application/json"}}, Conditional: true})
	if err != nil {
		return nil, scrape.BoardError("pinpoint", a.board, err)
	}
	if resp.NotModified {
		return nil, scrape.ErrNotModified
	}
	p, err := decodeList(resp.Body, a.base)
	if err != nil {
		return nil, fmt.Errorf("pinpoint: board %q: %s: %w (body starts %q)", a.board, u, err, scrape.Snippet(resp.Body))
	}
	if id := scrape.RepeatedID(p.Raws); id != "" {
		return nil, fmt.Errorf("pinpoint: board %q: %s: posting %s listed twice", a.board, u, id)
	}
	return p.Raws, nil
}

// Detail returns r: the list carries the whole advert. A posting whose
// advert is empty has no page that would say more, so it is kept as is.
func (a *Adapter) Detail(_ context.Context, r model.Raw) (model.Raw, error) {
	r.Complete = true
	return r, nil
}
