package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/scrape/eightfold/fake"
)

// TestReportCommand: after two runs the report counts the open postings by
// role and level and their skills, in every format.
func TestReportCommand(t *testing.T) {
	jobs := []fake.Job{netflixJob(1), netflixJob(2), netflixJob(3)}
	jobs[2].Name = "Research Scientist (L6)"
	e := newEnv(t, jobs)
	if code, _, stderr := e.run(t, "run"); code != 0 {
		t.Fatalf("run: %d %s", code, stderr)
	}
	e.nf.SetJobs(jobs[:2])
	e.run(t, "run")

	code, stdout, stderr := e.run(t, "report", "--format", "json")
	if code != 0 {
		t.Fatalf("report: exit %d\n%s", code, stderr)
	}
	var rep map[string]any
	if err := json.Unmarshal([]byte(stdout), &rep); err != nil {
		t.Fatalf("report json: %v\n%s", err, stdout)
	}
	for _, want := range []string{"Data Engineer", "Research Scientist", "L5", "L6", "Python", "SQL"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("json report lacks %q", want)
		}
	}
	out := filepath.Join(e.dir, "report.html")
	if code, _, stderr := e.run(t, "report", "--format", "html", "-o", out, "--since", "2020-01-01"); code != 0 {
		t.Fatalf("html report: exit %d\n%s", code, stderr)
	}
	html, err := os.ReadFile(out)
	if err != nil || !strings.Contains(string(html), "<svg") {
		t.Fatalf("html report without charts: %v", err)
	}
	for _, bad := range [][]string{{"--format", "pdf"}, {"--since", "yesterday"}, {"--source", "nope"}} {
		code, _, _ := e.run(t, append([]string{"report"}, bad...)...)
		if code == 0 {
			t.Errorf("report %v succeeded", bad)
		}
	}
}
