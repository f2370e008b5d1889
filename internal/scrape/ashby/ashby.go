// Package ashby reads job boards hosted by Ashby through the public Job
// Posting API: GET {base}/posting-api/job-board/{board}?includeCompensation=true
// returns the whole board, descriptions and pay included, in one response.
package ashby

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/careers-watcher/careers-watcher/internal/config"
	"github.com/careers-watcher/careers-watcher/internal/model"
	"github.com/careers-watcher/careers-watcher/internal/scrape"
)

// DefaultBase is the public API host.
const DefaultBase = "https://api.ashbyhq.com"

// Ashby is the adapter for one board.
type Ashby struct {
	base   string // no trailing slash
	board  string
	client *scrape.Client
}

var _ scrape.Adapter = (*Ashby)(nil)

// New makes the adapter for src (type ashby: board required, url optional).
func New(src config.Source, c *scrape.Client) (*Ashby, error) {
	board, base, err := scrape.BoardBase("ashby", src, DefaultBase)
	if err != nil {
		return nil, err
	}
	return &Ashby{base: base, board: board, client: c}, nil
}

type component struct {
	CompensationType string         `json:"compensationType"`
	Interval         string         `json:"interval"`
	CurrencyCode     string         `json:"currencyCode"`
	MinValue         *scrape.Amount `json:"minValue"`
	MaxValue         *scrape.Amount `json:"maxValue"`
}

type compensation struct {
	CompensationTiers []struct {
		Components []component `json:"components"`
	} `json:"compensationTiers"`
	SummaryComponents []component `json:"summaryComponents"`
}

// address is a schema.org PostalAddress.
type address struct {
	AddressCountry string `json:"addressCountry"`
}

type job struct {
	ID             string `json:"id"`
	Title          string `json:"title"`
	Department     string `json:"department"`
	Team           string `json:"team"`
	EmploymentType string `json:"employmentType"`
	Location       string `json:"location"`
	Address        struct {
		PostalAddress address `json:"postalAddress"`
	} `json:"address"`
	SecondaryLocations []struct {
		Location string  `json:"location"`
		Address  address `json:"address"`
	} `json:"secondaryLocations"`
	IsListed         *bool         `json:"isListed"`
	IsRemote         bool          `json:"isRemote"`
	WorkplaceType    string        `json:"workplaceType"`
	PublishedAt      string        `json:"publishedAt"`
	JobURL           string        `json:"jobUrl"`
	DescriptionHTML  string        `json:"descriptionHtml"`
	DescriptionPlain string        `json:"descriptionPlain"`
	Compensation     *compensation `json:"compensation"`
}

func (a *Ashby) listURL() string {
	return scrape.APIURL(a.base, "/posting-api/job-board/"+scrape.Segment(a.board)+"?includeCompensation=true")
}

// List fetches the whole board in one conditional request; unlisted jobs
// are left out.
func (a *Ashby) List(ctx context.Context) ([]model.Raw, error) {
	return a.client.ListBoard(ctx, "ashby", a.board, a.listURL(), decodeList)
}

// decodeList is the listed postings of a job board answer, in its order.
// An answer without the jobs array, or with a job that has no id, is an
// error: a shorter list would report postings removed.
func decodeList(body []byte) ([]model.Raw, error) {
	return scrape.DecodeJobs(body, func(i int, j job) (model.Raw, bool, error) {
		if j.ID == "" {
			return model.Raw{}, false, fmt.Errorf("job %d has no id", i+1)
		}
		return raw(j), j.IsListed == nil || *j.IsListed, nil
	})
}

// Detail returns r: the listing carries the descriptions.
func (a *Ashby) Detail(_ context.Context, r model.Raw) (model.Raw, error) {
	return r, nil
}

func raw(j job) model.Raw {
	r := model.Raw{
		ID:              j.ID,
		Title:           strings.TrimSpace(j.Title),
		URL:             j.JobURL,
		Team:            strings.TrimSpace(j.Team),
		EmploymentType:  strings.TrimSpace(j.EmploymentType),
		Workplace:       strings.TrimSpace(j.WorkplaceType),
		Posted:          day(j.PublishedAt),
		DescriptionHTML: j.DescriptionHTML,
	}
	if r.Team == "" {
		r.Team = strings.TrimSpace(j.Department)
	}
	if r.Workplace == "" && j.IsRemote {
		r.Workplace = "remote"
	}
	if strings.TrimSpace(r.DescriptionHTML) == "" {
		r.DescriptionHTML = ""
		r.DescriptionText = strings.TrimSpace(j.DescriptionPlain)
	}
	r.Complete = r.DescriptionHTML != "" || r.DescriptionText != ""
	if s := label(j.Location, j.Address.PostalAddress); s != "" {
		r.Locations = append(r.Locations, s)
	}
	for _, l := range j.SecondaryLocations {
		if s := label(l.Location, l.Address); s != "" {
			r.Locations = append(r.Locations, s)
		}
	}
	r.Salary = salaries(j.Compensation)
	return r
}

// label is a location's name, with the country of its address added when
// the name does not say it ("Toronto, Ontario" in Canada): boards often
// name places without their country. Remote labels stay as written, but
// for a bare "Remote", which takes the country of its address ("Remote"
// in the United States).
func label(name string, a address) string {
	name = strings.TrimSpace(name)
	country := strings.TrimSpace(a.AddressCountry)
	if name == "" || country == "" {
		return name
	}
	lower := strings.ToLower(name)
	switch lower {
	case "remote", "fully remote", "remote only", "100% remote":
		return name + ", " + country
	}
	if strings.Contains(lower, strings.ToLower(country)) || strings.Contains(lower, "remote") {
		return name
	}
	return name + ", " + country
}

// salaries are the Salary components of every pay tier (the summary when
// there are no tiers); equity, bonus and commission are not salaries.
func salaries(c *compensation) []model.Salary {
	if c == nil {
		return nil
	}
	var comps []component
	for _, t := range c.CompensationTiers {
		comps = append(comps, t.Components...)
	}
	if len(c.CompensationTiers) == 0 {
		comps = c.SummaryComponents
	}
	var out []model.Salary
	for _, k := range comps {
		if !strings.EqualFold(k.CompensationType, "Salary") {
			continue
		}
		p, ok := period(k.Interval)
		if !ok {
			continue
		}
		s := model.Salary{Currency: strings.TrimSpace(k.CurrencyCode), Period: p}
		if k.MinValue != nil {
			s.Min = float64(*k.MinValue)
		}
		if k.MaxValue != nil {
			s.Max = float64(*k.MaxValue)
		}
		if s.Min <= 0 && s.Max <= 0 {
			continue
		}
		out = append(out, s)
	}
	return out
}

// period maps an interval such as "1 YEAR" or "1 HOUR" to year, month, week,
// day or hour; other counts ("2 WEEK") and "NONE" have no period of ours.
func period(interval string) (string, bool) {
	f := strings.Fields(strings.ToLower(interval))
	if len(f) != 2 || f[0] != "1" {
		return "", false
	}
	switch p := strings.TrimSuffix(f[1], "s"); p {
	case "year", "month", "week", "day", "hour":
		return p, true
	}
	return "", false
}

// day is the UTC date of an RFC 3339 time (Ashby writes UTC; an offset
// is read as every adapter reads one, scrape.DatePrefix).
func day(s string) string {
	if _, err := time.Parse(time.RFC3339, strings.TrimSpace(s)); err != nil {
		return ""
	}
	return scrape.DatePrefix(s)
}
