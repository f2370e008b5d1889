package pgstore

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/careers-watcher/careers-watcher/internal/snapshot"
)

// The error of a write phase the database refused is stored for people to
// read (source_health.last_error) through Backend.Redact: a posting whose
// id holds a secret of the config, refused by the database, leaves the
// secret out of the stored error (the error returned still names the
// source and the posting: its callers print it through the same mask).
func TestRecordFailureRedacted(t *testing.T) {
	const secret = "sk_live_Zr8qTT51"
	s := migrated(t)
	ctx := context.Background()
	if _, err := s.pool.Exec(ctx, `CREATE FUNCTION refuse_all() RETURNS trigger LANGUAGE plpgsql AS $$
		BEGIN RAISE EXCEPTION 'refused by the test'; END $$;
		CREATE TRIGGER refuse_all BEFORE INSERT ON postings FOR EACH ROW EXECUTE FUNCTION refuse_all();`); err != nil {
		t.Fatal(err)
	}
	b := NewBackend(ctx, s, map[string]string{"acme": "lever"}, nil)
	b.Now = func() time.Time { return t0 }
	b.Redact = func(s string) string { return strings.ReplaceAll(s, secret, "[redacted:KEY]") }
	b.BeginWrite()
	id := "job-" + secret
	b.WritePosting("acme", id, encodePosting(t, "acme", id, "Data Engineer"))
	b.SaveIndex("acme", snapshot.Index{Postings: map[string]snapshot.Entry{id: {Hash: "h"}}})
	var werr *WriteError
	if err := b.EndWrite(); !errors.As(err, &werr) || !strings.Contains(err.Error(), secret) {
		t.Fatalf("EndWrite: %v; want a WriteError naming the posting", err)
	}
	var lastErr string
	if err := s.pool.QueryRow(ctx, `SELECT last_error FROM source_health WHERE source = 'acme'`).Scan(&lastErr); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(lastErr, secret) || !strings.Contains(lastErr, `posting "job-[redacted:KEY]"`) {
		t.Errorf("last_error %q: want the posting named with the secret masked", lastErr)
	}
}
