package fleet

import (
	"context"
	"errors"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/config"
)

// A posting page's history read (ServeReader.Detail) ends with the
// request (a client that went away) and with the server's own context
// (shutdown), whichever ends first; with both alive it reads.
func TestServeReaderDetailEndsWithEitherContext(t *testing.T) {
	dsn := migratedDSN(t)
	cfg := &config.Config{
		Store:   config.Store{Kind: config.StorePostgres, DatabaseURL: dsn},
		Sources: []config.Source{{Name: "acme", Type: "lever"}},
	}
	ctx := context.Background()
	db, err := Open(ctx, cfg, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()

	live := NewServeReader(ctx, db, cfg)
	if _, err := live.Detail(ctx, "acme", "42"); err != nil {
		t.Fatalf("both contexts alive: %v", err)
	}
	gone, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := live.Detail(gone, "acme", "42"); !errors.Is(err, context.Canceled) {
		t.Fatalf("a request that went away: %v, want context.Canceled", err)
	}
	down, stop := context.WithCancel(ctx)
	stop()
	if _, err := NewServeReader(down, db, cfg).Detail(ctx, "acme", "42"); !errors.Is(err, context.Canceled) {
		t.Fatalf("a server shut down: %v, want context.Canceled", err)
	}
}
