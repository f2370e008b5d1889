package cli

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"
)

// TestImportGitGoesOnPastAFailingSource: the database refuses the first
// source's history; import-git leaves it out (nothing of it written),
// still imports the one after it, names the failure on stderr and exits
// 1. Run again once the cause is gone, it imports the failed source and
// skips the one already there.
func TestImportGitGoesOnPastAFailingSource(t *testing.T) {
	s := newImportGitSetup(t, func(url string) string {
		return fmt.Sprintf("sources:\n  - {name: bad, type: greenhouse, company: Bad, board: acme, url: %q}\n  - {name: good, type: greenhouse, company: Good, board: acme, url: %q}\n", url, url)
	})
	dsn, fleetCfg := s.dsn, s.fleet
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, `CREATE FUNCTION refuse_bad() RETURNS trigger LANGUAGE plpgsql AS $$
		BEGIN IF NEW.source = 'bad' THEN RAISE EXCEPTION 'refused by the test'; END IF; RETURN NEW; END $$;
		CREATE TRIGGER refuse_bad BEFORE INSERT ON postings FOR EACH ROW EXECUTE FUNCTION refuse_bad();`); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := runIn(t, fleetCfg, "import-git")
	if code != ExitFailed {
		t.Errorf("import-git: exit %d, want %d", code, ExitFailed)
	}
	if stdout != "bad: failed, nothing of it imported (see stderr)\ngood: 1 commit, 2 versions\n" {
		t.Errorf("import-git printed:\n%s", stdout)
	}
	if !strings.Contains(stderr, `source "bad"`) || !strings.Contains(stderr, "refused by the test") || !strings.Contains(stderr, "1 source of 2 failed") {
		t.Errorf("stderr does not name the failed source and why:\n%s", stderr)
	}
	var bad, good int
	if err := conn.QueryRow(ctx, `SELECT count(*) FILTER (WHERE source = 'bad'), count(*) FILTER (WHERE source = 'good') FROM versions`).Scan(&bad, &good); err != nil || bad != 0 || good != 2 {
		t.Fatalf("versions: bad %d, good %d (%v); want 0 and 2", bad, good, err)
	}
	if _, err := conn.Exec(ctx, `DROP TRIGGER refuse_bad ON postings`); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr = runIn(t, fleetCfg, "import-git")
	if code != 0 || stdout != "bad: 1 commit, 2 versions\ngood: skipped: already has postings in the database\n" {
		t.Errorf("import-git again: exit %d\n%s\n%s", code, stdout, stderr)
	}
}
