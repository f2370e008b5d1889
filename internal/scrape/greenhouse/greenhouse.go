// Package greenhouse reads job boards hosted by Greenhouse through the public
// Job Board API: GET {base}/v1/boards/{board}/jobs?content=true returns the
// whole board, descriptions included, in one response.
package greenhouse

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"slices"
	"strings"
	"time"

	"github.com/careers-watcher/careers-watcher/internal/config"
	"github.com/careers-watcher/careers-watcher/internal/model"
	"github.com/careers-watcher/careers-watcher/internal/scrape"
)

// DefaultBase is the public Job Board API host.
const DefaultBase = "https://boards-api.greenhouse.io"

// Greenhouse is the adapter for one board.
type Greenhouse struct {
	base   string // no trailing slash
	board  string
	client *scrape.Client
}

var _ scrape.Adapter = (*Greenhouse)(nil)

// New makes the adapter for src (type greenhouse: board required, url
// optional).
func New(src config.Source, c *scrape.Client) (*Greenhouse, error) {
	board, base, err := scrape.BoardBase("greenhouse", src, DefaultBase)
	if err != nil {
		return nil, err
	}
	return &Greenhouse{base: base, board: board, client: c}, nil
}

type named struct {
	Name string `json:"name"`
}

type office struct {
	Name     string `json:"name"`
	Location string `json:"location"`
}

type metadata struct {
	Name  string          `json:"name"`
	Value json.RawMessage `json:"value"`
}

// payRange is one pay-transparency range (amounts in cents). An amount
// written as a string is read as its number; one that is no number is
// NaN, a range the pipeline drops with a warning naming the posting.
type payRange struct {
	MinCents     scrape.Amount `json:"min_cents"`
	MaxCents     scrape.Amount `json:"max_cents"`
	CurrencyType string        `json:"currency_type"`
	Title        string        `json:"title"`
}

type job struct {
	ID             json.Number `json:"id"`
	InternalJobID  json.Number `json:"internal_job_id"`
	Title          string      `json:"title"`
	AbsoluteURL    string      `json:"absolute_url"`
	RequisitionID  string      `json:"requisition_id"`
	UpdatedAt      string      `json:"updated_at"`
	FirstPublished string      `json:"first_published"`
	Location       named       `json:"location"`
	Departments    []named     `json:"departments"`
	Offices        []office    `json:"offices"`
	Metadata       []metadata  `json:"metadata"`
	Content        string      `json:"content"`
	PayInputRanges []payRange  `json:"pay_input_ranges"`
}

func (g *Greenhouse) listURL() string {
	return scrape.APIURL(g.base, "/v1/boards/"+scrape.Segment(g.board)+"/jobs?content=true")
}

// List fetches the whole board in one conditional request.
func (g *Greenhouse) List(ctx context.Context) ([]model.Raw, error) {
	return g.client.ListBoard(ctx, "greenhouse", g.board, g.listURL(), decodeList)
}

// decodeList is the postings of a list answer, in its order. An answer
// without the jobs array, or with a job that has no id, is an error: a
// shorter list would report postings removed.
func decodeList(body []byte) ([]model.Raw, error) {
	return scrape.DecodeJobs(body, func(i int, j job) (model.Raw, bool, error) {
		r, err := raw(j)
		if err != nil {
			return model.Raw{}, false, fmt.Errorf("job %d: %w", i+1, err)
		}
		return r, true, nil
	})
}

// Detail returns r: the listing carries the descriptions.
func (g *Greenhouse) Detail(_ context.Context, r model.Raw) (model.Raw, error) {
	return r, nil
}

func raw(j job) (model.Raw, error) {
	id, err := scrape.NumberID(j.ID)
	if err != nil {
		return model.Raw{}, fmt.Errorf("id: %w", err)
	}
	if id == "" {
		return model.Raw{}, errors.New("a job has no id")
	}
	r := model.Raw{
		ID:            id,
		Stamp:         strings.TrimSpace(j.UpdatedAt),
		Title:         strings.TrimSpace(j.Title),
		URL:           j.AbsoluteURL,
		RequisitionID: strings.TrimSpace(j.RequisitionID),
		Posted:        day(j.FirstPublished),
		// content is HTML escaped as entities: unescaping once gives the HTML
		DescriptionHTML: html.UnescapeString(j.Content),
	}
	r.Complete = r.DescriptionHTML != ""
	if r.RequisitionID == "" {
		if r.RequisitionID, err = scrape.NumberID(j.InternalJobID); err != nil {
			return model.Raw{}, fmt.Errorf("internal_job_id: %w", err)
		}
	}
	r.Team = team(j.Departments)
	r.Locations, r.Workplace = locations(j)
	r.EmploymentType = employmentType(j.Metadata)
	for _, p := range j.PayInputRanges {
		lo, hi := scrape.PayRange(float64(p.MinCents)/100, float64(p.MaxCents)/100)
		r.Salary = append(r.Salary, model.Salary{Min: lo, Max: hi, Currency: strings.TrimSpace(p.CurrencyType)})
	}
	r.Stamp = scrape.ListedStamp(j.UpdatedAt, r)
	return r, nil
}

// locations is the job's location label, and "hybrid" when the label says
// so; a board whose location says only "Hybrid" names its places in the
// offices. A remote office that is no address ("Remote (US)" with no
// location) beside a label of towns that says nothing of remote work is
// one more label: remote work is a place of the job the label leaves out
// ("Austin | Chicago | New York City" and the office "Remote (US)").
func locations(j job) ([]string, string) {
	name := strings.TrimSpace(j.Location.Name)
	if name != "" && !strings.EqualFold(name, "hybrid") {
		if strings.Contains(strings.ToLower(name), "hybrid") {
			return []string{name}, "hybrid"
		}
		out := []string{name}
		if !strings.Contains(strings.ToLower(name), "remote") {
			for _, o := range j.Offices {
				n := strings.TrimSpace(o.Name)
				if strings.TrimSpace(o.Location) == "" && strings.Contains(strings.ToLower(n), "remote") && !slices.Contains(out, n) {
					out = append(out, n)
				}
			}
		}
		return out, ""
	}
	var out []string
	for _, o := range j.Offices {
		l := strings.TrimSpace(o.Location)
		if l == "" {
			l = strings.TrimSpace(o.Name)
		}
		if l != "" {
			out = append(out, l)
		}
	}
	if name != "" {
		return out, "hybrid"
	}
	return out, ""
}

// team is the job's department: the first the board lists. (Taking the
// first in sorted order, so that a reordered list names the same team,
// was tried (review s17 F18) and left out: every stored posting in
// several departments whose first is not first alphabetically would have
// been reported changed once at the upgrade.)
func team(ds []named) string {
	if len(ds) == 0 {
		return ""
	}
	return strings.TrimSpace(ds[0].Name)
}

// employmentType is the value of the board's "Employment Type" custom field:
// its text, or for a multi-select field (a list of texts) the items in
// sorted order joined by ", " (["Full-time"] is "Full-time").
func employmentType(md []metadata) string {
	for _, m := range md {
		n := strings.ToLower(strings.TrimSpace(m.Name))
		if n != "employment type" && n != "employment_type" && n != "job type" {
			continue
		}
		var s string
		if json.Unmarshal(m.Value, &s) == nil {
			return strings.TrimSpace(s)
		}
		var list []json.RawMessage
		if json.Unmarshal(m.Value, &list) != nil {
			continue
		}
		var items []string
		for _, v := range list {
			if json.Unmarshal(v, &s) == nil && strings.TrimSpace(s) != "" {
				items = append(items, strings.TrimSpace(s))
			}
		}
		slices.Sort(items)
		items = slices.Compact(items)
		if len(items) > 0 {
			return strings.Join(items, ", ")
		}
	}
	return ""
}

// day is the date in UTC of an RFC 3339 time (as scrape.DatePrefix): the
// same instant written with another offset is the same day; an
// implausible date (year 0001, 9999-12-31) is "", as DatePrefix has it.
func day(s string) string {
	t, err := time.Parse(time.RFC3339, strings.TrimSpace(s))
	if err != nil {
		return ""
	}
	return scrape.DatePrefix(t.UTC().Format(time.DateOnly))
}
