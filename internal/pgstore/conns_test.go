package pgstore

import (
	"context"
	"net/url"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/pgtest"
)

// OpenConns sizes the pool to exactly the connections asked for (a
// worker: --polls + --deliveries + 4, what the README's sizing counts),
// not pgx's default of max(4, CPUs) when that is larger; a pool_max_conns
// in the DSN wins.
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
	q := u.Query()
	q.Set("pool_max_conns", "3")
	u.RawQuery = q.Encode()
	s, err := OpenConns(ctx, u.String(), 16, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if got := s.pool.Config().MaxConns; got != 3 {
		t.Errorf("pool_max_conns=3 in the DSN, OpenConns(16): MaxConns %d", got)
	}
}
