package cli

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/careers-watcher/careers-watcher/internal/pgtest"
)

// asWatcher in a process's environment makes this test binary run as the
// watcher: Main with its arguments, then exit (init below).
const asWatcher = "WATCHER_TEST_AS_WATCHER"

func init() {
	if os.Getenv(asWatcher) == "1" {
		os.Exit(Main(os.Args[1:], os.Stdout, os.Stderr))
	}
}

// watcherBinary is the program to start, with asWatcher=1 in its
// environment, to run the watcher as a process of its own: this test
// binary, which then runs what cmd/watcher's main runs (cmd/watcher's tests
// run the binary go build makes), without linking the whole program a
// second time.
func watcherBinary(t *testing.T) string {
	t.Helper()
	bin, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	return bin
}

// TestMigrateBinary runs `watcher migrate` as a process of its own (see
// watcherBinary) against a throw-away PostgreSQL: up, nothing to do, down
// 1, up again; a database that cannot be reached; a config without store:
// postgres. The connection string, password included, never appears in
// any output.
func TestMigrateBinary(t *testing.T) {
	pgSuite(t)
	t.Parallel() // a browser or a binary: overlaps the other slow tests
	if testing.Short() {
		t.Skip("starts PostgreSQL and the watcher as processes")
	}
	start := time.Now()
	dir := t.TempDir()
	bin := watcherBinary(t)
	dsn := pgtest.DB(t) // an empty database on the package's cluster
	// trust authentication ignores the password; it is there to be hidden
	const password = "pw-Secret-4711"
	secretDSN := strings.Replace(dsn, "postgres:///", "postgres://postgres:"+password+"@/", 1)

	cfg := filepath.Join(dir, "config.yaml")
	yml := "store: postgres\ndatabase_url: ${DATABASE_URL}\n" +
		"sources:\n  - {name: x, type: greenhouse, board: acme}\n" +
		"notifiers:\n  - {name: hook, type: webhook, url: \"${HOOK_URL}\"}\n" // not needed by migrate: left unset
	if err := os.WriteFile(cfg, []byte(yml), 0o644); err != nil {
		t.Fatal(err)
	}
	run := func(wantCode int, url string, args ...string) string {
		t.Helper()
		cmd := exec.Command(bin, append([]string{"migrate", "-c", cfg}, args...)...)
		cmd.Env = append(os.Environ(), asWatcher+"=1", "DATABASE_URL="+url)
		out, _ := cmd.CombinedOutput()
		if code := cmd.ProcessState.ExitCode(); code != wantCode {
			t.Fatalf("watcher migrate %v: exit %d, want %d\n%s", args, code, wantCode, out)
		}
		for _, secret := range []string{password, url} {
			if strings.Contains(string(out), secret) {
				t.Fatalf("watcher migrate %v printed a secret (%q):\n%s", args, secret, out)
			}
		}
		return string(out)
	}

	out := run(0, secretDSN)
	for _, want := range []string{"applied river 1 ", "applied watcher 1 initial\n", "applied watcher 2 read_indexes\n", "schema up to date: river "} {
		if !strings.Contains(out, want) {
			t.Fatalf("first migrate lacks %q:\n%s", want, out)
		}
	}
	if out = run(0, secretDSN); strings.Contains(out, "applied") || !strings.Contains(out, "schema up to date") {
		t.Fatalf("second migrate:\n%s", out)
	}
	if out = run(0, secretDSN, "--down", "4"); !strings.HasPrefix(out, "undone watcher 5 robots_txt\nundone watcher 4 host_turns\nundone watcher 3 source_state\nundone watcher 2 read_indexes\nschema not up to date") {
		t.Fatalf("migrate --down 4:\n%s", out)
	}
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	var indexed bool
	conn.QueryRow(ctx, `SELECT to_regclass('versions_recorded') IS NOT NULL`).Scan(&indexed)
	if indexed {
		t.Fatal("migration 2 still applied after --down 4")
	}
	if out = run(0, secretDSN); out != "applied watcher 2 read_indexes\napplied watcher 3 source_state\napplied watcher 4 host_turns\napplied watcher 5 robots_txt\n"+strings.SplitAfter(out, "\n")[4] {
		t.Fatalf("migrate after down:\n%s", out)
	}
	conn.QueryRow(ctx, `SELECT to_regclass('versions_recorded') IS NOT NULL`).Scan(&indexed)
	if !indexed {
		t.Fatal("migration 2 not applied again")
	}

	run(2, secretDSN, "--down", "0")
	// review s33 F3: a typo's N larger than the applied migrations, and
	// the first migration without --drop-history, undo nothing (exit 1)
	if out = run(1, secretDSN, "--down", "99"); !strings.Contains(out, "only ") || !strings.Contains(out, "nothing undone") || strings.Contains(out, "undone watcher") {
		t.Fatalf("migrate --down 99:\n%s", out)
	}
	if out = run(1, secretDSN, "--down", "5"); !strings.Contains(out, "add --drop-history") || strings.Contains(out, "undone watcher") {
		t.Fatalf("migrate --down 5 without --drop-history:\n%s", out)
	}
	run(2, secretDSN, "--drop-history")
	if out = run(0, secretDSN); strings.Contains(out, "applied") {
		t.Fatalf("a refused down undid migrations:\n%s", out)
	}
	// a socket folder with no server: exit 1, no secret in the error
	gone := strings.Replace(secretDSN, "host=%2Ftmp", "host=%2Fnonexistent", 1)
	if gone == secretDSN {
		gone = strings.Replace(secretDSN, "host=", "host=%2Fnonexistent", 1)
	}
	if out = run(1, gone); !strings.Contains(out, "watcher migrate: connect to database") {
		t.Fatalf("unreachable database:\n%s", out)
	}
	files := filepath.Join(dir, "files.yaml")
	os.WriteFile(files, []byte("sources:\n  - {name: x, type: greenhouse, board: acme}\n"), 0o644)
	cmd := exec.Command(bin, "migrate", "-c", files)
	cmd.Env = append(os.Environ(), asWatcher+"=1")
	if out, _ := cmd.CombinedOutput(); cmd.ProcessState.ExitCode() != 2 || !strings.Contains(string(out), "migrate is for store: postgres") {
		t.Fatalf("migrate with the files store: exit %d\n%s", cmd.ProcessState.ExitCode(), out)
	}
	t.Logf("7 runs: %s", time.Since(start).Round(time.Millisecond))
}
