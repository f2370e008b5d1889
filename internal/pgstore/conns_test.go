package pgstore

import (
	"context"
	"net/url"
	"strconv"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/pgtest"
)

// OpenConns sizes the pool to exactly the connections asked for (a
// worker: --polls + --deliveries + 4, what the README's sizing counts),
// not pgx's default of max(4, CPUs) when that is larger; a pool_max_conns
// in the DSN wins when it is larger (docs/fleet.md), not when smaller.
func TestOpenConnsSizesThePool(t *testing.T) {
	t.Parallel() // its own database; waits on PostgreSQL and leases: overlaps the other waiting tests
	dsn := pgtest.DB(t)
	ctx := context.Background()
	for _, n := range []int{2, 16} {
		s, err := OpenConns(ctx, dsn, n, nil)
		if err != nil {
			t.Fatal(err)
		}
		if got := s.pool.Config().MaxConns; got != int32(n) {
			t.Errorf("OpenConns(%d): MaxConns %d", n, got)
		}
		s.Close()
	}
	u, err := url.Parse(dsn)
	if err != nil || u.Scheme == "" {
		t.Fatalf("pgtest's DSN %q is not a URL (%v)", dsn, err)
	}
	for _, c := range []struct{ set, want int32 }{{3, 16}, {40, 40}} {
		q := u.Query()
		q.Set("pool_max_conns", strconv.Itoa(int(c.set)))
		u.RawQuery = q.Encode()
		s, err := OpenConns(ctx, u.String(), 16, nil)
		if err != nil {
			t.Fatal(err)
		}
		if got := s.pool.Config().MaxConns; got != c.want {
			t.Errorf("pool_max_conns=%d in the DSN, OpenConns(16): MaxConns %d, want %d", c.set, got, c.want)
		}
		s.Close()
	}
}
