// Package eightfold reads careers sites that run on Eightfold
// (explore.jobs.netflix.net, *.eightfold.ai). Tenants differ in which of
// Eightfold's two public listing interfaces they allow:
//
//   - apply: GET /api/apply/v2/jobs?domain=D&start=N&num=10[&Teams=T...]
//     ({"positions": [...], "count": N}) and GET /api/apply/v2/jobs/{id}?domain=D
//     for the description (job_description);
//   - pcsx: GET /api/pcsx/search?domain=D&start=N&num=10[&filter_department=T...]
//     ({"status": 200, "error": {...}, "data": {"positions": [...], "count": N}})
//     and GET /api/pcsx/position_details?position_id=ID&domain=D&hl=en
//     (data.jobDescription).
//
// A tenant on the newer one answers the apply list with {"message": "Not
// authorized for PCSX"}; one on the older answers pcsx with 403 {"message":
// "PCSX is not enabled for this user."}. The adapter tries the configured or
// remembered interface, recognises those two refusals (never as an empty
// board), switches, and remembers the choice in the source's state. Both map
// to the same model.Raw with the same posting ids (the id in
// /careers/job/{id}).
package eightfold

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"hash/fnv"
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

// The two listing interfaces.
const (
	Apply = "apply"
	PCSX  = "pcsx"
)

// Eightfold is the adapter for one source.
type Eightfold struct {
	name   string
	base   string // https://explore.jobs.netflix.net, no trailing slash
	domain string
	teams  []string
	client *scrape.Client
	mode   string // config: "auto", Apply or PCSX

	from  string // the interface the stored snapshots came from (the state)
	using string // the interface of the last successful List
}

var (
	_ scrape.Adapter  = (*Eightfold)(nil)
	_ scrape.Stateful = (*Eightfold)(nil)
)

// New makes the adapter for src (type eightfold: url and domain required).
func New(src config.Source, c *scrape.Client) (*Eightfold, error) {
	cfg := config.SettingsOf[Config](src.Settings)
	if src.URL == "" || cfg.Domain == "" {
		return nil, fmt.Errorf("eightfold: source %q: url and domain are required", src.Name)
	}
	mode := cfg.Interface
	switch mode {
	case "", "auto":
		mode = "auto"
	case Apply, PCSX:
	default:
		return nil, fmt.Errorf("eightfold: source %q: interface %q is not one of auto, apply, pcsx", src.Name, cfg.Interface)
	}
	return &Eightfold{
		name: src.Name, base: scrape.BaseOr(src.URL, ""), domain: cfg.Domain, teams: cfg.Teams, client: c,
		mode: mode, from: Apply,
	}, nil
}

// state is what the adapter keeps between runs.
type state struct {
	Interface string `json:"interface"`
}

// LoadState takes the interface the last successful run used. Without one
// the stored snapshots came from the apply interface, the only one earlier
// versions read.
func (e *Eightfold) LoadState(b []byte) {
	e.from = Apply
	var s state
	if len(b) > 0 && json.Unmarshal(b, &s) == nil && (s.Interface == Apply || s.Interface == PCSX) {
		e.from = s.Interface
	}
}

// SaveState is the interface the last successful List used.
func (e *Eightfold) SaveState() []byte {
	if e.using == "" {
		return nil
	}
	b, _ := json.Marshal(state{Interface: e.using})
	return b
}

// Reshaped reports whether the last List used another interface than the
// stored snapshots came from.
func (e *Eightfold) Reshaped() bool { return e.using != "" && e.using != e.from }

// Interface is the interface the last successful List used ("" before one).
func (e *Eightfold) Interface() string { return e.using }

// refusal is a tenant's answer that it does not serve an interface.
type refusal struct {
	iface, url, message string
}

func (r *refusal) Error() string {
	return fmt.Sprintf("%s: the tenant refuses the %s interface: %q", r.url, r.iface, r.message)
}

// refusalMessage is the part of each interface's refusal that is matched
// (case-insensitively) in the answer's "message".
var refusalMessage = map[string]string{
	Apply: "not authorized for pcsx", // the apply list, on a PCSX tenant
	PCSX:  "pcsx is not enabled",     // pcsx, on a tenant of the older interface
}

// refused reads an answer (a 2xx body, or the body of a 401/403) as the
// interface's refusal; nil when it is not one.
func refused(iface, u string, status int, body []byte) *refusal {
	if status != 401 && status != 403 && (status < 200 || status > 299) || len(body) > 4096 {
		return nil // a refusal is one short message, never a listing
	}
	var m struct {
		Message string `json:"message"`
	}
	if json.Unmarshal(body, &m) != nil {
		return nil
	}
	if strings.Contains(strings.ToLower(m.Message), refusalMessage[iface]) {
		return &refusal{iface: iface, url: u, message: m.Message}
	}
	return nil
}

// acceptJSON is the header of every request; shared, never changed (the
// client copies a request's header before adding to it).
var acceptJSON = map[string][]string{"Accept": {"application/json"}}

// get fetches u; a refusal of iface comes back as a *refusal.
func (e *Eightfold) get(ctx context.Context, iface, u string) ([]byte, error) {
	r, err := e.client.Do(ctx, scrape.Request{URL: u, Header: acceptJSON})
	if err != nil {
		var se *scrape.StatusError
		if errors.As(err, &se) {
			if ref := refused(iface, u, se.Status, se.Body); ref != nil {
				return nil, ref
			}
		}
		return nil, err
	}
	if ref := refused(iface, u, r.Status, r.Body); ref != nil {
		return nil, ref
	}
	return r.Body, nil
}

// List reads the listing through the configured interface, or (auto) the
// remembered one first and the other when the tenant refuses it.
func (e *Eightfold) List(ctx context.Context) ([]model.Raw, error) {
	e.using = ""
	order := []string{e.mode}
	if e.mode == "auto" {
		order = []string{e.from, other(e.from)}
	}
	var refusals []string
	for _, iface := range order {
		raws, err := e.list(ctx, iface)
		if errors.Is(err, scrape.ErrNotModified) {
			// every page as the last run read it (see pager)
			e.using = iface
			return nil, err
		}
		var ref *refusal
		if errors.As(err, &ref) {
			refusals = append(refusals, ref.Error())
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("eightfold: source %q: %s interface: %w", e.name, iface, err)
		}
		e.using = iface
		return raws, nil
	}
	if e.mode != "auto" {
		return nil, fmt.Errorf("eightfold: source %q: %s (interface: %s is configured; auto would try the other)", e.name, refusals[0], e.mode)
	}
	return nil, fmt.Errorf("eightfold: source %q: neither listing interface answers: %s", e.name, strings.Join(refusals, "; "))
}

func other(iface string) string {
	if iface == PCSX {
		return Apply
	}
	return PCSX
}

func (e *Eightfold) list(ctx context.Context, iface string) ([]model.Raw, error) {
	if iface == PCSX {
		return e.listPCSX(ctx)
	}
	return e.listApply(ctx)
}

// pager pages on start until it has count postings or a page comes back
// empty. fetch reads one page (its URL and body), decode reads a body;
// requireCount makes a page without a count an error.
//
// Each page is recorded with the client (its digest, and the start of the
// page read after it: see scrape.Client.SamePage). While every page
// answers what it answered when recorded, the pager follows the recorded
// starts without decoding; when the last recorded page is reached so, the
// listing is the last run's, byte for byte: scrape.ErrNotModified (the
// runner decides what that keeps). The first page that differs ends
// that: the pages held so far are decoded in order, as they would have
// been, and the listing is read on as usual. Paging is a function of the
// bodies alone, so the starts followed are the ones decoding would give.
func pager(c *scrape.Client, fetch func(start int) (string, []byte, error), decode func(u string, body []byte) (scrape.Page, error), requireCount bool) ([]model.Raw, error) {
	p := pages{decode: decode, requireCount: requireCount, seen: map[string]bool{}, count: -1}
	type held struct {
		u, digest string
		body      []byte
		start     int
	}
	var same []held // pages that answered as recorded, not decoded yet
	following := true
	for n := 0; n < maxPages; n++ {
		start := p.start
		u, body, err := fetch(start)
		if err != nil {
			return nil, fmt.Errorf("list page %d: %w", n+1, err)
		}
		digest := c.PageDigest(body)
		if following {
			if next, ok := c.SamePage(u, digest); ok {
				if next == "" {
					return nil, scrape.ErrNotModified
				}
				if p.start, err = strconv.Atoi(next); err == nil && p.start > start {
					same = append(same, held{u, digest, body, start})
					continue
				}
				p.start = start // a cursor this pager never records: read as usual
			}
			following = false
			same = append(same, held{u, digest, body, start})
			p.start = 0
			// the pages held, then this one, decoded in order; a start
			// that is not the one decoding gives (a record this pager
			// did not make) drops the rest: read again from there
			for i, h := range same {
				if h.start != p.start {
					n = i - 1
					break
				}
				done, err := p.page(i, h.u, h.body)
				if err != nil {
					return nil, err
				}
				if done {
					c.RecordPage(h.u, h.digest, "")
					return p.out, nil
				}
				c.RecordPage(h.u, h.digest, strconv.Itoa(p.start))
				n = i
			}
			same = nil
			continue
		}
		done, err := p.page(n, u, body)
		if err != nil {
			return nil, err
		}
		if done {
			c.RecordPage(u, digest, "")
			return p.out, nil
		}
		c.RecordPage(u, digest, strconv.Itoa(p.start))
	}
	return nil, fmt.Errorf("listing exceeds %d pages", maxPages)
}

// pages is the state of a listing read page by page.
type pages struct {
	decode       func(u string, body []byte) (scrape.Page, error)
	requireCount bool
	out          []model.Raw
	seen         map[string]bool
	count        int // -1: not known yet
	start        int // of the next page
}

// page reads page n (0-based) of the listing; done when it was the last.
func (p *pages) page(n int, u string, body []byte) (done bool, err error) {
	pg, err := p.decode(u, body)
	if err != nil {
		return false, fmt.Errorf("list page %d: %w", n+1, err)
	}
	if pg.Total >= 0 && p.count < 0 {
		p.count = pg.Total
		if p.out == nil {
			p.out = make([]model.Raw, 0, min(p.count, 10_000)) // a bogus count costs no more than this
		}
	}
	if p.requireCount && p.count < 0 {
		return false, fmt.Errorf("list page %d: the answer holds no count: completeness cannot be checked", n+1)
	}
	added := 0
	for _, r := range pg.Postings {
		if p.seen[r.ID] {
			continue
		}
		p.seen[r.ID] = true
		p.out = append(p.out, r)
		added++
	}
	// start moves by the new postings the page held, not by num: a
	// server that caps pages lower than asked, or repeats a posting
	// inside a page, would otherwise make it skip postings.
	p.start += added
	if p.count >= 0 && len(p.out) >= p.count {
		return true, nil
	}
	if len(pg.Postings) == 0 {
		// An empty page before count postings came is a listing cut
		// short (a glitch, a rate limiter answering politely): trusting
		// it would report the rest removed.
		if p.count >= 0 && len(p.out) < p.count {
			return false, fmt.Errorf("list page %d is empty after %d of %d postings: listing incomplete", n+1, len(p.out), p.count)
		}
		return true, nil
	}
	if added == 0 {
		// a server that ignores start repeats its first page forever
		return false, fmt.Errorf("list page %d repeats earlier postings: paging does not advance", n+1)
	}
	return false, nil
}

// ---- apply: /api/apply/v2/jobs ----

// position is one job as the apply interface returns it (list and detail).
type position struct {
	ID                   json.RawMessage `json:"id"` // a number; a string is read too (see rawApply)
	Name                 string          `json:"name"`
	Location             string          `json:"location"`
	Locations            []string        `json:"locations"`
	Department           string          `json:"department"`
	BusinessUnit         string          `json:"business_unit"`
	TCreate              scrape.Int      `json:"t_create"`
	TUpdate              scrape.Int      `json:"t_update"`
	ATSJobID             string          `json:"ats_job_id"`
	DisplayJobID         string          `json:"display_job_id"`
	WorkLocationOption   string          `json:"work_location_option"`
	CanonicalPositionURL string          `json:"canonicalPositionUrl"`
	JobDescription       string          `json:"job_description"`
	Type                 string          `json:"type"`
}

type listResponse struct {
	Count     *scrape.Int `json:"count"` // 20.0 reads as 20
	Positions []position  `json:"positions"`
}

// applyURL is the list page at start. Its query is written as
// url.Values.Encode would write it (keys sorted: Teams, domain, num,
// start), without building the map: validators are kept by URL.
func (e *Eightfold) applyURL(start int) string {
	var b strings.Builder
	b.Grow(64 + len(e.domain))
	b.WriteString("/api/apply/v2/jobs?")
	for _, t := range e.teams {
		b.WriteString("Teams=")
		b.WriteString(url.QueryEscape(t))
		b.WriteByte('&')
	}
	b.WriteString("domain=")
	b.WriteString(url.QueryEscape(e.domain))
	b.WriteString("&num=")
	b.WriteString(strconv.Itoa(PageSize))
	b.WriteString("&start=")
	b.WriteString(strconv.Itoa(start))
	return scrape.APIURL(e.base, b.String())
}

func (e *Eightfold) listApply(ctx context.Context) ([]model.Raw, error) {
	return pager(e.client, func(start int) (string, []byte, error) {
		u := e.applyURL(start)
		body, err := e.get(ctx, Apply, u)
		return u, body, err
	}, func(u string, body []byte) (scrape.Page, error) {
		pg, err := e.decodeApplyPage(body)
		if err != nil {
			return scrape.Page{}, fmt.Errorf("%s: %w", u, err)
		}
		return pg, nil
	}, false)
}

// decodeApplyPage is one page of the apply listing; it reads nothing but
// body and the site's base for links. A page with neither positions nor
// count, or with a position without an id, is an error: a shorter list
// would report postings removed.
func (e *Eightfold) decodeApplyPage(body []byte) (scrape.Page, error) {
	var lr listResponse
	if err := scrape.Unmarshal(body, &lr); err != nil {
		return scrape.Page{}, err
	}
	return scrape.DecodePage(lr.Positions, lr.Count, "no positions in the response", e.rawApply)
}

// rawApply is one position of the apply interface. The id is a number;
// one sent as a string is read as the platform's id all the same, and one
// that is a dot segment is listed as scrape.Refused (with its team, which
// the listing filters on): no link is made from it and Detail refuses it,
// that position alone.
func (e *Eightfold) rawApply(p position) (model.Raw, error) {
	id := scrape.IDString(p.ID)
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
	if _, err := scrape.IDSegment(id); err != nil {
		r := scrape.Refused(id, p.Name)
		r.Team = team
		return r, nil
	}
	link := p.CanonicalPositionURL
	if link == "" {
		link = scrape.PageURL(e.base, "/careers/job/"+scrape.Segment(id))
	}
	req := p.DisplayJobID
	if req == "" {
		req = p.ATSJobID
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
		Posted:          day(int64(p.TCreate)),
		DescriptionHTML: p.JobDescription,
		Complete:        p.JobDescription != "",
	}
	r.Stamp = applyStamp(p)
	return r, nil
}

// applyStamp is an apply posting's update stamp: t_update (t_create when
// the tenant lists none: the real Albemarle answer has no t_update) and a
// digest of every listed field, so that an edit the listing shows (title,
// places, department, workplace, requisition, link, a listed description)
// is a new stamp and a new detail request even when t_update does not
// move or is absent. Without either time there is no stamp: the detail is
// asked every run. Stamps of earlier versions (the time alone) all differ
// once: each posting's detail is read and compared once, which is no
// event when its content is the same. It never equals a pcsx stamp.
func applyStamp(p position) string {
	t := int64(p.TUpdate)
	if t == 0 {
		t = int64(p.TCreate)
	}
	if t == 0 {
		return ""
	}
	h := fnv.New64a()
	for _, s := range []string{p.Name, p.Location, strings.Join(p.Locations, "\x1f"), p.Department, p.BusinessUnit,
		p.WorkLocationOption, p.Type, p.DisplayJobID, p.ATSJobID, p.CanonicalPositionURL, p.JobDescription,
		strconv.FormatInt(int64(p.TCreate), 10)} {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	return fmt.Sprintf("%d:%016x", t, h.Sum64())
}

// ---- pcsx: /api/pcsx/search ----

// pcsxPosition is one job as the pcsx interface returns it: the search's
// fields, and the detail's (location, publicUrl, jobDescription).
type pcsxPosition struct {
	ID                 json.RawMessage `json:"id"` // a number; a string is read too (see rawApply)
	DisplayJobID       string          `json:"displayJobId"`
	ATSJobID           string          `json:"atsJobId"`
	Name               string          `json:"name"`
	Locations          []string        `json:"locations"`
	Location           string          `json:"location"`
	Department         string          `json:"department"`
	PostedTs           json.Number     `json:"postedTs"`
	CreationTs         json.Number     `json:"creationTs"`
	WorkLocationOption string          `json:"workLocationOption"`
	PositionURL        string          `json:"positionUrl"`
	PublicURL          string          `json:"publicUrl"`
	JobDescription     string          `json:"jobDescription"`
}

// pcsxAnswer is the envelope of both pcsx endpoints.
type pcsxAnswer[T any] struct {
	Status *scrape.Int     `json:"status"` // 200.0 reads as 200
	Error  json.RawMessage `json:"error"`
	Data   *T              `json:"data"`
}

type pcsxSearch struct {
	Positions []pcsxPosition `json:"positions"`
	Count     *scrape.Int    `json:"count"`
}

// check reads the envelope: a status other than 200, an error message or no
// data is an error (the caller names the URL).
func (a pcsxAnswer[T]) check() error {
	if a.Status != nil && *a.Status != 200 {
		return fmt.Errorf("the answer says status %d", *a.Status)
	}
	if len(a.Error) > 0 && string(a.Error) != "null" {
		var m struct {
			Message string `json:"message"`
		}
		var s string
		switch {
		case json.Unmarshal(a.Error, &m) == nil && m.Message != "":
			return fmt.Errorf("the answer holds an error: %q", m.Message)
		case json.Unmarshal(a.Error, &s) == nil && s != "":
			return fmt.Errorf("the answer holds an error: %q", s)
		}
	}
	if a.Data == nil {
		return errors.New("no data in the response")
	}
	return nil
}

func (e *Eightfold) pcsxURL(start int) string {
	q := url.Values{}
	q.Set("domain", e.domain)
	q.Set("start", strconv.Itoa(start))
	q.Set("num", strconv.Itoa(PageSize))
	for _, t := range e.teams {
		q.Add("filter_department", t)
	}
	return scrape.APIURL(e.base, "/api/pcsx/search?"+q.Encode())
}

// listPCSX reads the pcsx search. Teams go to the server as
// filter_department (what the careers page sends for its department
// facet), and are applied again here to each position's department, the
// field the apply interface's Teams filter matches: a tenant that ignores
// the filter, or names its facet otherwise, still yields the same postings.
// Completeness is checked against the server's count of what it listed.
func (e *Eightfold) listPCSX(ctx context.Context) ([]model.Raw, error) {
	all, err := pager(e.client, func(start int) (string, []byte, error) {
		u := e.pcsxURL(start)
		body, err := e.get(ctx, PCSX, u)
		return u, body, err
	}, func(u string, body []byte) (scrape.Page, error) {
		pg, err := e.decodePCSXPage(body)
		if err != nil {
			return scrape.Page{}, fmt.Errorf("%s: %w", u, err)
		}
		return pg, nil
	}, true)
	if err != nil || len(e.teams) == 0 {
		return all, err
	}
	out := all[:0]
	for _, r := range all {
		if e.inTeams(r.Team) {
			out = append(out, r)
		}
	}
	return out, nil
}

// decodePCSXPage is one page of the pcsx search, every position it holds
// (the teams are applied by listPCSX); it reads nothing but body and the
// site's base for links. An envelope that says it failed, a page with
// neither positions nor count, or a position without an id is an error.
func (e *Eightfold) decodePCSXPage(body []byte) (scrape.Page, error) {
	var a pcsxAnswer[pcsxSearch]
	if err := scrape.Unmarshal(body, &a); err != nil {
		return scrape.Page{}, err
	}
	if err := a.check(); err != nil {
		return scrape.Page{}, err
	}
	return scrape.DecodePage(a.Data.Positions, a.Data.Count, "no positions in the response", e.rawPCSX)
}

func (e *Eightfold) inTeams(team string) bool {
	team = strings.TrimSpace(team)
	for _, t := range e.teams {
		if strings.EqualFold(strings.TrimSpace(t), team) {
			return true
		}
	}
	return false
}

// rawPCSX is one position of the pcsx interface; its id is read as
// rawApply reads one.
func (e *Eightfold) rawPCSX(p pcsxPosition) (model.Raw, error) {
	id := scrape.IDString(p.ID)
	if id == "" {
		return model.Raw{}, errors.New("a position has no id")
	}
	if _, err := scrape.IDSegment(id); err != nil {
		r := scrape.Refused(id, p.Name)
		r.Team = p.Department // the teams filter reads it
		return r, nil
	}
	locs := p.Locations
	if len(locs) == 0 && p.Location != "" {
		locs = []string{p.Location}
	}
	link := p.PublicURL
	if link == "" && strings.HasPrefix(p.PositionURL, "/") {
		link = scrape.PageURL(e.base, p.PositionURL)
	}
	if link == "" {
		link = scrape.PageURL(e.base, "/careers/job/"+scrape.Segment(id))
	}
	req := p.DisplayJobID
	if req == "" {
		req = p.ATSJobID
	}
	created, posted := seconds(p.CreationTs), seconds(p.PostedTs)
	if created == 0 {
		created = posted
	}
	return model.Raw{
		ID:              id,
		Stamp:           pcsxStamp(p, posted, created),
		Title:           strings.TrimSpace(p.Name),
		URL:             link,
		RequisitionID:   req,
		Team:            p.Department,
		Locations:       locs,
		Workplace:       p.WorkLocationOption,
		Posted:          day(created),
		DescriptionHTML: p.JobDescription,
		Complete:        p.JobDescription != "",
	}, nil
}

// pcsxStamp is a pcsx posting's update stamp. The search carries no update
// time (postedTs is when it was posted), so the stamp is postedTs and a
// digest of every listed field: an edit the listing shows (title, places,
// department, workplace, requisition) is a new stamp and a new detail
// request. It never equals an apply stamp (t_update): a tenant that
// switches interface has each posting read and compared once, and the
// runner writes representation differences of that run without events
// (see Reshaped).
func pcsxStamp(p pcsxPosition, posted, created int64) string {
	h := fnv.New64a()
	for _, s := range []string{p.Name, strings.Join(p.Locations, "\x1f"), p.Department, p.WorkLocationOption,
		p.DisplayJobID, p.ATSJobID, strconv.FormatInt(created, 10)} {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	return fmt.Sprintf("pcsx:%d:%016x", posted, h.Sum64())
}

// seconds reads an epoch timestamp (seconds; milliseconds are scaled).
func seconds(n json.Number) int64 {
	if n == "" {
		return 0
	}
	f, err := n.Float64()
	if err != nil || f <= 0 {
		return 0
	}
	if f > 1e11 { // milliseconds
		f /= 1000
	}
	return int64(f)
}

func day(sec int64) string {
	if sec <= 0 {
		return ""
	}
	return time.Unix(sec, 0).UTC().Format(time.DateOnly)
}

// ---- details ----

// Detail fetches the posting's description through the interface the
// listing came from.
func (e *Eightfold) Detail(ctx context.Context, r model.Raw) (model.Raw, error) {
	// a dot id has no page URL (scrape.Refused): refused through either
	// interface, though pcsx would carry it in a query
	if _, err := scrape.IDSegment(r.ID); err != nil {
		return r, fmt.Errorf("eightfold: source %q: posting %s: %w", e.name, r.ID, err)
	}
	var d model.Raw
	var err error
	if e.using == PCSX || e.using == "" && e.mode == PCSX {
		d, err = e.detailPCSX(ctx, r)
	} else {
		d, err = e.detailApply(ctx, r)
	}
	if err != nil {
		return r, fmt.Errorf("eightfold: source %q: posting %s: %w", e.name, r.ID, err)
	}
	// the list is the authority on identity and stamp; the detail adds
	// text. An answer whose description is empty is not complete; the
	// runner decides what it is worth (a posting stored with a description
	// keeps it: see watch.checkDetail), not refused here: some postings
	// have no text at all, and a refusal would never let them be recorded.
	d = scrape.OverList(d, r)
	d.Complete = strings.TrimSpace(d.DescriptionHTML) != ""
	return d, nil
}

func (e *Eightfold) detailApply(ctx context.Context, r model.Raw) (model.Raw, error) {
	q := url.Values{}
	q.Set("domain", e.domain)
	id, err := scrape.IDSegment(r.ID)
	if err != nil {
		return r, err
	}
	u := scrape.APIURL(e.base, "/api/apply/v2/jobs/"+id+"?"+q.Encode())
	d, err := scrape.GetJSON(ctx, e.client, u, func(b []byte) (model.Raw, error) { return e.decodeApplyDetail(b, r.ID) })
	if err != nil {
		return r, err
	}
	return d, nil
}

// decodeApplyDetail is the posting id in an apply detail answer; an answer
// about no posting or another one is an error.
func (e *Eightfold) decodeApplyDetail(body []byte, id string) (model.Raw, error) {
	var p position
	if err := scrape.Unmarshal(body, &p); err != nil {
		return model.Raw{}, err
	}
	if err := scrape.SameID(scrape.IDString(p.ID), id); err != nil {
		return model.Raw{}, err
	}
	return e.rawApply(p)
}

func (e *Eightfold) detailPCSX(ctx context.Context, r model.Raw) (model.Raw, error) {
	q := url.Values{}
	q.Set("position_id", r.ID)
	q.Set("domain", e.domain)
	q.Set("hl", "en")
	u := scrape.APIURL(e.base, "/api/pcsx/position_details?"+q.Encode())
	d, err := scrape.GetJSON(ctx, e.client, u, func(b []byte) (model.Raw, error) { return e.decodePCSXDetail(b, r.ID) })
	if err != nil {
		return r, err
	}
	return d, nil
}

// decodePCSXDetail is the posting id in a pcsx position_details answer; an
// envelope that says it failed, or an answer about no posting or another
// one, is an error.
func (e *Eightfold) decodePCSXDetail(body []byte, id string) (model.Raw, error) {
	var a pcsxAnswer[pcsxPosition]
	if err := scrape.Unmarshal(body, &a); err != nil {
		return model.Raw{}, err
	}
	if err := a.check(); err != nil {
		return model.Raw{}, err
	}
	if err := scrape.SameID(scrape.IDString(a.Data.ID), id); err != nil {
		return model.Raw{}, err
	}
	return e.rawPCSX(*a.Data)
}
