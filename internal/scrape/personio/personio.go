// Package personio reads job boards hosted by Personio through their public
// XML feed (https://{company}.jobs.personio.de/xml): one request returns
// every open position with its description sections.
package personio

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"html"
	"net/http"
	"net/url"
	"regexp"
	"strings"

	"golang.org/x/net/html/charset"

	"github.com/careers-watcher/careers-watcher/internal/config"
	"github.com/careers-watcher/careers-watcher/internal/model"
	"github.com/careers-watcher/careers-watcher/internal/scrape"
)

// Personio is the adapter for one source.
type Personio struct {
	board  string
	base   string // https://acme.jobs.personio.de or the url override, no trailing slash
	client *scrape.Client
}

var _ scrape.Adapter = (*Personio)(nil)

var slugRE = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9-]*$`)

// New makes the adapter for src (type personio: board required; url
// replaces https://{board}.jobs.personio.de, e.g. for boards on
// jobs.personio.com).
func New(src config.Source, c *scrape.Client) (*Personio, error) {
	if src.Board == "" {
		return nil, fmt.Errorf("personio: source %q: board is required", src.Name)
	}
	base := strings.TrimRight(src.URL, "/")
	if base == "" {
		if !slugRE.MatchString(src.Board) {
			return nil, fmt.Errorf("personio: source %q: board %q is not a company slug", src.Name, src.Board)
		}
		base = "https://" + strings.ToLower(src.Board) + ".jobs.personio.de"
	}
	return &Personio{board: src.Board, base: base, client: c}, nil
}

// feed is the XML document; XMLName makes any other root element an error.
type feed struct {
	XMLName   xml.Name   `xml:"workzag-jobs"`
	Positions []position `xml:"position"`
}

type position struct {
	ID                 string        `xml:"id"`
	Office             string        `xml:"office"`
	AdditionalOffices  []string      `xml:"additionalOffices>office"`
	Department         string        `xml:"department"`
	RecruitingCategory string        `xml:"recruitingCategory"`
	Name               string        `xml:"name"`
	JobDescriptions    []description `xml:"jobDescriptions>jobDescription"`
	EmploymentType     string        `xml:"employmentType"`
	Schedule           string        `xml:"schedule"`
	CreatedAt          string        `xml:"createdAt"`
}

type description struct {
	Name  string `xml:"name"`
	Value string `xml:"value"`
}

func (p *Personio) listURL() string { return p.base + "/xml" }

// List fetches the feed in one conditional request. A position listed more
// than once is one posting with every office.
func (p *Personio) List(ctx context.Context) ([]model.Raw, error) {
	u := p.listURL()
	resp, err := p.client.Do(ctx, scrape.Request{
		URL: u, Header: http.Header{"Accept": {"application/xml, text/xml"}}, Conditional: true,
	})
	if err != nil {
		if scrape.IsStatus(err, http.StatusNotFound) {
			return nil, fmt.Errorf("personio: board %q: not found (404)", p.board)
		}
		return nil, fmt.Errorf("personio: board %q: %w", p.board, err)
	}
	if resp.NotModified {
		return nil, scrape.ErrNotModified
	}
	f, err := parse(resp.Body)
	if err != nil {
		return nil, fmt.Errorf("personio: board %q: %s: %w", p.board, u, err)
	}
	out := make([]model.Raw, 0, len(f.Positions))
	index := map[string]int{}
	for i, pos := range f.Positions {
		r, err := p.raw(pos)
		if err != nil {
			return nil, fmt.Errorf("personio: board %q: %s: position %d: %w", p.board, u, i+1, err)
		}
		if k, ok := index[r.ID]; ok {
			out[k].Locations = appendNew(out[k].Locations, r.Locations...)
			continue
		}
		index[r.ID] = len(out)
		out = append(out, r)
	}
	return out, nil
}

// parse decodes the feed; anything but a whole <workzag-jobs> document (an
// HTML page, a body cut short) is an error.
func parse(body []byte) (*feed, error) {
	dec := xml.NewDecoder(bytes.NewReader(body))
	dec.CharsetReader = charset.NewReaderLabel
	var f feed
	if err := dec.Decode(&f); err != nil {
		return nil, fmt.Errorf("invalid XML: %w (body starts %q)", err, snippet(body))
	}
	return &f, nil
}

func snippet(b []byte) string {
	if len(b) > 60 {
		b = b[:60]
	}
	return string(b)
}

// Detail returns r: the feed carries the whole description.
func (p *Personio) Detail(_ context.Context, r model.Raw) (model.Raw, error) {
	return r, nil
}

func (p *Personio) raw(pos position) (model.Raw, error) {
	id := strings.TrimSpace(pos.ID)
	if id == "" {
		return model.Raw{}, errors.New("no id")
	}
	team := strings.TrimSpace(pos.Department)
	if team == "" {
		team = strings.TrimSpace(pos.RecruitingCategory)
	}
	return model.Raw{
		ID:              id,
		Title:           strings.TrimSpace(pos.Name),
		URL:             p.base + "/job/" + url.PathEscape(id),
		Team:            team,
		Locations:       appendNew(nil, append([]string{pos.Office}, pos.AdditionalOffices...)...),
		EmploymentType:  join(pos.EmploymentType, pos.Schedule),
		Posted:          date(pos.CreatedAt),
		DescriptionHTML: descriptionHTML(pos.JobDescriptions),
		Complete:        true,
	}, nil
}

// descriptionHTML is each section's name as a heading followed by its HTML.
func descriptionHTML(ds []description) string {
	var b strings.Builder
	for _, d := range ds {
		name, value := strings.TrimSpace(d.Name), strings.TrimSpace(d.Value)
		if value == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('\n')
		}
		if name != "" {
			b.WriteString("<h2>" + html.EscapeString(name) + "</h2>\n")
		}
		b.WriteString(value)
	}
	return b.String()
}

// appendNew appends the non-empty labels that list lacks.
func appendNew(list []string, labels ...string) []string {
next:
	for _, l := range labels {
		if l = strings.TrimSpace(l); l == "" {
			continue
		}
		for _, have := range list {
			if have == l {
				continue next
			}
		}
		list = append(list, l)
	}
	return list
}

// join joins the non-empty parts with ", ".
func join(parts ...string) string {
	var keep []string
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			keep = append(keep, p)
		}
	}
	return strings.Join(keep, ", ")
}

var dateRE = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}`)

// date is the YYYY-MM-DD a timestamp starts with, or "".
func date(s string) string {
	return dateRE.FindString(strings.TrimSpace(s))
}
