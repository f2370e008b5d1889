package pgstore

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/careers-watcher/careers-watcher/internal/retry"
)

// HostGate is fleet mode's politeness across workers (scrape.Gate): a turn
// per host in the host_turns table. A request takes its host's turn when
// nobody holds it and the host's delay since the last request ended has
// passed (the database's clock decides both, so every worker agrees), and
// gives it back with the delay before the next. A worker that dies with a
// turn gives it up after Lease. Waiting for a turn blocks the request until
// the turn comes or ctx ends, except the first request of a job run under
// SnoozeOnBusyHost: that one gives up at once, so that the job can snooze
// instead of holding a worker.
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
	sn, _ := ctx.Value(snoozeKey{}).(*TurnSnooze)
	for {
		var secs float64
		var got, held bool
		// take the turn when free, else learn whether it is held and how
		// long until the host's delay has passed
		err := g.s.pool.QueryRow(ctx, `
			WITH took AS (
				INSERT INTO host_turns AS t (host, holder, held_until, free_at)
				VALUES ($1, $2, clock_timestamp() + $3 * interval '1 microsecond', 'epoch')
				ON CONFLICT (host) DO UPDATE SET holder = excluded.holder, held_until = excluded.held_until
				WHERE (t.holder IS NULL OR t.held_until < clock_timestamp()) AND t.free_at <= clock_timestamp()
				RETURNING 1)
			SELECT EXISTS (SELECT 1 FROM took),
				COALESCE((SELECT holder IS NOT NULL AND held_until >= clock_timestamp() FROM host_turns WHERE host = $1), false),
				COALESCE((SELECT extract(epoch FROM greatest(free_at - clock_timestamp(), '0'::interval))::float8 FROM host_turns WHERE host = $1), 0)`,
			host, holder, lease.Microseconds()).Scan(&got, &held, &secs)
		if err != nil {
			if ctx.Err() != nil {
				return nil, ctx.Err()
			}
			return nil, fmt.Errorf("host turn of %s: %w", host, err)
		}
		if got {
			sn.took(host)
			return func(delay time.Duration) { g.release(host, holder, delay) }, nil
		}
		wait := time.Duration(secs * float64(time.Second))
		if held {
			// the holder's request has not ended: its end and the host's
			// delay are not known yet; look again after Poll
			wait = max(wait, g.Poll)
		}
		if sn.giveUp(host, wait) {
			return nil, fmt.Errorf("host turn of %s: %w (free in %s)", host, ErrHostBusy, wait.Round(time.Millisecond))
		}
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

// Wait is how long until host's turn could be taken (0: now): the host's
// delay still to pass, or Poll while a request holds the turn. It takes
// nothing.
func (g *HostGate) Wait(ctx context.Context, host string) (time.Duration, error) {
	var secs float64
	var held bool
	err := g.s.pool.QueryRow(ctx, `SELECT holder IS NOT NULL AND held_until >= clock_timestamp(),
			extract(epoch FROM greatest(free_at - clock_timestamp(), '0'::interval))::float8
		FROM host_turns WHERE host = $1`, host).Scan(&held, &secs)
	if errors.Is(err, pgx.ErrNoRows) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("host turn of %s: %w", host, err)
	}
	wait := time.Duration(secs * float64(time.Second))
	if held {
		wait = max(wait, g.Poll)
	}
	return wait, nil
}

// ErrHostBusy is the error of a request that gave up its host's turn
// (SnoozeOnBusyHost).
var ErrHostBusy = errors.New("the host's turn is taken")

// TurnSnooze is a job's way out of waiting for a host's turn: the job's
// first request that finds its host's turn taken gives up at once and
// cancels the job's context with ErrHostBusy, and the job snoozes for the
// turn's remaining wait (Busy). Once a request of the job has had a turn,
// the job's later requests wait for theirs (giving up then would throw
// away what the job has fetched).
type TurnSnooze struct {
	cancel context.CancelCauseFunc
	mu     sync.Mutex
	first  string // the host of the job's first turn
	busy   string // the host that was busy; "": none
	wait   time.Duration
}

type snoozeKey struct{}

// SnoozeOnBusyHost returns ctx, cancelled with ErrHostBusy when the job's
// first request finds its host's turn taken, and the TurnSnooze that says
// so. Call Stop when the job is done.
func SnoozeOnBusyHost(ctx context.Context) (context.Context, *TurnSnooze) {
	ctx, cancel := context.WithCancelCause(ctx)
	s := &TurnSnooze{cancel: cancel}
	return context.WithValue(ctx, snoozeKey{}, s), s
}

// Busy reports the host whose turn was taken and the turn's remaining
// wait; ok is false when no request gave up.
func (s *TurnSnooze) Busy() (host string, wait time.Duration, ok bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.busy, s.wait, s.busy != ""
}

// First is the host of the job's first turn ("": none was taken).
func (s *TurnSnooze) First() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.first
}

// Stop releases the context.
func (s *TurnSnooze) Stop() { s.cancel(nil) }

// took notes a turn taken (s nil: not a snoozing job).
func (s *TurnSnooze) took(host string) {
	if s == nil {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.first == "" {
		s.first = host
	}
}

// giveUp reports whether the request should give up host's turn rather
// than wait: the job has had no turn yet. It then cancels the job.
func (s *TurnSnooze) giveUp(host string, wait time.Duration) bool {
	if s == nil {
		return false
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.first != "" {
		return false
	}
	if s.busy == "" {
		s.busy, s.wait = host, wait
		s.cancel(ErrHostBusy)
	}
	return true
}
