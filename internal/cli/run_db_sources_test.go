package cli

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"
)

// `watcher run` on the database writes each source in a transaction of its
// own: a source the database refuses fails alone (exit 1, the error naming
// the source and the posting, its health recorded failing), the other is
// written and summarised; the summary says pending removals, as the files
// store's commit subject does.
func TestRunPostgresSourceFailsAlone(t *testing.T) {
	pgSuite(t)
	if testing.Short() {
		t.Skip("starts PostgreSQL")
	}
	dsn := fleetDB(t)
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, `CREATE FUNCTION refuse_evil() RETURNS trigger LANGUAGE plpgsql AS $$
		BEGIN IF NEW.source = 'evil' AND NEW.id = '7' THEN RAISE EXCEPTION 'refused by the test'; END IF; RETURN NEW; END $$;
		CREATE TRIGGER refuse_evil BEFORE INSERT ON postings FOR EACH ROW EXECUTE FUNCTION refuse_evil();`); err != nil {
		t.Fatal(err)
	}
	acme, evil := newFleetBoard(t, "acme"), newFleetBoard(t, "acme")
	acme.set(fleetPosting(1, "Data Engineer"), fleetPosting(2, "Analyst"), fleetPosting(3, "Platform Engineer"))
	evil.set(fleetPosting(6, "Data Engineer"), fleetPosting(7, "Analyst"))
	t.Setenv("DATABASE_URL", dsn)
	yml := fmt.Sprintf(`store: postgres
database_url: ${DATABASE_URL}
http: {per_host_delay: 1ms, retries: 1, timeout: 5s}
guard: {remove_after: 2, shrink_pause: 1ms}
sources:
  - {name: acme, type: greenhouse, board: acme, url: %q}
  - {name: evil, type: greenhouse, board: acme, url: %q}
`, acme.URL, evil.URL)
	cfg := filepath.Join(t.TempDir(), "config.yaml")
	if err := os.WriteFile(cfg, []byte(yml), 0o644); err != nil {
		t.Fatal(err)
	}

	code, stdout, stderr := runIn(t, cfg, "run")
	if code != ExitFailed {
		t.Fatalf("exit %d, want %d\n%s\n%s", code, ExitFailed, stdout, stderr)
	}
	if !strings.Contains(stdout, "acme: 3 added, 0 removed, 0 changed") || strings.Contains(stdout, "evil:") {
		t.Fatalf("stdout:\n%s", stdout)
	}
	if !strings.Contains(stderr, "source evil failed") || !strings.Contains(stderr, `posting "7"`) {
		t.Fatalf("stderr does not name the failing source and posting:\n%s", stderr)
	}
	var open int
	conn.QueryRow(ctx, `SELECT count(*) FROM postings WHERE source = 'acme'`).Scan(&open)
	if open != 3 {
		t.Fatalf("acme has %d postings stored, want 3", open)
	}
	var state, lastErr string
	if err := conn.QueryRow(ctx, `SELECT state, last_error FROM source_health WHERE source = 'evil'`).Scan(&state, &lastErr); err != nil || state != "failing" || !strings.Contains(lastErr, `posting "7"`) {
		t.Fatalf("health of evil: %q %q %v", state, lastErr, err)
	}

	// --json prints only what was recorded: none of the refused source's events
	code, stdout, stderr = runIn(t, cfg, "run", "--json")
	if code != ExitFailed || strings.Contains(stdout, `"source":"evil"`) {
		t.Fatalf("run --json: exit %d, the refused source's events printed:\n%s\n%s", code, stdout, stderr)
	}

	// one posting gone once: a pending removal, in the summary
	acme.set(fleetPosting(1, "Data Engineer"), fleetPosting(2, "Analyst"))
	code, stdout, stderr = runIn(t, cfg, "run", "--source", "acme")
	if code != 0 || !strings.Contains(stdout, "acme: 0 added, 0 removed, 0 changed, 1 missing (removal pending)") {
		t.Fatalf("exit %d\n%s\n%s", code, stdout, stderr)
	}
}
