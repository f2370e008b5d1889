package serve

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/careers-watcher/careers-watcher/internal/model"
	"github.com/careers-watcher/careers-watcher/internal/snapshot"
)

// A posting's history walk ends with its request: a client that went away
// (its context done) stops the walk and the first read of the source's file
// names, which stay unread (the next request reads them), and the server
// logs no failure for it. A live request then reads the whole history.
func TestHistoryWalkEndsWithTheRequest(t *testing.T) {
	f := writeFolder(t, nil)
	st := &snapshot.Store{Dir: f.Dir}
	at := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	for i := range 5 {
		p := model.Posting{ID: "42", Title: fmt.Sprintf("Analyst %d", i), Role: "Data Analyst"}
		commitPaths(t, f, "acme: 1 changed", at.Add(time.Duration(i)*time.Hour), writePostings(t, st, p)...)
	}
	gone, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := f.Detail(gone, "acme", "42"); !errors.Is(err, context.Canceled) {
		t.Fatalf("Detail with a request that went away: %v, want context.Canceled", err)
	}
	if f.names == nil {
		t.Fatal("the folder keeps no names cache: nothing to check")
	}
	f.names.mu.Lock()
	_, read := f.names.names["acme"]
	f.names.mu.Unlock()
	if read {
		t.Fatal("a walk stopped half way was kept as the source's file names")
	}

	var logs bytes.Buffer
	s := New(f, "", nil)
	s.Logger = slog.New(slog.NewTextHandler(&logs, nil))
	req := httptest.NewRequestWithContext(gone, http.MethodGet, "/api/v1/sources/acme/postings/42", nil)
	s.Handler().ServeHTTP(httptest.NewRecorder(), req)
	if logs.Len() != 0 {
		t.Fatalf("a request that went away is logged as a failure:\n%s", logs.String())
	}

	d, err := f.Detail(context.Background(), "acme", "42")
	if err != nil || len(d.History) != 5 || d.History[4].Type != "posting.added" {
		t.Fatalf("live request: %v, %d events", err, len(d.History))
	}
}
