package discord

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/careers-watcher/careers-watcher/internal/model"
	"github.com/careers-watcher/careers-watcher/internal/notify"
	"github.com/careers-watcher/careers-watcher/internal/notify/notifytest"
	"github.com/careers-watcher/careers-watcher/internal/retry"
)

const hostile = "<!channel> & <script>alert(1)</script> @everyone [x](https://evil.example) **b**"

func added(i int, title string) notify.Event { return notifytest.Added(i, title) }

// noContent is Discord's answer to a delivered message.
var noContent = notifytest.Answer{Status: 204}

func setup(t *testing.T, rc *notifytest.Recorder, o Options) (*Discord, string) {
	t.Helper()
	u := rc.URL + "/api/webhooks/123456/T0KENT0KENT0KEN"
	o.Name, o.URL, o.Client, o.Logger = "jobs", u, rc.Client(), notifytest.Quiet()
	if o.Retry == (retry.Policy{}) {
		o.Retry = notifytest.Fast
	}
	d, err := New(o)
	if err != nil {
		t.Fatal(err)
	}
	return d, u
}

// decode parses a payload and checks Discord's limits and that no mention
// can fire.
func decode(t *testing.T, body []byte) Message {
	t.Helper()
	var m Message
	dec := json.NewDecoder(strings.NewReader(string(body)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&m); err != nil {
		t.Fatalf("decode: %v\n%s", err, body)
	}
	if !strings.Contains(string(body), `"allowed_mentions":{"parse":[]}`) {
		t.Errorf("mentions not disabled: %s", body)
	}
	if n := utf8.RuneCountInString(m.Content); n > MaxContent {
		t.Errorf("content %d chars", n)
	}
	if len(m.Embeds) > MaxEmbeds {
		t.Errorf("%d embeds", len(m.Embeds))
	}
	total := 0
	for i, e := range m.Embeds {
		if utf8.RuneCountInString(e.Title) > MaxTitle || utf8.RuneCountInString(e.Description) > MaxDescription || len(e.Fields) > MaxFields {
			t.Errorf("embed %d over a limit", i)
		}
		total += e.Chars()
	}
	if total > MaxEmbedTotal {
		t.Errorf("embeds total %d chars", total)
	}
	all := m.Content
	for _, e := range m.Embeds {
		all += "\n" + e.Description
	}
	if regexp.MustCompile(`@(everyone|here)`).MatchString(all) {
		t.Errorf("live mention in %q", all)
	}
	return m
}

func TestPayload(t *testing.T) {
	rc := notifytest.NewRecorder(t, noContent)
	d, _ := setup(t, rc, Options{Username: "watcher", UserAgent: "cw-test/1"})
	ch := added(9, "Data Engineer")
	ch.Type = notify.PostingChanged
	ch.Data.Changes = []model.Change{{Field: "levels", Old: "L5", New: nil}, {Field: "levels", New: "L6"}, {Field: "team", Old: "A", New: "B"}}
	if err := d.NotifyDigest(context.Background(), "netflix", []notify.Event{added(1, "ML Engineer (L5)"), ch}); err != nil {
		t.Fatal(err)
	}
	r := rc.Requests()[0]
	if r.Method != http.MethodPost || r.Header.Get("Content-Type") != "application/json" || r.Header.Get("User-Agent") != "cw-test/1" {
		t.Errorf("method %s headers %v", r.Method, r.Header)
	}
	m := decode(t, rc.Bodies()[0])
	if m.Content != "**netflix**: 1 added, 1 changed" || m.Username != "watcher" {
		t.Errorf("content %q username %q", m.Content, m.Username)
	}
	if len(m.Embeds) != 2 || m.Embeds[0].Title != "Added (1)" || m.Embeds[1].Title != "Changed (1)" {
		t.Fatalf("embeds %+v", m.Embeds)
	}
	if want := "• [ML Engineer \\(L5\\)](https://explore.jobs.netflix.net/careers/job/p001) · L5 · Los Gatos, US · USD 100,000-720,000/year"; m.Embeds[0].Description != want {
		t.Errorf("description\n%q\nwant\n%q", m.Embeds[0].Description, want)
	}
	for _, want := range []string{"  ◦ levels +L6 -L5", "  ◦ team A → B"} {
		if !strings.Contains(m.Embeds[1].Description, want) {
			t.Errorf("changes lack %q: %q", want, m.Embeds[1].Description)
		}
	}
}

func TestHostileTitle(t *testing.T) {
	rc := notifytest.NewRecorder(t, noContent)
	d, _ := setup(t, rc, Options{})
	if err := d.Notify(context.Background(), added(1, hostile)); err != nil {
		t.Fatal(err)
	}
	m := decode(t, rc.Bodies()[0])
	desc := m.Embeds[0].Description
	want := `• [\<!channel\> & \<script\>alert\(1\)\</script\> @` + "\u2060" + `everyone \[x\]\(https://evil.example\) \*\*b\*\*](https://explore.jobs.netflix.net/careers/job/p001)`
	if !strings.HasPrefix(desc, want) {
		t.Errorf("description\n%q\nwant prefix\n%q", desc, want)
	}
}

func TestDigestCut(t *testing.T) {
	rc := notifytest.NewRecorder(t, noContent)
	d, _ := setup(t, rc, Options{})
	var events []notify.Event
	for i := range 60 {
		events = append(events, added(i, strings.Repeat("Senior Machine Learning Engineer ", 3)))
	}
	for i := range 30 {
		e := added(100+i, "x")
		e.Type = notify.PostingRemoved
		events = append(events, e)
	}
	events = append(events, notify.Event{ID: "evt_f", Type: notify.SourceFailed, Data: notify.Data{Source: "netflix", Error: "status 503"}})
	if err := d.NotifyDigest(context.Background(), "netflix", events); err != nil {
		t.Fatal(err)
	}
	m := decode(t, rc.Bodies()[0])
	shown := 0
	for _, e := range m.Embeds {
		shown += strings.Count(e.Description, "• ")
	}
	if shown == 0 || shown >= len(events) {
		t.Fatalf("%d of %d shown", shown, len(events))
	}
	if want := fmt.Sprintf("… and %d more postings in the snapshot folder netflix/", len(events)-shown); !strings.Contains(m.Content, want) {
		t.Errorf("content %q lacks %q", m.Content, want)
	}
}

func TestRetryAfterBody(t *testing.T) {
	rc := notifytest.NewRecorder(t,
		notifytest.Answer{Status: 429, Body: `{"message": "You are being rate limited.", "retry_after": 0.2, "global": false}`},
		noContent)
	d, _ := setup(t, rc, Options{Retry: retry.Policy{Attempts: 2, Base: time.Nanosecond, Max: 5 * time.Second}})
	if err := d.Notify(context.Background(), added(1, "x")); err != nil {
		t.Fatal(err)
	}
	reqs := rc.Requests()
	if len(reqs) != 2 {
		t.Fatalf("%d requests", len(reqs))
	}
	if gap := reqs[1].Time.Sub(reqs[0].Time); gap < 200*time.Millisecond || gap > 3*time.Second {
		t.Errorf("second try after %v, want the 0.2s of retry_after", gap)
	}
}

func TestErrors(t *testing.T) {
	for _, tc := range []struct {
		name    string
		answers []notifytest.Answer
		want    string
		reqs    int
	}{
		{"404 permanent", []notifytest.Answer{{Status: 404, Body: `{"message": "Unknown Webhook", "code": 10015}`}}, `discord "jobs": status 404: {"message": "Unknown Webhook", "code": 10015}`, 1},
		{"400 permanent", []notifytest.Answer{{Status: 400, Body: `{"embeds": ["0"]}`}}, `discord "jobs": status 400: {"embeds": ["0"]}`, 1},
		{"5xx exhausted", []notifytest.Answer{{Status: 502}}, `discord "jobs": status 502`, 4},
		{"500 then ok", []notifytest.Answer{{Status: 500}, {Status: 204}}, "", 2},
		{"429 header only", []notifytest.Answer{{Status: 429, Header: map[string]string{"Retry-After": "0"}}, {Status: 204}}, "", 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rc := notifytest.NewRecorder(t, tc.answers...)
			d, u := setup(t, rc, Options{})
			err := d.Notify(context.Background(), added(1, "x"))
			if tc.want == "" {
				if err != nil {
					t.Fatal(err)
				}
			} else if err == nil || err.Error() != tc.want {
				t.Fatalf("err = %v, want %q", err, tc.want)
			} else {
				notifytest.NoSecret(t, "error", err.Error(), u, "T0KEN")
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
		d, u := setup(t, rc, Options{Retry: retry.Policy{Attempts: 1}})
		return u, d.Notify(context.Background(), added(1, "x"))
	}, "T0KEN")
}

func TestTemplate(t *testing.T) {
	rc := notifytest.NewRecorder(t, noContent)
	d, _ := setup(t, rc, Options{Template: "{{range .Items}}{{markdownLink .URL .Title}}\n{{end}}"})
	var events []notify.Event
	for i := range 100 {
		events = append(events, added(i, hostile))
	}
	if err := d.NotifyDigest(context.Background(), "netflix", events); err != nil {
		t.Fatal(err)
	}
	m := decode(t, rc.Bodies()[0])
	if len(m.Embeds) != 0 || !strings.Contains(m.Content, "more lines in the snapshot folder netflix/") {
		t.Errorf("content %q", m.Content)
	}
	if _, err := New(Options{Name: "x", URL: "https://discord.com/api/webhooks/1/abc", Template: "{{"}); err == nil || strings.Contains(err.Error(), "abc") {
		t.Errorf("bad template: %v", err)
	}
}
