// Package oracle reads careers sites on Oracle Recruiting Cloud (Oracle
// Fusion HCM "Candidate Experience", {pod}.fa.{dc}.oraclecloud.com or an
// employer's own host) through the public REST resources the site's own
// pages call:
//
//	GET {base}/hcmRestApi/resources/latest/recruitingCEJobRequisitions
//	    ?onlyData=true&expand=requisitionList.secondaryLocations
//	    &finder=findReqs;siteNumber={site},limit={n},offset={k},sortBy=POSTING_DATES_DESC
//	GET {base}/hcmRestApi/resources/latest/recruitingCEJobRequisitionDetails
//	    ?onlyData=true&expand=all&finder=ById;Id="{id}",siteNumber={site}
//
// Paging lives inside the finder (limit, offset). The list answers
// {"items": [{"TotalJobsCount": N, "requisitionList": [...]}], "count",
// "hasMore"}: count and hasMore describe items (one search), not the
// requisitions, so completeness is judged on TotalJobsCount when the answer
// has it, else the listing ends at an empty page (one request more). A requisition has Id, Title,
// PostedDate (YYYY-MM-DD), PrimaryLocation, PrimaryLocationCountry,
// ShortDescriptionStr, WorkplaceType and secondaryLocations [{Name,
// CountryCode}]; the list has no description and no update time. The
// detail answers {"items": [{...}]} with ExternalDescriptionStr,
// ExternalResponsibilitiesStr, ExternalQualificationsStr (HTML),
// ShortDescriptionStr, PrimaryLocation, PrimaryLocationCountry,
// WorkplaceType, ExternalPostedStartDate, JobSchedule and Category; a bare
// object (the trimmed careerkit fixture) is read too. The posting page a
// person opens is {base}/hcmUI/CandidateExperience/{lang}/sites/{site}/job/{id}.
//
// Shape sources: the careerkit fixtures oracle_orc.json (list of the public
// board ejov.fa.ca2.oraclecloud.com/hcmUI/CandidateExperience/en/sites/CX)
// and oracle_orc_detail.json (a trimmed detail); public readers of the same
// resources found with the search tool: list URLs with
// "finder=findReqs;siteNumber=CX_1,...,limit=25,offset=N" and "total in
// items[0].TotalJobsCount", detail URLs "recruitingCEJobRequisitionDetails
// ?expand=all&onlyData=true&finder=ById;Id=\"<id>\",siteNumber=<site>"
// answering items[0], and the field names above. No reader found states a
// salary field: pay is not read.
//
// Stamp is a hash of the list fields (title, posted date, locations, short
// description, workplace): the list has no update time, so a detail is
// fetched only for a new posting or when one of those changes; an edit of
// the description alone is picked up with the next change of those fields.
//
// Config and detect: source type "oracle"; config keys url = the
// site's host (required, https://ejov.fa.ca2.oraclecloud.com), site = the
// siteNumber (required, "CX", "CX_1", "CX_45001"); Config.Language (the
// {lang} of posting URLs, default "en") needs no key unless a site has no
// English pages (then a "language" key, or take it from detect). detect: any URL whose
// path contains /hcmUI/CandidateExperience/{lang}/sites/{site}[/...] ->
// url = scheme://host, site = {site}; e.g.
// https://ejov.fa.ca2.oraclecloud.com/hcmUI/CandidateExperience/en/sites/CX/
// -> url https://ejov.fa.ca2.oraclecloud.com, site CX;
// https://enterpriseplatform.dell.com/hcmUI/CandidateExperience/en/sites/careers/job/R288262
// -> url https://enterpriseplatform.dell.com, site careers.
package oracle

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"strings"

	"github.com/careers-watcher/careers-watcher/internal/model"
	"github.com/careers-watcher/careers-watcher/internal/scrape"
)

// PageSize is the number of requisitions asked for per list page.
const PageSize = 100

// maxPages bounds a listing that never ends.
const maxPages = 500

// Config is an oracle source's settings.
type Config struct {
	// URL is the site's host: https://ejov.fa.ca2.oraclecloud.com.
	URL string `yaml:"-"` // the source's url
	// Site is the site number: CX, CX_1, ...
	Site string `yaml:"site,omitempty"`
	// Language is the language segment of posting URLs; "" means "en".
	Language string `yaml:"language,omitempty"`
}

// check names the missing key.
func (c Config) check() error {
	url0, site := strings.TrimSpace(c.URL) == "", strings.TrimSpace(c.Site) == ""
	switch {
	case url0 && site:
		return errors.New("url and site are required")
	case url0:
		return errors.New("url is required")
	case site:
		return errors.New("site (the siteNumber) is required")
	}
	_, err := scrape.RequireURL(c.URL, "the site's host")
	return err
}

// Adapter reads one site.
type Adapter struct {
	name   string
	base   string // scheme://host, and the url's query when it has one (see scrape.APIURL)
	site   string
	lang   string
	client *scrape.Client
}

var _ scrape.Adapter = (*Adapter)(nil)

// New makes the adapter of source name.
func New(name string, cfg Config, c *scrape.Client) (*Adapter, error) {
	if err := cfg.check(); err != nil {
		return nil, fmt.Errorf("oracle: source %q: %w", name, err)
	}
	u, _ := url.Parse(strings.TrimSpace(cfg.URL))
	lang := strings.TrimSpace(cfg.Language)
	if lang == "" {
		lang = "en"
	}
	base := u.Scheme + "://" + u.Host
	if u.RawQuery != "" {
		base += "?" + u.RawQuery
	}
	return &Adapter{name: name, base: base, site: strings.TrimSpace(cfg.Site), lang: lang, client: c}, nil
}

func (a *Adapter) board() string { return scrape.PageURL(a.base, "") + " site " + a.site }

func (a *Adapter) listURL(offset int) string {
	return scrape.APIURL(a.base, "/hcmRestApi/resources/latest/recruitingCEJobRequisitions?onlyData=true"+
		"&expand=requisitionList.secondaryLocations&finder=findReqs;siteNumber="+url.QueryEscape(a.site)+
		",limit="+strconv.Itoa(PageSize)+",offset="+strconv.Itoa(offset)+",sortBy=POSTING_DATES_DESC")
}

func (a *Adapter) detailURL(id string) string {
	return scrape.APIURL(a.base, "/hcmRestApi/resources/latest/recruitingCEJobRequisitionDetails?onlyData=true&expand=all"+
		"&finder=ById;Id=%22"+url.QueryEscape(id)+"%22,siteNumber="+url.QueryEscape(a.site))
}

// PostingURL is the page a person opens for requisition id; "" for an id
// that checkID refuses.
func (a *Adapter) PostingURL(id string) string {
	if checkID(id) != nil {
		return ""
	}
	return scrape.PageURL(a.base, "/hcmUI/CandidateExperience/"+scrape.Segment(a.lang)+"/sites/"+scrape.Segment(a.site)+
		"/job/"+scrape.Segment(id))
}

// checkID refuses a requisition id that no URL can carry: a dot segment
// (its page URL, .../job/.., would name the site's page; see
// scrape.IDSegment), or one holding a double quote, which would end the
// quoted Id of the detail's finder (ById;Id="...") and let the rest of
// the id rewrite the finder (another siteNumber, say).
func checkID(id string) error {
	if _, err := scrape.IDSegment(id); err != nil {
		return err
	}
	if strings.Contains(id, `"`) {
		return fmt.Errorf("requisition id %q holds a double quote (it would end the finder's quoted Id): refused, not fetched", id)
	}
	return nil
}

type location struct {
	Name        string `json:"Name"`
	CountryCode string `json:"CountryCode"`
}

// requisition is one requisition of the list.
type requisition struct {
	ID                     json.RawMessage `json:"Id"` // a string; tolerate a number
	Title                  string          `json:"Title"`
	PostedDate             string          `json:"PostedDate"`
	PrimaryLocation        string          `json:"PrimaryLocation"`
	PrimaryLocationCountry string          `json:"PrimaryLocationCountry"`
	ShortDescriptionStr    string          `json:"ShortDescriptionStr"`
	WorkplaceType          string          `json:"WorkplaceType"`
	SecondaryLocations     []location      `json:"secondaryLocations"`
}

type listResponse struct {
	Items *[]struct {
		TotalJobsCount  *scrape.Int    `json:"TotalJobsCount"` // 20.0 reads as 20
		RequisitionList *[]requisition `json:"requisitionList"`
	} `json:"items"`
}

// listPage is one decoded list page: its postings and the total the site
// reports (-1 when it reports none).
type listPage struct {
	Raws  []model.Raw
	Total int
}

// decodeList reads one list page. Posting URLs are left empty (the adapter
// knows the site); an answer without items[0].requisitionList is an error.
func decodeList(body []byte) (listPage, error) {
	var lr listResponse
	if err := json.Unmarshal(body, &lr); err != nil {
		return listPage{}, fmt.Errorf("invalid JSON: %w (body starts %q)", err, scrape.Snippet(body))
	}
	if lr.Items == nil {
		return listPage{}, errors.New("no items in the response")
	}
	p := listPage{Total: -1}
	if len(*lr.Items) == 0 {
		return listPage{}, errors.New("no search result in items")
	}
	first := (*lr.Items)[0]
	if first.RequisitionList == nil {
		return listPage{}, errors.New("no requisitionList in items[0]")
	}
	if first.TotalJobsCount != nil {
		p.Total = int(*first.TotalJobsCount)
	}
	for i, rq := range *first.RequisitionList {
		id := scrape.IDString(rq.ID)
		if id == "" {
			return listPage{}, fmt.Errorf("requisition %d (%q) has no Id", i+1, rq.Title)
		}
		if checkID(id) != nil {
			// no link, no stamp; Detail refuses it, that requisition alone
			p.Raws = append(p.Raws, scrape.Refused(id, rq.Title))
			continue
		}
		r := model.Raw{
			ID:        id,
			Stamp:     stamp(rq),
			Title:     strings.TrimSpace(rq.Title),
			Workplace: strings.TrimSpace(rq.WorkplaceType),
			Posted:    scrape.DatePrefix(rq.PostedDate),
		}
		r.Locations = scrape.AddLabels(nil, rq.PrimaryLocation)
		for _, l := range rq.SecondaryLocations {
			r.Locations = scrape.AddLabels(r.Locations, l.Name)
		}
		p.Raws = append(p.Raws, r)
	}
	return p, nil
}

// detail is one requisition's detail.
type detail struct {
	ID                          json.RawMessage `json:"Id"`
	Title                       string          `json:"Title"`
	ExternalDescriptionStr      string          `json:"ExternalDescriptionStr"`
	ExternalResponsibilitiesStr string          `json:"ExternalResponsibilitiesStr"`
	ExternalQualificationsStr   string          `json:"ExternalQualificationsStr"`
	ShortDescriptionStr         string          `json:"ShortDescriptionStr"`
	PrimaryLocation             string          `json:"PrimaryLocation"`
	PrimaryLocationCountry      string          `json:"PrimaryLocationCountry"`
	WorkplaceType               string          `json:"WorkplaceType"`
	ExternalPostedStartDate     string          `json:"ExternalPostedStartDate"`
	JobSchedule                 string          `json:"JobSchedule"`
	Category                    string          `json:"Category"`
}

// decodeDetail reads a detail answer ({"items": [detail]} or a bare
// detail) into a Raw holding what the detail says. A detail without any
// description is an error.
func decodeDetail(body []byte) (model.Raw, error) {
	var probe map[string]json.RawMessage
	if err := json.Unmarshal(body, &probe); err != nil {
		return model.Raw{}, fmt.Errorf("invalid JSON: %w (body starts %q)", err, scrape.Snippet(body))
	}
	var d detail
	if items, ok := probe["items"]; ok {
		var list []detail
		if err := json.Unmarshal(items, &list); err != nil {
			return model.Raw{}, fmt.Errorf("items: %w", err)
		}
		if len(list) == 0 {
			return model.Raw{}, errors.New("no requisition in items (closed or not on this site)")
		}
		d = list[0]
	} else if err := json.Unmarshal(body, &d); err != nil {
		return model.Raw{}, err
	}
	r := model.Raw{
		ID:             scrape.IDString(d.ID),
		Title:          strings.TrimSpace(d.Title),
		Workplace:      strings.TrimSpace(d.WorkplaceType),
		EmploymentType: strings.TrimSpace(d.JobSchedule),
		Team:           strings.TrimSpace(d.Category),
		Posted:         scrape.DatePrefix(d.ExternalPostedStartDate),
		Locations:      scrape.AddLabels(nil, withCountry(d.PrimaryLocation, d.PrimaryLocationCountry)),
	}
	var b scrape.Sections
	b.Add("", d.ExternalDescriptionStr)
	b.Add("Responsibilities", d.ExternalResponsibilitiesStr)
	b.Add("Qualifications", d.ExternalQualificationsStr)
	if b.String() == "" {
		b.Add("", d.ShortDescriptionStr)
	}
	if b.String() == "" {
		return model.Raw{}, errors.New("no description in the detail")
	}
	r.DescriptionHTML = b.String()
	r.Complete = true
	return r, nil
}

// List pages through the requisitions until it has TotalJobsCount of
// them, or (without a total) until an empty page. The offset advances by
// what each page brought, so a server that caps the page below PageSize
// skips nothing. An empty page before the total, a page that repeats
// earlier requisitions, or a total that changes while paging is an error:
// a listing read in part would report the rest removed.
func (a *Adapter) List(ctx context.Context) ([]model.Raw, error) {
	var got scrape.Unique
	total := -1
	offset := 0
	setURL := func(r *model.Raw) { r.URL = a.PostingURL(r.ID) }
	for page := 0; page < maxPages; page++ {
		p, err := scrape.ListPage(ctx, a.client, "oracle", a.board(), "list page", page, scrape.JSONRequest(a.listURL(offset)),
			func(resp *scrape.Response) (listPage, error) { return decodeList(resp.Body) })
		if err != nil {
			return nil, err
		}
		if page == 0 {
			total = p.Total
		} else if p.Total >= 0 && total >= 0 && p.Total != total {
			return nil, fmt.Errorf("oracle: board %q: list page %d: the total changed from %d to %d while paging: listing incomplete", a.board(), page+1, total, p.Total)
		}
		added := got.Add(p.Raws, setURL)
		offset += len(p.Raws)
		switch {
		case total >= 0 && got.Len() >= total:
			return got.Postings(), nil
		case len(p.Raws) == 0:
			if total >= 0 {
				return nil, fmt.Errorf("oracle: board %q: list page %d is empty after %d of %d postings: listing incomplete", a.board(), page+1, got.Len(), total)
			}
			return got.Postings(), nil
		case added == 0:
			return nil, fmt.Errorf("oracle: board %q: list page %d repeats earlier postings: paging does not advance", a.board(), page+1)
		}
	}
	return nil, fmt.Errorf("oracle: board %q: listing exceeds %d pages", a.board(), maxPages)
}

// Detail fetches the requisition's description. The list is the authority
// on identity, stamp, URL, locations and posted date; the detail adds the
// text, the schedule, the category and what the list lacked.
func (a *Adapter) Detail(ctx context.Context, r model.Raw) (model.Raw, error) {
	if err := checkID(r.ID); err != nil {
		return r, fmt.Errorf("oracle: board %q: posting %s: %w", a.board(), r.ID, err)
	}
	u := a.detailURL(r.ID)
	d, err := scrape.FetchDetail(ctx, a.client, "oracle", a.board(), "posting "+r.ID, scrape.JSONRequest(u), r,
		func(resp *scrape.Response) (model.Raw, error) { return decodeDetail(resp.Body) })
	if err != nil {
		return r, err
	}
	if d.ID != "" && d.ID != r.ID {
		return r, fmt.Errorf("oracle: board %q: posting %s: %s: detail answered for requisition %s", a.board(), r.ID, u, d.ID)
	}
	// the detail's schedule and category stand over the list's
	r.EmploymentType, r.Team = d.EmploymentType, d.Team
	return scrape.DetailOverList(r, d), nil
}

// withCountry appends the country code to a location label that does not
// name it yet ("Atlanta, GA" + "US" -> "Atlanta, GA, US").
func withCountry(label, country string) string {
	label, country = strings.TrimSpace(label), strings.TrimSpace(country)
	if label == "" || country == "" {
		return label
	}
	for _, part := range strings.Split(label, ",") {
		if strings.EqualFold(strings.TrimSpace(part), country) {
			return label
		}
	}
	return label + ", " + country
}

func stamp(rq requisition) string {
	parts := []string{rq.Title, rq.PostedDate, rq.PrimaryLocation, rq.PrimaryLocationCountry, rq.ShortDescriptionStr, rq.WorkplaceType}
	for _, l := range rq.SecondaryLocations {
		parts = append(parts, l.Name, l.CountryCode)
	}
	return scrape.HashStamp(parts...)
}
