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
	board, base, err := scrape.BoardBase("personio", src, "")
	if err != nil {
		return nil, err
	}
	if base == "" {
		if !slugRE.MatchString(board) {
			return nil, fmt.Errorf("personio: source %q: board %q is not a company slug", src.Name, board)
		}
		base = "https://" + strings.ToLower(board) + ".jobs.personio.de"
	}
	return &Personio{board: board, base: base, client: c}, nil
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

func (p *Personio) listURL() string { return scrape.APIURL(p.base, "/xml") }

// List fetches the feed in one conditional request. A position listed more
// than once is one posting with every office.
func (p *Personio) List(ctx context.Context) ([]model.Raw, error) {
	u := p.listURL()
	resp, err := p.client.Do(ctx, scrape.Request{
		URL: u, Header: http.Header{"Accept": {"application/xml, text/xml"}}, Conditional: true,
	})
	if err != nil {
		return nil, scrape.BoardError("personio", p.board, err)
	}
	if resp.NotModified {
		return nil, scrape.ErrNotModified
	}
	out, err := p.decodeList(resp.Body)
	if err != nil {
		return nil, fmt.Errorf("personio: board %q: %s: %w", p.board, u, err)
	}
	return out, nil
}

// decodeList is the postings of the XML feed, in its order; it reads
// nothing but body and the board's base for links. A position listed more
// than once is one posting with every office. Anything but a whole
// <workzag-jobs> document (an HTML page, a body cut short), or a position
// without an id, is an error: a shorter list would report postings removed.
func (p *Personio) decodeList(body []byte) ([]model.Raw, error) {
	dec := xml.NewDecoder(bytes.NewReader(body))
	dec.CharsetReader = charset.NewReaderLabel
	var f feed
	if err := dec.Decode(&f); err != nil {
		return nil, fmt.Errorf("invalid XML: %w (body starts %q)", err, scrape.Snippet(body))
	}
	var out scrape.ByID
	for i, pos := range f.Positions {
		r, err := p.raw(pos)
		if err != nil {
			return nil, fmt.Errorf("position %d: %w", i+1, err)
		}
		out.Add(r)
	}
	return out.Postings(), nil
}

// Detail returns r: the feed carries the whole description. A position
// whose id is a dot segment (listed as scrape.Refused: its link would name
// the board's page) fails here, never fetched.
func (p *Personio) Detail(_ context.Context, r model.Raw) (model.Raw, error) {
	if _, err := scrape.IDSegment(r.ID); err != nil {
		return r, fmt.Errorf("personio: board %q: position %s: %w", p.board, r.ID, err)
	}
	return r, nil
}

func (p *Personio) raw(pos position) (model.Raw, error) {
	id := strings.TrimSpace(pos.ID)
	if id == "" {
		return model.Raw{}, errors.New("no id")
	}
	seg, err := scrape.IDSegment(id)
	if err != nil {
		return scrape.Refused(id, pos.Name), nil
	}
	team := strings.TrimSpace(pos.Department)
	if team == "" {
		team = strings.TrimSpace(pos.RecruitingCategory)
	}
	return model.Raw{
		ID:              id,
		Title:           strings.TrimSpace(pos.Name),
		URL:             scrape.PageURL(p.base, "/job/"+seg),
		Team:            team,
		Locations:       scrape.AddLabels(nil, append([]string{pos.Office}, pos.AdditionalOffices...)...),
		EmploymentType:  scrape.JoinNonEmpty(pos.EmploymentType, pos.Schedule),
		Posted:          scrape.DatePrefix(pos.CreatedAt),
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
