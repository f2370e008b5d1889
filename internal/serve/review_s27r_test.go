package serve

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/careers-watcher/careers-watcher/internal/model"
	"github.com/careers-watcher/careers-watcher/internal/snapshot"
)

// review s27: a page of /api/v1/events walks up to 20,000 commits (2,000
// with a filter), and a cursor that names no event of the history (any
// "evt_..." or "junk.evt_..." text) is sought from the HEAD through that
// whole bound before its 400. The walk takes one of only two places
// (maxWalks), and it does not look at the request's context: a client
// that sends such requests and hangs up at once keeps the server's
// history reads busy (503 for every other client) for the whole walk.
// The posting history (historyFrom) stops on its context; the events
// walk should too.
func TestReview27_EventsWalkStopsWhenTheClientGoes(t *testing.T) {
	f := writeFolder(t, nil)
	st := &snapshot.Store{Dir: f.Dir}
	when := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	for c := range 5 {
		commitPaths(t, f, "acme: 1 added", when.Add(time.Duration(c)*time.Hour),
			writePostings(t, st, model.Posting{ID: fmt.Sprint(c), Title: fmt.Sprintf("Job %d", c), Role: "Software Engineer"})...)
	}
	h := New(f, "", nil).Handler()
	ctx, cancel := context.WithCancel(context.Background())
	cancel() // the client has gone before the walk starts
	for _, before := range []string{"evt_nosuchevent", "junk.evt_nosuchevent"} {
		req := httptest.NewRequest(http.MethodGet, "/api/v1/events?before="+before, nil).WithContext(ctx)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		body, _ := io.ReadAll(rec.Result().Body)
		if strings.Contains(string(body), "no such event") {
			t.Errorf("before=%s: the history was walked for a client that had gone: %d %s", before, rec.Code, body)
		}
	}
}
