// Package fake is a SmartRecruiters Posting API for tests: the paged
// listing (limit and offset, totalFound), the posting detail with its job ad,
// request counting and injectable failures. It serves on httptest.
package fake

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// Job is one posting the fake server lists.
type Job struct {
	ID           string
	Name         string
	RefNumber    string
	ReleasedDate string
	City, Region string
	Country      string // lower-case code, as the API writes it
	FullLocation string
	Remote       bool
	Department   string
	Type         string

	// detail only
	Company, JobDescription, Qualifications, Additional string
}

// Server is the fake API for one company.
type Server struct {
	*httptest.Server
	Company string

	mu         sync.Mutex
	jobs       []Job
	list       int
	detail     int
	queries    []string
	failList   func(offset int) (int, string)
	failDetail func(id string) (int, string)
}

// New starts a fake server; it stops when the test ends.
func New(t interface{ Cleanup(func()) }, company string, jobs []Job) *Server {
	s := &Server{Company: company, jobs: slices.Clone(jobs)}
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
func (s *Server) FailList(f func(offset int) (status int, body string)) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.failList = f
}

// FailDetail makes detail requests answer what f returns (status 0: normally).
func (s *Server) FailDetail(f func(id string) (status int, body string)) {
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

// Queries returns the raw queries of the list requests, in order.
func (s *Server) Queries() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.queries)
}

func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	prefix := "/v1/companies/" + s.Company + "/postings"
	switch {
	case r.URL.Path == "/robots.txt":
		fmt.Fprint(w, "User-agent: *\nDisallow:\n")
	case r.URL.Path == prefix && r.Method == http.MethodGet:
		s.serveList(w, r)
	case strings.HasPrefix(r.URL.Path, prefix+"/") && r.Method == http.MethodGet:
		s.serveDetail(w, strings.TrimPrefix(r.URL.Path, prefix+"/"))
	default:
		w.WriteHeader(http.StatusNotFound)
		fmt.Fprint(w, `{"message":"Not found"}`)
	}
}

func (s *Server) summary(j Job) map[string]any {
	return map[string]any{
		"id": j.ID, "name": j.Name, "refNumber": j.RefNumber, "releasedDate": j.ReleasedDate,
		"company":  map[string]any{"identifier": s.Company, "name": s.Company},
		"location": map[string]any{"city": j.City, "region": j.Region, "country": j.Country, "remote": j.Remote, "hybrid": false, "fullLocation": j.FullLocation},
		"department": func() map[string]any {
			if j.Department == "" {
				return map[string]any{}
			}
			return map[string]any{"id": "1", "label": j.Department}
		}(),
		"typeOfEmployment": map[string]any{"id": "x", "label": j.Type},
		"experienceLevel":  map[string]any{"id": "mid_senior_level", "label": "Mid-Senior Level"},
		"ref":              s.URL + "/v1/companies/" + s.Company + "/postings/" + j.ID,
		"visibility":       "PUBLIC",
	}
}

func (s *Server) serveList(w http.ResponseWriter, r *http.Request) {
	s.list++
	s.queries = append(s.queries, r.URL.RawQuery)
	limit, err1 := strconv.Atoi(r.URL.Query().Get("limit"))
	offset, err2 := strconv.Atoi(r.URL.Query().Get("offset"))
	if err1 != nil || err2 != nil || limit < 1 || limit > 100 {
		w.WriteHeader(http.StatusBadRequest)
		return
	}
	if s.failList != nil {
		if st, body := s.failList(offset); st != 0 {
			w.WriteHeader(st)
			fmt.Fprint(w, body)
			return
		}
	}
	content := []map[string]any{}
	for i := offset; i < offset+limit && i < len(s.jobs); i++ {
		content = append(content, s.summary(s.jobs[i]))
	}
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(map[string]any{"offset": offset, "limit": limit, "totalFound": len(s.jobs), "content": content})
}

func (s *Server) serveDetail(w http.ResponseWriter, id string) {
	s.detail++
	if s.failDetail != nil {
		if st, body := s.failDetail(id); st != 0 {
			w.WriteHeader(st)
			fmt.Fprint(w, body)
			return
		}
	}
	for _, j := range s.jobs {
		if j.ID != id {
			continue
		}
		m := s.summary(j)
		sections := map[string]any{}
		add := func(key, title, text string) {
			if text != "" {
				sections[key] = map[string]any{"title": title, "text": text}
			}
		}
		add("companyDescription", "Company Description", j.Company)
		add("jobDescription", "Job Description", j.JobDescription)
		add("qualifications", "Qualifications", j.Qualifications)
		add("additionalInformation", "Additional Information", j.Additional)
		m["jobAd"] = map[string]any{"sections": sections}
		m["active"] = true
		m["postingUrl"] = "https://jobs.smartrecruiters.com/" + s.Company + "/" + j.ID + "-" + strings.ToLower(strings.ReplaceAll(j.Name, " ", "-"))
		m["applyUrl"] = m["postingUrl"].(string) + "?oga=true"
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(m)
		return
	}
	w.WriteHeader(http.StatusNotFound)
	fmt.Fprint(w, `{"message":"Posting not found"}`)
}
