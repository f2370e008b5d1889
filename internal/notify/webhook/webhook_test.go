package webhook

import (
	"bytes"
	"context"
	"crypto/hmac"
	"errors"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/careers-watcher/careers-watcher/internal/model"
	"github.com/careers-watcher/careers-watcher/internal/notify"
	"github.com/careers-watcher/careers-watcher/internal/notify/notifytest"
	"github.com/careers-watcher/careers-watcher/internal/retry"
)

const testSecret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"

func TestSignVector(t *testing.T) {
	got, err := Sign(testSecret, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, []byte(`{"test": 2432232314}`))
	if err != nil {
		t.Fatal(err)
	}
	if want := "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="; got != want {
		t.Fatalf("Sign = %q, want %q", got, want)
	}
}

func TestBadSecret(t *testing.T) {
	for _, s := range []string{"MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "whsec_not base64!", "whsec_"} {
		_, err := New(Options{Name: "hooks", URL: "https://example.com/x", Secret: s})
		if err == nil {
			t.Errorf("secret %q: no error", s)
			continue
		}
		if !strings.Contains(err.Error(), `"hooks"`) || strings.Contains(err.Error(), s) && s != "whsec_" {
			t.Errorf("secret %q: error %q should name the notifier and not the secret", s, err)
		}
		if _, err := Sign(s, "id", 1, nil); err == nil {
			t.Errorf("Sign with %q: no error", s)
		}
	}
}

func TestNewRejects(t *testing.T) {
	for _, o := range []Options{
		{URL: "https://example.com"},
		{Name: "hooks", URL: "example.com/hook"},
		{Name: "hooks", URL: "ftp://example.com/hook"},
		{Name: "hooks", URL: "https://example.com", Headers: map[string]string{"Bad Name": "x"}},
		{Name: "hooks", URL: "https://example.com", Headers: map[string]string{"X-A": "a\r\nX-B: b"}},
	} {
		if _, err := New(o); err == nil {
			t.Errorf("New(%+v): no error", o)
		}
	}
}

func testEvent() notify.Event {
	years := 5
	return notify.Event{
		ID:        notify.EventID(notify.PostingAdded, "netflix", "790311790854", "", "abc"),
		Type:      notify.PostingAdded,
		Timestamp: time.Date(2026, 11, 25, 20, 0, 0, 0, time.UTC),
		Data: notify.Data{
			Source: "netflix",
			Posting: &model.Posting{
				ID: "790311790854", Source: "netflix", Company: "Netflix",
				Title:              "Software Engineer <L5> & friends",
				Levels:             []string{"L5"},
				Salary:             []model.Salary{{Min: 100000, Max: 720000, Currency: "USD", Period: "year"}},
				MinYearsExperience: &years,
			},
		},
	}
}

func TestNotify(t *testing.T) {
	fixed := time.Unix(1764100000, 0)
	tests := []struct {
		name     string
		secret   string
		headers  map[string]string
		statuses []int
		respHdr  []map[string]string
		wantErr  string // "" = delivered
		wantReqs int
	}{
		{name: "signed", secret: testSecret, statuses: []int{200}, wantReqs: 1},
		{name: "unsigned", statuses: []int{204}, wantReqs: 1},
		{name: "extra headers", secret: testSecret, headers: map[string]string{"Authorization": "Bearer t0k", "X-Team": "data"}, statuses: []int{202}, wantReqs: 1},
		{name: "500 then 200", secret: testSecret, statuses: []int{500, 503, 200}, wantReqs: 3},
		{name: "429 retry-after 0", statuses: []int{429, 200}, respHdr: []map[string]string{{"Retry-After": "0"}}, wantReqs: 2},
		{name: "429 retry-after 1 capped", statuses: []int{429, 200}, respHdr: []map[string]string{{"Retry-After": "1"}}, wantReqs: 2},
		{name: "410 permanent", secret: testSecret, statuses: []int{410}, wantErr: `webhook "hooks": status 410`, wantReqs: 1},
		{name: "redirect not followed, retried", statuses: []int{302}, wantErr: `webhook "hooks": status 302: redirect (no location) not followed: fix the notifier url`, wantReqs: 4},
		{name: "always 500", statuses: []int{500}, wantErr: `webhook "hooks": status 500`, wantReqs: 4},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rc := notifytest.NewRecorder(t, notifytest.Script("ok", tt.statuses, tt.respHdr)...)
			hookURL := rc.URL + "/hooks/T0KEN-in-path?token=s3cr3t"
			w, err := New(Options{
				Name: "hooks", URL: hookURL, Secret: tt.secret, Headers: tt.headers,
				Client: rc.Client(), Retry: notifytest.Fast, UserAgent: "cw-test/1",
				Now: func() time.Time { return fixed }, Logger: notifytest.Quiet(),
			})
			if err != nil {
				t.Fatal(err)
			}
			if w.Name() != "hooks" {
				t.Errorf("Name = %q", w.Name())
			}
			e := testEvent()
			start := time.Now()
			err = w.Notify(context.Background(), e)
			if elapsed := time.Since(start); elapsed > 2*time.Second {
				t.Errorf("took %v: Retry-After should be capped by the policy", elapsed)
			}
			if tt.wantErr == "" && err != nil {
				t.Fatalf("Notify: %v", err)
			}
			if tt.wantErr != "" {
				if err == nil || err.Error() != tt.wantErr {
					t.Fatalf("Notify error = %v, want %q", err, tt.wantErr)
				}
				notifytest.NoSecret(t, "error", err.Error(), rc.URL, "T0KEN", "s3cr3t", testSecret, "MfKQ9r8")
			}
			reqs := rc.Requests()
			if len(reqs) != tt.wantReqs {
				t.Fatalf("got %d requests, want %d", len(reqs), tt.wantReqs)
			}
			body, _ := notify.Body(e)
			for i, r := range reqs {
				if r.Method != http.MethodPost {
					t.Errorf("req %d: method %s", i, r.Method)
				}
				if !bytes.Equal(r.Body, body) {
					t.Errorf("req %d: body\n%s\nwant\n%s", i, r.Body, body)
				}
				h := r.Header
				if got := h.Get("Content-Type"); got != "application/json" {
					t.Errorf("Content-Type = %q", got)
				}
				if got := h.Get("User-Agent"); got != "cw-test/1" {
					t.Errorf("User-Agent = %q", got)
				}
				if got := h.Get("webhook-id"); got != e.ID {
					t.Errorf("webhook-id = %q, want %q", got, e.ID)
				}
				if got := h.Get("webhook-timestamp"); got != strconv.FormatInt(fixed.Unix(), 10) {
					t.Errorf("webhook-timestamp = %q", got)
				}
				sig := h.Get("webhook-signature")
				if tt.secret == "" {
					if sig != "" {
						t.Errorf("unsigned hook sent webhook-signature %q", sig)
					}
				} else {
					want, _ := Sign(tt.secret, h.Get("webhook-id"), fixed.Unix(), r.Body)
					if !hmac.Equal([]byte(sig), []byte(want)) {
						t.Errorf("webhook-signature = %q, want %q", sig, want)
					}
				}
				for k, v := range tt.headers {
					if got := h.Get(k); got != v {
						t.Errorf("header %s = %q, want %q", k, got, v)
					}
				}
			}
		})
	}
}

// One attempt per call, as the outbox runs notifiers: every failing status
// is retryable or permanent as notifytest.Failures says.
func TestFailuresOneAttempt(t *testing.T) {
	notifytest.CheckFailures(t, func(t *testing.T, rc *notifytest.Recorder) (string, error) {
		u := rc.URL + "/hooks/T0KEN-in-path?token=s3cr3t"
		w, err := New(Options{Name: "hooks", URL: u, Secret: testSecret, Client: rc.Client(), Retry: retry.Policy{Attempts: 1}, Logger: notifytest.Quiet()})
		if err != nil {
			t.Fatal(err)
		}
		return u, w.Notify(context.Background(), testEvent())
	}, "T0KEN", "s3cr3t", testSecret)
}

func TestBodyNotEscaped(t *testing.T) {
	b, err := notify.Body(testEvent())
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(b, []byte(`"Software Engineer <L5> & friends"`)) || bytes.HasSuffix(b, []byte("\n")) {
		t.Errorf("body %s", b)
	}
}

func TestRetryAfterHonoured(t *testing.T) {
	// The server asks for 1s; the policy caps single waits at 50ms and its
	// backoff is far below that, so the wait seen is the capped Retry-After.
	srv := notifytest.NewRecorder(t, notifytest.Script("ok", []int{429, 200}, []map[string]string{{"Retry-After": "1"}})...)
	p := retry.Policy{Attempts: 2, Base: time.Nanosecond, Max: 50 * time.Millisecond}
	w, err := New(Options{Name: "hooks", URL: srv.URL, Client: srv.Client(), Retry: p, Logger: notifytest.Quiet()})
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	if err := w.Notify(context.Background(), testEvent()); err != nil {
		t.Fatal(err)
	}
	if d := time.Since(start); d < 50*time.Millisecond {
		t.Errorf("second attempt after %v: Retry-After (capped at 50ms) not honoured", d)
	}
}

func TestNetworkErrorNoURL(t *testing.T) {
	srv := httptest.NewServer(http.NotFoundHandler())
	hookURL := srv.URL + "/hook/S3CRETPATH?token=abc123"
	srv.Close() // nothing listens any more
	w, err := New(Options{Name: "hooks", URL: hookURL, Secret: testSecret, Retry: retry.Policy{Attempts: 2, Base: time.Millisecond, Max: time.Millisecond}, Logger: notifytest.Quiet()})
	if err != nil {
		t.Fatal(err)
	}
	err = w.Notify(context.Background(), testEvent())
	if err == nil {
		t.Fatal("no error")
	}
	if !strings.HasPrefix(err.Error(), `webhook "hooks": `) {
		t.Errorf("error %q does not name the notifier", err)
	}
	notifytest.NoSecret(t, "error", err.Error(), hookURL, "S3CRETPATH", "abc123", "MfKQ9r8")
}

func TestContextCancelled(t *testing.T) {
	rc := notifytest.NewRecorder(t, notifytest.Answer{Status: 503, Body: "ok"})
	w, err := New(Options{Name: "hooks", URL: rc.URL, Client: rc.Client(), Retry: retry.Policy{Attempts: 100, Base: time.Hour, Max: time.Hour}, Logger: notifytest.Quiet()})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- w.Notify(ctx, testEvent()) }()
	// Wait until the first attempt was answered, then cancel the wait.
	for len(rc.Requests()) == 0 {
		time.Sleep(time.Millisecond)
	}
	cancel()
	select {
	case err := <-done:
		if !errors.Is(err, context.Canceled) {
			t.Errorf("err = %v, want context.Canceled", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Notify did not stop when the context ended")
	}
}
