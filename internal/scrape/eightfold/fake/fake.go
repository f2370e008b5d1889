// Package fake is an Eightfold careers API for tests: both listing
// interfaces (apply: /api/apply/v2/jobs and its detail; pcsx:
// /api/pcsx/search and /api/pcsx/position_details), paged listings capped
// at 10 per page, repeated Teams / filter_department filters, the refusals
// a tenant answers for the interface it does not allow, robots.txt, request
// counting and injectable failures. It serves on httptest.
package fake

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// Job is one posting the fake server lists.
type Job struct {
	ID                 int64
	Name               string
	Team               string // what the Teams filter matches (the department)
	Locations          []string
	TCreate, TUpdate   int64
	DisplayJobID       string
	WorkLocationOption string
	Description        string // HTML, served by the detail endpoint only
}

// Request is one request the server saw.
type Request struct {
	Method, Path string
	Query        map[string][]string
	UserAgent    string
}

// Server is the fake API. Change Jobs (under Lock/Unlock) between runs.
type Server struct {
	*httptest.Server
	Domain string

	mu       sync.Mutex
	jobs     []Job
	requests []Request
	// FailList, when set, answers list requests: it gets the page's start
	// and returns a status (0: answer normally) and a body.
	failList   func(start int) (int, string)
	failDetail func(id int64) (int, string)
	robots     string
	allow      string // Both, ApplyOnly or PCSXOnly
	refusal    int    // the status of the apply list's refusal (403 unless set)
}

// What a fake tenant allows (SetInterfaces).
const (
	Both      = "both"  // both interfaces answer (the default)
	ApplyOnly = "apply" // pcsx answers 403 "PCSX is not enabled for this user."
	PCSXOnly  = "pcsx"  // the apply list answers "Not authorized for PCSX"
)

// The refusal bodies, as tenants send them.
const (
	ApplyRefusal = `{"message": "Not authorized for PCSX"}`
	PCSXRefusal  = `{"message": "PCSX is not enabled for this user."}`
)

// SetInterfaces sets which listing interfaces the tenant allows.
func (s *Server) SetInterfaces(allow string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.allow = allow
}

// SetApplyRefusalStatus sets the status of the apply list's refusal on a
// PCSXOnly tenant (403 by default; some tenants answer 200).
func (s *Server) SetApplyRefusalStatus(status int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.refusal = status
}

// New starts a fake server for domain; it stops when the test ends.
func New(t interface{ Cleanup(func()) }, domain string, jobs []Job) *Server {
	s := &Server{Domain: domain, jobs: slices.Clone(jobs), robots: "User-agent: *\nDisallow: /careers/apply\n", allow: Both, refusal: http.StatusForbidden}
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

// FailList makes list requests answer what f returns (status 0: normally).
func (s *Server) FailList(f func(start int) (status int, body string)) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.failList = f
}

// FailDetail makes detail requests answer what f returns (status 0: normally).
func (s *Server) FailDetail(f func(id int64) (status int, body string)) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.failDetail = f
}

// SetRobots sets the robots.txt body.
func (s *Server) SetRobots(body string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.robots = body
}

// Requests returns the requests seen so far (robots.txt excluded).
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.requests)
}

// Count counts the requests seen so far, both interfaces together: list
// and detail.
func (s *Server) Count() (list, detail int) {
	al, ad := s.CountIn(ApplyOnly)
	pl, pd := s.CountIn(PCSXOnly)
	return al + pl, ad + pd
}

// CountIn counts one interface's requests (ApplyOnly or PCSXOnly): list and
// detail, refused ones included.
func (s *Server) CountIn(iface string) (list, detail int) {
	for _, r := range s.Requests() {
		switch {
		case iface == ApplyOnly && r.Path == "/api/apply/v2/jobs", iface == PCSXOnly && r.Path == "/api/pcsx/search":
			list++
		case iface == ApplyOnly && strings.HasPrefix(r.Path, "/api/apply/v2/jobs/"), iface == PCSXOnly && r.Path == "/api/pcsx/position_details":
			detail++
		}
	}
	return list, detail
}

func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if r.URL.Path == "/robots.txt" {
		w.Write([]byte(s.robots))
		return
	}
	s.requests = append(s.requests, Request{Method: r.Method, Path: r.URL.Path, Query: r.URL.Query(), UserAgent: r.UserAgent()})
	q := r.URL.Query()
	if r.Method != http.MethodGet || q.Get("domain") != s.Domain {
		http.Error(w, `{"error":"bad request"}`, http.StatusBadRequest)
		return
	}
	switch {
	case s.allow == PCSXOnly && strings.HasPrefix(r.URL.Path, "/api/apply/v2/jobs"):
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(s.refusal)
		w.Write([]byte(ApplyRefusal))
	case s.allow == ApplyOnly && strings.HasPrefix(r.URL.Path, "/api/pcsx/"):
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusForbidden)
		w.Write([]byte(PCSXRefusal))
	case r.URL.Path == "/api/pcsx/search":
		s.search(w, q)
	case r.URL.Path == "/api/pcsx/position_details":
		id, err := strconv.ParseInt(q.Get("position_id"), 10, 64)
		if err != nil {
			http.Error(w, `{"status": 400, "error": {"message": "bad position_id"}, "data": {}}`, http.StatusBadRequest)
			return
		}
		if s.failDetail != nil {
			if status, body := s.failDetail(id); status != 0 {
				w.WriteHeader(status)
				w.Write([]byte(body))
				return
			}
		}
		for _, j := range s.jobs {
			if j.ID == id {
				writeJSON(w, envelope(pcsxPosition(j, true)))
				return
			}
		}
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusNotFound)
		w.Write([]byte(`{"status": 404, "error": {"message": "Position not found"}, "data": {}}`))
	case r.URL.Path == "/api/apply/v2/jobs":
		s.list(w, q)
	case strings.HasPrefix(r.URL.Path, "/api/apply/v2/jobs/"):
		id, err := strconv.ParseInt(strings.TrimPrefix(r.URL.Path, "/api/apply/v2/jobs/"), 10, 64)
		if err != nil {
			http.NotFound(w, r)
			return
		}
		if s.failDetail != nil {
			if status, body := s.failDetail(id); status != 0 {
				w.WriteHeader(status)
				w.Write([]byte(body))
				return
			}
		}
		for _, j := range s.jobs {
			if j.ID == id {
				writeJSON(w, position(j, true))
				return
			}
		}
		http.Error(w, `{"error":"not found"}`, http.StatusNotFound)
	default:
		http.NotFound(w, r)
	}
}

func (s *Server) list(w http.ResponseWriter, q map[string][]string) {
	start, _ := strconv.Atoi(first(q["start"]))
	if s.failList != nil {
		if status, body := s.failList(start); status != 0 {
			w.WriteHeader(status)
			w.Write([]byte(body))
			return
		}
	}
	num, _ := strconv.Atoi(first(q["num"]))
	if num <= 0 || num > 10 {
		num = 10 // the real server caps a page at 10 whatever num says
	}
	var match []Job
	for _, j := range s.jobs {
		if len(q["Teams"]) == 0 || slices.Contains(q["Teams"], j.Team) {
			match = append(match, j)
		}
	}
	page := []map[string]any{}
	for i := start; i < len(match) && i < start+num; i++ {
		page = append(page, position(match[i], false))
	}
	writeJSON(w, map[string]any{"count": len(match), "positions": page})
}

// search answers /api/pcsx/search: ten positions from start whatever num
// says, the count on every page, filter_department as a filter on the
// department, in the envelope the real server uses.
func (s *Server) search(w http.ResponseWriter, q map[string][]string) {
	start, _ := strconv.Atoi(first(q["start"]))
	if s.failList != nil {
		if status, body := s.failList(start); status != 0 {
			w.WriteHeader(status)
			w.Write([]byte(body))
			return
		}
	}
	var match []Job
	for _, j := range s.jobs {
		if len(q["filter_department"]) == 0 || slices.Contains(q["filter_department"], j.Team) {
			match = append(match, j)
		}
	}
	page := []map[string]any{}
	for i := start; i < len(match) && i < start+10; i++ {
		page = append(page, pcsxPosition(match[i], false))
	}
	applied := map[string]any{}
	if d := q["filter_department"]; len(d) > 0 {
		applied["department"] = d
	}
	e := envelope(map[string]any{"positions": page, "count": len(match), "appliedFilters": applied, "sortBy": "relevance"})
	writeJSON(w, e)
}

// envelope is the pcsx answer around data.
func envelope(data any) map[string]any {
	return map[string]any{"status": 200, "error": map[string]any{"message": "", "body": ""}, "data": data}
}

// pcsxPosition is j as the pcsx search lists it, or (detail) as
// position_details answers it. The fields are those of the real answers
// (see ../testdata/README.md); postedTs is the apply interface's t_update
// and creationTs its t_create.
func pcsxPosition(j Job, detail bool) map[string]any {
	p := map[string]any{
		"id": j.ID, "displayJobId": j.DisplayJobID, "name": j.Name, "locations": j.Locations,
		"standardizedLocations": j.Locations, "postedTs": j.TUpdate, "solrScore": nil, "stars": 0,
		"department": j.Team, "creationTs": j.TCreate, "isHot": 0, "workLocationOption": j.WorkLocationOption,
		"locationFlexibility": nil, "atsJobId": j.DisplayJobID,
		"positionUrl": "/careers/job/" + strconv.FormatInt(j.ID, 10),
	}
	if detail {
		loc := ""
		if len(j.Locations) > 0 {
			loc = j.Locations[0]
		}
		p["location"] = loc
		p["publicUrl"] = "https://explore.jobs.netflix.net/careers/job/" + strconv.FormatInt(j.ID, 10)
		p["jobDescription"] = j.Description
	}
	return p
}

func position(j Job, detail bool) map[string]any {
	loc := ""
	if len(j.Locations) > 0 {
		loc = j.Locations[0]
	}
	desc := ""
	if detail {
		desc = j.Description
	}
	return map[string]any{
		"id": j.ID, "name": j.Name, "location": loc, "locations": j.Locations,
		"department": j.Team, "business_unit": "Netflix", "t_create": j.TCreate, "t_update": j.TUpdate,
		"ats_job_id": j.DisplayJobID, "display_job_id": j.DisplayJobID,
		"work_location_option": j.WorkLocationOption,
		"canonicalPositionUrl": "https://explore.jobs.netflix.net/careers/job/" + strconv.FormatInt(j.ID, 10),
		"job_description":      desc,
	}
}

func first(v []string) string {
	if len(v) == 0 {
		return ""
	}
	return v[0]
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(v)
}
