package pgstore

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/careers-watcher/careers-watcher/internal/retry"
)

// RobotsFor is how long a robots.txt answer is used: a day for a 2xx or
// 4xx answer (Google keeps them up to 24 hours), 10 minutes for any other
// (a 5xx disallows everything: asked again soon) and for a 429, a host
// asking to slow down, not an answer to keep for the fleet for a day.
func RobotsFor(status int) time.Duration {
	if status >= 200 && status < 500 && (status < 300 || status >= 400) && status != 429 {
		return 24 * time.Hour
	}
	return 10 * time.Minute
}

// Robots is the shared robots.txt answer of key (scheme://host): found
// while it has not expired (release nil). When there is none, the caller
// is given the fetch, and release gives that claim back; the other
// workers asking meanwhile wait for its SaveRobots, for the gate's Lease
// at most (then one of them fetches). release frees this claim only,
// never a later one of the key (another pool's of this gate, or another
// worker's, once this one's lease has run out). scrape.RobotsShare.
func (g *HostGate) Robots(ctx context.Context, key string) (status int, body []byte, release func(), err error) {
	lease := g.Lease
	if lease <= 0 {
		lease = 2 * time.Minute
	}
	for {
		var fresh bool
		var claim *time.Time
		err := g.s.pool.QueryRow(ctx, `
			WITH cur AS (SELECT status, body, expires_at > clock_timestamp() AS fresh FROM robots_txt WHERE key = $1),
			claim AS (
				INSERT INTO robots_txt AS r (key, claimed_until) VALUES ($1, clock_timestamp() + $2 * interval '1 microsecond')
				ON CONFLICT (key) DO UPDATE SET claimed_until = excluded.claimed_until
				WHERE (r.expires_at IS NULL OR r.expires_at <= clock_timestamp())
					AND (r.claimed_until IS NULL OR r.claimed_until <= clock_timestamp())
				RETURNING r.claimed_until)
			SELECT COALESCE((SELECT status FROM cur WHERE fresh), 0), (SELECT body FROM cur WHERE fresh),
				COALESCE((SELECT fresh FROM cur), false), (SELECT claimed_until FROM claim)`,
			key, lease.Microseconds()).Scan(&status, &body, &fresh, &claim)
		if err != nil {
			if ctx.Err() != nil {
				return 0, nil, nil, ctx.Err()
			}
			return 0, nil, nil, fmt.Errorf("robots.txt of %s: %w", key, err)
		}
		if fresh {
			return status, body, nil, nil
		}
		if claim != nil {
			token := *claim
			return 0, nil, func() { g.releaseRobots(key, token) }, nil
		}
		// another worker fetches it
		if err := retry.Sleep(ctx, min(g.Poll, 100*time.Millisecond)); err != nil {
			return 0, nil, nil, err
		}
	}
}

// SaveRobots stores the answer a Robots caller fetched, for RobotsFor its
// status (whoever holds the claim then: an answer is an answer).
func (g *HostGate) SaveRobots(ctx context.Context, key string, status int, body []byte) error {
	_, err := g.s.pool.Exec(ctx, `INSERT INTO robots_txt (key, status, body, fetched_at, expires_at, claimed_until)
		VALUES ($1, $2, $3, clock_timestamp(), clock_timestamp() + $4 * interval '1 microsecond', NULL)
		ON CONFLICT (key) DO UPDATE SET status = excluded.status, body = excluded.body, fetched_at = excluded.fetched_at,
			expires_at = excluded.expires_at, claimed_until = NULL`,
		key, status, body, RobotsFor(status).Microseconds())
	if err != nil {
		return fmt.Errorf("robots.txt of %s: %w", key, err)
	}
	return nil
}

// releaseRobots gives up a fetch Robots handed out that failed, so that
// another asker fetches it at once rather than after the lease. Only that
// claim is given up (token: the claimed_until it wrote; a later claim of
// the key writes a later time): once its lease has run out and another
// asker has claimed the fetch, that claim stays.
func (g *HostGate) releaseRobots(key string, token time.Time) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	_, err := g.s.pool.Exec(ctx, `UPDATE robots_txt SET claimed_until = NULL WHERE key = $1 AND claimed_until = $2`, key, token)
	if err != nil && !errors.Is(err, pgx.ErrNoRows) {
		g.log.Warn("robots.txt fetch not given back: it frees itself after its lease", "key", key, "error", err)
	}
}
