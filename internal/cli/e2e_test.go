package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/go-git/go-git/v5"

	"github.com/careers-watcher/careers-watcher/internal/notify/webhook"
	"github.com/careers-watcher/careers-watcher/internal/scrape/eightfold/fake"
)

const secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"

// receiver is a webhook endpoint that checks signatures and keeps events.
type receiver struct {
	*httptest.Server
	mu     sync.Mutex
	events []received
	bad    []string
}

type received struct {
	ID   string
	Type string
	Body map[string]any
}

func newReceiver(t *testing.T) *receiver {
	rc := &receiver{}
	rc.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		id, ts := r.Header.Get("webhook-id"), r.Header.Get("webhook-timestamp")
		n, _ := strconv.ParseInt(ts, 10, 64)
		want, _ := webhook.Sign(secret, id, n, body)
		rc.mu.Lock()
		defer rc.mu.Unlock()
		if r.Method != http.MethodPost || r.Header.Get("Content-Type") != "application/json" || r.Header.Get("webhook-signature") != want {
			rc.bad = append(rc.bad, fmt.Sprintf("%s %s sig=%q want %q", r.Method, r.Header.Get("Content-Type"), r.Header.Get("webhook-signature"), want))
		}
		var m map[string]any
		if err := json.Unmarshal(body, &m); err != nil {
			rc.bad = append(rc.bad, "invalid JSON body")
		}
		typ, _ := m["type"].(string)
		rc.events = append(rc.events, received{ID: id, Type: typ, Body: m})
	}))
	t.Cleanup(rc.Close)
	return rc
}

// take returns and forgets the events received so far.
func (rc *receiver) take(t *testing.T) []received {
	t.Helper()
	rc.mu.Lock()
	defer rc.mu.Unlock()
	if len(rc.bad) > 0 {
		t.Fatalf("bad webhook deliveries: %v", rc.bad)
	}
	out := rc.events
	rc.events = nil
	return out
}

func countTypes(evs []received) map[string]int {
	m := map[string]int{}
	for _, e := range evs {
		m[e.Type]++
	}
	return m
}

// env is a config, a fake Eightfold server and a webhook receiver.
type env struct {
	dir, cfg string
	nf       *fake.Server
	hook     *receiver
	// urlVar and secretVar name the environment variables the config's
	// webhook reads (${urlVar}, ${secretVar}): names of this env's own, so
	// that tests using newEnv run in parallel without sharing one.
	urlVar, secretVar string
}

// envVars numbers the variable names of each newEnv.
var envVars atomic.Int64

// setenv sets a variable of the process for the test's duration. Unlike
// t.Setenv it allows t.Parallel: callers use names no other test uses.
func setenv(t *testing.T, name, value string) {
	t.Helper()
	if err := os.Setenv(name, value); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Unsetenv(name) })
}

func netflixJob(i int) fake.Job {
	return fake.Job{
		ID: int64(790311790000 + i), Name: fmt.Sprintf("Data Engineer %d (L5)", i), Team: "Data & Insights",
		Locations: []string{"Los Gatos,California,United States of America"},
		TCreate:   1760000000, TUpdate: 1760000000 + int64(i), DisplayJobID: fmt.Sprintf("JR%05d", i),
		WorkLocationOption: "onsite",
		Description: `<p>Netflix is one of the world's leading entertainment services.</p>
<p><strong>What you will do</strong></p><ul><li>Build batch and streaming pipelines in Spark and Flink.</li></ul>
<p><strong>Basic Qualifications</strong></p><ul><li>5+ years of experience with Python and SQL.</li></ul>
<p><strong>Preferred Qualifications</strong></p><ul><li>Experience with Kafka.</li></ul>
<p>The range for this role is $170,000 - $720,000.</p>`,
	}
}

func newEnv(t *testing.T, jobs []fake.Job) *env {
	e := &env{dir: t.TempDir(), nf: fake.New(t, "netflix.com", jobs), hook: newReceiver(t)}
	n := envVars.Add(1)
	e.urlVar, e.secretVar = fmt.Sprintf("TEST_WEBHOOK_URL_%d", n), fmt.Sprintf("TEST_WEBHOOK_SECRET_%d", n)
	setenv(t, e.urlVar, e.hook.URL)
	setenv(t, e.secretVar, secret)
	e.cfg = filepath.Join(e.dir, "config.yaml")
	cfg := fmt.Sprintf(`snapshots: snaps
git:
  author: "Test Watcher <test@example.com>"
http:
  user_agent: "careers-watcher-test/1.0"
  per_host_delay: 1ms
  timeout: 5s
  retries: 2
guard:
  shrink_pause: 1ms
sources:
  - name: netflix-data-insights
    type: eightfold
    company: Netflix
    url: %s
    domain: netflix.com
    teams: ["Data & Insights"]
notifiers:
  - name: console
    type: stdout
  - name: hooks
    type: webhook
    url: ${%s}
    secret: ${%s}
`, e.nf.URL, e.urlVar, e.secretVar)
	if err := os.WriteFile(e.cfg, []byte(cfg), 0o644); err != nil {
		t.Fatal(err)
	}
	return e
}

func (e *env) run(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := Main(append(args, "-c", e.cfg), &out, &errb)
	return code, out.String(), errb.String()
}

func (e *env) snapDir() string { return filepath.Join(e.dir, "snaps", "netflix-data-insights") }

// files reads every snapshot file of the source.
func (e *env) files(t *testing.T) map[string]string {
	t.Helper()
	out := map[string]string{}
	ents, err := os.ReadDir(e.snapDir())
	if err != nil {
		t.Fatal(err)
	}
	for _, en := range ents {
		if !strings.HasSuffix(en.Name(), ".json") {
			continue
		}
		b, err := os.ReadFile(filepath.Join(e.snapDir(), en.Name()))
		if err != nil {
			t.Fatal(err)
		}
		out[en.Name()] = string(b)
	}
	return out
}

// head returns the HEAD commit's hash and message of the snapshot repository.
func (e *env) head(t *testing.T) (string, string) {
	t.Helper()
	repo, err := git.PlainOpen(filepath.Join(e.dir, "snaps"))
	if err != nil {
		t.Fatal(err)
	}
	ref, err := repo.Head()
	if err != nil {
		t.Fatal(err)
	}
	c, err := repo.CommitObject(ref.Hash())
	if err != nil {
		t.Fatal(err)
	}
	return ref.Hash().String(), c.Message
}

func TestRunEndToEnd(t *testing.T) {
	t.Parallel()
	var jobs []fake.Job
	for i := 0; i < 12; i++ {
		jobs = append(jobs, netflixJob(i))
	}
	other := netflixJob(50)
	other.Team = "Studio"
	e := newEnv(t, append(jobs, other))

	// 1. First run: every posting of the team is added, in one commit.
	code, stdout, stderr := e.run(t, "run")
	if code != 0 {
		t.Fatalf("first run: exit %d\n%s", code, stderr)
	}
	evs := e.hook.take(t)
	if c := countTypes(evs); c["posting.added"] != 12 || len(evs) != 12 {
		t.Fatalf("first run: events %v, want 12 posting.added", c)
	}
	if n := strings.Count(stdout, "added"); n < 12 {
		t.Fatalf("stdout names %d added postings:\n%s", n, stdout)
	}
	files := e.files(t)
	if len(files) != 12 {
		t.Fatalf("%d snapshot files, want 12", len(files))
	}
	first := files["790311790005.json"]
	for _, want := range []string{`"id": "790311790005"`, `"source": "netflix-data-insights"`, `"company": "Netflix"`,
		`"levels": [`, `"L5"`, `"country": "US"`, `"min": 170000`, `"max": 720000`, `"requisition_id": "JR00005"`} {
		if !strings.Contains(first, want) {
			t.Errorf("snapshot lacks %s:\n%s", want, first)
		}
	}
	readme, err := os.ReadFile(filepath.Join(e.snapDir(), "README.md"))
	if err != nil || !strings.Contains(string(readme), "Data Engineer 5 (L5)") {
		t.Fatalf("the source's README.md lacks its postings: %v\n%s", err, readme)
	}
	hash1, msg := e.head(t)
	if !strings.HasPrefix(msg, "netflix-data-insights: 12 added\n") || !strings.Contains(msg, "790311790005 Data Engineer 5 (L5)") {
		t.Fatalf("first commit message:\n%s", msg)
	}
	list, detail := e.nf.Count()
	if list != 2 || detail != 12 {
		t.Fatalf("first run: %d list and %d detail requests, want 2 and 12", list, detail)
	}

	// 2. The same listing again: no event, no commit, no detail request.
	code, _, stderr = e.run(t, "run")
	if code != 0 {
		t.Fatalf("second run: exit %d\n%s", code, stderr)
	}
	if evs := e.hook.take(t); len(evs) != 0 {
		t.Fatalf("second run sent %d events", len(evs))
	}
	if h, _ := e.head(t); h != hash1 {
		t.Fatal("second run made a commit")
	}
	if l, d := e.nf.Count(); l != list+2 || d != detail {
		t.Fatalf("second run: %d list and %d detail requests, want 2 and 0", l-list, d-detail)
	}
	if !equalMaps(files, e.files(t)) {
		t.Fatal("second run changed snapshot files")
	}

	// 3. One posting gone, one new, one with a new pay range, one with a
	// bumped update stamp but the same content.
	changed := append([]fake.Job(nil), jobs[1:]...)
	changed = append(changed, netflixJob(100), other)
	changed[4].TUpdate++ // job 5
	changed[4].Description = strings.Replace(changed[4].Description, "$170,000 - $720,000", "$200,000 - $750,000", 1)
	changed[5].TUpdate++ // job 6: same content
	e.nf.SetJobs(changed)
	code, _, stderr = e.run(t, "run")
	if code != 0 {
		t.Fatalf("third run: exit %d\n%s", code, stderr)
	}
	evs = e.hook.take(t)
	if c := countTypes(evs); c["posting.added"] != 1 || c["posting.changed"] != 1 || len(evs) != 2 {
		t.Fatalf("third run: events %v, want 1 added, 1 changed (the closed one is pending removal)", c)
	}
	_, msg = e.head(t)
	if !strings.HasPrefix(msg, "netflix-data-insights: 1 added, 1 changed, 1 missing (removal pending)\n") {
		t.Fatalf("third commit message:\n%s", msg)
	}
	// still missing on the next run: now it is reported removed
	code, _, stderr = e.run(t, "run")
	if code != 0 {
		t.Fatalf("fourth run: exit %d\n%s", code, stderr)
	}
	evs = append(evs, e.hook.take(t)...)
	if c := countTypes(evs); c["posting.removed"] != 1 || len(evs) != 3 {
		t.Fatalf("third and fourth runs: events %v, want 1 added, 1 removed, 1 changed", c)
	}
	for _, ev := range evs {
		data := ev.Body["data"].(map[string]any)
		id := data["posting"].(map[string]any)["id"]
		switch ev.Type {
		case "posting.added":
			if id != "790311790100" {
				t.Errorf("added %v", id)
			}
		case "posting.removed":
			if id != "790311790000" {
				t.Errorf("removed %v", id)
			}
		case "posting.changed":
			if id != "790311790005" || data["previous"] == nil {
				t.Errorf("changed %v, previous %v", id, data["previous"])
			}
			var fields []string
			for _, c := range data["changes"].([]any) {
				fields = append(fields, c.(map[string]any)["field"].(string))
			}
			if strings.Join(fields, ",") != "salary,salary,description" {
				t.Errorf("changed fields %v, want salary (old, new) and description", fields)
			}
		}
	}
	hash3, msg := e.head(t)
	if hash3 == hash1 || !strings.HasPrefix(msg, "netflix-data-insights: 1 removed\n") {
		t.Fatalf("fourth commit message:\n%s", msg)
	}
	if _, err := os.Stat(filepath.Join(e.snapDir(), "790311790000.json")); !os.IsNotExist(err) {
		t.Fatal("the removed posting's file is still there")
	}
	if l, d := e.nf.Count(); d-detail != 3 {
		t.Fatalf("third and fourth runs fetched %d details (list %d), want 3: new, changed, re-stamped", d-detail, l)
	}

	// 4. The listing fails on its second page: exit 1, nothing removed,
	// snapshot and history untouched.
	before := e.files(t)
	e.nf.FailList(func(start int) (int, string) {
		if start == 10 {
			return 500, "internal error"
		}
		return 0, ""
	})
	e.nf.SetJobs(changed)
	code, _, stderr = e.run(t, "run")
	if code != 1 || !strings.Contains(stderr, "netflix-data-insights") || !strings.Contains(stderr, "status 500") {
		t.Fatalf("failing page: exit %d, stderr:\n%s", code, stderr)
	}
	if evs := e.hook.take(t); len(evs) != 0 {
		t.Fatalf("failed run sent events: %v", countTypes(evs))
	}
	// the failure streak is state a one-shot CI job must keep: it is
	// committed, and nothing else is
	if h, msg := e.head(t); h == hash3 || msg != "netflix-data-insights: fetch failed (1 in a row)\n" {
		t.Fatalf("failed run: commit %q", msg)
	}
	if !equalMaps(before, e.files(t)) {
		t.Fatal("failed run changed snapshot files")
	}

	// 5. Rate limited (Eightfold answers 403): a failed run, not an empty listing.
	e.nf.SetJobs(nil)
	e.nf.FailList(func(int) (int, string) { return 403, "Forbidden" })
	code, _, stderr = e.run(t, "run")
	if code != 1 || !strings.Contains(stderr, "status 403") {
		t.Fatalf("rate limited: exit %d, stderr:\n%s", code, stderr)
	}
	if evs := e.hook.take(t); len(evs) != 0 {
		t.Fatalf("rate-limited run sent events: %v", countTypes(evs))
	}
	if !equalMaps(before, e.files(t)) {
		t.Fatal("rate-limited run changed snapshot files")
	}
}

func TestSameInputGivesByteIdenticalSnapshots(t *testing.T) {
	t.Parallel()
	var jobs []fake.Job
	for i := 0; i < 5; i++ {
		jobs = append(jobs, netflixJob(i))
	}
	a, b := newEnv(t, jobs), newEnv(t, jobs)
	for _, e := range []*env{a, b} {
		if code, _, stderr := e.run(t, "run"); code != 0 {
			t.Fatalf("exit %d: %s", code, stderr)
		}
	}
	fa, fb := a.files(t), b.files(t)
	if len(fa) != 5 {
		t.Fatalf("%d files", len(fa))
	}
	// the URLs differ only in the fake servers' ports, which the snapshots do not hold
	if !equalMaps(fa, fb) {
		t.Fatal("same input, different snapshot bytes")
	}
	for name, content := range fa {
		if !strings.HasSuffix(content, "}\n") || strings.Contains(content, "\t") {
			t.Errorf("%s: not 2-space indented with a trailing newline", name)
		}
	}
}

// A failed detail (404, timeout) is one posting's problem, not the
// listing's: the other postings are recorded, a known posting whose detail
// failed keeps its snapshot, a new one is left for the next run (no event
// yet), nothing is removed, the source is not failed (exit 0, the failures
// counted in the log); the next run fetches those details again.
func TestDetailFailureKeepsTheRest(t *testing.T) {
	t.Parallel()
	e := newEnv(t, []fake.Job{netflixJob(1), netflixJob(2), netflixJob(3)})
	if code, _, stderr := e.run(t, "run"); code != 0 {
		t.Fatalf("first run: %d %s", code, stderr)
	}
	e.hook.take(t)
	before := e.files(t)
	j2, j3 := netflixJob(2), netflixJob(3)
	j2.TUpdate, j2.Name = j2.TUpdate+100, "Data Engineer 2 renamed (L5)"
	j3.TUpdate, j3.Name = j3.TUpdate+100, "Data Engineer 3 renamed (L5)"
	e.nf.SetJobs([]fake.Job{netflixJob(1), j2, j3, netflixJob(4)})
	failing := map[int64]bool{790311790002: true, 790311790004: true}
	e.nf.FailDetail(func(id int64) (int, string) {
		if failing[id] {
			return 404, "gone"
		}
		return 0, ""
	})
	code, stdout, stderr := e.run(t, "run")
	if code != 0 {
		t.Fatalf("a failed detail failed the run: exit %d\n%s", code, stderr)
	}
	for _, want := range []string{"posting detail failed", "source=netflix-data-insights", "posting=790311790002", "posting=790311790004", "url=https://explore.jobs.netflix.net/careers/job/790311790004", "detail_failures=2"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	if c := countTypes(e.hook.take(t)); len(c) != 1 || c["posting.changed"] != 1 {
		t.Fatalf("events %v, want only the change of posting 3", c)
	}
	if !strings.Contains(stdout, "Data Engineer 3 renamed") || strings.Contains(stdout, "Data Engineer 2 renamed") {
		t.Fatalf("stdout:\n%s", stdout)
	}
	after := e.files(t)
	if after["790311790002.json"] != before["790311790002.json"] {
		t.Fatal("the known posting whose detail failed lost its snapshot")
	}
	if _, ok := after["790311790004.json"]; ok {
		t.Fatal("the new posting whose detail failed was recorded")
	}
	if after["790311790003.json"] == before["790311790003.json"] {
		t.Fatal("the other posting's change was not recorded")
	}
	// the details answer again: the next run catches up, once
	e.nf.FailDetail(nil)
	if code, _, stderr := e.run(t, "run"); code != 0 {
		t.Fatalf("next run: %d %s", code, stderr)
	}
	if c := countTypes(e.hook.take(t)); len(c) != 2 || c["posting.changed"] != 1 || c["posting.added"] != 1 {
		t.Fatalf("next run: events %v, want the change of 2 and the addition of 4", c)
	}
	if code, _, _ := e.run(t, "run"); code != 0 || len(e.hook.take(t)) != 0 {
		t.Fatal("a quiet run after catching up sent events")
	}
}

func TestSourceFlagAndUnknownSource(t *testing.T) {
	t.Parallel()
	e := newEnv(t, []fake.Job{netflixJob(1)})
	if code, _, stderr := e.run(t, "run", "--source", "nope"); code != 2 || !strings.Contains(stderr, `"nope"`) {
		t.Fatalf("unknown source: exit %d, %s", code, stderr)
	}
	if code, _, stderr := e.run(t, "run", "--source", "netflix-data-insights"); code != 0 {
		t.Fatalf("exit %d, %s", code, stderr)
	}
}

func equalMaps(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	keys := make([]string, 0, len(a))
	for k := range a {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if a[k] != b[k] {
			return false
		}
	}
	return true
}

// A listing that shrank is held as suspicious (exit 1, snapshot kept)
// until the user accepts it with --allow-shrink: in that one run, every
// posting it lacks is removed, one event each; the next plain run is quiet.
func TestAllowShrinkFlag(t *testing.T) {
	t.Parallel()
	var jobs []fake.Job
	for i := 1; i <= 12; i++ {
		jobs = append(jobs, netflixJob(i))
	}
	e := newEnv(t, jobs)
	if code, _, stderr := e.run(t, "run"); code != 0 {
		t.Fatalf("first run: %d %s", code, stderr)
	}
	e.hook.take(t)
	for _, left := range [][]fake.Job{jobs[:3], nil} {
		e.nf.SetJobs(left)
		code, _, stderr := e.run(t, "run")
		if code != 1 || !strings.Contains(stderr, "kept the snapshot") {
			t.Fatalf("shrunk listing: exit %d\n%s", code, stderr)
		}
		if evs := e.hook.take(t); len(evs) > 1 || len(evs) == 1 && evs[0].Type != "source.suspicious" {
			t.Fatalf("events %v, want at most one source.suspicious", countTypes(evs))
		}
		if len(e.files(t)) != 12 {
			t.Fatal("a held shrink removed snapshot files")
		}
	}
	e.nf.SetJobs(jobs[:3])
	code, stdout, stderr := e.run(t, "run", "--allow-shrink")
	if code != 0 {
		t.Fatalf("accepted shrink: exit %d\n%s", code, stderr)
	}
	c := countTypes(e.hook.take(t))
	if c["posting.removed"] != 9 || c["source.recovered"] != 1 || len(c) != 2 {
		t.Fatalf("after accepting: events %v, want 9 removed and source.recovered", c)
	}
	if n := strings.Count(stdout, "- removed"); n != 9 {
		t.Fatalf("%d removal lines on stdout, want 9:\n%s", n, stdout)
	}
	if len(e.files(t)) != 3 {
		t.Fatalf("%d snapshot files after the accepted shrink, want 3", len(e.files(t)))
	}
	if code, stdout, stderr := e.run(t, "run"); code != 0 || stdout != "" {
		t.Fatalf("the run after: exit %d, stdout %q\n%s", code, stdout, stderr)
	}
	if evs := e.hook.take(t); len(evs) != 0 {
		t.Fatalf("the run after sent %v", countTypes(evs))
	}
}

// A taxonomy addition that clashes with the embedded taxonomy is a config
// problem that validate reports (exit 2), not a failure at run time.
func TestValidateChecksTheTaxonomy(t *testing.T) {
	t.Parallel()
	yml := "taxonomy:\n  skills:\n    - {name: Pythonx, category: language, aliases: [Golang]}\nsources:\n  - {name: x, type: eightfold, url: \"https://explore.jobs.netflix.net\", domain: netflix.com}\nnotifiers:\n  - {name: c, type: stdout}\n"
	code, _, stderr, _ := runYAML(t, yml, "validate")
	if code != 2 || !strings.Contains(stderr, "taxonomy.skills") || !strings.Contains(stderr, "Golang") {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
}
