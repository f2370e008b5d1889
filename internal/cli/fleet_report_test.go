package cli

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestReportPostgresMatchesFiles: the report of a database is the report
// of the snapshot folder it was loaded from. A folder gets three runs
// committed to git (two postings; one changed, one added, one closed;
// one more added), import-git loads its history into the database, and
// `report --format json` of both agree in every key but the trend's head
// (a commit for the folder, "" for the database) and the notes; the text
// report says where the trend ends. --source is checked against the
// database.
func TestReportPostgresMatchesFiles(t *testing.T) {
	pgSuite(t)
	if testing.Short() {
		t.Skip("starts PostgreSQL")
	}
	t.Parallel()
	dsn := fleetDB(t)
	board := newFleetBoard(t, "acme")
	cfg := fleetConfig(t, dsn, "http://127.0.0.1:1/unused", map[string]string{"acme": board.URL})
	dir := filepath.Dir(cfg)
	files := filepath.Join(dir, "files.yaml")
	yml := fmt.Sprintf("snapshots: snaps\nhttp: {per_host_delay: 1ms, retries: 1, timeout: 5s}\nguard: {remove_after: 1, shrink_pause: 1ms}\ngit: {commit: true}\n"+
		"sources:\n  - {name: acme, type: greenhouse, company: Acme, board: acme, url: %q}\n", board.URL)
	if err := os.WriteFile(files, []byte(yml), 0o644); err != nil {
		t.Fatal(err)
	}
	python := fleetPosting(3, "Platform Engineer")
	python.Content = "<p>Requirements: Python and Kubernetes.</p>"
	changed := fleetPosting(1, "Senior Data Engineer")
	changed.Updated = "2026-11-25T10:00:00Z"
	for i, jobs := range [][]fleetJob{
		{fleetPosting(1, "Data Engineer"), fleetPosting(2, "Analytics Engineer")},
		{changed, python},
		{changed, python, fleetPosting(4, "Data Scientist")},
	} {
		// git stamps commits to the second, and import-git versions with
		// the commit's time: each run in a second of its own, so that the
		// database tells the three writes apart as git tells the commits
		time.Sleep(time.Until(time.Now().Truncate(time.Second).Add(time.Second)))
		board.set(jobs...)
		if code, stdout, stderr := runIn(t, files, "run"); code != 0 {
			t.Fatalf("run %d on the folder: exit %d\n%s\n%s", i+1, code, stdout, stderr)
		}
	}
	if code, stdout, stderr := runIn(t, cfg, "import-git", "--from", filepath.Join(dir, "snaps")); code != 0 {
		t.Fatalf("import-git: exit %d\n%s\n%s", code, stdout, stderr)
	}

	decode := func(who, out string) map[string]any {
		t.Helper()
		var m map[string]any
		if err := json.Unmarshal([]byte(out), &m); err != nil {
			t.Fatalf("%s: %v\n%s", who, err, out)
		}
		trend := m["trend"].(map[string]any)
		if trend["available"] != true {
			t.Fatalf("%s: no trend: %v", who, m["notes"])
		}
		trend["head"] = "(head)"
		delete(m, "notes")
		delete(m, "generated_at")
		return m
	}
	code, fromFiles, stderr := runIn(t, files, "report", "--format", "json")
	if code != 0 {
		t.Fatalf("report on the folder: exit %d\n%s", code, stderr)
	}
	code, fromDB, stderr := runIn(t, cfg, "report", "--format", "json")
	if code != 0 {
		t.Fatalf("report on the database: exit %d\n%s", code, stderr)
	}
	a, b := decode("folder", fromFiles), decode("database", fromDB)
	ja, _ := json.MarshalIndent(a, "", " ")
	jb, _ := json.MarshalIndent(b, "", " ")
	if string(ja) != string(jb) {
		t.Fatalf("the database's report differs from the folder's:\nfolder:\n%s\ndatabase:\n%s", ja, jb)
	}
	// not a vacuous match: the trend saw the changes
	tr := b["trend"].(map[string]any)
	if tr["opened"] != 2.0 || tr["closed"] != 1.0 || tr["start_postings"] != 2.0 || tr["end_postings"] != 3.0 || tr["commits"] != 3.0 {
		t.Errorf("trend %v: want 2 opened, 1 closed, 2 → 3 postings, 3 writes", tr)
	}
	if b["open_postings"] != 3.0 {
		t.Errorf("open postings %v, want 3", b["open_postings"])
	}

	code, text, stderr := runIn(t, cfg, "report")
	if code != 0 || !strings.Contains(text, "to now: 3 writes changed the postings. Open postings 2 → 3: 2 opened, 1 closed.") {
		t.Errorf("text report on the database: exit %d\n%s\n%s", code, text, stderr)
	}
	code, _, stderr = runIn(t, cfg, "report", "--source", "nope")
	if code != ExitUsage || !strings.Contains(stderr, `--source "nope": no such source in the config`) {
		t.Errorf("--source nope: exit %d, stderr %q", code, stderr)
	}
}
