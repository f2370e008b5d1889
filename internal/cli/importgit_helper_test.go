package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// importGitSetup is the set-up of the import-git tests (PostgreSQL, the
// long set): a migrated database, the stand-in Greenhouse board "acme"
// listing postings 1 and 2, and two configs of the same sources in a
// temporary folder: files, the files store committing to git, which has
// run once, and fleet, store: postgres with the database's URL in a
// variable of the test's own.
type importGitSetup struct {
	dsn          string
	board        *fleetBoard
	dir          string // the configs' folder; the snapshots are in its "snaps"
	files, fleet string // the configs' paths
}

// newImportGitSetup makes the set-up with the sources that sources gives
// for the board's URL (YAML from "sources:"). It runs the test in
// parallel, and skips it outside the long set or with -short.
func newImportGitSetup(t *testing.T, sources func(boardURL string) string) importGitSetup {
	t.Helper()
	s := importGitSetup{dsn: fleetTest(t), board: newFleetBoard(t, "acme"), dir: t.TempDir()}
	src := sources(s.board.URL)
	common := "snapshots: snaps\nhttp: {per_host_delay: 1ms, retries: 1, timeout: 5s}\nguard: {remove_after: 1, shrink_pause: 1ms}\n"
	dbVar := testVar(t, "DATABASE_URL")
	setenv(t, dbVar, s.dsn)
	s.files, s.fleet = filepath.Join(s.dir, "files.yaml"), filepath.Join(s.dir, "fleet.yaml")
	for path, yml := range map[string]string{
		s.files: common + "git: {commit: true}\n" + src,
		s.fleet: "store: postgres\ndatabase_url: ${" + dbVar + "}\n" + common + src,
	} {
		if err := os.WriteFile(path, []byte(yml), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	s.board.set(fleetPosting(1, "Data Engineer"), fleetPosting(2, "Analytics Engineer"))
	if code, stdout, stderr := runIn(t, s.files, "run"); code != 0 {
		t.Fatalf("files run 1: exit %d\n%s\n%s", code, stdout, stderr)
	}
	return s
}

// acmeSource is the one greenhouse source "acme" of the import-git tests.
func acmeSource(url string) string {
	return fmt.Sprintf("sources:\n  - {name: acme, type: greenhouse, company: Acme, board: acme, url: %q}\n", url)
}
