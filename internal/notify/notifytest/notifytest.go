// Package notifytest holds what the channel tests share: a receiver that
// records requests and answers from a script, the retry-status table every
// HTTP channel follows, an assertion that a text leaks no secret, and a
// log sink that a run's goroutines write while the test reads it.
package notifytest

import (
	"bytes"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/careers-watcher/careers-watcher/internal/model"
	"github.com/careers-watcher/careers-watcher/internal/notify"
	"github.com/careers-watcher/careers-watcher/internal/retry"
)

// Fast is a policy of four tries within milliseconds.
var Fast = retry.Policy{Attempts: 4, Base: time.Millisecond, Max: 5 * time.Millisecond}

// Quiet is a logger that writes nothing.
func Quiet() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }

// Buffer is a log sink safe for concurrent writers (a run's goroutines, a
// worker in the background) that the test reads at any time.
type Buffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *Buffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

// String is what was written so far.
func (s *Buffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// Added is the posting.added event of posting p<i> of source netflix (L5,
// Los Gatos US, USD 100,000-720,000 a year) titled title.
func Added(i int, title string) notify.Event {
	id := fmt.Sprintf("p%03d", i)
	return notify.Event{
		ID: notify.EventID(notify.PostingAdded, "netflix", id), Type: notify.PostingAdded,
		Data: notify.Data{Source: "netflix", Posting: &model.Posting{
			ID: id, Title: title, URL: "https://explore.jobs.netflix.net/careers/job/" + id,
			Levels:    []string{"L5"},
			Locations: []model.Location{{City: "Los Gatos", Country: "US"}},
			Salary:    []model.Salary{{Min: 100000, Max: 720000, Currency: "USD", Period: "year"}},
		}},
	}
}

// Answer is what the Recorder answers one request with.
type Answer struct {
	Status int               // 0: 200
	Header map[string]string // extra response headers
	Body   string
}

// Script is one answer per status, each with body and the headers of the
// same index (when there are that many).
func Script(body string, statuses []int, headers []map[string]string) []Answer {
	out := make([]Answer, len(statuses))
	for i, s := range statuses {
		out[i] = Answer{Status: s, Body: body}
		if i < len(headers) {
			out[i].Header = headers[i]
		}
	}
	return out
}

// Request is one request the Recorder received.
type Request struct {
	Method string
	URL    *url.URL
	Header http.Header
	Body   []byte
	Time   time.Time
}

// Recorder is a receiver (an httptest server) that records every request
// and answers the n-th with the n-th answer of its script; the last answer
// repeats, and without a script every answer is 200 with an empty body.
type Recorder struct {
	*httptest.Server
	mu      sync.Mutex
	answers []Answer
	reqs    []Request
}

// NewRecorder starts a Recorder; it is closed when the test ends.
func NewRecorder(t testing.TB, answers ...Answer) *Recorder {
	rc := &Recorder{answers: answers}
	rc.Server = httptest.NewServer(http.HandlerFunc(rc.serve))
	t.Cleanup(rc.Close)
	return rc
}

func (rc *Recorder) serve(w http.ResponseWriter, r *http.Request) {
	b, _ := io.ReadAll(r.Body)
	rc.mu.Lock()
	n := len(rc.reqs)
	u := *r.URL
	rc.reqs = append(rc.reqs, Request{Method: r.Method, URL: &u, Header: r.Header.Clone(), Body: b, Time: time.Now()})
	var a Answer
	if len(rc.answers) > 0 {
		a = rc.answers[min(n, len(rc.answers)-1)]
	}
	rc.mu.Unlock()
	for k, v := range a.Header {
		w.Header().Set(k, v)
	}
	if a.Status == 0 {
		a.Status = http.StatusOK
	}
	w.WriteHeader(a.Status)
	io.WriteString(w, a.Body)
}

// Requests are the requests received so far, in order.
func (rc *Recorder) Requests() []Request {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	return append([]Request(nil), rc.reqs...)
}

// Bodies are the bodies of the requests received so far, in order.
func (rc *Recorder) Bodies() [][]byte {
	var out [][]byte
	for _, r := range rc.Requests() {
		out = append(out, r.Body)
	}
	return out
}

// NoSecret fails the test when text holds any of the secrets (empty ones
// are ignored); what names the text in the message.
func NoSecret(t testing.TB, what, text string, secrets ...string) {
	t.Helper()
	for _, s := range secrets {
		if s != "" && strings.Contains(text, s) {
			t.Errorf("%s leaks %q: %s", what, s, text)
		}
	}
}

// Failure is a receiver's failing answer and what a notifier must make of
// it in its one attempt: a retryable error (retry.Again, so that the
// outbox tries again later) or a permanent one (dropped at once).
type Failure struct {
	Status    int
	Retryable bool
}

// Failures is the retry-status table of the HTTP channels (retry.Classify):
// 408, 429 and 5xx are worth another try, and so is a redirect (never
// followed, and no delivery: kept in the outbox until the url is fixed);
// any other status is permanent.
var Failures = []Failure{
	{http.StatusRequestTimeout, true},
	{http.StatusTooManyRequests, true},
	{http.StatusInternalServerError, true},
	{http.StatusBadGateway, true},
	{http.StatusServiceUnavailable, true},
	{http.StatusGatewayTimeout, true},
	{http.StatusMovedPermanently, true},
	{http.StatusTemporaryRedirect, true},
	{http.StatusPermanentRedirect, true},
	{http.StatusBadRequest, false},
	{http.StatusUnauthorized, false},
	{http.StatusForbidden, false},
	{http.StatusNotFound, false},
	{http.StatusGone, false},
	{http.StatusRequestEntityTooLarge, false},
}

// Sender sends one notification to rec through a notifier that makes one
// attempt per call (retry.Policy{Attempts: 1}, as the outbox runs them),
// and returns the URL it was given (a secret) with the error.
type Sender func(t *testing.T, rec *Recorder) (secretURL string, err error)

// CheckFailures runs the Failures table against send: each failing answer
// is an error after exactly one request, retryable or permanent as the
// table says, that names the status and leaks neither the URL nor any of
// secrets.
func CheckFailures(t *testing.T, send Sender, secrets ...string) {
	t.Helper()
	for _, f := range Failures {
		t.Run(http.StatusText(f.Status), func(t *testing.T) {
			rec := NewRecorder(t, Answer{Status: f.Status, Body: "refused"})
			u, err := send(t, rec)
			if err == nil {
				t.Fatalf("status %d: no error", f.Status)
			}
			if n := len(rec.Requests()); n != 1 {
				t.Errorf("status %d: %d requests, want one attempt", f.Status, n)
			}
			if retryable, _ := retry.Retryable(err); retryable != f.Retryable {
				t.Errorf("status %d: retryable %v, want %v (%v)", f.Status, retryable, f.Retryable, err)
			}
			if !strings.Contains(err.Error(), "status "+strconv.Itoa(f.Status)) {
				t.Errorf("status %d: error %q does not name the status", f.Status, err)
			}
			NoSecret(t, "error", err.Error(), append([]string{u}, secrets...)...)
		})
	}
}

// CheckMoreNote checks a chat channel's note under a cut digest ("… and N
// more postings"): one is "1 more posting", two are "2 more postings".
func CheckMoreNote(t *testing.T, note func(n int, what, where string) string) {
	t.Helper()
	if got := note(1, "postings", "https://example.com/h"); !strings.Contains(got, "1 more posting") || strings.Contains(got, "postings") {
		t.Errorf("one: %q", got)
	}
	if got := note(2, "postings", "https://example.com/h"); !strings.Contains(got, "2 more postings") {
		t.Errorf("two: %q", got)
	}
}
