package retry

import (
	"context"
	"errors"
	"net/http"
	"testing"
	"time"
)

func TestClassify(t *testing.T) {
	for status, want := range map[int]Class{200: OK, 204: OK, 304: OK, 408: Retry, 429: Retry, 500: Retry, 503: Retry,
		400: Permanent, 401: Permanent, 403: Permanent, 404: Permanent, 410: Permanent, 301: Permanent} {
		if got := Classify(status); got != want {
			t.Errorf("Classify(%d) = %v, want %v", status, got, want)
		}
	}
}

func TestBackoffIsCappedAndJittered(t *testing.T) {
	p := Policy{Attempts: 10, Base: 100 * time.Millisecond, Max: time.Second}
	for attempt := 1; attempt <= 10; attempt++ {
		full := min(p.Base<<(attempt-1), p.Max)
		for range 50 {
			d := p.Backoff(attempt)
			if d < full/2 || d > full {
				t.Fatalf("attempt %d: backoff %v outside [%v, %v]", attempt, d, full/2, full)
			}
		}
	}
}

func TestRetryAfter(t *testing.T) {
	now := time.Date(2026, 11, 25, 20, 0, 0, 0, time.UTC)
	h := http.Header{}
	if _, ok := RetryAfter(h, now); ok {
		t.Fatal("empty header")
	}
	h.Set("Retry-After", "7")
	if d, ok := RetryAfter(h, now); !ok || d != 7*time.Second {
		t.Fatalf("seconds: %v %v", d, ok)
	}
	h.Set("Retry-After", now.Add(90*time.Second).Format(http.TimeFormat))
	if d, ok := RetryAfter(h, now); !ok || d != 90*time.Second {
		t.Fatalf("date: %v %v", d, ok)
	}
	h.Set("Retry-After", "soon")
	if _, ok := RetryAfter(h, now); ok {
		t.Fatal("garbage accepted")
	}
}

func TestDo(t *testing.T) {
	p := Policy{Attempts: 3, Base: time.Microsecond, Max: time.Millisecond}
	calls := 0
	err := Do(context.Background(), p, func(int) error {
		calls++
		if calls < 3 {
			return Again(errors.New("transient"), 0)
		}
		return nil
	})
	if err != nil || calls != 3 {
		t.Fatalf("err %v calls %d", err, calls)
	}
	calls = 0
	perm := errors.New("permanent")
	if err := Do(context.Background(), p, func(int) error { calls++; return perm }); err != perm || calls != 1 {
		t.Fatalf("permanent: err %v calls %d", err, calls)
	}
	calls = 0
	err = Do(context.Background(), p, func(int) error { calls++; return Again(errors.New("down"), 0) })
	if err == nil || err.Error() != "down" || calls != 3 {
		t.Fatalf("exhausted: err %v calls %d", err, calls)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	err = Do(ctx, Policy{Attempts: 5, Base: time.Hour, Max: time.Hour}, func(int) error { return Again(errors.New("x"), 0) })
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled: %v", err)
	}
}
