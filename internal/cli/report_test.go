package cli

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/scrape/eightfold/fake"
)

// TestReportCommand: after two runs the report counts the open postings by
// role and level and their skills, in every format.
func TestReportCommand(t *testing.T) {
	t.Parallel()
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
	// "-o -" is stdout, not a file named "-" (review s20 F14)
	if code, stdout, stderr := e.run(t, "report", "--format", "json", "-o", "-", "--since", "2020-01-01"); code != 0 || !strings.Contains(stdout, "Data Engineer") {
		t.Fatalf("report -o -: exit %d, stdout %d bytes\n%s", code, len(stdout), stderr)
	}
	if _, err := os.Stat("-"); err == nil {
		t.Fatal("report -o - wrote a file named -")
	}
	for _, bad := range [][]string{{"--format", "pdf"}, {"--since", "yesterday"}, {"--source", "nope"}} {
		code, _, _ := e.run(t, append([]string{"report"}, bad...)...)
		if code == 0 {
			t.Errorf("report %v succeeded", bad)
		}
	}
}

// TestReportOnShallowClone: `watcher report` on a `git clone --depth 2` of
// a snapshot repository reports over the history the clone has, and says
// that the history is cut.
func TestReportOnShallowClone(t *testing.T) {
	t.Parallel()
	gitBin, err := exec.LookPath("git")
	if err != nil {
		t.Skip("no git binary to clone with")
	}
	var jobs []fake.Job
	for i := 1; i <= 6; i++ {
		jobs = append(jobs, netflixJob(i))
	}
	e := newEnv(t, jobs[:3])
	for n := 3; n <= 6; n++ { // four commits, one more posting each
		e.nf.SetJobs(jobs[:n])
		if code, _, stderr := e.run(t, "run"); code != 0 {
			t.Fatalf("run: %d %s", code, stderr)
		}
	}
	clone := filepath.Join(e.dir, "clone")
	if out, err := exec.Command(gitBin, "clone", "-q", "--depth", "2", "file://"+filepath.Join(e.dir, "snaps"), clone).CombinedOutput(); err != nil {
		t.Fatalf("git clone: %v\n%s", err, out)
	}
	cfg, _ := os.ReadFile(e.cfg)
	shallowCfg := filepath.Join(e.dir, "shallow.yaml")
	os.WriteFile(shallowCfg, []byte(strings.Replace(string(cfg), "snapshots: snaps", "snapshots: clone", 1)), 0o644)
	code, stdout, stderr := runIn(t, shallowCfg, "report", "--format", "json", "--since", "2020-01-01")
	if code != 0 {
		t.Fatalf("report on a shallow clone: exit %d\n%s", code, stderr)
	}
	var rep struct {
		Notes []string
		Trend struct {
			Available bool
			Opened    int
			Commits   int
		}
	}
	if err := json.Unmarshal([]byte(stdout), &rep); err != nil {
		t.Fatalf("report json: %v\n%s", err, stdout)
	}
	// the clone has the last two commits: the one before is its baseline,
	// the last one opened one posting
	if !rep.Trend.Available || rep.Trend.Opened != 1 || rep.Trend.Commits != 1 {
		t.Fatalf("trend %+v, want 1 posting opened over 1 commit\n%s", rep.Trend, stdout)
	}
	if !strings.Contains(strings.Join(rep.Notes, "\n"), "shallow") {
		t.Fatalf("notes %q do not say the history is cut", rep.Notes)
	}
}
