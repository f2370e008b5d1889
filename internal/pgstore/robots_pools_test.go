package pgstore

import (
	"context"
	"testing"
	"time"
)

// Two pools of one worker share its HostGate: the first's claim on a
// robots.txt fetch runs out (its lease) and the second claims the fetch
// through the same gate. The first's late release gives back its own
// claim only: the second's stays, and another asker waits for it.
func TestReleaseRobotsPerClaim(t *testing.T) {
	t.Parallel() // its own database; waits on PostgreSQL and leases: overlaps the other waiting tests
	a := migrated(t)
	ctx := context.Background()
	g, other := NewHostGate(a, time.Minute, nil), NewHostGate(a, time.Minute, nil)
	const key = "https://boards.example"
	_, _, rel1, err := g.Robots(ctx, key)
	if rel1 == nil || err != nil {
		t.Fatalf("pool 1: %v; want the fetch", err)
	}
	if _, err := a.pool.Exec(ctx, `UPDATE robots_txt SET claimed_until = clock_timestamp() - interval '1 second'`); err != nil {
		t.Fatal(err)
	}
	_, _, rel2, err := g.Robots(ctx, key)
	if rel2 == nil || err != nil {
		t.Fatalf("pool 2: %v; want the fetch", err)
	}
	rel1() // pool 1's fetch failed, late
	var live bool
	if err := a.pool.QueryRow(ctx, `SELECT claimed_until > clock_timestamp() FROM robots_txt WHERE key = $1`, key).Scan(&live); err != nil || !live {
		t.Fatalf("pool 1's release freed pool 2's claim (live %v, %v)", live, err)
	}
	short, cancel := context.WithTimeout(ctx, 300*time.Millisecond)
	defer cancel()
	if _, _, rel, err := other.Robots(short, key); rel != nil || err == nil {
		t.Fatalf("another worker was given the fetch pool 2 holds (%v)", err)
	}
	rel2()
	if _, _, rel, err := other.Robots(ctx, key); rel == nil || err != nil {
		t.Fatalf("after pool 2 gave it back: %v; want the fetch", err)
	}
}
