// Package smartrecruiters reads a company's public postings on
// SmartRecruiters through the Posting API: GET
// /v1/companies/{company}/postings (100 a page) for the listing and
// /v1/companies/{company}/postings/{id} for one posting's job ad.
package smartrecruiters

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"net/url"
	"strconv"
	"strings"
	"time"

	xhtml "golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/careers-watcher/careers-watcher/internal/config"
	"github.com/careers-watcher/careers-watcher/internal/model"
	"github.com/careers-watcher/careers-watcher/internal/scrape"
)

// DefaultBase is the public API host.
const DefaultBase = "https://api.smartrecruiters.com"

// PageSize is the largest page the API serves.
const PageSize = 100

// maxPages bounds a listing that never ends.
const maxPages = 1000

// SmartRecruiters is the adapter for one source.
type SmartRecruiters struct {
	base    string // API base, no trailing slash
	company string
	client  *scrape.Client
}

var _ scrape.Adapter = (*SmartRecruiters)(nil)

// New makes the adapter for src (type smartrecruiters: board is the company
// identifier; url overrides the API base).
func New(src config.Source, c *scrape.Client) (*SmartRecruiters, error) {
	board, base, err := scrape.BoardBase("smartrecruiters", src, DefaultBase)
	if err != nil {
		return nil, err
	}
	return &SmartRecruiters{base: base, company: board, client: c}, nil
}

type label struct {
	Label string `json:"label"`
}

// posting is one posting as the API returns it: the list has the summary
// fields, the detail adds jobAd and the URLs.
type posting struct {
	ID               json.RawMessage `json:"id"` // a string; tolerate a number
	Name             string          `json:"name"`
	RefNumber        string          `json:"refNumber"`
	ReleasedDate     string          `json:"releasedDate"`
	Location         location        `json:"location"`
	Department       label           `json:"department"`
	TypeOfEmployment label           `json:"typeOfEmployment"`
	ExperienceLevel  label           `json:"experienceLevel"`
	PostingURL       string          `json:"postingUrl"`
	ApplyURL         string          `json:"applyUrl"`
	JobAd            *struct {
		Sections map[string]section `json:"sections"`
	} `json:"jobAd"`
}

type location struct {
	City         string `json:"city"`
	Region       string `json:"region"`
	Country      string `json:"country"`
	FullLocation string `json:"fullLocation"`
	Remote       *bool  `json:"remote"`
	Hybrid       *bool  `json:"hybrid"`
}

type section struct {
	Title string `json:"title"`
	Text  string `json:"text"`
}

type listResponse struct {
	TotalFound *scrape.Int `json:"totalFound"` // 20.0 reads as 20
	Content    []posting   `json:"content"`
}

func (s *SmartRecruiters) companyURL() string {
	return "/v1/companies/" + scrape.Segment(s.company) + "/postings"
}

// List pages on offset until it has totalFound postings.
func (s *SmartRecruiters) List(ctx context.Context) ([]model.Raw, error) {
	var got scrape.Unique
	total := -1
	for page := 0; page < maxPages; page++ {
		q := url.Values{}
		q.Set("limit", strconv.Itoa(PageSize))
		q.Set("offset", strconv.Itoa(page*PageSize))
		pg, err := scrape.ListPage(ctx, s.client, "smartrecruiters", s.company, "list page", page, scrape.JSONRequest(scrape.APIURL(s.base, s.companyURL()+"?"+q.Encode())),
			func(resp *scrape.Response) (scrape.Page, error) { return s.decodePage(resp.Body) })
		if err != nil {
			return nil, err
		}
		if pg.Total >= 0 && total < 0 {
			total = pg.Total
		}
		added := got.Add(pg.Postings, nil)
		switch {
		case total >= 0 && got.Len() >= total:
			return got.Postings(), nil
		case len(pg.Postings) == 0:
			if total >= 0 {
				return nil, fmt.Errorf("smartrecruiters: board %q: list page %d is empty after %d of %d postings: listing incomplete", s.company, page+1, got.Len(), total)
			}
			return got.Postings(), nil
		case added == 0:
			return nil, fmt.Errorf("smartrecruiters: board %q: list page %d repeats earlier postings: paging does not advance", s.company, page+1)
		case total < 0 && len(pg.Postings) < PageSize:
			return got.Postings(), nil
		}
	}
	return nil, fmt.Errorf("smartrecruiters: board %q: listing exceeds %d pages", s.company, maxPages)
}

// decodePage is one page of the postings listing; it reads nothing but body
// and the company for links. A page with neither content nor totalFound, or
// with a posting that has no id, is an error: a shorter list would report
// postings removed.
func (s *SmartRecruiters) decodePage(body []byte) (scrape.Page, error) {
	var lr listResponse
	if err := scrape.Unmarshal(body, &lr); err != nil {
		return scrape.Page{}, err
	}
	return scrape.DecodePage(lr.Content, lr.TotalFound, "no content in the response", s.raw)
}

// Detail fetches the job ad: all its sections as the description, and the
// qualifications section as structured items.
func (s *SmartRecruiters) Detail(ctx context.Context, r model.Raw) (model.Raw, error) {
	id, err := scrape.IDSegment(r.ID)
	if err != nil {
		return r, fmt.Errorf("smartrecruiters: board %q: posting %s: %w", s.company, r.ID, err)
	}
	d, err := scrape.FetchDetail(ctx, s.client, "smartrecruiters", s.company, "posting "+r.ID, scrape.JSONRequest(scrape.APIURL(s.base, s.companyURL()+"/"+id)), r,
		func(resp *scrape.Response) (model.Raw, error) { return s.decodeDetail(resp.Body, r) })
	if err != nil {
		return r, err
	}
	return d, nil
}

// decodeDetail completes r, the listing's posting, from a posting detail
// answer: all the job ad's sections as the description, and the
// qualifications section as structured items. An answer without a job ad,
// or about another posting, is an error.
func (s *SmartRecruiters) decodeDetail(body []byte, r model.Raw) (model.Raw, error) {
	var p posting
	if err := scrape.Unmarshal(body, &p); err != nil {
		return r, err
	}
	if p.JobAd == nil {
		return r, errors.New("no jobAd in the response")
	}
	if id := scrape.IDString(p.ID); id != "" && id != r.ID {
		return r, fmt.Errorf("detail answered for posting %s", id)
	}
	d := r
	if full, err := s.raw(p); err == nil {
		// the list is the authority on identity and stamp; the detail adds text
		d = scrape.OverList(full, r)
	}
	switch {
	case p.PostingURL != "":
		d.URL = p.PostingURL
	case p.ApplyURL != "":
		d.URL = p.ApplyURL
	}
	d.DescriptionHTML, d.Sections = jobAd(p.JobAd.Sections)
	d.Complete = true
	return d, nil
}

// sectionOrder is the order of the job ad's sections on the posting's page.
var sectionOrder = []struct{ key, title string }{
	{"companyDescription", "Company Description"},
	{"jobDescription", "Job Description"},
	{"qualifications", "Qualifications"},
	{"additionalInformation", "Additional Information"},
}

// jobAd joins the sections into one HTML description, each under its title
// as a heading, and returns the qualifications as a structured section.
func jobAd(secs map[string]section) (string, []model.Section) {
	var b strings.Builder
	var out []model.Section
	for _, k := range sectionOrder {
		sec, ok := secs[k.key]
		if !ok || strings.TrimSpace(sec.Text) == "" {
			continue
		}
		title := strings.TrimSpace(sec.Title)
		if title == "" {
			title = k.title
		}
		if b.Len() > 0 {
			b.WriteByte('\n')
		}
		b.WriteString("<h2>" + html.EscapeString(title) + "</h2>\n" + sec.Text)
		if k.key == "qualifications" {
			if items := htmlItems(sec.Text); len(items) > 0 {
				out = append(out, model.Section{Heading: title, Items: items})
			}
		}
	}
	return b.String(), out
}

// htmlItems returns the text of each <li> of a fragment, or of each
// paragraph (<p>, or text between <br>s) when it has no list.
func htmlItems(fragment string) []string {
	nodes, err := xhtml.ParseFragment(strings.NewReader(fragment), &xhtml.Node{Type: xhtml.ElementNode, Data: "div", DataAtom: atom.Div})
	if err != nil {
		return nil
	}
	var lis []string
	var walk func(n *xhtml.Node)
	walk = func(n *xhtml.Node) {
		if n.Type == xhtml.ElementNode && n.DataAtom == atom.Li {
			if t := collapse(text(n)); t != "" {
				lis = append(lis, t)
			}
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	for _, n := range nodes {
		walk(n)
	}
	if len(lis) > 0 {
		return lis
	}
	var paras []string
	var cur strings.Builder
	flush := func() {
		if t := collapse(cur.String()); t != "" {
			paras = append(paras, t)
		}
		cur.Reset()
	}
	var walkP func(n *xhtml.Node)
	walkP = func(n *xhtml.Node) {
		switch {
		case n.Type == xhtml.TextNode:
			cur.WriteString(n.Data)
		case n.Type == xhtml.ElementNode && n.DataAtom == atom.Br:
			flush()
		case n.Type == xhtml.ElementNode && isBlock(n.DataAtom):
			flush()
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walkP(c)
			}
			flush()
		default:
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walkP(c)
			}
		}
	}
	for _, n := range nodes {
		walkP(n)
	}
	flush()
	return paras
}

func isBlock(a atom.Atom) bool {
	switch a {
	case atom.P, atom.Div, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Ul, atom.Ol, atom.Table, atom.Tr:
		return true
	}
	return false
}

func text(n *xhtml.Node) string {
	var b strings.Builder
	var walk func(n *xhtml.Node)
	walk = func(n *xhtml.Node) {
		if n.Type == xhtml.TextNode {
			b.WriteString(n.Data)
		}
		if n.Type == xhtml.ElementNode && n.DataAtom == atom.Br {
			b.WriteByte(' ')
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

func collapse(s string) string { return strings.Join(strings.Fields(s), " ") }

func (s *SmartRecruiters) raw(p posting) (model.Raw, error) {
	id := scrape.IDString(p.ID)
	if id == "" {
		return model.Raw{}, fmt.Errorf("posting %q has no id", p.Name)
	}
	seg, err := scrape.IDSegment(id)
	if err != nil {
		return scrape.Refused(id, p.Name), nil // no link from it; Detail refuses it
	}
	loc := p.Location.FullLocation
	if loc == "" {
		var parts []string
		for _, x := range []string{p.Location.City, p.Location.Region, strings.ToUpper(p.Location.Country)} {
			if x = strings.TrimSpace(x); x != "" {
				parts = append(parts, x)
			}
		}
		loc = strings.Join(parts, ", ")
	}
	r := model.Raw{
		ID:             id,
		Stamp:          stamp(p),
		Title:          strings.TrimSpace(p.Name),
		URL:            "https://jobs.smartrecruiters.com/" + scrape.Segment(s.company) + "/" + seg,
		RequisitionID:  p.RefNumber,
		Team:           p.Department.Label,
		Workplace:      workplace(p.Location),
		EmploymentType: p.TypeOfEmployment.Label,
		Posted:         date(p.ReleasedDate),
	}
	if loc != "" {
		r.Locations = []string{loc}
	}
	return r, nil
}

// workplace reads the location's remote and hybrid flags; with both present
// and false the posting is on site.
func workplace(l location) string {
	switch {
	case l.Remote != nil && *l.Remote:
		return "remote"
	case l.Hybrid != nil && *l.Hybrid:
		return "hybrid"
	case l.Remote != nil && l.Hybrid != nil:
		return "onsite"
	}
	return ""
}

// stamp is releasedDate, which changes when the posting is published
// again, plus a short hash of the list's own fields: an edit that shows in
// the list (title, location, department, ...) without a new release date
// still fetches the posting again. The API has no update time (its public
// Posting API documents releasedDate only).
func stamp(p posting) string {
	h := sha256.New()
	l := p.Location
	for _, s := range []string{p.Name, p.RefNumber, l.City, l.Region, l.Country, l.FullLocation,
		fmt.Sprint(l.Remote != nil && *l.Remote), fmt.Sprint(l.Hybrid != nil && *l.Hybrid),
		p.Department.Label, p.TypeOfEmployment.Label, p.ExperienceLevel.Label} {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	return p.ReleasedDate + "/" + hex.EncodeToString(h.Sum(nil))[:12]
}

// date is the UTC day of an RFC 3339 time, or "".
func date(s string) string {
	t, err := time.Parse(time.RFC3339, strings.TrimSpace(s))
	if err != nil {
		return ""
	}
	return t.UTC().Format(time.DateOnly)
}
