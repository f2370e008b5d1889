// Package recruitee reads job boards hosted by Recruitee through their
// public offers API (https://{company}.recruitee.com/api/offers/): one
// request returns every published offer with its description.
package recruitee

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"github.com/careers-watcher/careers-watcher/internal/config"
	"github.com/careers-watcher/careers-watcher/internal/model"
	"github.com/careers-watcher/careers-watcher/internal/scrape"
)

// Recruitee is the adapter for one source.
type Recruitee struct {
	board  string
	base   string // https://acme.recruitee.com or the url override, no trailing slash
	client *scrape.Client

	mu      sync.Mutex
	refused map[string]error // offer id -> why the last listing gave it no link (see raw)
}

var _ scrape.Adapter = (*Recruitee)(nil)

// slugRE is what a board may be when it names a host (acme.recruitee.com).
var slugRE = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9-]*$`)

// New makes the adapter for src (type recruitee: board required; url
// replaces https://{board}.recruitee.com).
func New(src config.Source, c *scrape.Client) (*Recruitee, error) {
	board, base, err := scrape.BoardBase("recruitee", src, "")
	if err != nil {
		return nil, err
	}
	if base == "" {
		if !slugRE.MatchString(board) {
			return nil, fmt.Errorf("recruitee: source %q: board %q is not a company slug", src.Name, board)
		}
		base = "https://" + strings.ToLower(board) + ".recruitee.com"
	}
	return &Recruitee{board: board, base: base, client: c}, nil
}

// offer is one posting as the offers API returns it.
type offer struct {
	ID                 json.Number `json:"id"`
	Slug               string      `json:"slug"`
	Title              string      `json:"title"`
	Department         name        `json:"department"`
	Location           string      `json:"location"`
	City               string      `json:"city"`
	StateName          string      `json:"state_name"`
	Country            string      `json:"country"`
	CountryCode        string      `json:"country_code"`
	Locations          []location  `json:"locations"`
	Remote             bool        `json:"remote"`
	Hybrid             bool        `json:"hybrid"`
	OnSite             bool        `json:"on_site"`
	EmploymentTypeCode string      `json:"employment_type_code"`
	Description        string      `json:"description"`
	Requirements       string      `json:"requirements"`
	CareersURL         string      `json:"careers_url"`
	CreatedAt          string      `json:"created_at"`
	PublishedAt        string      `json:"published_at"`
	UpdatedAt          string      `json:"updated_at"`
	Salary             *salary     `json:"salary"`
}

type location struct {
	Name        string `json:"name"`
	City        string `json:"city"`
	State       string `json:"state"`
	Country     string `json:"country"`
	CountryCode string `json:"country_code"`
}

type salary struct {
	Min      number `json:"min"`
	Max      number `json:"max"`
	Currency string `json:"currency"`
	Period   string `json:"period"`
}

type listResponse struct {
	Offers []offer `json:"offers"`
}

// name is a department: a string, or an object with a name.
type name string

func (n *name) UnmarshalJSON(b []byte) error {
	if bytes.Equal(b, []byte("null")) {
		*n = ""
		return nil
	}
	var s string
	if err := json.Unmarshal(b, &s); err == nil {
		*n = name(s)
		return nil
	}
	var o struct {
		Name string `json:"name"`
	}
	if err := json.Unmarshal(b, &o); err != nil {
		return err
	}
	*n = name(o.Name)
	return nil
}

// number is an amount written as a JSON number or a string ("75000").
// Anything else counts as no amount: the description still states the pay.
type number float64

func (n *number) UnmarshalJSON(b []byte) error {
	*n = 0
	if f, err := strconv.ParseFloat(strings.Trim(string(b), `"`), 64); err == nil && f > 0 && f < 1e12 {
		*n = number(f)
	}
	return nil
}

func (r *Recruitee) listURL() string { return scrape.APIURL(r.base, "/api/offers/") }

// List fetches every offer in one conditional request.
func (r *Recruitee) List(ctx context.Context) ([]model.Raw, error) {
	return r.client.ListBoard(ctx, "recruitee", r.board, r.listURL(), r.decodeList)
}

// decodeList is the postings of an offers answer, in its order; it reads
// nothing but body and the base of the posting links. An answer without
// the offers array, or with an offer that has no id, is an error: a shorter
// list would report postings removed.
func (r *Recruitee) decodeList(body []byte) ([]model.Raw, error) {
	var lr listResponse
	if err := scrape.Unmarshal(body, &lr); err != nil {
		return nil, err
	}
	if lr.Offers == nil {
		return nil, errors.New("no offers in the response")
	}
	out := make([]model.Raw, 0, len(lr.Offers))
	refused := map[string]error{}
	for i, o := range lr.Offers {
		raw, err := r.raw(o)
		if err != nil {
			return nil, fmt.Errorf("offer %d: %w", i+1, err)
		}
		if raw.Complete {
			delete(refused, raw.ID)
		} else {
			refused[raw.ID] = fmt.Errorf("slug %q is a dot segment (its link /o/%s names the board's page): refused", o.Slug, o.Slug)
		}
		out = append(out, raw)
	}
	r.mu.Lock()
	r.refused = refused
	r.mu.Unlock()
	return out, nil
}

// Detail returns r: the offers API carries the whole description. An
// offer the listing refused (a dot slug and no careers_url: no link can be
// made for it) fails here, naming the board, the offer and the slug.
func (r *Recruitee) Detail(_ context.Context, raw model.Raw) (model.Raw, error) {
	if raw.Complete {
		return raw, nil
	}
	r.mu.Lock()
	err := r.refused[raw.ID]
	r.mu.Unlock()
	if err == nil {
		err = errors.New("listed incomplete: refused")
	}
	return raw, fmt.Errorf("recruitee: board %q: offer %s: %w", r.board, raw.ID, err)
}

func (r *Recruitee) raw(o offer) (model.Raw, error) {
	id, err := scrape.NumberID(o.ID)
	if err != nil {
		return model.Raw{}, fmt.Errorf("id: %w", err)
	}
	if id == "" {
		return model.Raw{}, errors.New("no id")
	}
	link := o.CareersURL
	if link == "" && o.Slug != "" {
		seg, err := scrape.IDSegment(o.Slug)
		if err != nil {
			// no link from it; Detail refuses it, that offer alone
			return scrape.Refused(id, o.Title), nil
		}
		link = scrape.PageURL(r.base, "/o/"+seg)
	}
	raw := model.Raw{
		ID:              id,
		Stamp:           o.UpdatedAt,
		Title:           strings.TrimSpace(o.Title),
		URL:             link,
		Team:            string(o.Department),
		Locations:       labels(o),
		Workplace:       workplace(o),
		EmploymentType:  o.EmploymentTypeCode,
		Posted:          scrape.DatePrefix(o.PublishedAt),
		DescriptionHTML: description(o),
		Complete:        true,
	}
	if raw.Posted == "" {
		raw.Posted = scrape.DatePrefix(o.CreatedAt)
	}
	if s := o.Salary; s != nil && (s.Min > 0 || s.Max > 0) {
		raw.Salary = []model.Salary{{Min: float64(s.Min), Max: float64(s.Max), Currency: s.Currency, Period: s.Period}}
	}
	return raw, nil
}

// description is the offer's description followed by its requirements
// under a "Requirements" heading, so that normalization files them as the
// required qualifications.
func description(o offer) string {
	d := o.Description
	if strings.TrimSpace(o.Requirements) != "" {
		d += "\n<h2>Requirements</h2>\n" + o.Requirements
	}
	return d
}

// labels are the offer's locations as "City, State, Country".
func labels(o offer) []string {
	var out []string
	add := func(parts ...string) {
		l := scrape.JoinNonEmpty(parts...)
		for _, have := range out {
			if have == l {
				return
			}
		}
		if l != "" {
			out = append(out, l)
		}
	}
	for _, l := range o.Locations {
		country := l.Country
		if country == "" {
			country = l.CountryCode
		}
		if scrape.JoinNonEmpty(l.City, l.State, country) == "" {
			add(l.Name)
			continue
		}
		add(l.City, l.State, country)
	}
	if len(out) == 0 {
		country := o.Country
		if country == "" {
			country = o.CountryCode
		}
		add(o.City, o.StateName, country)
	}
	if len(out) == 0 {
		add(o.Location)
	}
	return out
}

func workplace(o offer) string {
	switch {
	case o.Remote:
		return "remote"
	case o.Hybrid:
		return "hybrid"
	case o.OnSite:
		return "onsite"
	}
	return ""
}
