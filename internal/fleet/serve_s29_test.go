package fleet

import (
	"context"
	"errors"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/config"
	"github.com/careers-watcher/careers-watcher/internal/serve"
)

// Review s28 F5: a before that is no event id ("\x00", "\xff" from
// before=%00 and before=%ff, ".") is no cursor of this API: a 400 that
// says so, not a database error (a 500 and an ERROR log) or "no such
// event". An event id that is not recorded is still "no such event".
func TestServeReaderEventsBadCursorIsNoQuery(t *testing.T) {
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
	r := NewServeReader(ctx, db, cfg)
	for _, before := range []string{"\x00", "\xff", ".", "evt_\x00", "abc.evt_x", "evt_"} {
		if _, err := r.Events(serve.EventQuery{Before: before}); !errors.Is(err, serve.ErrBadCursor) {
			t.Errorf("before %q: %v, want ErrBadCursor", before, err)
		}
	}
	if _, err := r.Events(serve.EventQuery{Before: "evt_aaaaaaaaaaaaaaaaaaaaaaaaaa"}); !errors.Is(err, serve.ErrNoCursor) {
		t.Errorf("an event id not recorded: %v, want ErrNoCursor", err)
	}
}
