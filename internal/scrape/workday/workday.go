// Package workday reads careers sites hosted on Workday
// ({tenant}.wdN.myworkdayjobs.com) through the JSON API their own pages use:
// POST /wday/cxs/{tenant}/{site}/jobs for the listing (20 postings a page)
// and GET /wday/cxs/{tenant}/{site}{externalPath} for one posting.
package workday

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"regexp"
	"strings"

	"github.com/careers-watcher/careers-watcher/internal/config"
	"github.com/careers-watcher/careers-watcher/internal/model"
	"github.com/careers-watcher/careers-watcher/internal/scrape"
	"github.com/careers-watcher/careers-watcher/internal/urlpath"
)

// PageSize is the largest page the API serves (a larger limit is a 400).
const PageSize = 20

// Cap is the largest total the API reports: a site with more postings says
// 2000, and past offset 2000 some tenants answer with their first page again.
const Cap = 2000

// maxPages bounds a listing that never ends.
const maxPages = Cap/PageSize + 50

// Workday is the adapter for one source.
type Workday struct {
	base   string // https://acme.wd5.myworkdayjobs.com, no trailing slash
	tenant string
	site   string
	client *scrape.Client
}

var _ scrape.Adapter = (*Workday)(nil)

// New makes the adapter for src (type workday: url, tenant and site required).
func New(src config.Source, c *scrape.Client) (*Workday, error) {
	cfg := config.SettingsOf[Config](src.Settings)
	if src.URL == "" || cfg.Tenant == "" || cfg.Site == "" {
		return nil, fmt.Errorf("workday: source %q: url, tenant and site are required", src.Name)
	}
	return &Workday{base: scrape.BaseOr(src.URL, ""), tenant: cfg.Tenant, site: cfg.Site, client: c}, nil
}

// listItem is one posting of a list page.
type listItem struct {
	Title         string   `json:"title"`
	ExternalPath  string   `json:"externalPath"`
	LocationsText string   `json:"locationsText"`
	PostedOn      string   `json:"postedOn"` // relative ("Posted 3 Days Ago"): never used
	BulletFields  []string `json:"bulletFields"`
	RemoteType    string   `json:"remoteType"`
	TimeType      string   `json:"timeType"`
}

type listResponse struct {
	Total       *scrape.Int `json:"total"` // 20.0 reads as 20
	JobPostings []listItem  `json:"jobPostings"`
}

type listRequest struct {
	AppliedFacets struct{} `json:"appliedFacets"`
	Limit         int      `json:"limit"`
	Offset        int      `json:"offset"`
	SearchText    string   `json:"searchText"`
}

type detailResponse struct {
	JobPostingInfo *struct {
		Title               string   `json:"title"`
		JobDescription      string   `json:"jobDescription"`
		Location            string   `json:"location"`
		AdditionalLocations []string `json:"additionalLocations"`
		TimeType            string   `json:"timeType"`
		RemoteType          string   `json:"remoteType"`
		JobReqID            string   `json:"jobReqId"`
		StartDate           string   `json:"startDate"`
		ExternalURL         string   `json:"externalUrl"`
	} `json:"jobPostingInfo"`
}

func (w *Workday) apiURL(ref string) string {
	return scrape.APIURL(w.base, "/wday/cxs/"+scrape.Segment(w.tenant)+"/"+scrape.Segment(w.site)+ref)
}

// publicBase prefixes an externalPath to make the page a person opens.
func (w *Workday) publicBase() string { return scrape.PageURL(w.base, "/"+scrape.Segment(w.site)) }

func (w *Workday) board() string { return w.tenant + "/" + w.site }

// List pages through the listing 20 at a time. The API's traps: total is
// capped at 2000, some tenants send it on the first page only (later pages
// say 0), and past the cap some answer with their first page again. A page
// that brings nothing new ends the listing when total was reached or the cap
// explains it; anywhere else it is an error, as is an empty page before
// total.
func (w *Workday) List(ctx context.Context) ([]model.Raw, error) {
	u := w.apiURL("/jobs")
	var out []model.Raw
	seen := map[string]bool{} // posting URLs: the site's base and the externalPath
	ids := map[string]bool{}
	total := -1 // unknown
	for page := 0; page < maxPages; page++ {
		offset := page * PageSize
		body, err := w.fetchPage(ctx, u, offset)
		if err != nil {
			if page == 0 && scrape.IsStatus(err, http.StatusNotFound) {
				return nil, fmt.Errorf("workday: board %q: not found (404)", w.board())
			}
			return nil, fmt.Errorf("workday: board %q: list page %d: %w", w.board(), page+1, err)
		}
		pg, err := w.decodePage(body)
		if err != nil {
			return nil, fmt.Errorf("workday: board %q: list page %d: %s (offset %d): %w", w.board(), page+1, u, offset, err)
		}
		if page == 0 && pg.Total > 0 {
			total = pg.Total
		}
		if page == 0 && total < 0 && len(pg.Postings) == 0 {
			return out, nil // an empty site
		}
		added := 0
		for _, r := range pg.Postings {
			if seen[r.URL] {
				continue
			}
			seen[r.URL] = true
			added++
			if ids[r.ID] {
				continue
			}
			ids[r.ID] = true
			out = append(out, r)
		}
		capped := offset >= Cap && (total < 0 || total >= Cap)
		switch {
		case total >= 0 && len(seen) >= total:
			return out, nil
		case len(pg.Postings) == 0:
			if total < 0 || capped {
				return out, nil
			}
			return nil, fmt.Errorf("workday: board %q: list page %d is empty after %d of %d postings: listing incomplete", w.board(), page+1, len(seen), total)
		case added == 0:
			if capped {
				return out, nil
			}
			return nil, fmt.Errorf("workday: board %q: list page %d repeats earlier postings after %d%s: paging does not advance", w.board(), page+1, len(seen), of(total))
		case total < 0 && len(pg.Postings) < PageSize:
			return out, nil // a short last page of a listing without a total
		}
	}
	return nil, fmt.Errorf("workday: board %q: listing exceeds %d pages", w.board(), maxPages)
}

// fetchPage posts the list request for the page at offset.
func (w *Workday) fetchPage(ctx context.Context, u string, offset int) ([]byte, error) {
	body, err := json.Marshal(listRequest{Limit: PageSize, Offset: offset})
	if err != nil {
		return nil, err
	}
	resp, err := w.client.Do(ctx, scrape.Request{
		Method: http.MethodPost, URL: u, Body: body,
		Header: http.Header{"Content-Type": {"application/json"}, "Accept": {"application/json"}},
	})
	if err != nil {
		return nil, err
	}
	return resp.Body, nil
}

// decodePage is one page of the listing; it reads nothing but body and the
// site's public base for links. A page with neither jobPostings nor total,
// or with a posting that has no externalPath, is an error: a shorter list
// would report postings removed.
func (w *Workday) decodePage(body []byte) (scrape.Page, error) {
	var lr listResponse
	if err := scrape.Unmarshal(body, &lr); err != nil {
		return scrape.Page{}, err
	}
	return scrape.DecodePage(lr.JobPostings, lr.Total, "no jobPostings in the response", w.raw)
}

func of(total int) string {
	if total < 0 {
		return " postings"
	}
	return fmt.Sprintf(" of %d postings", total)
}

var nLocations = regexp.MustCompile(`^\d+ Locations$`)

// raw maps a list item. The list has no update stamp, and a detail for every
// posting on every run is too costly for big tenants, so Stamp is a hash of
// the list fields that change when the posting does (title, locations,
// path, bullet fields, remote and time type). postedOn is left out on
// purpose: it is relative ("Posted 3 Days Ago") and changes every day. An
// edit of the description alone does not change the stamp; it is picked up
// when any of those fields changes.
func (w *Workday) raw(it listItem) (model.Raw, error) {
	id := postingID(it.ExternalPath)
	if id == "" {
		return model.Raw{}, fmt.Errorf("posting %q has no externalPath", it.Title)
	}
	r := model.Raw{
		ID:             id,
		Stamp:          stamp(it),
		Title:          strings.TrimSpace(it.Title),
		URL:            w.publicBase() + it.ExternalPath,
		Workplace:      it.RemoteType,
		EmploymentType: it.TimeType,
	}
	if it.LocationsText != "" && !nLocations.MatchString(it.LocationsText) {
		r.Locations = []string{it.LocationsText}
	}
	return r, nil
}

// dotSegment is the first segment of path (before any query; "\\" counts
// as "/", as the WHATWG parser that sends requests reads it) that is a dot
// segment: the parser collapses it, escaped or not.
func dotSegment(path string) (string, bool) {
	path, _, _ = strings.Cut(path, "?")
	for _, seg := range strings.FieldsFunc(path, func(r rune) bool { return r == '/' || r == '\\' }) {
		if urlpath.Dot(seg) {
			return seg, true
		}
	}
	return "", false
}

// postingID is the stable id in an externalPath
// (/job/Illinois---Chicago/Customer-Success-Manager_JR332446 -> JR332446):
// the part after the last "_" of the last segment, which is the requisition
// id plus a -N suffix when one requisition has several postings. The title
// and location slugs before it change with the posting; it does not. A
// segment without "_" is the id as a whole.
func postingID(path string) string {
	path = strings.TrimRight(path, "/")
	seg := path[strings.LastIndex(path, "/")+1:]
	if i := strings.LastIndex(seg, "_"); i >= 0 && i < len(seg)-1 {
		return seg[i+1:]
	}
	return seg
}

func stamp(it listItem) string {
	h := sha256.New()
	for _, s := range append([]string{it.Title, it.LocationsText, it.ExternalPath, it.RemoteType, it.TimeType}, it.BulletFields...) {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
}

// Detail fetches jobPostingInfo: description, locations, requisition id,
// the start date as the posted date.
func (w *Workday) Detail(ctx context.Context, r model.Raw) (model.Raw, error) {
	path, ok := strings.CutPrefix(r.URL, w.publicBase())
	if !ok || !strings.HasPrefix(path, "/") {
		return r, fmt.Errorf("workday: board %q: posting %s: URL %q is not on the site", w.board(), r.ID, r.URL)
	}
	if seg, ok := dotSegment(path); ok {
		return r, fmt.Errorf("workday: board %q: posting %s: externalPath %q has the dot segment %q (it names a parent path): refused, not fetched", w.board(), r.ID, path, seg)
	}
	d, err := scrape.FetchDetail(ctx, w.client, "workday", w.board(), "posting "+r.ID, scrape.JSONRequest(w.apiURL(path)), r,
		func(resp *scrape.Response) (model.Raw, error) { return decodeDetail(resp.Body, r) })
	if err != nil {
		return r, err
	}
	return d, nil
}

// decodeDetail completes r from a jobPostingInfo answer: description,
// locations, requisition id, the start date as the posted date. An answer
// without jobPostingInfo is an error.
func decodeDetail(body []byte, r model.Raw) (model.Raw, error) {
	var d detailResponse
	if err := scrape.Unmarshal(body, &d); err != nil {
		return r, err
	}
	p := d.JobPostingInfo
	if p == nil {
		return r, errors.New("no jobPostingInfo in the response")
	}
	if t := strings.TrimSpace(p.Title); t != "" {
		r.Title = t
	}
	var locs []string
	for _, l := range append([]string{p.Location}, p.AdditionalLocations...) {
		if l = strings.TrimSpace(l); l != "" {
			locs = append(locs, l)
		}
	}
	if len(locs) > 0 {
		r.Locations = locs
	}
	if p.ExternalURL != "" {
		r.URL = p.ExternalURL
	}
	if p.RemoteType != "" {
		r.Workplace = p.RemoteType
	}
	if p.TimeType != "" {
		r.EmploymentType = p.TimeType
	}
	r.RequisitionID = p.JobReqID
	r.Posted = date(p.StartDate)
	r.DescriptionHTML = p.JobDescription
	r.Complete = true
	return r, nil
}

// date keeps an absolute YYYY-MM-DD (or a timestamp's date, in UTC when
// it has an offset: scrape.DatePrefix); anything else (relative text)
// gives "".
func date(s string) string { return scrape.DatePrefix(s) }
