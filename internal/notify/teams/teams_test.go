package teams

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
	"github.com/careers-watcher/careers-watcher/internal/notify"
	"github.com/careers-watcher/careers-watcher/internal/notify/notifytest"
	"github.com/careers-watcher/careers-watcher/internal/retry"
)

const hostile = "<!channel> & <script>alert(1)</script> @everyone [x](https://evil.example) **b**"

func added(i int, title string) notify.Event { return notifytest.Added(i, title) }

const secretQuery = "api-version=1&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=S1GS1GS1GS1GS1G"

// refusal is the body of Teams' failing answers.
const refusal = `{"error":{"code":"DirectApiAuthorizationRequired","message":"bad"}}`

// answers are the receiver's answers with those statuses: a failing one
// carries Teams' refusal body.
func answers(statuses []int, hdr []map[string]string) []notifytest.Answer {
	a := notifytest.Script("", statuses, hdr)
	for i := range a {
		if a[i].Status >= 400 {
			a[i].Body = refusal
		}
	}
	return a
}

func setup(t *testing.T, rc *notifytest.Recorder, o Options) (*Teams, string) {
	t.Helper()
	u := rc.URL + "/workflows/abcdef0123456789/triggers/manual/paths/invoke?" + secretQuery
	o.Name, o.URL, o.Client, o.Logger = "team-channel", u, rc.Client(), notifytest.Quiet()
	if o.Retry == (retry.Policy{}) {
		o.Retry = notifytest.Fast
	}
	tm, err := New(o)
	if err != nil {
		t.Fatal(err)
	}
	return tm, u
}

func decode(t *testing.T, body []byte) Payload {
	t.Helper()
	if len(body) > MaxBytes {
		t.Errorf("body %d bytes > %d", len(body), MaxBytes)
	}
	var p Payload
	dec := json.NewDecoder(strings.NewReader(string(body)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&p); err != nil {
		t.Fatalf("decode: %v\n%s", err, body)
	}
	if p.Type != "message" || len(p.Attachments) != 1 || p.Attachments[0].ContentType != "application/vnd.microsoft.card.adaptive" {
		t.Fatalf("envelope %s", body)
	}
	c := p.Attachments[0].Content
	if c.Type != "AdaptiveCard" || c.Version == "" || c.Schema == "" || len(c.Body) == 0 {
		t.Fatalf("card %s", body)
	}
	if !strings.Contains(string(body), `"contentUrl":null`) {
		t.Error("contentUrl should be null")
	}
	return p
}

func texts(p Payload) string {
	var out []string
	for _, e := range p.Attachments[0].Content.Body {
		out = append(out, e.Text)
	}
	return strings.Join(out, "\n")
}

func TestPayload(t *testing.T) {
	rc := notifytest.NewRecorder(t)
	tm, _ := setup(t, rc, Options{UserAgent: "cw-test/1"})
	ch := added(2, "Data Engineer")
	ch.Type = notify.PostingChanged
	ch.Data.Changes = []model.Change{{Field: "salary", Old: map[string]any{"min": 1.0, "max": 2.0, "currency": "USD", "period": "hour"}, New: nil}}
	if err := tm.NotifyDigest(context.Background(), "netflix", []notify.Event{added(1, "ML Engineer (L5)"), ch}); err != nil {
		t.Fatal(err)
	}
	r := rc.Requests()[0]
	if r.Method != http.MethodPost || r.Header.Get("Content-Type") != "application/json" || r.Header.Get("User-Agent") != "cw-test/1" || r.URL.Query().Get("sig") != "S1GS1GS1GS1GS1G" {
		t.Errorf("request %s %v %v", r.Method, r.Header, r.URL)
	}
	p := decode(t, rc.Bodies()[0])
	all := texts(p)
	for _, want := range []string{"netflix\n1 added, 1 changed\nAdded (1)\n", "**[ML Engineer \\(L5\\)](https://explore.jobs.netflix.net/careers/job/p001)** · L5 · Los Gatos, US · USD 100,000-720,000/year", "Changed (1)", "- salary -USD 1-2/hour"} {
		if !strings.Contains(all, want) {
			t.Errorf("card lacks %q:\n%s", want, all)
		}
	}
}

func TestHostileTitle(t *testing.T) {
	rc := notifytest.NewRecorder(t)
	tm, _ := setup(t, rc, Options{})
	if err := tm.Notify(context.Background(), added(1, hostile)); err != nil {
		t.Fatal(err)
	}
	all := texts(decode(t, rc.Bodies()[0]))
	want := `**[\<!channel\> & \<script\>alert\(1\)\</script\> @` + "\u2060" + `everyone \[x\]\(https://evil.example\) \*\*b\*\*](https://explore.jobs.netflix.net/careers/job/p001)**`
	if !strings.Contains(all, want) {
		t.Errorf("card\n%s\nlacks\n%s", all, want)
	}
}

func TestSizeCut(t *testing.T) {
	rc := notifytest.NewRecorder(t)
	tm, _ := setup(t, rc, Options{HistoryURL: "https://github.com/me/jobs/tree/main/snapshots/"})
	var events []notify.Event
	for i := range 400 {
		events = append(events, added(i, strings.Repeat("Senior Machine Learning Engineer <&> ", 4)))
	}
	if err := tm.NotifyDigest(context.Background(), "netflix", events); err != nil {
		t.Fatal(err)
	}
	if len(rc.Bodies()[0]) < MaxBytes-2048 {
		t.Errorf("body %d bytes: the cut leaves too much room", len(rc.Bodies()[0]))
	}
	p := decode(t, rc.Bodies()[0])
	body := p.Attachments[0].Content.Body
	last := body[len(body)-1].Text
	shown := strings.Count(texts(p), "**[")
	if want := fmt.Sprintf("… and %d more postings: [https://github.com/me/jobs/tree/main/snapshots/netflix](https://github.com/me/jobs/tree/main/snapshots/netflix)", 400-shown); last != want {
		t.Errorf("last %q, want %q", last, want)
	}
}

func TestErrors(t *testing.T) {
	for _, tc := range []struct {
		name     string
		statuses []int
		hdr      []map[string]string
		want     string
		reqs     int
	}{
		{"202", []int{202}, nil, "", 1},
		{"429 then 202", []int{429, 202}, []map[string]string{{"Retry-After": "1"}}, "", 2},
		{"401 permanent", []int{401}, nil, `teams "team-channel": status 401: {"error":{"code":"DirectApiAuthorizationRequired","message":"bad"}}`, 1},
		{"503 exhausted", []int{503}, nil, `teams "team-channel": status 503: {"error":{"code":"DirectApiAuthorizationRequired","message":"bad"}}`, 4},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rc := notifytest.NewRecorder(t, answers(tc.statuses, tc.hdr)...)
			tm, u := setup(t, rc, Options{})
			err := tm.Notify(context.Background(), added(1, "x"))
			if tc.want == "" && err != nil {
				t.Fatal(err)
			}
			if tc.want != "" {
				if err == nil || err.Error() != tc.want {
					t.Fatalf("err = %v, want %q", err, tc.want)
				}
				notifytest.NoSecret(t, "error", err.Error(), u, "S1GS1G", "abcdef0123456789")
			}
			if len(rc.Requests()) != tc.reqs {
				t.Errorf("%d requests, want %d", len(rc.Requests()), tc.reqs)
			}
		})
	}
}

// One attempt per call, as the outbox runs notifiers: every failing status
// is retryable or permanent as notifytest.Failures says.
func TestFailuresOneAttempt(t *testing.T) {
	notifytest.CheckFailures(t, func(t *testing.T, rc *notifytest.Recorder) (string, error) {
		tm, u := setup(t, rc, Options{Retry: retry.Policy{Attempts: 1}})
		return u, tm.Notify(context.Background(), added(1, "x"))
	}, "S1GS1G", "abcdef0123456789")
}

func TestNetworkErrorNoSecret(t *testing.T) {
	srv := httptest.NewServer(http.NotFoundHandler())
	u := srv.URL + "/workflows/x/invoke?" + secretQuery
	srv.Close()
	tm, err := New(Options{Name: "tc", URL: u, Logger: notifytest.Quiet(), Retry: retry.Policy{Attempts: 1}})
	if err != nil {
		t.Fatal(err)
	}
	err = tm.Notify(context.Background(), added(1, "x"))
	if err == nil || strings.Contains(err.Error(), "S1GS1G") || strings.Contains(err.Error(), "sig=") {
		t.Errorf("err = %v", err)
	}
}

func TestTemplateFallback(t *testing.T) {
	rc := notifytest.NewRecorder(t)
	tm, _ := setup(t, rc, Options{Template: `{{index .Added 5}}`})
	if err := tm.Notify(context.Background(), added(1, "Fallback")); err != nil {
		t.Fatal(err)
	}
	if all := texts(decode(t, rc.Bodies()[0])); !strings.Contains(all, "[Fallback]") {
		t.Errorf("no default card: %s", all)
	}
	rc2 := notifytest.NewRecorder(t)
	tm2, _ := setup(t, rc2, Options{Template: "{{range .Items}}* {{markdown .Title}}\n{{end}}"})
	if err := tm2.NotifyDigest(context.Background(), "netflix", []notify.Event{added(1, "A_b"), added(2, "C")}); err != nil {
		t.Fatal(err)
	}
	if all := texts(decode(t, rc2.Bodies()[0])); !strings.HasSuffix(all, "* A\\_b\n* C") {
		t.Errorf("templated card: %q", all)
	}
}
