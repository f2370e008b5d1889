package pgstore

import (
	"context"
	"testing"
	"time"
)

// TestReleaseRobotsOwnClaimOnly: a worker whose claim on a robots.txt
// fetch ran out (its lease) and was taken by another worker cannot give
// the other's claim up: its release leaves it, and a third asker
// still waits for the holder. The holder's own release frees it.
func TestReleaseRobotsOwnClaimOnly(t *testing.T) {
	t.Parallel() // its own database; waits on PostgreSQL and leases: overlaps the other waiting tests
	a := migrated(t)
	ctx := context.Background()
	ga, gb, gc := NewHostGate(a, time.Minute, nil), NewHostGate(a, time.Minute, nil), NewHostGate(a, time.Minute, nil)
	const key = "https://boards.example"
	_, _, relA, err := ga.Robots(ctx, key)
	if relA == nil || err != nil {
		t.Fatalf("a: %v; want the fetch", err)
	}
	// a's lease runs out; b claims the fetch
	if _, err := a.pool.Exec(ctx, `UPDATE robots_txt SET claimed_until = clock_timestamp() - interval '1 second'`); err != nil {
		t.Fatal(err)
	}
	_, _, relB, err := gb.Robots(ctx, key)
	if relB == nil || err != nil {
		t.Fatalf("b: %v; want the fetch", err)
	}
	relA() // a's fetch failed, late
	var live bool
	if err := a.pool.QueryRow(ctx, `SELECT claimed_until > clock_timestamp() FROM robots_txt WHERE key = $1`, key).Scan(&live); err != nil || !live {
		t.Fatalf("a released b's claim (live %v, %v)", live, err)
	}
	short, cancel := context.WithTimeout(ctx, 300*time.Millisecond)
	defer cancel()
	if _, _, rel, err := gc.Robots(short, key); rel != nil || err == nil {
		t.Fatalf("c was given the fetch b holds (%v)", err)
	}
	relB()
	if _, _, rel, err := gc.Robots(ctx, key); rel == nil || err != nil {
		t.Fatalf("c after b gave it back: %v; want the fetch", err)
	}
	// releasing twice does nothing
	relB()
	relA()
	if err := a.pool.QueryRow(ctx, `SELECT claimed_until > clock_timestamp() FROM robots_txt WHERE key = $1`, key).Scan(&live); err != nil || !live {
		t.Fatalf("a second release freed c's claim (live %v, %v)", live, err)
	}
}
