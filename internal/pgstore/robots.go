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
// while it has not expired. When there is none, the caller is given the
// fetch (ok false) and the other workers asking meanwhile wait for its
// SaveRobots, for the gate's Lease at most (then one of them fetches).
// scrape.RobotsShare.
func (g *HostGate) Robots(ctx context.Context, key string) (status int, body []byte, ok bool, err error) {
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
				return 0, nil, false, ctx.Err()
			}
			return 0, nil, false, fmt.Errorf("robots.txt of %s: %w", key, err)
		}
		if fresh {
			return status, body, true, nil
		}
		if claim != nil {
			g.mu.Lock()
			if g.robotsClaims == nil {
				g.robotsClaims = map[string]time.Time{}
			}
			g.robotsClaims[key] = *claim
			g.mu.Unlock()
			return 0, nil, false, nil
		}
		// another worker fetches it
		if err := retry.Sleep(ctx, min(g.Poll, 100*time.Millisecond)); err != nil {
			return 0, nil, false, err
		}
	}
}

// SaveRobots stores the answer a Robots caller fetched, for RobotsFor its
// status (whoever holds the claim then: an answer is an answer).
func (g *HostGate) SaveRobots(ctx context.Context, key string, status int, body []byte) error {
	g.mu.Lock()
	delete(g.robotsClaims, key)
	g.mu.Unlock()
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

// ReleaseRobots gives up a fetch Robots handed out to this gate that
// failed, so that another worker fetches it at once rather than after the
// lease. Only this gate's claim is given up: once its lease has run out
// and another worker has claimed the fetch, that claim stays.
func (g *HostGate) ReleaseRobots(key string) {
	g.mu.Lock()
	token, ok := g.robotsClaims[key]
	delete(g.robotsClaims, key)
	g.mu.Unlock()
	if !ok {
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	_, err := g.s.pool.Exec(ctx, `UPDATE robots_txt SET claimed_until = NULL WHERE key = $1 AND claimed_until = $2`, key, token)
	if err != nil && !errors.Is(err, pgx.ErrNoRows) {
		g.log.Warn("robots.txt fetch not given back: it frees itself after its lease", "key", key, "error", err)
	}
}
