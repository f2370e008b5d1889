package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestReportPostgresConfigSources: the report of a shared database covers
// the config's sources, not another team's board in the same database,
// and a configured source with nothing stored yet is reported empty
// (with --source too), not an error.
func TestReportPostgresConfigSources(t *testing.T) {
	pgSuite(t)
	if testing.Short() {
		t.Skip("starts PostgreSQL")
	}
	t.Parallel()
	dsn := fleetDB(t)
	ours := newFleetBoard(t, "acme")
	ours.set(fleetPosting(1, "Data Engineer"))
	theirs := newFleetBoard(t, "acme")
	theirs.set(fleetPosting(7, "Other Team's Job"), fleetPosting(8, "Another"))
	other := fleetConfig(t, dsn, "http://127.0.0.1:1/unused", map[string]string{"theirs": theirs.URL})
	if code, stdout, stderr := runIn(t, other, "run"); code != 0 {
		t.Fatalf("the other team's run: exit %d\n%s\n%s", code, stdout, stderr)
	}
	cfg := fleetConfig(t, dsn, "http://127.0.0.1:1/unused", map[string]string{"acme": ours.URL})
	if code, stdout, stderr := runIn(t, cfg, "run"); code != 0 {
		t.Fatalf("run: exit %d\n%s\n%s", code, stdout, stderr)
	}
	// a source added to the config that has not run yet
	b, err := os.ReadFile(cfg)
	if err != nil {
		t.Fatal(err)
	}
	yml := strings.Replace(string(b), "sources:\n", "sources:\n  - {name: quiet, type: greenhouse, company: Quiet, board: quiet, url: \"http://127.0.0.1:1/unused\"}\n", 1)
	if err := os.WriteFile(filepath.Join(filepath.Dir(cfg), "config.yaml"), []byte(yml), 0o644); err != nil {
		t.Fatal(err)
	}

	code, out, stderr := runIn(t, cfg, "report", "--format", "json")
	if code != 0 {
		t.Fatalf("report: exit %d\n%s", code, stderr)
	}
	var rep struct {
		Open    int `json:"open_postings"`
		Sources []struct {
			Name     string `json:"name"`
			Postings int    `json:"postings"`
		} `json:"sources"`
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	var got []string
	for _, s := range rep.Sources {
		got = append(got, s.Name)
	}
	if rep.Open != 1 || strings.Join(got, ",") != "acme,quiet" || strings.Contains(out, "Other Team") {
		t.Errorf("report: open %d, sources %v; want 1 open, acme and quiet only\n%s", rep.Open, got, out)
	}
	code, out, stderr = runIn(t, cfg, "report", "--source", "quiet", "--format", "json")
	if code != 0 || !strings.Contains(out, `"open_postings": 0`) {
		t.Errorf("--source quiet: exit %d, want an empty report\n%s\n%s", code, out, stderr)
	}
	if code, _, stderr = runIn(t, cfg, "report", "--source", "theirs"); code != ExitUsage || !strings.Contains(stderr, `--source "theirs": no such source in the config`) {
		t.Errorf("--source theirs: exit %d, stderr %q", code, stderr)
	}
}
