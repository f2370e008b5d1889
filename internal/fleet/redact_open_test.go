package fleet

import (
	"context"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/careers-watcher/careers-watcher/internal/config"
	"github.com/careers-watcher/careers-watcher/internal/model"
	"github.com/careers-watcher/careers-watcher/internal/pgstore"
	"github.com/careers-watcher/careers-watcher/internal/pgtest"
	"github.com/careers-watcher/careers-watcher/internal/redact"
	"github.com/careers-watcher/careers-watcher/internal/snapshot"
)

func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }

// The error of a write phase the database refused is stored
// (source_health.last_error) through the mask fleet.Open wires in (the
// config's Redactor's Output): a posting id holding a secret of the
// config, whole or cut short before an ellipsis, is stored masked.
func TestOpenMasksStoredWriteErrors(t *testing.T) {
	const secret = "sk_live_Zr8qTT51"
	dsn := migratedDSN(t)
	cfg := &config.Config{
		Store:   config.Store{Kind: config.StorePostgres, DatabaseURL: dsn},
		Secrets: []redact.Secret{{Name: "KEY", Value: secret}},
		Sources: []config.Source{{Name: "acme", Type: "lever"}},
	}
	ctx := context.Background()
	db, err := Open(ctx, cfg, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Store.Pool().Exec(ctx, `CREATE FUNCTION refuse_all() RETURNS trigger LANGUAGE plpgsql AS $$
		BEGIN RAISE EXCEPTION 'refused by the test'; END $$;
		CREATE TRIGGER refuse_all BEFORE INSERT ON postings FOR EACH ROW EXECUTE FUNCTION refuse_all();`); err != nil {
		t.Fatal(err)
	}
	// a board's id that merely starts like the secret is shown as written:
	// masking it would tell the board its guess was right (review s23 F1)
	for _, c := range []struct {
		id, want string
		masked   bool
	}{
		{"job-" + secret, `posting "job-[redacted:KEY]"`, true},
		{"job-" + secret[:10] + redact.Ellipsis, `posting "job-` + secret[:10] + redact.Ellipsis + `"`, false},
	} {
		b := db.Backend
		data, err := model.Encode(model.Posting{ID: c.id, Source: "acme", Title: "Data Engineer", Company: "Acme"})
		if err != nil {
			t.Fatal(err)
		}
		b.BeginWrite()
		b.WritePosting("acme", c.id, data)
		b.SaveIndex("acme", snapshot.Index{Postings: map[string]snapshot.Entry{c.id: {Hash: model.Hash(data)}}})
		var werr *pgstore.WriteError
		if err := b.EndWrite(); !errors.As(err, &werr) {
			t.Fatalf("%q: EndWrite: %v; want a WriteError", c.id, err)
		}
		var lastErr string
		if err := db.Store.Pool().QueryRow(ctx, `SELECT last_error FROM source_health WHERE source = 'acme'`).Scan(&lastErr); err != nil {
			t.Fatal(err)
		}
		if c.masked && strings.Contains(lastErr, secret[:6]) || !strings.Contains(lastErr, c.want) {
			t.Errorf("%q: last_error %q, want %s with the secret masked", c.id, lastErr, c.want)
		}
	}
}

// migratedDSN is a throw-away database with the store's migrations.
func migratedDSN(t *testing.T) string {
	t.Helper()
	return pgtest.DBFrom(t, "fleet_migrated", func(ctx context.Context, dsn string) error {
		pool, err := pgxpool.New(ctx, dsn)
		if err != nil {
			return err
		}
		defer pool.Close()
		_, err = pgstore.MigrateUp(ctx, pool, nil)
		return err
	})
}
