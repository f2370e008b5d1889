// Package fake is a Workday CXS API for tests: the paged POST listing (at
// most 20 a page, total capped like the real one, optionally sent on the
// first page only, optionally looping back to the first page past the cap),
// the detail endpoint, request counting and injectable failures. It serves
// on httptest.
package fake

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
)

// Job is one posting the fake server lists.
type Job struct {
	Title         string
	Path          string // externalPath, /job/{location}/{slug}_{req}
	LocationsText string
	PostedOn      string
	Bullets       []string

	// detail only
	Description         string
	Location            string
	AdditionalLocations []string
	ReqID               string
	StartDate           string
	TimeType            string
	RemoteType          string
}

// Server is the fake API for one tenant and site.
type Server struct {
	*httptest.Server
	Tenant, Site string

	mu sync.Mutex
	// TotalFirstPageOnly makes pages after the first say total 0.
	totalFirstOnly bool
	// capAt is the largest total reported; past it the listing loops back
	// to the first page (0: no cap).
	capAt      int
	jobs       []Job
	list       int
	detail     int
	offsets    []int
	bodies     []map[string]any
	failList   func(offset int) (int, string)
	failDetail func(path string) (int, string)
}

// New starts a fake server; it stops when the test ends.
func New(t interface{ Cleanup(func()) }, tenant, site string, jobs []Job) *Server {
	s := &Server{Tenant: tenant, Site: site, jobs: slices.Clone(jobs)}
	s.Server = httptest.NewServer(http.HandlerFunc(s.serve))
	t.Cleanup(s.Close)
	return s
}

// SetJobs replaces the listing.
func (s *Server) SetJobs(jobs []Job) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.jobs = slices.Clone(jobs)
}

// TotalFirstPageOnly makes later pages report total 0, as some tenants do.
func (s *Server) TotalFirstPageOnly() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.totalFirstOnly = true
}

// Cap reports at most n as total and answers offsets at or past n with the
// first page again.
func (s *Server) Cap(n int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.capAt = n
}

// FailList makes list requests answer what f returns (status 0: normally).
func (s *Server) FailList(f func(offset int) (status int, body string)) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.failList = f
}

// FailDetail makes detail requests answer what f returns (status 0: normally).
func (s *Server) FailDetail(f func(path string) (status int, body string)) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.failDetail = f
}

// Count returns the list and detail requests served so far.
func (s *Server) Count() (list, detail int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.list, s.detail
}

// Offsets returns the offsets of the list requests, in order.
func (s *Server) Offsets() []int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.offsets)
}

// Bodies returns the decoded bodies of the list requests, in order.
func (s *Server) Bodies() []map[string]any {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.bodies)
}

func (s *Server) prefix() string { return "/wday/cxs/" + s.Tenant + "/" + s.Site }

func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	switch {
	case r.URL.Path == "/robots.txt":
		fmt.Fprint(w, "User-agent: *\nDisallow: /wday/authgwy/\n")
	case r.URL.Path == s.prefix()+"/jobs":
		s.serveList(w, r)
	case strings.HasPrefix(r.URL.Path, s.prefix()+"/job/") && r.Method == http.MethodGet:
		s.serveDetail(w, strings.TrimPrefix(r.URL.Path, s.prefix()))
	default:
		http.Error(w, `{"errorCode":"HTTP_404"}`, http.StatusNotFound)
	}
}

func (s *Server) serveList(w http.ResponseWriter, r *http.Request) {
	s.list++
	var req struct {
		Limit  int `json:"limit"`
		Offset int `json:"offset"`
	}
	b, _ := io.ReadAll(r.Body)
	var m map[string]any
	_ = json.Unmarshal(b, &m)
	s.bodies = append(s.bodies, m)
	if r.Method != http.MethodPost || r.Header.Get("Content-Type") != "application/json" || json.Unmarshal(b, &req) != nil {
		http.Error(w, `{"errorCode":"HTTP_400"}`, http.StatusBadRequest)
		return
	}
	if req.Limit > 20 || req.Limit < 1 {
		http.Error(w, `{"errorCode":"HTTP_400","message":"limit"}`, http.StatusBadRequest)
		return
	}
	s.offsets = append(s.offsets, req.Offset)
	if s.failList != nil {
		if st, body := s.failList(req.Offset); st != 0 {
			w.WriteHeader(st)
			fmt.Fprint(w, body)
			return
		}
	}
	offset := req.Offset
	total := len(s.jobs)
	if s.capAt > 0 && total > s.capAt {
		total = s.capAt
	}
	if s.capAt > 0 && offset >= s.capAt {
		offset = 0
	}
	type item struct {
		Title         string   `json:"title"`
		ExternalPath  string   `json:"externalPath"`
		LocationsText string   `json:"locationsText"`
		PostedOn      string   `json:"postedOn"`
		BulletFields  []string `json:"bulletFields"`
	}
	items := []item{}
	for i := offset; i < offset+req.Limit && i < len(s.jobs); i++ {
		j := s.jobs[i]
		items = append(items, item{j.Title, j.Path, j.LocationsText, j.PostedOn, j.Bullets})
	}
	if s.totalFirstOnly && req.Offset > 0 {
		total = 0
	}
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(map[string]any{"total": total, "jobPostings": items, "facets": []any{}, "userAuthenticated": false})
}

func (s *Server) serveDetail(w http.ResponseWriter, path string) {
	s.detail++
	if s.failDetail != nil {
		if st, body := s.failDetail(path); st != 0 {
			w.WriteHeader(st)
			fmt.Fprint(w, body)
			return
		}
	}
	for _, j := range s.jobs {
		if j.Path != path {
			continue
		}
		info := map[string]any{
			"title": j.Title, "jobDescription": j.Description, "location": j.Location,
			"postedOn": j.PostedOn, "startDate": j.StartDate, "timeType": j.TimeType, "jobReqId": j.ReqID,
			"externalUrl": s.URL + "/" + s.Site + j.Path, "canApply": true, "posted": true,
		}
		if len(j.AdditionalLocations) > 0 {
			info["additionalLocations"] = j.AdditionalLocations
		}
		if j.RemoteType != "" {
			info["remoteType"] = j.RemoteType
		}
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(map[string]any{"jobPostingInfo": info, "hiringOrganization": map[string]any{"name": "Acme"}, "userAuthenticated": false})
		return
	}
	http.Error(w, `{"errorCode":"HTTP_404"}`, http.StatusNotFound)
}
