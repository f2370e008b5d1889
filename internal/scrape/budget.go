package scrape

import (
	"errors"
	"fmt"
	"sync/atomic"
	"time"
)

// ErrBudget is a request not sent because its source's requests have
// taken, in this run, the time http.source_budget allows them: a board
// that answers slowly (or trickles its answers) costs a run at most about
// that, and one request's http.timeout more, whatever the number of its
// pages. Not retried; the next run starts with a new budget.
var ErrBudget = errors.New("not sent: the source's requests took the time http.source_budget allows them in one run")

// Budget is the time a source's requests may take in one run, and the
// time they have taken: from the request's start to its body's end, and
// the waits between its attempts; the waits for a turn on a host
// (politeness, other sources) not counted.
// Clients that share one share its time (a run's fetch of a listing and
// its second fetch to confirm a shrunk one).
type Budget struct {
	limit time.Duration
	spent atomic.Int64 // nanoseconds
}

// NewBudget is a budget of d; nil (no bound) when d is not positive.
func NewBudget(d time.Duration) *Budget {
	if d <= 0 {
		return nil
	}
	return &Budget{limit: d}
}

// Budget bounds the time c's requests take in total to d (0: no bound).
// It returns c.
func (c *Client) Budget(d time.Duration) *Client { return c.WithBudget(NewBudget(d)) }

// WithBudget makes c's requests take their time from b (nil: no bound).
// It returns c.
func (c *Client) WithBudget(b *Budget) *Client {
	c.budget = b
	return c
}

// Spent is the time c's requests have taken so far (under a Budget).
func (c *Client) Spent() time.Duration {
	if c.budget == nil {
		return 0
	}
	return time.Duration(c.budget.spent.Load())
}

// overBudget is ErrBudget, naming u, once c's requests have taken their
// budget; nil before, and for a client without one.
func (c *Client) overBudget(u string) error {
	if c.budget == nil || time.Duration(c.budget.spent.Load()) < c.budget.limit {
		return nil
	}
	return fmt.Errorf("%s: %w (%s)", u, ErrBudget, c.budget.limit)
}

// BudgetOrder is the order a source's pieces (postings, posting pages) are
// fetched in under a budget: those known holds false for first, in their
// order, then the known ones from a point that moves from run to run (the
// clock's milliseconds), so that a budget spent at the same place every
// run neither keeps a new piece out for good nor leaves the same known
// ones unread.
func BudgetOrder[T any](items []T, known func(T) bool) []T {
	out := make([]T, 0, len(items))
	var old []T
	for _, it := range items {
		if known(it) {
			old = append(old, it)
		} else {
			out = append(out, it)
		}
	}
	if len(old) > 0 {
		from := int(uint64(time.Now().UnixMilli()) % uint64(len(old)))
		out = append(out, old[from:]...)
		out = append(out, old[:from]...)
	}
	return out
}

// affords reports whether c's budget has wait left (always, without one).
func (c *Client) affords(wait time.Duration) bool {
	return c.budget == nil || time.Duration(c.budget.spent.Load())+wait < c.budget.limit
}

// spend counts the time of one request of c since start.
func (c *Client) spend(start time.Time) {
	if c.budget != nil {
		c.budget.spent.Add(int64(time.Since(start)))
	}
}
