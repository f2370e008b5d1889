// Package fake is an Eightfold careers API for tests: paged listing capped
// at 10 per page, repeated Teams filters, the detail endpoint, robots.txt,
// request counting and injectable failures. It serves on httptest.
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
}

// New starts a fake server for domain; it stops when the test ends.
func New(t interface{ Cleanup(func()) }, domain string, jobs []Job) *Server {
	s := &Server{Domain: domain, jobs: slices.Clone(jobs), robots: "User-agent: *\nDisallow: /careers/apply\n"}
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

// Count counts the requests seen so far: list and detail.
func (s *Server) Count() (list, detail int) {
	for _, r := range s.Requests() {
		if r.Path == "/api/apply/v2/jobs" {
			list++
		} else if strings.HasPrefix(r.Path, "/api/apply/v2/jobs/") {
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
