package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/careers-watcher/careers-watcher/internal/pgstore"
	"github.com/careers-watcher/careers-watcher/internal/pgtest"
)

// One PostgreSQL cluster for the package's fleet tests, started by the
// first of them (the other tests never start it).
func TestMain(m *testing.M) {
	lessGC()
	// every process the tests start from watcherBuild's binary (this
	// test binary in the default run) runs as the watcher
	os.Setenv(asWatcher, "1")
	code := pgtest.Main(m)
	removeBuilt()
	os.Exit(code)
}

// pgSuite skips a PostgreSQL test of the long set: the README's command
// keeps TestRunPostgres (a run on PostgreSQL, end to end) and TestFleetQuick
// (worker processes on one database); the rest run with
// WATCHER_LONG_TESTS=1, in .ci/run's PostgreSQL step.
func pgSuite(t *testing.T) {
	t.Helper()
	if !longTests {
		t.Skip("a PostgreSQL suite: runs with WATCHER_LONG_TESTS=1 (CI's PostgreSQL step)")
	}
}

// fleetDB is a fresh database with every migration applied, and its DSN.
func fleetDB(t *testing.T) string {
	t.Helper()
	return pgtest.DBFrom(t, "cli_migrated", func(ctx context.Context, dsn string) error {
		pool, err := pgxpool.New(ctx, dsn)
		if err != nil {
			return err
		}
		defer pool.Close()
		_, err = pgstore.MigrateUp(ctx, pool, nil)
		return err
	})
}

// fleetJob is one posting of a stand-in Greenhouse board.
type fleetJob struct {
	ID      int    `json:"id"`
	Title   string `json:"title"`
	URL     string `json:"absolute_url"`
	Updated string `json:"updated_at"`
	Content string `json:"content"`
	Loc     struct {
		Name string `json:"name"`
	} `json:"location"`
}

// fleetBoard is a stand-in Greenhouse board whose jobs a test changes.
type fleetBoard struct {
	*httptest.Server
	mu   sync.Mutex
	jobs []fleetJob
	hits int
}

func newFleetBoard(t *testing.T, board string) *fleetBoard {
	t.Helper()
	b := &fleetBoard{}
	b.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/v1/boards/"+board+"/jobs" {
			http.NotFound(w, r)
			return
		}
		b.mu.Lock()
		b.hits++
		body, _ := json.Marshal(map[string]any{"jobs": b.jobs})
		b.mu.Unlock()
		w.Header().Set("Content-Type", "application/json")
		w.Write(body)
	}))
	t.Cleanup(b.Close)
	return b
}

func (b *fleetBoard) set(jobs ...fleetJob) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.jobs = append([]fleetJob{}, jobs...) // never null: an empty board is "jobs": []
}

func (b *fleetBoard) requests() int {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.hits
}

func fleetPosting(id int, title string) fleetJob {
	j := fleetJob{ID: id, Title: title, URL: fmt.Sprintf("https://boards.example/acme/jobs/%d", id),
		Updated: "2026-11-20T10:00:00Z", Content: "<p>We use Go and PostgreSQL.</p>"}
	j.Loc.Name = "Berlin, Germany"
	return j
}

// testVar is the name of an environment variable of the test's own:
// base, then the test's name, so that tests setting one run in parallel.
func testVar(t *testing.T, base string) string {
	return base + "_" + strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' {
			return r
		}
		return '_'
	}, t.Name())
}

// fleetConfig writes a store: postgres config with one Greenhouse source
// per board, a webhook notifier to hook, and returns its path.
func fleetConfig(t *testing.T, dsn, hook string, boards map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	dbVar, urlVar, secretVar := testVar(t, "DATABASE_URL"), testVar(t, "TEST_WEBHOOK_URL"), testVar(t, "TEST_WEBHOOK_SECRET")
	setenv(t, dbVar, dsn)
	setenv(t, urlVar, hook)
	setenv(t, secretVar, secret)
	var srcs strings.Builder
	for name, url := range boards {
		fmt.Fprintf(&srcs, "  - {name: %s, type: greenhouse, company: Acme, board: acme, url: %q, schedule: \"@every 1s\"}\n", name, url)
	}
	yml := `store: postgres
database_url: ${` + dbVar + `}
http: {per_host_delay: 1ms, retries: 1, timeout: 5s}
guard: {remove_after: 1, shrink_pause: 1ms}
sources:
` + srcs.String() + `notifiers:
  - name: hooks
    type: webhook
    url: ${` + urlVar + `}
    secret: ${` + secretVar + `}
`
	cfg := filepath.Join(dir, "config.yaml")
	if err := os.WriteFile(cfg, []byte(yml), 0o644); err != nil {
		t.Fatal(err)
	}
	return cfg
}

// rowCounts counts rows of the fleet tables (river_job: the deliver jobs).
func rowCounts(t *testing.T, dsn string) map[string]int {
	t.Helper()
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	out := map[string]int{}
	for name, q := range map[string]string{
		"postings":      "SELECT count(*) FROM postings",
		"open":          "SELECT count(*) FROM postings WHERE removed_at IS NULL",
		"versions":      "SELECT count(*) FROM versions",
		"events":        "SELECT count(*) FROM events",
		"source_health": "SELECT count(*) FROM source_health",
		"deliver_jobs":  "SELECT count(*) FROM river_job WHERE kind = 'deliver'",
		"deliveries":    "SELECT count(*) FROM deliveries",
	} {
		var n int
		if err := conn.QueryRow(ctx, q).Scan(&n); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		out[name] = n
	}
	return out
}

// TestRunPostgres: `watcher run` with store: postgres writes through the
// same pipeline to the database: a first run adds two postings, a second
// (one changed, one added, one gone) adds a version each, records the
// events once with a deliver job per event, and a third without a change
// writes no version and no event. No snapshot folder is made.
func TestRunPostgres(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("starts PostgreSQL")
	}
	dsn := fleetDB(t)
	board := newFleetBoard(t, "acme")
	cfg := fleetConfig(t, dsn, "http://127.0.0.1:1/unused", map[string]string{"acme": board.URL})
	board.set(fleetPosting(1, "Data Engineer"), fleetPosting(2, "Analytics Engineer"))

	code, stdout, stderr := runIn(t, cfg, "run")
	if code != 0 {
		t.Fatalf("first run: exit %d\n%s\n%s", code, stdout, stderr)
	}
	if !strings.Contains(stdout, "acme: 2 added, 0 removed, 0 changed") || !strings.Contains(stdout, "2 versions, 2 events recorded, 2 deliver jobs enqueued") {
		t.Fatalf("first run printed:\n%s", stdout)
	}
	want := map[string]int{"postings": 2, "open": 2, "versions": 2, "events": 2, "source_health": 1, "deliver_jobs": 2, "deliveries": 0}
	if got := rowCounts(t, dsn); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("after the first run: %v, want %v", got, want)
	}

	changed := fleetPosting(1, "Senior Data Engineer")
	changed.Updated = "2026-11-25T10:00:00Z"
	board.set(changed, fleetPosting(3, "Platform Engineer"))
	code, stdout, stderr = runIn(t, cfg, "run", "--json")
	if code != 0 {
		t.Fatalf("second run: exit %d\n%s\n%s", code, stdout, stderr)
	}
	var types []string
	for _, l := range strings.Split(strings.TrimSpace(stdout), "\n") {
		var ev struct{ ID, Type string }
		if err := json.Unmarshal([]byte(l), &ev); err != nil || ev.ID == "" {
			t.Fatalf("--json line %q: %v", l, err)
		}
		types = append(types, ev.Type)
	}
	sort.Strings(types)
	if strings.Join(types, ",") != "posting.added,posting.changed,posting.removed" {
		t.Fatalf("second run's events: %v", types)
	}
	want = map[string]int{"postings": 3, "open": 2, "versions": 5, "events": 5, "source_health": 1, "deliver_jobs": 5, "deliveries": 0}
	if got := rowCounts(t, dsn); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("after the second run: %v, want %v", got, want)
	}

	code, stdout, stderr = runIn(t, cfg, "run")
	if code != 0 || strings.Contains(stdout, "acme:") || !strings.Contains(stdout, "database: 0 versions") { // a quiet source prints no line (review s33 F10)
		t.Fatalf("third run: exit %d\n%s\n%s", code, stdout, stderr)
	}
	if got := rowCounts(t, dsn); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("a run without a change wrote: %v, want %v", got, want)
	}
	if _, err := os.Stat(filepath.Join(filepath.Dir(cfg), "snapshots")); err == nil {
		t.Fatal("a snapshot folder was made")
	}
	if strings.Contains(stdout+stderr, "pw-") || strings.Contains(stdout+stderr, dsn) {
		t.Fatal("the database URL was printed")
	}

	// the history of posting 1: added, changed
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	rows, _ := conn.Query(ctx, `SELECT change, snapshot->>'title' FROM versions WHERE source = 'acme' AND posting_id = '1' ORDER BY version`)
	hist, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (string, error) {
		var c, title string
		err := r.Scan(&c, &title)
		return c + " " + title, err
	})
	if err != nil || strings.Join(hist, "; ") != "added Data Engineer; changed Senior Data Engineer" {
		t.Fatalf("history of posting 1: %v, %v", hist, err)
	}

	// the readers read the database
	code, stdout, stderr = runIn(t, cfg, "status", "--json")
	var sts []struct {
		Name     string         `json:"name"`
		Health   string         `json:"health"`
		Open     int            `json:"open_postings"`
		LastRun  *string        `json:"last_run"`
		Change   *string        `json:"last_change"`
		Pending  map[string]int `json:"pending_deliveries"`
		Failures int            `json:"failures"`
	}
	if err := json.Unmarshal([]byte(stdout), &sts); code != 0 || err != nil || len(sts) != 1 {
		t.Fatalf("status --json: exit %d, %v\n%s\n%s", code, err, stdout, stderr)
	}
	if st := sts[0]; st.Name != "acme" || st.Health != "ok" || st.Open != 2 || st.LastRun == nil || st.Change == nil || st.Pending["hooks"] != 5 {
		t.Fatalf("status: %+v (pending %v)", st, st.Pending)
	}
	if code, stdout, _ = runIn(t, cfg, "postings", "--title", "engineer"); code != 0 ||
		!strings.Contains(stdout, "Senior Data Engineer") || !strings.Contains(stdout, "Platform Engineer") || strings.Contains(stdout, "Analytics Engineer") {
		t.Fatalf("postings: exit %d\n%s", code, stdout)
	}
	if code, stdout, stderr = runIn(t, cfg, "show", "acme", "1"); code != 0 ||
		!strings.Contains(stdout, "Senior Data Engineer  [open]") || !strings.Contains(stdout, "history (2):") ||
		!strings.Contains(stdout, "title: Data Engineer -> Senior Data Engineer") ||
		!regexp.MustCompile(`(?m)^  \S+ \S+  changed  v2$`).MatchString(stdout) {
		t.Fatalf("show acme 1: exit %d\n%s\n%s", code, stdout, stderr)
	}
	if code, stdout, _ = runIn(t, cfg, "show", "acme", "2"); code != 0 || !strings.Contains(stdout, "Analytics Engineer  [closed (last known version)]") || !strings.Contains(stdout, "removed") {
		t.Fatalf("show acme 2: exit %d\n%s", code, stdout)
	}
	if code, _, stderr = runIn(t, cfg, "show", "acme", "99"); code != ExitFailed || !strings.Contains(stderr, `no posting "99"`) {
		t.Fatalf("show acme 99: exit %d, %s", code, stderr)
	}

	// a database whose schema is not current is refused, naming migrate
	bare := pgtest.DB(t)
	setenv(t, testVar(t, "DATABASE_URL"), bare)
	code, _, stderr = runIn(t, cfg, "run")
	if code != ExitFailed || !strings.Contains(stderr, "run watcher migrate") {
		t.Fatalf("unmigrated database: exit %d, stderr %q", code, stderr)
	}
}

// TestImportGit: a snapshot folder's git history (two runs of the files
// store: two added; then one changed, one added, one removed) loads into
// the database as versions stamped with the commits' times; a run on the
// database then finds nothing new (the index came along); a second import
// skips the source.
func TestImportGit(t *testing.T) {
	s := newImportGitSetup(t, acmeSource)
	dsn, board, files, fleetCfg := s.dsn, s.board, s.files, s.fleet
	changed := fleetPosting(1, "Senior Data Engineer")
	changed.Updated = "2026-11-25T10:00:00Z"
	board.set(changed, fleetPosting(3, "Platform Engineer"))
	if code, stdout, stderr := runIn(t, files, "run"); code != 0 {
		t.Fatalf("files run 2: exit %d\n%s\n%s", code, stdout, stderr)
	}

	code, stdout, stderr := runIn(t, fleetCfg, "import-git")
	if code != 0 || stdout != "acme: 2 commits, 5 versions\n" {
		t.Fatalf("import-git: exit %d\n%s\n%s", code, stdout, stderr)
	}
	if c := rowCounts(t, dsn); c["postings"] != 3 || c["open"] != 2 || c["versions"] != 5 || c["events"] != 0 || c["deliver_jobs"] != 0 {
		t.Fatalf("after import-git: %v", c)
	}
	if code, stdout, _ = runIn(t, fleetCfg, "show", "acme", "1"); code != 0 || !strings.Contains(stdout, "title: Data Engineer -> Senior Data Engineer") {
		t.Fatalf("show after import-git: exit %d\n%s", code, stdout)
	}
	// the pipeline goes on from the imported state: nothing new
	code, stdout, stderr = runIn(t, fleetCfg, "run")
	if code != 0 || strings.Contains(stdout, "acme:") || !strings.Contains(stdout, "database: 0 versions") { // a quiet source prints no line (review s33 F10)
		t.Fatalf("run after import-git: exit %d\n%s\n%s", code, stdout, stderr)
	}
	if c := rowCounts(t, dsn); c["versions"] != 5 || c["events"] != 0 {
		t.Fatalf("the run after import-git wrote: %v", c)
	}
	if code, stdout, _ = runIn(t, fleetCfg, "import-git"); code != 0 || stdout != "acme: skipped: already has postings in the database\n" {
		t.Fatalf("second import-git: exit %d\n%s", code, stdout)
	}
	if code, _, stderr = runIn(t, files, "import-git"); code != ExitUsage || !strings.Contains(stderr, "import-git is for store: postgres") {
		t.Fatalf("import-git with the files store: exit %d, %s", code, stderr)
	}
}

// TestRunPostgresGuard: the guard holds on the database as on the folder:
// a listing that comes back empty is held as suspicious (no removal, a
// source.suspicious event, health suspicious); a posting gone from one
// listing is removed only after remove_after (2) runs; a board that fails
// makes the health failing and, at fail_after (1), a source.failed event.
func TestRunPostgresGuard(t *testing.T) {
	pgSuite(t)
	t.Parallel()
	if testing.Short() {
		t.Skip("starts PostgreSQL")
	}
	dsn := fleetDB(t)
	board := newFleetBoard(t, "acme")
	dbVar := testVar(t, "DATABASE_URL")
	setenv(t, dbVar, dsn)
	cfg := filepath.Join(t.TempDir(), "config.yaml")
	yml := fmt.Sprintf("store: postgres\ndatabase_url: ${"+dbVar+"}\nhttp: {per_host_delay: 1ms, retries: 1, timeout: 5s}\n"+
		"guard: {remove_after: 2, fail_after: 1, shrink_pause: 1ms}\nsources:\n  - {name: acme, type: greenhouse, company: Acme, board: acme, url: %q}\n", board.URL)
	if err := os.WriteFile(cfg, []byte(yml), 0o644); err != nil {
		t.Fatal(err)
	}
	health := func() (state string, events map[string]int) {
		ctx := context.Background()
		conn, err := pgx.Connect(ctx, dsn)
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close(ctx)
		conn.QueryRow(ctx, `SELECT state FROM source_health WHERE source = 'acme'`).Scan(&state)
		events = map[string]int{}
		rows, _ := conn.Query(ctx, `SELECT type FROM events`)
		var typ string
		pgx.ForEachRow(rows, []any{&typ}, func() error { events[typ]++; return nil })
		return state, events
	}
	board.set(fleetPosting(1, "A"), fleetPosting(2, "B"), fleetPosting(3, "C"))
	if code, stdout, stderr := runIn(t, cfg, "run"); code != 0 {
		t.Fatalf("run 1: exit %d\n%s\n%s", code, stdout, stderr)
	}
	board.set() // empty: suspicious
	if code, _, stderr := runIn(t, cfg, "run"); code != ExitFailed || !strings.Contains(stderr, "came back empty") {
		t.Fatalf("empty listing: exit %d\n%s", code, stderr)
	}
	if st, ev := health(); st != "suspicious" || ev["source.suspicious"] != 1 || ev["posting.removed"] != 0 || rowCounts(t, dsn)["open"] != 3 {
		t.Fatalf("after an empty listing: health %s, events %v, rows %v", st, ev, rowCounts(t, dsn))
	}
	board.set(fleetPosting(1, "A"), fleetPosting(2, "B")) // 3 gone: missing once, then removed
	if code, stdout, _ := runIn(t, cfg, "run"); code != 0 || !strings.Contains(stdout, "acme: 0 added, 0 removed, 0 changed") {
		t.Fatalf("run 3: exit %d\n%s", code, stdout)
	}
	if st, ev := health(); st != "ok" || ev["source.recovered"] != 1 || ev["posting.removed"] != 0 {
		t.Fatalf("after the listing came back: health %s, events %v", st, ev)
	}
	if code, stdout, _ := runIn(t, cfg, "run"); code != 0 || !strings.Contains(stdout, "acme: 0 added, 1 removed, 0 changed") {
		t.Fatalf("run 4 (removal after 2 runs): exit %d\n%s", code, stdout)
	}
	board.Close() // the board is down
	if code, _, _ := runIn(t, cfg, "run"); code != ExitFailed {
		t.Fatalf("board down: exit %d", code)
	}
	if st, ev := health(); st != "failing" || ev["source.failed"] != 1 || rowCounts(t, dsn)["open"] != 2 {
		t.Fatalf("after a failed run: health %s, events %v, rows %v", st, ev, rowCounts(t, dsn))
	}
}
