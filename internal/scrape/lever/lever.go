// Package lever reads job sites hosted by Lever through the public Postings
// API: GET {base}/v0/postings/{site}?mode=json, paged with skip and limit.
// EU accounts live on https://api.eu.lever.co: the source's url selects it.
package lever

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/careers-watcher/careers-watcher/internal/config"
	"github.com/careers-watcher/careers-watcher/internal/model"
	"github.com/careers-watcher/careers-watcher/internal/scrape"
)

// DefaultBase is the global instance's API host.
const DefaultBase = "https://api.lever.co"

// PageSize is the limit asked for per page; a shorter page is the last.
const PageSize = 100

// maxPages bounds a listing that never ends.
const maxPages = 1000

// Lever is the adapter for one site.
type Lever struct {
	base   string // no trailing slash
	site   string
	client *scrape.Client
}

var _ scrape.Adapter = (*Lever)(nil)

// New makes the adapter for src (type lever: board, the site name, required;
// url optional).
func New(src config.Source, c *scrape.Client) (*Lever, error) {
	board, base, err := scrape.BoardBase("lever", src, DefaultBase)
	if err != nil {
		return nil, err
	}
	return &Lever{base: base, site: board, client: c}, nil
}

type categories struct {
	Team         string   `json:"team"`
	Department   string   `json:"department"`
	Location     string   `json:"location"`
	Commitment   string   `json:"commitment"`
	AllLocations []string `json:"allLocations"`
}

type salaryRange struct {
	Min      scrape.Amount `json:"min"`
	Max      scrape.Amount `json:"max"`
	Currency string        `json:"currency"`
	Interval string        `json:"interval"`
}

type list struct {
	Text    string `json:"text"`
	Content string `json:"content"`
}

type posting struct {
	ID                string       `json:"id"`
	Text              string       `json:"text"`
	HostedURL         string       `json:"hostedUrl"`
	Categories        categories   `json:"categories"`
	WorkplaceType     string       `json:"workplaceType"`
	Country           string       `json:"country"`
	SalaryRange       *salaryRange `json:"salaryRange"`
	SalaryDescription string       `json:"salaryDescription"`
	Description       string       `json:"description"`
	DescriptionPlain  string       `json:"descriptionPlain"`
	Lists             []list       `json:"lists"`
	Additional        string       `json:"additional"`
	AdditionalPlain   string       `json:"additionalPlain"`
	CreatedAt         scrape.Int   `json:"createdAt"`
}

func (l *Lever) listURL(skip int) string {
	q := url.Values{}
	q.Set("mode", "json")
	q.Set("skip", strconv.Itoa(skip))
	q.Set("limit", strconv.Itoa(PageSize))
	return scrape.APIURL(l.base, "/v0/postings/"+scrape.Segment(l.site)+"?"+q.Encode())
}

// List pages on skip until a page comes back shorter than the limit.
func (l *Lever) List(ctx context.Context) ([]model.Raw, error) {
	var got scrape.Unique
	for page := 0; page < maxPages; page++ {
		raws, err := scrape.ListPage(ctx, l.client, "lever", l.site, "page", page, scrape.JSONRequest(l.listURL(page*PageSize)),
			func(resp *scrape.Response) ([]model.Raw, error) { return decodePage(resp.Body) })
		if err != nil {
			return nil, err
		}
		added := got.Add(raws, nil)
		if len(raws) < PageSize {
			return got.Postings(), nil
		}
		if added == 0 {
			// a server that ignores skip repeats its first page forever
			return nil, fmt.Errorf("lever: board %q: page %d repeats earlier postings: paging does not advance", l.site, page+1)
		}
	}
	return nil, fmt.Errorf("lever: board %q: listing exceeds %d pages", l.site, maxPages)
}

// decodePage is the postings of one page of the postings API, in its order
// (as many as the page held). A page that is not an array of postings, or
// holds one without an id, is an error: a shorter list would report
// postings removed.
func decodePage(body []byte) ([]model.Raw, error) {
	var ps []posting
	if err := scrape.Unmarshal(body, &ps); err != nil {
		return nil, err
	}
	if ps == nil {
		// null: not the array of postings a site answers
		return nil, errors.New("no postings array in the response")
	}
	out := make([]model.Raw, 0, len(ps))
	for _, p := range ps {
		if p.ID == "" {
			return nil, errors.New("a posting has no id")
		}
		out = append(out, raw(p))
	}
	return out, nil
}

// Detail returns r: the listing carries the descriptions.
func (l *Lever) Detail(_ context.Context, r model.Raw) (model.Raw, error) {
	return r, nil
}

func raw(p posting) model.Raw {
	c := p.Categories
	r := model.Raw{
		ID:             p.ID,
		Title:          strings.TrimSpace(p.Text),
		URL:            p.HostedURL,
		Team:           strings.TrimSpace(c.Team),
		EmploymentType: strings.TrimSpace(c.Commitment),
	}
	if r.Team == "" {
		r.Team = strings.TrimSpace(c.Department)
	}
	for _, loc := range c.AllLocations {
		if s := strings.TrimSpace(loc); s != "" {
			r.Locations = append(r.Locations, s)
		}
	}
	if len(r.Locations) == 0 && strings.TrimSpace(c.Location) != "" {
		r.Locations = []string{strings.TrimSpace(c.Location)}
	}
	// A bare "Remote" takes the posting's country field ("Remote" with
	// country "US"): the place of the remote work.
	if cc := strings.TrimSpace(p.Country); cc != "" {
		for i, l := range r.Locations {
			switch strings.ToLower(l) {
			case "remote", "fully remote", "remote only", "100% remote":
				r.Locations[i] = l + ", " + cc
			}
		}
	}
	if w := strings.TrimSpace(p.WorkplaceType); w != "" && w != "unspecified" {
		r.Workplace = w
	}
	if p.CreatedAt > 0 {
		r.Posted = time.UnixMilli(int64(p.CreatedAt)).UTC().Format(time.DateOnly)
	}
	if s := p.SalaryRange; s != nil && (s.Min > 0 || s.Max > 0) {
		r.Salary = []model.Salary{{Min: float64(s.Min), Max: float64(s.Max), Currency: strings.TrimSpace(s.Currency), Period: period(s.Interval)}}
	}
	// The posting page shows the description, the lists, the pay note and
	// the closing text: the lists are the structured sections, the rest
	// the description.
	if strings.TrimSpace(p.Description) != "" {
		r.DescriptionHTML = p.Description + p.SalaryDescription + p.Additional
	} else {
		r.DescriptionText = strings.TrimSpace(p.DescriptionPlain + "\n\n" + p.AdditionalPlain)
	}
	for _, ls := range p.Lists {
		s := model.Section{Heading: strings.TrimSpace(ls.Text), Items: items(ls.Content)}
		if s.Heading != "" || len(s.Items) > 0 {
			r.Sections = append(r.Sections, s)
		}
	}
	r.Complete = r.DescriptionHTML != "" || r.DescriptionText != "" || len(r.Sections) > 0
	return r
}

// period maps Lever's salary interval ("per-year-salary", "per-hour-wage",
// "per-month-salary", ...) to year, month, week, day or hour.
func period(interval string) string {
	i := strings.ToLower(interval)
	for _, p := range []string{"year", "month", "week", "day", "hour"} {
		if strings.Contains(i, p) {
			return p
		}
	}
	return ""
}

// items returns the text of each top-level <li> of a list's HTML content,
// whitespace collapsed; content without list items is one item.
func items(content string) []string {
	nodes, err := html.ParseFragment(strings.NewReader(content), &html.Node{Type: html.ElementNode, Data: "ul", DataAtom: atom.Ul})
	if err != nil {
		return nil
	}
	var out []string
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == "li" {
			if s := text(n); s != "" {
				out = append(out, s)
			}
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	var all strings.Builder
	for _, n := range nodes {
		walk(n)
		all.WriteString(text(n) + " ")
	}
	if len(out) == 0 {
		if s := strings.Join(strings.Fields(all.String()), " "); s != "" {
			out = []string{s}
		}
	}
	return out
}

// text is the node's text with whitespace collapsed; <br> separates words.
func text(n *html.Node) string {
	var b strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		switch {
		case n.Type == html.TextNode:
			b.WriteString(n.Data)
		case n.Type == html.ElementNode && n.Data == "br":
			b.WriteByte(' ')
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return strings.Join(strings.Fields(b.String()), " ")
}
