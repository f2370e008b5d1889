// Package notify turns changes into events and delivers them: the Notifier
// plug-in point (one implementation per channel, each in its own package),
// routing of events to notifiers, and a durable outbox that keeps every
// event until each matching notifier has taken it (at-least-once delivery;
// a re-delivery carries the same event id).
package notify

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/base32"
	"encoding/binary"
	"encoding/json"
	"strings"
	"time"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// Event types.
const (
	PostingAdded     = "posting.added"
	PostingRemoved   = "posting.removed"
	PostingChanged   = "posting.changed"
	SourceFailed     = "source.failed"
	SourceRecovered  = "source.recovered"
	SourceSuspicious = "source.suspicious"
)

// Event is one notification; its JSON is the webhook body (README.md, "Webhooks").
type Event struct {
	ID        string    `json:"-"` // stable: a re-delivery reuses it (webhook-id)
	Type      string    `json:"type"`
	Timestamp time.Time `json:"timestamp"` // UTC, RFC 3339 seconds
	Data      Data      `json:"data"`
	// Test marks the example event of `watcher notify test` (its posting
	// is made up): a receiver that mirrors postings from the events skips
	// it. Absent from every real event.
	Test bool `json:"test,omitempty"`
}

// Data is the payload of an event.
type Data struct {
	Source   string         `json:"source"`
	Posting  *model.Posting `json:"posting,omitempty"`  // removed: the last known one; source.* events: none
	Previous *model.Posting `json:"previous,omitempty"` // changed only
	Changes  []model.Change `json:"changes,omitempty"`  // changed only
	Error    string         `json:"error,omitempty"`    // source.* events: what went wrong
}

// EventID derives a deterministic id from the parts that identify a change,
// e.g. EventID(type, source, postingID, oldHash, newHash): "evt_" followed by
// 26 lowercase base32 characters of a SHA-256 over the parts. The same change
// detected twice (after a crash) gets the same id; the parts are
// length-prefixed, so ("ab", "c") and ("a", "bc") differ.
func EventID(parts ...string) string {
	h := sha256.New()
	var n [8]byte
	for _, p := range parts {
		binary.BigEndian.PutUint64(n[:], uint64(len(p)))
		h.Write(n[:])
		h.Write([]byte(p))
	}
	enc := base32.StdEncoding.WithPadding(base32.NoPadding).EncodeToString(h.Sum(nil))
	return "evt_" + strings.ToLower(enc[:26])
}

// Body is the exact JSON body sent for e: no HTML escaping, no trailing
// newline, the timestamp in UTC with whole seconds, postings in their
// canonical form ([] rather than null).
func Body(e Event) ([]byte, error) {
	e.Timestamp = e.Timestamp.UTC().Truncate(time.Second)
	e.Data.Posting = canonical(e.Data.Posting)
	e.Data.Previous = canonical(e.Data.Previous)
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(e); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}

// canonical returns a canonical copy of p; the caller's posting is not touched.
func canonical(p *model.Posting) *model.Posting {
	if p == nil {
		return nil
	}
	c := *p
	c.Canonical()
	return &c
}

// Notifier is the plug-in point: one implementation per channel, each in its
// own package.
type Notifier interface {
	// Name is the configured name.
	Name() string
	// Notify makes one delivery attempt. A failure worth another try later
	// (network error, timeout, 408, 429, 5xx) is marked with retry.Again,
	// with the wait the receiver asked for; any other error is permanent
	// and the outbox stops trying that event on this notifier. The outbox
	// is the one retry stage: it owns retries, backoff, Retry-After and the
	// circuit breaker. Errors never contain secrets (URLs with tokens,
	// secrets): they name the notifier and the status.
	Notify(ctx context.Context, e Event) error
}

// Digester is implemented by channels that can send the events of one
// source as one message (Slack, Discord, Teams, email). The outbox groups
// the events owed to such a notifier by source and calls NotifyDigest once
// per group, the events ordered by timestamp then id; nil error means every
// event of the group was delivered, an error that none was (the group is
// kept and sent again whole). Notify(ctx, e) of those channels sends a
// one-event digest.
type Digester interface {
	NotifyDigest(ctx context.Context, source string, events []Event) error
}

// Matcher decides on an event's content (see internal/notify/filter).
type Matcher interface {
	Match(Event) bool
}

// Route says which events a notifier takes. An empty Sources or Events
// takes all. An Events entry is an event type ("posting.added"), a family
// ("posting.*", "source.*") or "*". Filter, when not nil, must also match
// (a content filter such as *filter.Compiled): the outbox never stores an
// event for a notifier whose filter refuses it.
type Route struct {
	Notifier Notifier
	Sources  []string
	Events   []string
	Filter   Matcher
}

// Match reports whether the route takes e.
func (r Route) Match(e Event) bool {
	if len(r.Sources) > 0 && !contains(r.Sources, e.Data.Source) {
		return false
	}
	if !r.matchType(e) {
		return false
	}
	return r.Filter == nil || r.Filter.Match(e)
}

func (r Route) matchType(e Event) bool {
	if len(r.Events) == 0 {
		return true
	}
	for _, t := range r.Events {
		switch {
		case t == "*", t == e.Type:
			return true
		case strings.HasSuffix(t, ".*") && strings.HasPrefix(e.Type, strings.TrimSuffix(t, "*")):
			return true
		}
	}
	return false
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}
