package serve

import (
	_ "embed"
	"errors"
	"net/http"
	"time"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

//go:embed openapi.json
var openapiDoc []byte

// OpenAPI is the OpenAPI 3 document of the JSON API.
func OpenAPI() []byte { return openapiDoc }

func (s *Server) openapi(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	_, _ = w.Write(openapiDoc)
}

// SourceList is the answer of /api/v1/sources.
type SourceList struct {
	Sources []Status `json:"sources"`
}

func (s *Server) apiSources(w http.ResponseWriter, r *http.Request) {
	sts, err := s.Data.Statuses()
	if err != nil {
		s.internal(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, SourceList{Sources: sts})
}

// PostingList is the answer of /api/v1/sources/{name}/postings: a page of
// open postings, without their descriptions (the posting's own answer has
// it).
type PostingList struct {
	Source string `json:"source"`
	Page
}

func (s *Server) apiPostings(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("name")
	if _, ok := s.Data.Source(name); !ok {
		s.apiError(w, http.StatusNotFound, "no such source")
		return
	}
	q, err := QueryFromValues(r.URL.Query())
	if err != nil {
		s.apiError(w, http.StatusBadRequest, err.Error())
		return
	}
	ps, err := s.postings(name)
	if err != nil {
		s.internal(w, r, err)
		return
	}
	page, err := q.Select(ps)
	if err != nil {
		s.apiError(w, http.StatusBadRequest, err.Error())
		return
	}
	if q.Page > page.Pages {
		// past the last page: none, not the last page again (a client
		// paging until an empty page stops; review s23 F6)
		page.Postings, page.Page = nil, q.Page
	}
	if page.Postings == nil {
		page.Postings = []model.Posting{}
	}
	writeJSON(w, http.StatusOK, PostingList{Source: name, Page: page})
}

func (s *Server) apiPosting(w http.ResponseWriter, r *http.Request) {
	name, id := r.PathValue("name"), r.PathValue("id")
	if id == "" {
		// /api/v1/sources/{name}/postings/?id=..: a posting whose key is a
		// dot segment, which a client's URL parser would resolve away
		if id = r.URL.Query().Get("id"); id == "" {
			s.apiError(w, http.StatusNotFound, "no such posting, open or in the history")
			return
		}
	}
	if _, ok := s.Data.Source(name); !ok {
		s.apiError(w, http.StatusNotFound, "no such source")
		return
	}
	d, err := s.Data.Detail(r.Context(), name, id)
	if err != nil {
		s.internal(w, r, err)
		return
	}
	if d.Posting == nil {
		s.apiError(w, http.StatusNotFound, "no such posting, open or in the history")
		return
	}
	writeJSON(w, http.StatusOK, d)
}

// EventList is the answer of /api/v1/events.
type EventList struct {
	Events []Event `json:"events"`
	// Next is the cursor of the next (older) page: the before parameter
	// that reads on after this page's last event; empty on the last page.
	Next string `json:"next,omitempty"`
}

// eventQuery reads since (RFC 3339 or YYYY-MM-DD), source and limit.
func (s *Server) eventQuery(r *http.Request) (EventQuery, string) {
	v := r.URL.Query()
	q := EventQuery{Source: r.PathValue("name"), Limit: 100}
	if q.Source == "" {
		q.Source = v.Get("source")
	}
	if q.Source != "" {
		if _, ok := s.Data.Source(q.Source); !ok {
			return q, "no such source"
		}
	}
	if since := v.Get("since"); since != "" {
		t, err := time.Parse(time.RFC3339, since)
		if err != nil {
			if t, err = time.Parse(time.DateOnly, since); err != nil {
				return q, "since: use RFC 3339 (2026-11-25T20:00:00Z) or a date (2026-11-25)"
			}
		}
		q.Since = t
	}
	if l := v.Get("limit"); l != "" {
		n := 0
		for _, c := range l {
			if c < '0' || c > '9' || n > 1000 {
				return q, "limit: a number from 1 to 1000"
			}
			n = n*10 + int(c-'0')
		}
		if n < 1 || n > 1000 {
			return q, "limit: a number from 1 to 1000"
		}
		q.Limit = n
	}
	q.Before = v.Get("before")
	q.Ctx = r.Context()
	return q, ""
}

func (s *Server) apiEvents(w http.ResponseWriter, r *http.Request) {
	q, bad := s.eventQuery(r)
	if bad != "" {
		code := http.StatusBadRequest
		if bad == "no such source" {
			code = http.StatusNotFound
		}
		s.apiError(w, code, bad)
		return
	}
	var list EventList
	var err error
	if p, ok := s.Data.(pager); ok {
		var page EventPage
		page, err = p.EventsPage(q)
		list = EventList{Events: page.Events, Next: page.Next}
	} else {
		// one event more than the page says whether a next page exists
		limit := q.Limit
		q.Limit++
		var evs []Event
		evs, err = s.Data.Events(q)
		list = EventList{Events: evs}
		if len(evs) > limit {
			list.Events = evs[:limit]
			list.Next = evs[limit-1].ID
		}
	}
	if msg, ok := cursorError(err); ok {
		s.apiError(w, http.StatusBadRequest, msg)
		return
	}
	if err != nil {
		s.internal(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, list)
}

// cursorError is the 400 message for an events read refused for its
// before parameter (ErrBadCursor, ErrNoCursor); ok is false for any other
// error. The API, the events page and the feeds answer alike.
func cursorError(err error) (msg string, ok bool) {
	switch {
	case errors.Is(err, ErrBadCursor):
		return "before: not a cursor of this API; give a page's next (COMMIT.EVENT, COMMIT or EVENT) or start again without before", true
	case errors.Is(err, ErrNoCursor):
		return "before: no such event in the history read; start again without before (and with since)", true
	}
	return "", false
}
