// Package workable reads job boards hosted by Workable through the public
// widget API (apply.workable.com/api/v1/widget/accounts/{account}): one
// request lists every published job, with its description when the
// account's widget gives details; the public job API
// (api/v2/accounts/{account}/jobs/{shortcode}) completes one that lacks it.
package workable

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/careers-watcher/careers-watcher/internal/config"
	"github.com/careers-watcher/careers-watcher/internal/model"
	"github.com/careers-watcher/careers-watcher/internal/scrape"
)

// DefaultURL is the public API host; a source's url replaces it.
const DefaultURL = "https://apply.workable.com"

// Workable is the adapter for one source.
type Workable struct {
	board  string
	base   string // https://apply.workable.com or the url override, no trailing slash
	client *scrape.Client
}

var _ scrape.Adapter = (*Workable)(nil)

// New makes the adapter for src (type workable: board, the account's
// subdomain, required; url replaces https://apply.workable.com).
func New(src config.Source, c *scrape.Client) (*Workable, error) {
	board, base, err := scrape.BoardBase("workable", src, DefaultURL)
	if err != nil {
		return nil, err
	}
	return &Workable{board: board, base: base, client: c}, nil
}

// job is one job as the widget and the job API return it.
type job struct {
	Shortcode      string     `json:"shortcode"`
	Code           string     `json:"code"`
	Title          string     `json:"title"`
	Department     string     `json:"department"`
	EmploymentType string     `json:"employment_type"`
	Telecommuting  bool       `json:"telecommuting"`
	URL            string     `json:"url"`
	Shortlink      string     `json:"shortlink"`
	PublishedOn    string     `json:"published_on"`
	CreatedAt      string     `json:"created_at"`
	City           string     `json:"city"`
	State          string     `json:"state"`
	Country        string     `json:"country"`
	Locations      []location `json:"locations"`
	Description    string     `json:"description"`
	Requirements   string     `json:"requirements"`
	Benefits       string     `json:"benefits"`
}

type location struct {
	City        string `json:"city"`
	Region      string `json:"region"`
	Country     string `json:"country"`
	CountryCode string `json:"countryCode"`
	Hidden      bool   `json:"hidden"`
}

type listResponse struct {
	Jobs []job `json:"jobs"`
}

func (w *Workable) listURL() string {
	return scrape.APIURL(w.base, "/api/v1/widget/accounts/"+scrape.Segment(w.board)+"?details=true")
}

func (w *Workable) detailURL(shortcode string) (string, error) {
	id, err := scrape.IDSegment(shortcode)
	if err != nil {
		return "", err
	}
	return scrape.APIURL(w.base, "/api/v2/accounts/"+scrape.Segment(w.board)+"/jobs/"+id), nil
}

// List fetches every job in one conditional request.
func (w *Workable) List(ctx context.Context) ([]model.Raw, error) {
	return w.client.ListBoard(ctx, "workable", w.board, w.listURL(), w.decodeList)
}

// decodeList is the postings of a widget answer, in its order; it reads
// nothing but body and the board's base for links. The widget lists a job
// once per location: those rows are one posting with all the locations.
// An answer without the jobs array, or with a job that has no shortcode, is
// an error: a shorter list would report postings removed.
func (w *Workable) decodeList(body []byte) ([]model.Raw, error) {
	var lr listResponse
	if err := scrape.Unmarshal(body, &lr); err != nil {
		return nil, err
	}
	if lr.Jobs == nil {
		return nil, errors.New("no jobs in the response")
	}
	var out scrape.ByID
	for i, j := range lr.Jobs {
		r, err := w.raw(j)
		if err != nil {
			return nil, fmt.Errorf("job %d: %w", i+1, err)
		}
		out.Add(r)
	}
	return out.Postings(), nil
}

// Detail fetches the description of a job the widget listed without one.
func (w *Workable) Detail(ctx context.Context, r model.Raw) (model.Raw, error) {
	u, err := w.detailURL(r.ID)
	if err != nil {
		return r, fmt.Errorf("workable: board %q: job %s: %w", w.board, r.ID, err)
	}
	body, err := w.client.GetBody(ctx, u)
	if err != nil {
		if scrape.IsStatus(err, http.StatusNotFound) {
			return r, fmt.Errorf("workable: board %q: job %s: not found (404)", w.board, r.ID)
		}
		return r, fmt.Errorf("workable: board %q: job %s: %w", w.board, r.ID, err)
	}
	d, err := decodeDetail(body, r.ID)
	if err != nil {
		return r, fmt.Errorf("workable: board %q: job %s: %s: %w", w.board, r.ID, u, err)
	}
	r.DescriptionHTML = d
	r.Complete = true
	return r, nil
}

// decodeDetail is the description HTML in the job API's answer about the
// job with shortcode id; an answer about another job, or about none, is an
// error.
func decodeDetail(body []byte, id string) (string, error) {
	var j job
	if err := scrape.Unmarshal(body, &j); err != nil {
		return "", err
	}
	if j.Shortcode != "" && j.Shortcode != id {
		return "", fmt.Errorf("answered for job %s", j.Shortcode)
	}
	if j.Shortcode == "" && j.Title == "" {
		return "", errors.New("no job in the response")
	}
	return description(j), nil
}

func (w *Workable) raw(j job) (model.Raw, error) {
	id := strings.TrimSpace(j.Shortcode)
	if id == "" {
		return model.Raw{}, errors.New("no shortcode")
	}
	link := j.URL
	if link == "" {
		link = j.Shortlink
	}
	if link == "" {
		link = scrape.PageURL(w.base, "/"+scrape.Segment(w.board)+"/j/"+scrape.Segment(id)+"/")
	}
	r := model.Raw{
		ID:              id,
		Title:           strings.TrimSpace(j.Title),
		URL:             link,
		RequisitionID:   strings.TrimSpace(j.Code),
		Team:            j.Department,
		Locations:       labels(j),
		EmploymentType:  j.EmploymentType,
		Posted:          scrape.DatePrefix(j.PublishedOn),
		DescriptionHTML: description(j),
	}
	if r.Posted == "" {
		r.Posted = scrape.DatePrefix(j.CreatedAt)
	}
	if j.Telecommuting {
		r.Workplace = "remote"
	}
	r.Complete = r.DescriptionHTML != ""
	return r, nil
}

// description is the job's description, then its requirements and benefits
// under headings of their own, so that normalization files the
// requirements as the required qualifications.
func description(j job) string {
	d := j.Description
	if strings.TrimSpace(j.Requirements) != "" {
		d += "\n<h2>Requirements</h2>\n" + j.Requirements
	}
	if strings.TrimSpace(j.Benefits) != "" {
		d += "\n<h2>Benefits</h2>\n" + j.Benefits
	}
	if strings.TrimSpace(d) == "" {
		return ""
	}
	return d
}

// labels are the job's locations as "City, Region, Country"; the flat
// city/state/country fields when it lists none.
func labels(j job) []string {
	var out []string
	for _, l := range j.Locations {
		if l.Hidden {
			continue
		}
		country := l.Country
		if country == "" {
			country = l.CountryCode
		}
		out = scrape.AddLabels(out, scrape.JoinNonEmpty(l.City, l.Region, country))
	}
	if len(out) == 0 {
		out = scrape.AddLabels(out, scrape.JoinNonEmpty(j.City, j.State, j.Country))
	}
	return out
}
