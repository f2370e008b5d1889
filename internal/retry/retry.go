// Package retry is the one place of the retry policy: which HTTP answers are
// worth another try, how long to wait (capped exponential backoff with
// jitter, or the server's Retry-After), and a loop bounded by attempts and by
// the context.
package retry

import (
	"context"
	"errors"
	"math/rand/v2"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// Class says what to do with an HTTP status.
type Class int

const (
	OK        Class = iota // 2xx (and 304)
	Retry                  // 429, 5xx: try again later
	Permanent              // any other status: trying again will not help
)

// Classify sorts an HTTP status code.
func Classify(status int) Class {
	switch {
	case status >= 200 && status < 300, status == http.StatusNotModified:
		return OK
	case status == http.StatusTooManyRequests, status == http.StatusRequestTimeout, status >= 500:
		return Retry
	default:
		return Permanent
	}
}

// Policy bounds the retries of one operation.
type Policy struct {
	Attempts int           // total tries, at least 1
	Base     time.Duration // first backoff
	Max      time.Duration // cap of any single wait, Retry-After included
}

// Default is the policy used when a caller sets none.
var Default = Policy{Attempts: 4, Base: 500 * time.Millisecond, Max: 30 * time.Second}

// Backoff is the wait before try number attempt+1 (attempt counts from 1):
// Base*2^(attempt-1), capped at Max, with "equal jitter" (half fixed, half
// random) so that many clients do not retry in lockstep.
func (p Policy) Backoff(attempt int) time.Duration {
	d := p.Base
	for i := 1; i < attempt && d < p.Max; i++ {
		d *= 2
	}
	if p.Max > 0 && d > p.Max {
		d = p.Max
	}
	if d <= 0 {
		return 0
	}
	half := d / 2
	return half + time.Duration(rand.Int64N(int64(half)+1))
}

// RetryAfter reads a Retry-After header (seconds or an HTTP date).
func RetryAfter(h http.Header, now time.Time) (time.Duration, bool) {
	v := strings.TrimSpace(h.Get("Retry-After"))
	if v == "" {
		return 0, false
	}
	if s, err := strconv.Atoi(v); err == nil && s >= 0 {
		return time.Duration(s) * time.Second, true
	}
	if t, err := http.ParseTime(v); err == nil {
		d := t.Sub(now)
		if d < 0 {
			d = 0
		}
		return d, true
	}
	return 0, false
}

// Error is returned by an attempt to ask for another try; After, when
// positive, is the wait the server asked for.
type Error struct {
	Err   error
	After time.Duration
}

func (e *Error) Error() string { return e.Err.Error() }
func (e *Error) Unwrap() error { return e.Err }

// Again marks err as worth another try, after the given wait (0: backoff).
func Again(err error, after time.Duration) error { return &Error{Err: err, After: after} }

// Do calls fn until it returns nil, an error not made by Again, the attempts
// run out, or ctx ends. It returns the last error; when the attempts ran out
// it is still the *Error made by Again, so that a caller (the notification
// outbox) can tell a failure worth another try later, and the wait the
// server asked for, from a permanent one.
func Do(ctx context.Context, p Policy, fn func(attempt int) error) error {
	if p.Attempts < 1 {
		p.Attempts = 1
	}
	var err error
	for attempt := 1; ; attempt++ {
		err = fn(attempt)
		var again *Error
		if err == nil || !errors.As(err, &again) {
			return err
		}
		if attempt >= p.Attempts {
			return err
		}
		wait := p.Backoff(attempt)
		if again.After > 0 {
			wait = again.After
			if p.Max > 0 && wait > p.Max {
				wait = p.Max
			}
		}
		if serr := Sleep(ctx, wait); serr != nil {
			return errors.Join(again.Err, serr)
		}
	}
}

// Sleep waits d or until ctx ends, whichever is first.
func Sleep(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// Retryable reports whether err is worth another try later (it was made by
// Again), and the wait the server asked for (0: none).
func Retryable(err error) (bool, time.Duration) {
	var again *Error
	if errors.As(err, &again) {
		return true, again.After
	}
	return false, 0
}
