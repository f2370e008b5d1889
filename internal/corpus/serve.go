package corpus

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/careers-watcher/careers-watcher/internal/config"
	"github.com/careers-watcher/careers-watcher/internal/model"
	"github.com/careers-watcher/careers-watcher/internal/retry"
	"github.com/careers-watcher/careers-watcher/internal/scrape"
	"github.com/careers-watcher/careers-watcher/internal/scrape/eightfold"
	htmlsel "github.com/careers-watcher/careers-watcher/internal/scrape/html"
	"github.com/careers-watcher/careers-watcher/internal/scrape/platforms"
	"github.com/careers-watcher/careers-watcher/internal/scrape/workday"
)

// Board is the board, tenant and site name every ATS document is served
// under; the server answers for any name, the adapters need one.
const Board = "corpus"

// Raws turns a document into the raw postings of its labelled postings,
// through the real adapter of its format: the document is served by an
// httptest server at the paths the adapter requests (the client's transport
// sends every request there, keeping its host name), the adapter lists, and
// details the postings its listing left incomplete when the document can
// answer that. The map is keyed by the labelled posting's id; a labelled
// posting the adapter does not return is an error.
func Raws(ctx context.Context, dir string, l *Label) (map[string]model.Raw, error) {
	doc, err := os.ReadFile(filepath.Join(dir, "docs", l.Doc))
	if err != nil {
		return nil, fmt.Errorf("corpus: %s: %w", l.File, err)
	}
	if l.Format == "text" {
		return textRaws(l, doc), nil
	}
	h, src, err := server(l, doc)
	if err != nil {
		return nil, fmt.Errorf("corpus: %s: doc %s: %w", l.File, l.Doc, err)
	}
	srv := httptest.NewServer(h)
	defer srv.Close()
	client := scrape.NewClient(ctx, scrape.Options{
		UserAgent: "careers-watcher-corpus",
		Timeout:   10 * time.Second,
		MaxBody:   64 << 20,
		Retry:     retry.Policy{Attempts: 1},
		Transport: rewrite{addr: srv.Listener.Addr().String(), base: srv.Client().Transport},
	})
	src.Name = l.Slug
	src.Company = l.Company
	a, err := platforms.New(src, client)
	if err != nil {
		return nil, fmt.Errorf("corpus: %s: %w", l.File, err)
	}
	list, err := a.List(ctx)
	if err != nil {
		return nil, fmt.Errorf("corpus: %s: doc %s: list: %w", l.File, l.Doc, err)
	}
	out := map[string]model.Raw{}
	var missing []string
	for _, p := range l.Postings {
		r, ok := find(l, p, list)
		if !ok {
			missing = append(missing, p.ID)
			continue
		}
		if !r.Complete && h.canDetail(r.ID) {
			d, err := a.Detail(ctx, r)
			if err != nil {
				return nil, fmt.Errorf("corpus: %s: doc %s: detail: %w", l.File, l.Doc, err)
			}
			r = d
		}
		out[p.ID] = r
	}
	if len(missing) > 0 {
		var got []string
		for _, r := range list {
			got = append(got, strconv.Quote(r.ID))
		}
		return out, fmt.Errorf("corpus: %s: the %s adapter returns no posting with id %s (it returns %s)",
			l.File, l.Format, strings.Join(quote(missing), ", "), strings.Join(got, ", "))
	}
	return out, nil
}

func quote(l []string) []string {
	out := make([]string, len(l))
	for i, s := range l {
		out[i] = strconv.Quote(s)
	}
	return out
}

// find is the raw posting of a label: by id; for html and jsonld documents,
// whose ids come from URLs, also by title when that is unambiguous, or the
// only posting.
func find(l *Label, p Posting, list []model.Raw) (model.Raw, bool) {
	for _, r := range list {
		if r.ID == p.ID {
			return r, true
		}
	}
	if l.Format != "html" && l.Format != "jsonld" {
		return model.Raw{}, false
	}
	var hit []model.Raw
	for _, r := range list {
		if p.Title != "" && strings.EqualFold(strings.Join(strings.Fields(r.Title), " "), strings.Join(strings.Fields(p.Title), " ")) {
			hit = append(hit, r)
		}
	}
	if len(hit) == 1 {
		return hit[0], true
	}
	if len(list) == 1 && len(l.Postings) == 1 {
		return list[0], true
	}
	return model.Raw{}, false
}

func textRaws(l *Label, doc []byte) map[string]model.Raw {
	out := map[string]model.Raw{}
	for _, p := range l.Postings {
		r := model.Raw{ID: p.ID, Title: p.Title, DescriptionText: string(doc), Complete: true}
		if l.Raw != nil {
			r.Locations = l.Raw.Locations
			r.Team = l.Raw.Team
			r.Workplace = l.Raw.Workplace
		}
		out[p.ID] = r
	}
	return out
}

// rewrite sends every request to the test server, keeping the URL's host
// as the Host header, so that adapters build the URLs they would in
// production.
type rewrite struct {
	addr string
	base http.RoundTripper
}

func (t rewrite) RoundTrip(r *http.Request) (*http.Response, error) {
	r2 := r.Clone(r.Context())
	r2.URL.Scheme = "http"
	r2.URL.Host = t.addr
	r2.Host = r.URL.Host
	resp, err := t.base.RoundTrip(r2)
	if resp != nil {
		resp.Request = r
	}
	return resp, err
}

// docHandler answers an adapter's requests from one document.
type docHandler struct {
	answer func(r *http.Request, body []byte) (int, string, []byte)
	detail map[string]bool // posting ids a detail request can be answered for
}

// canDetail: nil detail means every page is the document (html).
func (h *docHandler) canDetail(id string) bool { return h.detail == nil || h.detail[id] }

func (h *docHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	status, ctype, b := h.answer(r, body)
	if ctype != "" {
		w.Header().Set("Content-Type", ctype)
	}
	w.WriteHeader(status)
	w.Write(b)
}

const ctJSON = "application/json"

var notFound = []byte(`{"error":"not found"}`)

// server builds the handler of a document and the source the adapter is
// made from.
func server(l *Label, doc []byte) (*docHandler, config.Source, error) {
	h := &docHandler{detail: map[string]bool{}}
	src := config.Source{Type: l.Format, Settings: &scrape.Board{Board: Board}}
	switch l.Format {
	case "greenhouse", "ashby", "recruitee", "workable":
		key := map[string]string{"greenhouse": "jobs", "ashby": "jobs", "recruitee": "offers", "workable": "jobs"}[l.Format]
		single := map[string]string{"recruitee": "offer"}[l.Format]
		items, err := jsonItems(doc, key, single)
		if err != nil {
			return nil, src, err
		}
		list, _ := json.Marshal(map[string]any{key: items})
		byCode := map[string]json.RawMessage{}
		if l.Format == "workable" {
			for _, it := range items {
				var j struct {
					Shortcode                           string
					Description, Requirements, Benefits string
				}
				if json.Unmarshal(it, &j) == nil && j.Shortcode != "" && strings.TrimSpace(j.Description+j.Requirements+j.Benefits) != "" {
					byCode[j.Shortcode] = it
					h.detail[j.Shortcode] = true
				}
			}
		}
		src.URL = map[string]string{"greenhouse": "https://boards-api.greenhouse.io", "ashby": "https://api.ashbyhq.com",
			"recruitee": "https://corpus.recruitee.com", "workable": "https://apply.workable.com"}[l.Format]
		h.answer = func(r *http.Request, _ []byte) (int, string, []byte) {
			p := r.URL.Path
			switch {
			case l.Format == "workable" && strings.HasPrefix(p, "/api/v2/accounts/"):
				if it, ok := byCode[p[strings.LastIndex(p, "/")+1:]]; ok {
					return 200, ctJSON, it
				}
				return 404, ctJSON, notFound
			case l.Format == "greenhouse" && strings.HasSuffix(p, "/jobs"),
				l.Format == "ashby" && strings.HasPrefix(p, "/posting-api/job-board/"),
				l.Format == "recruitee" && p == "/api/offers/",
				l.Format == "workable" && strings.HasPrefix(p, "/api/v1/widget/accounts/"):
				return 200, ctJSON, list
			}
			return 404, ctJSON, notFound
		}
	case "lever":
		items, err := jsonItems(doc, "", "")
		if err != nil {
			return nil, src, err
		}
		src.URL = "https://api.lever.co"
		h.answer = func(r *http.Request, _ []byte) (int, string, []byte) {
			if !strings.HasPrefix(r.URL.Path, "/v0/postings/") {
				return 404, ctJSON, notFound
			}
			return 200, ctJSON, page(items, r.URL.Query().Get("skip"), r.URL.Query().Get("limit"), nil)
		}
	case "smartrecruiters", "eightfold":
		key, idKey, detailKey := "content", "id", "jobAd"
		src.URL = "https://api.smartrecruiters.com"
		if l.Format == "eightfold" {
			key, detailKey = "positions", "job_description"
			src.URL = "https://corpus.eightfold.ai"
			src.Settings = &eightfold.Config{Domain: "corpus.example"}
		}
		items, err := jsonItems(doc, key, "")
		if err != nil {
			return nil, src, err
		}
		byID := map[string]json.RawMessage{}
		for _, it := range items {
			var m map[string]json.RawMessage
			if json.Unmarshal(it, &m) != nil {
				continue
			}
			id := strings.Trim(string(m[idKey]), `"`)
			if d, ok := m[detailKey]; ok && len(d) > 0 && string(d) != "null" && string(d) != `""` {
				byID[id] = it
				h.detail[id] = true
			}
		}
		h.answer = func(r *http.Request, _ []byte) (int, string, []byte) {
			p, q := r.URL.Path, r.URL.Query()
			switch {
			case l.Format == "smartrecruiters" && strings.HasSuffix(p, "/postings"):
				return 200, ctJSON, page(items, q.Get("offset"), q.Get("limit"), func(its []json.RawMessage) any {
					return map[string]any{"totalFound": len(items), "content": its}
				})
			case l.Format == "eightfold" && p == "/api/apply/v2/jobs":
				return 200, ctJSON, page(items, q.Get("start"), q.Get("num"), func(its []json.RawMessage) any {
					return map[string]any{"count": len(items), "positions": its}
				})
			case strings.HasPrefix(p, "/v1/companies/") || strings.HasPrefix(p, "/api/apply/v2/jobs/"):
				id, _ := url.PathUnescape(p[strings.LastIndex(p, "/")+1:])
				if it, ok := byID[id]; ok {
					return 200, ctJSON, it
				}
			}
			return 404, ctJSON, notFound
		}
	case "workday":
		tenant, site := Board, "External"
		src.URL, src.Settings = "https://corpus.wd1.myworkdayjobs.com", &workday.Config{Tenant: tenant, Site: site}
		items, details, err := workdayDoc(doc)
		if err != nil {
			return nil, src, err
		}
		for path := range details {
			h.detail[workdayID(path)] = true
		}
		api := "/wday/cxs/" + tenant + "/" + site
		h.answer = func(r *http.Request, body []byte) (int, string, []byte) {
			p := r.URL.Path
			if r.Method == http.MethodPost && p == api+"/jobs" {
				var req struct{ Limit, Offset int }
				json.Unmarshal(body, &req)
				return 200, ctJSON, page(items, strconv.Itoa(req.Offset), strconv.Itoa(req.Limit), func(its []json.RawMessage) any {
					return map[string]any{"total": len(items), "jobPostings": its}
				})
			}
			if d, ok := details[strings.TrimPrefix(p, api)]; ok {
				return 200, ctJSON, d
			}
			return 404, ctJSON, notFound
		}
	case "personio":
		src.URL = "https://corpus.jobs.personio.de"
		h.answer = func(r *http.Request, _ []byte) (int, string, []byte) {
			if r.URL.Path == "/xml" {
				return 200, "application/xml; charset=utf-8", doc
			}
			return 404, "text/plain", []byte("not found")
		}
	case "jsonld", "html":
		src.URL = "https://" + l.Slug + ".corpus.example/"
		if u, err := url.Parse(l.Provenance.URL); err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" {
			src.URL = u.String()
		}
		if l.Format == "html" {
			src.Settings = &htmlsel.Config{Selectors: l.Raw.Selectors.config()}
			h.detail = nil // every page is the document: any link can be detailed
		}
		ctype := "text/html"
		if !bytes.Contains(bytes.ToLower(doc[:min(len(doc), 1024)]), []byte("charset")) {
			ctype = "text/html; charset=utf-8"
		}
		h.answer = func(*http.Request, []byte) (int, string, []byte) { return 200, ctype, doc }
		if l.Format == "html" && l.Raw.Selectors.Item == "" {
			// a posting's own page: the listing that links to it is the
			// harness's, one item from the label's title and raw.locations;
			// the adapter reads the description from the document
			list := postingPageListing(l)
			src.URL = "https://" + l.Slug + ".corpus.example/jobs"
			src.Settings = &htmlsel.Config{Selectors: htmlsel.Selectors{Item: "li.job", Title: "a.title", Link: "a.title", Location: "span.location",
				Description: l.Raw.Selectors.Description}}
			h.answer = func(r *http.Request, _ []byte) (int, string, []byte) {
				if r.URL.Path == "/jobs" {
					return 200, "text/html; charset=utf-8", list
				}
				return 200, ctype, doc
			}
		}
	default:
		return nil, src, fmt.Errorf("format %q has no server", l.Format)
	}
	return h, src, nil
}

// postingPageListing is a listing page with one item per labelled posting,
// each linking to the posting page (the document) at /jobs/<id>.
func postingPageListing(l *Label) []byte {
	var b strings.Builder
	b.WriteString("<!doctype html><html><head><meta charset=\"utf-8\"></head><body><ul>\n")
	for _, p := range l.Postings {
		fmt.Fprintf(&b, "<li class=\"job\"><a class=\"title\" href=\"/jobs/%s\">%s</a>", url.PathEscape(p.ID), html.EscapeString(p.Title))
		for _, loc := range l.Raw.Locations {
			fmt.Fprintf(&b, "<span class=\"location\">%s</span>", html.EscapeString(loc))
		}
		b.WriteString("</li>\n")
	}
	b.WriteString("</ul></body></html>\n")
	return []byte(b.String())
}

// jsonItems reads the postings of a JSON document: the array under key of
// a list answer, the object under single of a one-posting answer, a bare
// array, or one posting object.
func jsonItems(doc []byte, key, single string) ([]json.RawMessage, error) {
	doc = bytes.TrimSpace(doc)
	if len(doc) > 0 && doc[0] == '[' {
		var items []json.RawMessage
		if err := json.Unmarshal(doc, &items); err != nil {
			return nil, fmt.Errorf("invalid JSON: %w", err)
		}
		return items, nil
	}
	var m map[string]json.RawMessage
	if err := json.Unmarshal(doc, &m); err != nil {
		return nil, fmt.Errorf("invalid JSON: %w", err)
	}
	if key != "" {
		if raw, ok := m[key]; ok {
			var items []json.RawMessage
			if err := json.Unmarshal(raw, &items); err != nil {
				return nil, fmt.Errorf("%q is not an array: %w", key, err)
			}
			return items, nil
		}
	}
	if single != "" {
		if raw, ok := m[single]; ok {
			return []json.RawMessage{raw}, nil
		}
	}
	return []json.RawMessage{doc}, nil
}

// page answers a paged list request: the items from offset, at most limit
// of them, wrapped by wrap (nil: a bare array).
func page(items []json.RawMessage, offset, limit string, wrap func([]json.RawMessage) any) []byte {
	o, _ := strconv.Atoi(offset)
	n, err := strconv.Atoi(limit)
	if err != nil || n <= 0 {
		n = len(items)
	}
	o = max(0, min(o, len(items)))
	its := items[o:min(len(items), o+n)]
	if its == nil {
		its = []json.RawMessage{}
	}
	var v any = its
	if wrap != nil {
		v = wrap(its)
	}
	b, _ := json.Marshal(v)
	return b
}

// workdayDoc reads a Workday document: a list answer ({"jobPostings": ...}),
// one detail answer ({"jobPostingInfo": ...}) or an array of detail answers.
// A detail becomes a list item whose externalPath is the one of its
// externalUrl, so that the adapter's Detail asks for it.
func workdayDoc(doc []byte) ([]json.RawMessage, map[string]json.RawMessage, error) {
	doc = bytes.TrimSpace(doc)
	details := map[string]json.RawMessage{}
	var m map[string]json.RawMessage
	if len(doc) > 0 && doc[0] == '{' {
		if err := json.Unmarshal(doc, &m); err != nil {
			return nil, nil, fmt.Errorf("invalid JSON: %w", err)
		}
		if raw, ok := m["jobPostings"]; ok {
			var items []json.RawMessage
			if err := json.Unmarshal(raw, &items); err != nil {
				return nil, nil, fmt.Errorf(`"jobPostings" is not an array: %w`, err)
			}
			return items, details, nil
		}
	}
	ds, err := jsonItems(doc, "", "")
	if err != nil {
		return nil, nil, err
	}
	var items []json.RawMessage
	for i, d := range ds {
		var x struct {
			Info *struct {
				Title, Location, ExternalURL, JobReqID, RemoteType, TimeType string
				ExternalPath                                                 string
			} `json:"jobPostingInfo"`
		}
		if err := json.Unmarshal(d, &x); err != nil || x.Info == nil {
			return nil, nil, fmt.Errorf("detail %d: no jobPostingInfo", i+1)
		}
		path := x.Info.ExternalPath
		if path == "" {
			if k := strings.Index(x.Info.ExternalURL, "/job/"); k >= 0 {
				path = x.Info.ExternalURL[k:]
			}
		}
		if path == "" && x.Info.JobReqID != "" {
			path = "/job/" + x.Info.JobReqID
		}
		if path == "" {
			return nil, nil, errors.New("a jobPostingInfo has neither externalUrl nor jobReqId")
		}
		details[path] = d
		it, _ := json.Marshal(map[string]any{"title": x.Info.Title, "externalPath": path, "locationsText": x.Info.Location,
			"remoteType": x.Info.RemoteType, "timeType": x.Info.TimeType})
		items = append(items, it)
	}
	return items, details, nil
}

// workdayID is the adapter's posting id of an externalPath.
func workdayID(path string) string {
	path = strings.TrimRight(path, "/")
	seg := path[strings.LastIndex(path, "/")+1:]
	if i := strings.LastIndex(seg, "_"); i >= 0 && i < len(seg)-1 {
		return seg[i+1:]
	}
	return seg
}
