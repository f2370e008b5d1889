package pgstore

import (
	"context"
	"testing"
	"time"
)

// TestReleaseRobotsOwnClaimOnly: a worker whose claim on a robots.txt
// fetch ran out (its lease) and was taken by another worker cannot give
// the other's claim up: its ReleaseRobots leaves it, and a third asker
// still waits for the holder. The holder's own release frees it.
func TestReleaseRobotsOwnClaimOnly(t *testing.T) {
	a := migrated(t)
	ctx := context.Background()
	ga, gb, gc := NewHostGate(a, time.Minute, nil), NewHostGate(a, time.Minute, nil), NewHostGate(a, time.Minute, nil)
	const key = "https://boards.example"
	if _, _, ok, err := ga.Robots(ctx, key); ok || err != nil {
		t.Fatalf("a: ok %v, %v; want the fetch", ok, err)
	}
	// a's lease runs out; b claims the fetch
	if _, err := a.pool.Exec(ctx, `UPDATE robots_txt SET claimed_until = clock_timestamp() - interval '1 second'`); err != nil {
		t.Fatal(err)
	}
	if _, _, ok, err := gb.Robots(ctx, key); ok || err != nil {
		t.Fatalf("b: ok %v, %v; want the fetch", ok, err)
	}
	ga.ReleaseRobots(key) // a's fetch failed, late
	var live bool
	if err := a.pool.QueryRow(ctx, `SELECT claimed_until > clock_timestamp() FROM robots_txt WHERE key = $1`, key).Scan(&live); err != nil || !live {
		t.Fatalf("a released b's claim (live %v, %v)", live, err)
	}
	short, cancel := context.WithTimeout(ctx, 300*time.Millisecond)
	defer cancel()
	if _, _, ok, err := gc.Robots(short, key); ok || err == nil {
		t.Fatalf("c was given the fetch b holds (ok %v, %v)", ok, err)
	}
	gb.ReleaseRobots(key)
	if _, _, ok, err := gc.Robots(ctx, key); ok || err != nil {
		t.Fatalf("c after b gave it back: ok %v, %v; want the fetch", ok, err)
	}
	// releasing twice, or what was never claimed, does nothing
	gb.ReleaseRobots(key)
	ga.ReleaseRobots("https://other.example")
	if err := a.pool.QueryRow(ctx, `SELECT claimed_until > clock_timestamp() FROM robots_txt WHERE key = $1`, key).Scan(&live); err != nil || !live {
		t.Fatalf("a second release freed c's claim (live %v, %v)", live, err)
	}
}
