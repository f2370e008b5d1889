package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	goslack "github.com/slack-go/slack"

	"github.com/careers-watcher/careers-watcher/internal/notify/discord"
	"github.com/careers-watcher/careers-watcher/internal/notify/teams"
	"github.com/careers-watcher/careers-watcher/internal/notify/webhook"
	"github.com/careers-watcher/careers-watcher/internal/scrape/eightfold/fake"
)

const ntSecret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"

// sink is an HTTP receiver of one channel: it keeps every request and
// answers fail(n) for the n-th request (1-based; 0 means 200).
type sink struct {
	*httptest.Server
	mu   sync.Mutex
	reqs []sinkReq
	n    int
	fail func(n int) int
}

type sinkReq struct {
	Method, Path string
	Header       http.Header
	Body         []byte
	Status       int
}

func newSink(t *testing.T, fail func(n int) int) *sink {
	s := &sink{fail: fail}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		s.mu.Lock()
		s.n++
		status := 0
		if s.fail != nil {
			status = s.fail(s.n)
		}
		if status == 0 {
			status = http.StatusOK
		}
		s.reqs = append(s.reqs, sinkReq{r.Method, r.URL.Path, r.Header.Clone(), body, status})
		s.mu.Unlock()
		w.WriteHeader(status)
		if status >= 300 {
			fmt.Fprint(w, "receiver says no")
		}
	}))
	t.Cleanup(s.Close)
	return s
}

// ok returns and forgets the requests answered with 2xx.
func (s *sink) ok() []sinkReq {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []sinkReq
	for _, r := range s.reqs {
		if r.Status < 300 {
			out = append(out, r)
		}
	}
	s.reqs = nil
	return out
}

// ntJob is a posting of the fake Eightfold board: level in the title,
// required skills in the qualifications.
func ntJob(i int, team, level string, skills ...string) fake.Job {
	return fake.Job{
		ID: int64(880000000000 + i), Name: fmt.Sprintf("Machine Learning Engineer %d (%s)", i, level), Team: team,
		Locations: []string{"Los Gatos,California,United States of America"},
		TCreate:   1760000000, TUpdate: 1760000000 + int64(i), DisplayJobID: fmt.Sprintf("JR%05d", i),
		WorkLocationOption: "onsite",
		Description: fmt.Sprintf(`<p>Netflix is one of the world's leading entertainment services.</p>
<p><strong>Basic Qualifications</strong></p><ul><li>5+ years of experience with %s.</li></ul>
<p>The range for this role is $170,000 - $720,000.</p>`, strings.Join(skills, " and ")),
	}
}

func writeConfig(t *testing.T, dir, yml string) string {
	t.Helper()
	p := filepath.Join(dir, "config.yaml")
	if err := os.WriteFile(p, []byte(yml), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

const ntHTTP = `snapshots: snaps
git:
  author: "Test Watcher <test@example.com>"
http:
  user_agent: "careers-watcher-test/1.0"
  per_host_delay: 1ms
  timeout: 5s
  retries: 1
`

func decodeSlack(t *testing.T, body []byte) *goslack.WebhookMessage {
	t.Helper()
	var m goslack.WebhookMessage
	if err := json.Unmarshal(body, &m); err != nil {
		t.Fatalf("slack payload does not decode as a WebhookMessage: %v\n%s", err, body)
	}
	if m.Blocks == nil || len(m.Blocks.BlockSet) == 0 || len(m.Blocks.BlockSet) > 50 || m.Text == "" {
		t.Fatalf("slack payload: %d blocks, text %q", len(m.Blocks.BlockSet), m.Text)
	}
	return &m
}

// slackText is the fallback text and every header, section and context text.
func slackText(m *goslack.WebhookMessage) string {
	parts := []string{m.Text}
	for _, b := range m.Blocks.BlockSet {
		switch b := b.(type) {
		case *goslack.HeaderBlock:
			parts = append(parts, b.Text.Text)
		case *goslack.SectionBlock:
			if b.Text != nil {
				parts = append(parts, b.Text.Text)
			}
		case *goslack.ContextBlock:
			for _, el := range b.ContextElements.Elements {
				if tb, ok := el.(*goslack.TextBlockObject); ok {
					parts = append(parts, tb.Text)
				}
			}
		}
	}
	return strings.Join(parts, "\n")
}

// webhookEvents checks the Standard Webhooks signature of each request and
// returns the events as webhook-id -> body.
func webhookEvents(t *testing.T, reqs []sinkReq) map[string]map[string]any {
	t.Helper()
	out := map[string]map[string]any{}
	for _, r := range reqs {
		id, ts := r.Header.Get("webhook-id"), r.Header.Get("webhook-timestamp")
		n, _ := strconv.ParseInt(ts, 10, 64)
		want, _ := webhook.Sign(ntSecret, id, n, r.Body)
		if r.Method != http.MethodPost || r.Header.Get("Content-Type") != "application/json" || r.Header.Get("webhook-signature") != want {
			t.Fatalf("bad webhook request: %s %s sig %q want %q", r.Method, r.Header.Get("Content-Type"), r.Header.Get("webhook-signature"), want)
		}
		var m map[string]any
		if err := json.Unmarshal(r.Body, &m); err != nil {
			t.Fatalf("webhook body: %v", err)
		}
		out[id] = m
	}
	return out
}

func postingID(ev map[string]any) string {
	data, _ := ev["data"].(map[string]any)
	p, _ := data["posting"].(map[string]any)
	id, _ := p["id"].(string)
	return id
}

// One run sends one Slack, Discord and Teams message per source, one
// webhook POST per event, and a filtered webhook gets only the matching
// postings; a run without change sends nothing.
func TestRunNotifiesEveryChannel(t *testing.T) {
	nf := fake.New(t, "netflix.com", []fake.Job{
		ntJob(1, "Data & Insights", "L5", "Python", "PyTorch"),
		ntJob(2, "Data & Insights", "L4", "Python", "PyTorch"),
		ntJob(3, "Data & Insights", "L6", "Python", "TensorFlow"),
		ntJob(4, "Studio", "L6", "PyTorch"),
	})
	slackRx, discordRx, teamsRx := newSink(t, nil), newSink(t, nil), newSink(t, nil)
	hooksRx, mlRx := newSink(t, nil), newSink(t, nil)
	t.Setenv("NT_SLACK_URL", slackRx.URL+"/services/T000/B000/XXXXXXXXXXXX")
	t.Setenv("NT_DISCORD_URL", discordRx.URL+"/api/webhooks/1/tok")
	t.Setenv("NT_TEAMS_URL", teamsRx.URL+"/workflows/1?sig=abc")
	t.Setenv("NT_HOOK_URL", hooksRx.URL)
	t.Setenv("NT_ML_URL", mlRx.URL)
	t.Setenv("NT_SECRET", ntSecret)
	dir := t.TempDir()
	cfg := writeConfig(t, dir, ntHTTP+fmt.Sprintf(`sources:
  - {name: data, type: eightfold, company: Netflix, url: %[1]q, domain: netflix.com, teams: ["Data & Insights"]}
  - {name: studio, type: eightfold, company: Netflix, url: %[1]q, domain: netflix.com, teams: ["Studio"]}
notifiers:
  - {name: slack, type: slack, url: "${NT_SLACK_URL}"}
  - {name: discord, type: discord, url: "${NT_DISCORD_URL}", username: watcher}
  - {name: teams, type: teams, url: "${NT_TEAMS_URL}"}
  - {name: hooks, type: webhook, url: "${NT_HOOK_URL}", secret: "${NT_SECRET}", headers: {X-Team: data}}
  - name: ml-jobs
    type: webhook
    url: ${NT_ML_URL}
    secret: ${NT_SECRET}
    events: [posting.added]
    filter:
      levels: [L5+]
      skills_all: [PyTorch]
`, nf.URL))

	code, _, stderr := runIn(t, cfg, "run")
	if code != 0 {
		t.Fatalf("run: exit %d\n%s", code, stderr)
	}

	// Slack: one digest per source.
	got := map[string]string{}
	for _, r := range slackRx.ok() {
		if r.Method != http.MethodPost || r.Path != "/services/T000/B000/XXXXXXXXXXXX" || r.Header.Get("Content-Type") != "application/json" {
			t.Errorf("slack request %s %s %s", r.Method, r.Path, r.Header.Get("Content-Type"))
		}
		text := slackText(decodeSlack(t, r.Body))
		for _, src := range []string{"data", "studio"} {
			if strings.Contains(text, src+":") {
				got[src] += text
			}
		}
	}
	if len(got) != 2 {
		t.Fatalf("slack digests for %d sources, want one per source: %v", len(got), got)
	}
	for src, ids := range map[string][]int{"data": {1, 2, 3}, "studio": {4}} {
		for _, i := range ids {
			if !strings.Contains(got[src], fmt.Sprintf("Machine Learning Engineer %d", i)) {
				t.Errorf("slack digest of %s lacks posting %d:\n%s", src, i, got[src])
			}
		}
	}

	// Discord and Teams: one message per source, in their own formats.
	dreqs := discordRx.ok()
	if len(dreqs) != 2 {
		t.Fatalf("discord got %d messages, want 2", len(dreqs))
	}
	for _, r := range dreqs {
		var m discord.Message
		if err := json.Unmarshal(r.Body, &m); err != nil || m.Username != "watcher" || len(m.Content) > discord.MaxContent || len(m.Embeds) > discord.MaxEmbeds {
			t.Errorf("discord message (%v): %s", err, r.Body)
		}
	}
	treqs := teamsRx.ok()
	if len(treqs) != 2 {
		t.Fatalf("teams got %d messages, want 2", len(treqs))
	}
	for _, r := range treqs {
		var p teams.Payload
		if err := json.Unmarshal(r.Body, &p); err != nil || p.Type != "message" || len(p.Attachments) != 1 ||
			p.Attachments[0].ContentType != teams.ContentType || len(r.Body) > teams.MaxBytes {
			t.Errorf("teams message (%v): %s", err, r.Body)
		}
	}

	// Webhook: one POST per event, extra header set.
	hreqs := hooksRx.ok()
	evs := webhookEvents(t, hreqs)
	if len(hreqs) != 4 || len(evs) != 4 {
		t.Fatalf("webhook got %d requests (%d ids), want 4", len(hreqs), len(evs))
	}
	for _, r := range hreqs {
		if r.Header.Get("X-Team") != "data" {
			t.Errorf("X-Team = %q", r.Header.Get("X-Team"))
		}
	}

	// Filtered webhook: L5 and above, requires PyTorch.
	var ml []string
	for _, ev := range webhookEvents(t, mlRx.ok()) {
		ml = append(ml, postingID(ev))
	}
	sort.Strings(ml)
	if want := []string{"880000000001", "880000000004"}; !slices.Equal(ml, want) {
		t.Errorf("filtered webhook got %v, want %v", ml, want)
	}

	// The outbox is empty; a run without change sends nothing.
	if left, _ := filepath.Glob(filepath.Join(dir, "snaps", ".watcher", "outbox", "*.json")); len(left) != 0 {
		t.Errorf("outbox holds %v", left)
	}
	if code, _, stderr := runIn(t, cfg, "run"); code != 0 {
		t.Fatalf("second run: exit %d\n%s", code, stderr)
	}
	for name, s := range map[string]*sink{"slack": slackRx, "discord": discordRx, "teams": teamsRx, "hooks": hooksRx, "ml-jobs": mlRx} {
		if n := len(s.ok()); n != 0 {
			t.Errorf("a run without change sent %d messages to %s", n, name)
		}
	}

	// A new posting that does not pass the filter: every channel but ml-jobs.
	nf.SetJobs([]fake.Job{
		ntJob(1, "Data & Insights", "L5", "Python", "PyTorch"), ntJob(2, "Data & Insights", "L4", "Python", "PyTorch"),
		ntJob(3, "Data & Insights", "L6", "Python", "TensorFlow"), ntJob(4, "Studio", "L6", "PyTorch"),
		ntJob(5, "Data & Insights", "L3", "PyTorch"),
	})
	if code, _, stderr := runIn(t, cfg, "run"); code != 0 {
		t.Fatalf("third run: exit %d\n%s", code, stderr)
	}
	if n := len(slackRx.ok()); n != 1 {
		t.Errorf("slack got %d digests for one source's change, want 1", n)
	}
	if n := len(hooksRx.ok()); n != 1 {
		t.Errorf("webhook got %d events, want 1", n)
	}
	if n := len(mlRx.ok()); n != 0 {
		t.Errorf("the filtered webhook got %d events for an L3 posting", n)
	}
}

// A receiver that fails its first attempts, and a process that stops after
// each run (every `watcher run` is a new process state: a new Runner on the
// same snapshot directory): in the end every event is delivered, once per
// event id after de-duplication by webhook-id, nothing lost.
func TestNotificationsSurviveFailuresAndRestarts(t *testing.T) {
	const failFirst = 7
	jobs := []fake.Job{ntJob(1, "Data & Insights", "L5", "Python"), ntJob(2, "Data & Insights", "L4", "SQL"), ntJob(3, "Data & Insights", "L6", "Spark")}
	nf := fake.New(t, "netflix.com", jobs)
	hookRx := newSink(t, func(n int) int {
		if n <= failFirst {
			return []int{500, 503, 429, 502}[n%4]
		}
		return 0
	})
	slackRx := newSink(t, func(n int) int {
		if n <= 3 {
			return 503
		}
		return 0
	})
	t.Setenv("NT_HOOK_URL", hookRx.URL)
	t.Setenv("NT_SLACK_URL", slackRx.URL+"/services/T/B/X")
	t.Setenv("NT_SECRET", ntSecret)
	dir := t.TempDir()
	cfg := writeConfig(t, dir, ntHTTP+fmt.Sprintf(`sources:
  - {name: data, type: eightfold, company: Netflix, url: %q, domain: netflix.com, teams: ["Data & Insights"]}
notifiers:
  - {name: hooks, type: webhook, url: "${NT_HOOK_URL}", secret: "${NT_SECRET}"}
  - {name: slack, type: slack, url: "${NT_SLACK_URL}"}
`, nf.URL))

	// the true changes, run after run
	steps := [][]fake.Job{
		jobs, // 3 added
		append(slices.Clone(jobs), ntJob(4, "Data & Insights", "L5", "Go")), // 1 added
		nil,                     // job 2's pay changes
		nil, nil, nil, nil, nil, // quiet runs: only redelivery
	}
	changed := append(slices.Clone(jobs), ntJob(4, "Data & Insights", "L5", "Go"))
	changed[1].TUpdate++
	changed[1].Description = strings.Replace(changed[1].Description, "$170,000 - $720,000", "$200,000 - $750,000", 1)
	steps[2] = changed
	for i := 3; i < len(steps); i++ {
		steps[i] = changed
	}

	var all []sinkReq
	var slackSeen strings.Builder
	for i, js := range steps {
		nf.SetJobs(js)
		code, _, stderr := runIn(t, cfg, "run")
		if code != 0 {
			t.Fatalf("run %d: exit %d\n%s", i+1, code, stderr)
		}
		if strings.Contains(stderr, "/services/T/B/X") || strings.Contains(stderr, ntSecret) {
			t.Fatalf("run %d: a secret reached the log:\n%s", i+1, stderr)
		}
		all = append(all, hookRx.ok()...)
		for _, r := range slackRx.ok() {
			slackSeen.WriteString(slackText(decodeSlack(t, r.Body)))
		}
	}
	hookRx.mu.Lock()
	attempts := hookRx.n
	hookRx.mu.Unlock()
	if attempts <= failFirst {
		t.Fatalf("only %d attempts", attempts)
	}

	evs := webhookEvents(t, all) // de-duplicated by webhook-id
	types := map[string]int{}
	for _, ev := range evs {
		types[ev["type"].(string)]++
	}
	if types["posting.added"] != 4 || types["posting.changed"] != 1 || len(evs) != 5 {
		t.Fatalf("delivered after de-duplication: %v (%d requests), want 4 added and 1 changed", types, len(all))
	}
	for i := 1; i <= 4; i++ {
		if !strings.Contains(slackSeen.String(), fmt.Sprintf("Machine Learning Engineer %d", i)) {
			t.Errorf("no slack digest mentions posting %d", i)
		}
	}
	if left, _ := filepath.Glob(filepath.Join(dir, "snaps", ".watcher", "outbox", "*.json")); len(left) != 0 {
		t.Errorf("outbox still holds %v", left)
	}
}

// `watcher notify test` sends a sample straight through each notifier and
// prints ok or the error, which never holds the secret URL.
func TestNotifyTestCommand(t *testing.T) {
	okRx := newSink(t, nil)
	badRx := newSink(t, func(int) int { return http.StatusNotFound })
	hookRx := newSink(t, nil)
	t.Setenv("NT_SLACK_URL", okRx.URL+"/services/T/B/S3CR3TTOKEN")
	t.Setenv("NT_BAD_URL", badRx.URL+"/api/webhooks/1/S3CR3TTOKEN")
	t.Setenv("NT_HOOK_URL", hookRx.URL+"/in?token=S3CR3TTOKEN")
	dir := t.TempDir()
	cfg := writeConfig(t, dir, ntHTTP+`sources:
  - {name: data, type: greenhouse, board: data}
notifiers:
  - {name: slack, type: slack, url: "${NT_SLACK_URL}", events: [posting.removed], filter: {levels: [L8]}}
  - {name: gone, type: discord, url: "${NT_BAD_URL}"}
  - {name: hooks, type: webhook, url: "${NT_HOOK_URL}", sources: [data]}
  - {name: console, type: stdout}
`)
	code, stdout, stderr := runIn(t, cfg, "notify", "test")
	if code != 1 {
		t.Fatalf("exit %d, want 1\nstdout:\n%s\nstderr:\n%s", code, stdout, stderr)
	}
	for _, want := range []string{"slack: ok\n", `gone: discord "gone": status 404`, "hooks: ok\n", "console: ok\n", "Test Notification"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("stdout lacks %q:\n%s", want, stdout)
		}
	}
	if strings.Contains(stdout+stderr, "S3CR3TTOKEN") {
		t.Errorf("the secret URL reached the output:\n%s\n%s", stdout, stderr)
	}
	// the sample goes through, whatever the routes' filters say
	reqs := okRx.ok()
	if len(reqs) != 1 {
		t.Fatalf("slack got %d messages", len(reqs))
	}
	if text := slackText(decodeSlack(t, reqs[0].Body)); !strings.Contains(text, "Test Notification") {
		t.Errorf("slack sample:\n%s", text)
	}
	hreqs := hookRx.ok()
	if len(hreqs) != 1 || hreqs[0].Header.Get("webhook-id") == "" {
		t.Fatalf("webhook got %d requests", len(hreqs))
	}
	// nothing went through the outbox
	if left, _ := filepath.Glob(filepath.Join(dir, "snaps", ".watcher", "outbox", "*.json")); len(left) != 0 {
		t.Errorf("notify test used the outbox: %v", left)
	}

	// one notifier by name, flags after it
	var outb, errb bytes.Buffer
	code = Main([]string{"notify", "test", "slack", "-c", cfg}, &outb, &errb)
	if code != 0 || outb.String() != "slack: ok\n" {
		t.Fatalf("notify test slack: exit %d, stdout %q, stderr %q", code, outb.String(), errb.String())
	}
	if n := len(okRx.ok()); n != 1 {
		t.Errorf("slack got %d messages", n)
	}
	if n := len(hookRx.ok()); n != 0 {
		t.Errorf("an unnamed notifier got %d messages", n)
	}
	// unknown name, bad usage, bad config: exit 2
	if code, _, stderr := runIn(t, cfg, "notify", "test", "nope"); code != 2 || !strings.Contains(stderr, `unknown notifier "nope" (configured: slack, gone, hooks, console)`) {
		t.Errorf("unknown notifier: exit %d, %s", code, stderr)
	}
	if code, _, _ := runIn(t, cfg, "notify"); code != 2 {
		t.Errorf("notify without test: exit %d", code)
	}
	bad := writeConfig(t, t.TempDir(), "sources:\n  - {name: a, type: greenhouse, board: a}\nnotifiers:\n  - {name: s, type: slack}\n")
	if code, _, stderr := runIn(t, bad, "notify", "test"); code != 2 || !strings.Contains(stderr, "notifiers[0].url: is required for type slack") {
		t.Errorf("bad config: exit %d, %s", code, stderr)
	}
}

// The email channel wired from the config delivers to a real SMTP server
// (mailpit), when it is installed.
func TestRunSendsEmail(t *testing.T) {
	t.Parallel()
	bin, err := exec.LookPath("mailpit")
	if err != nil {
		gp, _ := exec.Command("go", "env", "GOPATH").Output()
		bin = filepath.Join(strings.TrimSpace(string(gp)), "bin", "mailpit")
		if _, err := os.Stat(bin); err != nil {
			t.Skip("mailpit not installed (go install github.com/axllent/mailpit@v1.33.1)")
		}
	}
	port := func() int {
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		defer l.Close()
		return l.Addr().(*net.TCPAddr).Port
	}
	smtpPort, httpPort := port(), port()
	api := "http://127.0.0.1:" + strconv.Itoa(httpPort)
	cmd := exec.Command(bin, "--smtp", "127.0.0.1:"+strconv.Itoa(smtpPort), "--listen", "127.0.0.1:"+strconv.Itoa(httpPort),
		"--database", filepath.Join(t.TempDir(), "mailpit.db"), "--disable-version-check", "--quiet")
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		t.Fatalf("start mailpit: %v", err)
	}
	t.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
	for deadline := time.Now().Add(20 * time.Second); ; time.Sleep(50 * time.Millisecond) {
		if resp, err := http.Get(api + "/api/v1/messages"); err == nil {
			resp.Body.Close()
			if c, err := net.Dial("tcp", "127.0.0.1:"+strconv.Itoa(smtpPort)); err == nil {
				c.Close()
				break
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("mailpit did not start:\n%s", out.String())
		}
	}

	nf := fake.New(t, "netflix.com", []fake.Job{ntJob(1, "Data & Insights", "L5", "Python"), ntJob(2, "Data & Insights", "L6", "Go")})
	dir := t.TempDir()
	cfg := writeConfig(t, dir, ntHTTP+fmt.Sprintf(`sources:
  - {name: data, type: eightfold, company: Netflix, url: %q, domain: netflix.com, teams: ["Data & Insights"]}
notifiers:
  - name: mail
    type: email
    host: 127.0.0.1
    port: %d
    tls: none
    from: "careers-watcher <watcher@example.com>"
    to: [jobs@example.com]
    subject: "[jobs] {{.Header}}"
`, nf.URL, smtpPort))
	if code, _, stderr := runIn(t, cfg, "run"); code != 0 {
		t.Fatalf("run: exit %d\n%s", code, stderr)
	}
	resp, err := http.Get(api + "/api/v1/messages")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var list struct {
		Total    int `json:"total"`
		Messages []struct {
			Subject string `json:"Subject"`
		} `json:"messages"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&list); err != nil {
		t.Fatal(err)
	}
	if list.Total != 1 || len(list.Messages) != 1 || list.Messages[0].Subject != "[jobs] data: 2 added" {
		t.Fatalf("mailpit holds %+v, want one digest of 2 added", list)
	}
	if code, stdout, _ := runIn(t, cfg, "notify", "test", "mail"); code != 0 || stdout != "mail: ok\n" {
		t.Fatalf("notify test mail: exit %d, %q", code, stdout)
	}
}
