// Package eightfold reads careers sites that run on Eightfold
// (explore.jobs.netflix.net, *.eightfold.ai) through their public
// /api/apply/v2/jobs API.
package eightfold

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/careers-watcher/careers-watcher/internal/config"
	"github.com/careers-watcher/careers-watcher/internal/model"
	"github.com/careers-watcher/careers-watcher/internal/scrape"
)

// PageSize is what the server returns at most per page, whatever num says.
const PageSize = 10

// maxPages bounds a listing that never ends (a server that ignores start).
const maxPages = 2000

// Eightfold is the adapter for one source.
type Eightfold struct {
	base   string // https://explore.jobs.netflix.net, no trailing slash
	domain string
	teams  []string
	client *scrape.Client
}

var _ scrape.Adapter = (*Eightfold)(nil)

// New makes the adapter for src (type eightfold: url and domain required).
func New(src config.Source, c *scrape.Client) (*Eightfold, error) {
	if src.URL == "" || src.Domain == "" {
		return nil, fmt.Errorf("eightfold: source %q: url and domain are required", src.Name)
	}
	return &Eightfold{base: strings.TrimRight(src.URL, "/"), domain: src.Domain, teams: src.Teams, client: c}, nil
}

// position is one job as the API returns it (list and detail alike).
type position struct {
	ID                   json.Number `json:"id"`
	Name                 string      `json:"name"`
	Location             string      `json:"location"`
	Locations            []string    `json:"locations"`
	Department           string      `json:"department"`
	BusinessUnit         string      `json:"business_unit"`
	TCreate              int64       `json:"t_create"`
	TUpdate              int64       `json:"t_update"`
	ATSJobID             string      `json:"ats_job_id"`
	DisplayJobID         string      `json:"display_job_id"`
	WorkLocationOption   string      `json:"work_location_option"`
	CanonicalPositionURL string      `json:"canonicalPositionUrl"`
	JobDescription       string      `json:"job_description"`
	Type                 string      `json:"type"`
}

type listResponse struct {
	Count     *int       `json:"count"`
	Positions []position `json:"positions"`
}

func (e *Eightfold) listURL(start int) string {
	q := url.Values{}
	q.Set("domain", e.domain)
	q.Set("start", strconv.Itoa(start))
	q.Set("num", strconv.Itoa(PageSize))
	for _, t := range e.teams {
		q.Add("Teams", t)
	}
	return e.base + "/api/apply/v2/jobs?" + q.Encode()
}

// List pages on start until it has count postings or a page comes back empty.
func (e *Eightfold) List(ctx context.Context) ([]model.Raw, error) {
	var out []model.Raw
	seen := map[string]bool{}
	count := -1
	start := 0
	for page := 0; page < maxPages; page++ {
		u := e.listURL(start)
		var lr listResponse
		if err := e.client.GetJSON(ctx, u, &lr); err != nil {
			return nil, fmt.Errorf("eightfold: list page %d: %w", page+1, err)
		}
		if lr.Positions == nil && lr.Count == nil {
			return nil, fmt.Errorf("eightfold: list page %d: %s: no positions in the response", page+1, u)
		}
		if lr.Count != nil && count < 0 {
			count = *lr.Count
		}
		added := 0
		for _, p := range lr.Positions {
			r, err := e.raw(p)
			if err != nil {
				return nil, fmt.Errorf("eightfold: list page %d: %w", page+1, err)
			}
			if seen[r.ID] {
				continue
			}
			seen[r.ID] = true
			out = append(out, r)
			added++
		}
		// start moves by the new postings the page held, not by num: a
		// server that caps pages lower than asked, or repeats a posting
		// inside a page, would otherwise make it skip postings.
		start += added
		if count >= 0 && len(out) >= count {
			return out, nil
		}
		if len(lr.Positions) == 0 {
			// An empty page before count postings came is a listing cut
			// short (a glitch, a rate limiter answering politely): trusting
			// it would report the rest removed.
			if count >= 0 && len(out) < count {
				return nil, fmt.Errorf("eightfold: list page %d is empty after %d of %d postings: listing incomplete", page+1, len(out), count)
			}
			return out, nil
		}
		if added == 0 {
			// a server that ignores start repeats its first page forever
			return nil, fmt.Errorf("eightfold: list page %d repeats earlier postings: paging does not advance", page+1)
		}
	}
	return nil, fmt.Errorf("eightfold: listing exceeds %d pages", maxPages)
}

// Detail fetches the posting's description.
func (e *Eightfold) Detail(ctx context.Context, r model.Raw) (model.Raw, error) {
	q := url.Values{}
	q.Set("domain", e.domain)
	u := e.base + "/api/apply/v2/jobs/" + url.PathEscape(r.ID) + "?" + q.Encode()
	var p position
	if err := e.client.GetJSON(ctx, u, &p); err != nil {
		return r, fmt.Errorf("eightfold: posting %s: %w", r.ID, err)
	}
	if p.ID.String() == "" {
		return r, fmt.Errorf("eightfold: posting %s: %s: the answer holds no posting", r.ID, u)
	}
	if p.ID.String() != r.ID {
		return r, fmt.Errorf("eightfold: posting %s: detail answered for posting %s", r.ID, p.ID)
	}
	d, err := e.raw(p)
	if err != nil {
		return r, fmt.Errorf("eightfold: posting %s: %w", r.ID, err)
	}
	// the list is the authority on identity and stamp; the detail adds text
	d.ID, d.Stamp = r.ID, r.Stamp
	if d.Title == "" {
		d.Title = r.Title
	}
	if len(d.Locations) == 0 {
		d.Locations = r.Locations
	}
	if d.Team == "" {
		d.Team = r.Team
	}
	d.DescriptionHTML = p.JobDescription
	d.Complete = true
	return d, nil
}

func (e *Eightfold) raw(p position) (model.Raw, error) {
	id := p.ID.String()
	if id == "" {
		return model.Raw{}, errors.New("a position has no id")
	}
	locs := p.Locations
	if len(locs) == 0 && p.Location != "" {
		locs = []string{p.Location}
	}
	team := p.Department
	if team == "" {
		team = p.BusinessUnit
	}
	link := p.CanonicalPositionURL
	if link == "" {
		link = e.base + "/careers/job/" + url.PathEscape(id)
	}
	req := p.DisplayJobID
	if req == "" {
		req = p.ATSJobID
	}
	stamp := p.TUpdate
	if stamp == 0 {
		stamp = p.TCreate
	}
	r := model.Raw{
		ID:              id,
		Title:           strings.TrimSpace(p.Name),
		URL:             link,
		RequisitionID:   req,
		Team:            team,
		Locations:       locs,
		Workplace:       p.WorkLocationOption,
		EmploymentType:  p.Type,
		DescriptionHTML: p.JobDescription,
		Complete:        p.JobDescription != "",
	}
	if stamp != 0 {
		r.Stamp = strconv.FormatInt(stamp, 10)
	}
	if p.TCreate > 0 {
		r.Posted = time.Unix(p.TCreate, 0).UTC().Format(time.DateOnly)
	}
	return r, nil
}
