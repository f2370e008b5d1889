package pgstore

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"log/slog"
	"time"

	"github.com/careers-watcher/careers-watcher/internal/retry"
)

// HostGate is fleet mode's politeness across workers (scrape.Gate): a turn
// per host in the host_turns table. A request takes its host's turn when
// nobody holds it and the host's delay since the last request ended has
// passed (the database's clock decides both, so every worker agrees), and
// gives it back with the delay before the next. A worker that dies with a
// turn gives it up after Lease. Waiting for a turn blocks the request (and
// its job) until the turn comes or ctx ends.
type HostGate struct {
	s   *Store
	log *slog.Logger
	// Lease is how long a turn is held at most (a request's timeout and
	// some margin); Poll the longest pause between two looks at a busy host.
	Lease, Poll time.Duration
}

// NewHostGate is the gate of s.
func NewHostGate(s *Store, lease time.Duration, logger *slog.Logger) *HostGate {
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	return &HostGate{s: s, log: logger, Lease: lease, Poll: 200 * time.Millisecond}
}

// Take waits for host's turn and takes it; release gives it back with the
// delay before the host's next request.
func (g *HostGate) Take(ctx context.Context, host string) (func(delay time.Duration), error) {
	var b [12]byte
	if _, err := rand.Read(b[:]); err != nil {
		return nil, fmt.Errorf("host turn of %s: %w", host, err)
	}
	holder := hex.EncodeToString(b[:])
	lease := g.Lease
	if lease <= 0 {
		lease = 2 * time.Minute
	}
	for {
		var secs float64
		var got bool
		// take the turn when free, else learn how long until it may be
		err := g.s.pool.QueryRow(ctx, `
			WITH took AS (
				INSERT INTO host_turns AS t (host, holder, held_until, free_at)
				VALUES ($1, $2, clock_timestamp() + $3 * interval '1 microsecond', 'epoch')
				ON CONFLICT (host) DO UPDATE SET holder = excluded.holder, held_until = excluded.held_until
				WHERE (t.holder IS NULL OR t.held_until < clock_timestamp()) AND t.free_at <= clock_timestamp()
				RETURNING 1)
			SELECT EXISTS (SELECT 1 FROM took),
				COALESCE((SELECT extract(epoch FROM greatest(free_at - clock_timestamp(), '0'::interval))::float8 FROM host_turns WHERE host = $1), 0)`,
			host, holder, lease.Microseconds()).Scan(&got, &secs)
		if err != nil {
			if ctx.Err() != nil {
				return nil, ctx.Err()
			}
			return nil, fmt.Errorf("host turn of %s: %w", host, err)
		}
		if got {
			return func(delay time.Duration) { g.release(host, holder, delay) }, nil
		}
		wait := time.Duration(secs * float64(time.Second))
		pause := min(max(wait, 5*time.Millisecond), g.Poll)
		if err := retry.Sleep(ctx, pause); err != nil {
			return nil, err
		}
	}
}

// release gives the turn back: the host's next request starts no sooner
// than delay from now (the database's now).
func (g *HostGate) release(host, holder string, delay time.Duration) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	_, err := g.s.pool.Exec(ctx, `UPDATE host_turns SET holder = NULL, held_until = NULL,
		free_at = clock_timestamp() + $3 * interval '1 microsecond' WHERE host = $1 AND holder = $2`, host, holder, delay.Microseconds())
	if err != nil {
		// the lease runs out instead: the host waits longer, never less
		g.log.Warn("host turn not given back: it frees itself after its lease", "host", host, "error", err)
	}
}
