package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
	"github.com/careers-watcher/careers-watcher/internal/scrape/eightfold/fake"
	"github.com/careers-watcher/careers-watcher/internal/serve"
)

// hostileJob is a posting whose board wrote markup, a script link and
// control characters.
func hostileJob() fake.Job {
	j := netflixJob(77)
	j.Name = `<script>alert("x")</script> Engineer "L5" & co`
	return j
}

// twoRuns makes a snapshot folder by two real runs against the stand-in
// Eightfold board: 6 postings (one hostile), then one new and one with a new pay
// range, and one closed by the third run. The webhook's ${VARS} are unset afterwards.
func twoRuns(t *testing.T) *env {
	t.Helper()
	var jobs []fake.Job
	for i := 0; i < 5; i++ {
		jobs = append(jobs, netflixJob(i))
	}
	jobs = append(jobs, hostileJob())
	e := newEnv(t, jobs)
	if code, _, stderr := e.run(t, "run"); code != 0 {
		t.Fatalf("first run: exit %d\n%s", code, stderr)
	}
	changed := append([]fake.Job(nil), jobs[1:]...)
	changed = append(changed, netflixJob(100))
	changed[1].TUpdate++ // job 2: new pay
	changed[1].Description = strings.Replace(changed[1].Description, "$170,000 - $720,000", "$200,000 - $750,000", 1)
	e.nf.SetJobs(changed)
	if code, _, stderr := e.run(t, "run"); code != 0 {
		t.Fatalf("second run: exit %d\n%s", code, stderr)
	}
	// job 0 is removed once it has been missing from two runs
	if code, _, stderr := e.run(t, "run"); code != 0 {
		t.Fatalf("third run: exit %d\n%s", code, stderr)
	}
	os.Unsetenv(e.urlVar)
	os.Unsetenv(e.secretVar)
	return e
}

func TestStatusPostingsShowOnRealRuns(t *testing.T) {
	t.Parallel()
	e := twoRuns(t)

	// status: the notifiers' ${VARS} are unset and not needed
	code, out, stderr := e.run(t, "status")
	if code != 0 {
		t.Fatalf("status: exit %d\n%s", code, stderr)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 2 || !strings.HasPrefix(lines[0], "SOURCE") {
		t.Fatalf("status table:\n%s", out)
	}
	f := strings.Fields(lines[1])
	if f[0] != "netflix-data-insights" || f[1] != "eightfold" || f[2] != "Netflix" || f[3] != "ok" || f[10] != "6" || f[11] != "-" {
		t.Fatalf("status row %q", lines[1])
	}
	// report: neither needs them
	if code, out, stderr := e.run(t, "report"); code != 0 || !strings.Contains(out, "Data Engineer") {
		t.Fatalf("report with the notifiers' ${VARS} unset: exit %d\n%s%s", code, out, stderr)
	}
	code, out, stderr = e.run(t, "status", "--json")
	if code != 0 {
		t.Fatalf("status --json: exit %d\n%s", code, stderr)
	}
	var sts []serve.Status
	if err := json.Unmarshal([]byte(out), &sts); err != nil || len(sts) != 1 {
		t.Fatalf("status --json: %v\n%s", err, out)
	}
	if s := sts[0]; s.Open != 6 || s.Health != "ok" || s.LastChange == nil || s.LastRun == nil || s.LastSuccess == nil || s.NextRun == nil || s.Generation == 0 {
		t.Fatalf("status --json: %+v", s)
	}

	// postings: filters of the notifier language
	code, out, stderr = e.run(t, "postings", "--json")
	if code != 0 {
		t.Fatalf("postings: exit %d\n%s", code, stderr)
	}
	var ps []model.Posting
	if err := json.Unmarshal([]byte(out), &ps); err != nil || len(ps) != 6 {
		t.Fatalf("postings --json: %d postings, %v", len(ps), err)
	}
	code, out, _ = e.run(t, "postings", "--min-pay", "730000", "--json")
	if err := json.Unmarshal([]byte(out), &ps); code != 0 || err != nil || len(ps) != 1 || ps[0].ID != "790311790002" {
		t.Fatalf("postings --min-pay 730000: exit %d, %v, %+v", code, err, ps)
	}
	code, out, _ = e.run(t, "postings", "--level", "L6+", "--json")
	if err := json.Unmarshal([]byte(out), &ps); code != 0 || err != nil || len(ps) != 0 {
		t.Fatalf("postings --level L6+: exit %d, %v, %d postings", code, err, len(ps))
	}
	// an empty table: the header on stdout, a hint on stderr (review s22
	// F12 c)
	code, out, stderr = e.run(t, "postings", "--level", "L6+")
	if code != 0 || strings.Count(out, "\n") != 1 || !strings.Contains(stderr, "no open postings match") || !strings.Contains(stderr, "watcher status") {
		t.Fatalf("postings --level L6+: exit %d\n%s\n%s", code, out, stderr)
	}
	code, out, _ = e.run(t, "postings", "--skill", "Python", "--location", "US", "--role", "Data Engineer", "--sort", "-title")
	rows := strings.Split(strings.TrimSpace(out), "\n")
	if code != 0 || len(rows) != 6 || !strings.Contains(rows[1], "Data Engineer 4 (L5)") || !strings.Contains(rows[5], "Data Engineer 1 (L5)") {
		t.Fatalf("postings table, sorted by -title: exit %d\n%s", code, out)
	}
	code, out, _ = e.run(t, "postings", "--title", `<script>`)
	if code != 0 || strings.Count(out, "\n") != 2 || !strings.Contains(out, `<script>alert("x")</script> Engineer "L5" & co`) {
		t.Fatalf("postings --title: exit %d\n%s", code, out)
	}
	if code, _, stderr = e.run(t, "postings", "--level", "L9-L4"); code != ExitUsage || !strings.Contains(stderr, "empty range") {
		t.Fatalf("bad level: exit %d\n%s", code, stderr)
	}
	if code, _, stderr = e.run(t, "postings", "--source", "nope"); code != ExitUsage {
		t.Fatalf("unknown source: exit %d\n%s", code, stderr)
	}

	// show: the changed posting with its history, old -> new
	code, out, stderr = e.run(t, "show", "netflix-data-insights", "790311790002")
	if code != 0 {
		t.Fatalf("show: exit %d\n%s", code, stderr)
	}
	for _, want := range []string{"Data Engineer 2 (L5)  [open]", "history (2):", "  changed  ", "  added  ",
		"salary: 170000-720000 USD/year -> (none)", "salary: (none) -> 200000-750000 USD/year"} {
		if !strings.Contains(out, want) {
			t.Errorf("show lacks %q:\n%s", want, out)
		}
	}
	code, out, stderr = e.run(t, "show", "netflix-data-insights", "790311790000", "--json")
	if code != 0 {
		t.Fatalf("show closed: exit %d\n%s", code, stderr)
	}
	var d serve.Detail
	if err := json.Unmarshal([]byte(out), &d); err != nil {
		t.Fatal(err)
	}
	if d.Open || d.Posting == nil || d.Posting.ID != "790311790000" || len(d.History) != 2 ||
		d.History[0].Type != "posting.removed" || d.History[1].Type != "posting.added" {
		t.Fatalf("show closed posting: %+v", d)
	}
	if code, _, _ = e.run(t, "show", "netflix-data-insights", "nope"); code != ExitFailed {
		t.Fatalf("show unknown id: exit %d", code)
	}
	if _, err := os.Stat(filepath.Join(e.dir, "snaps", ".watcher", "index", "netflix-data-insights.json")); err != nil {
		t.Fatal(err)
	}
}

func TestStatusShowsAFailingSource(t *testing.T) {
	t.Parallel()
	e := newEnv(t, []fake.Job{netflixJob(1), netflixJob(2)})
	if code, _, stderr := e.run(t, "run"); code != 0 {
		t.Fatalf("first run: exit %d\n%s", code, stderr)
	}
	e.nf.FailList(func(int) (int, string) { return 503, "down" })
	for i := 0; i < 2; i++ {
		if code, _, _ := e.run(t, "run"); code != ExitFailed {
			t.Fatalf("failing run %d: exit %d", i, code)
		}
	}
	code, out, stderr := e.run(t, "status", "--json")
	if code != 0 {
		t.Fatalf("status: exit %d\n%s", code, stderr)
	}
	var sts []serve.Status
	if err := json.Unmarshal([]byte(out), &sts); err != nil || len(sts) != 1 {
		t.Fatalf("%v\n%s", err, out)
	}
	if s := sts[0]; s.Health != "failing" || s.Failures != 2 || s.Open != 2 || s.HealthText() != "failing 2" {
		t.Fatalf("status of a failing source: %+v", s)
	}
	if _, out, _ = e.run(t, "status"); !strings.Contains(out, "failing 2") {
		t.Fatalf("status table:\n%s", out)
	}
}
