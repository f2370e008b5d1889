package slack

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	goslack "github.com/slack-go/slack"

	"github.com/careers-watcher/careers-watcher/internal/model"
	"github.com/careers-watcher/careers-watcher/internal/notify"
	"github.com/careers-watcher/careers-watcher/internal/notify/notifytest"
	"github.com/careers-watcher/careers-watcher/internal/retry"
)

const hostile = "<!channel> & <script>alert(1)</script> @here <https://evil.example|click>"

// added is notifytest.Added with a timestamp, the company and the region.
func added(i int, title string) notify.Event {
	e := notifytest.Added(i, title)
	e.Timestamp = time.Date(2026, 11, 25, 20, 0, 0, 0, time.UTC)
	p := e.Data.Posting
	p.Source, p.Company = "netflix", "Netflix"
	p.Locations[0].Region = "California"
	return e
}

func changed() notify.Event {
	e := added(900, "Data Engineer (L6)")
	e.Type = notify.PostingChanged
	e.ID = notify.EventID(notify.PostingChanged, "netflix", "p900")
	e.Data.Changes = []model.Change{
		{Field: "salary", Old: model.Salary{Min: 100000, Max: 200000, Currency: "USD", Period: "year"}, New: model.Salary{Min: 150000, Max: 250000, Currency: "USD", Period: "year"}},
		{Field: "skills.required", New: "PyTorch"},
		{Field: "title", Old: "a -> b", New: "c"},
	}
	return e
}

func newSlack(t *testing.T, srv *notifytest.Recorder, o Options) (*Slack, string) {
	t.Helper()
	u := srv.URL + "/services/T000/B000/XXXXSECRETXXXX"
	o.Name, o.URL, o.Client, o.Logger = "ml-jobs", u, srv.Client(), notifytest.Quiet()
	if o.Retry == (retry.Policy{}) {
		o.Retry = notifytest.Fast
	}
	s, err := New(o)
	if err != nil {
		t.Fatal(err)
	}
	return s, u
}

var ourLink = regexp.MustCompile(`<https?://[^<>|\s]+\|[^<>]*>`)

// decode parses a payload with slack-go's WebhookMessage and checks the
// Block Kit limits and that no markup came from data.
func decode(t *testing.T, body []byte) *goslack.WebhookMessage {
	t.Helper()
	var m goslack.WebhookMessage
	if err := json.Unmarshal(body, &m); err != nil {
		t.Fatalf("payload does not decode as a WebhookMessage: %v\n%s", err, body)
	}
	if m.Blocks == nil || len(m.Blocks.BlockSet) == 0 {
		t.Fatalf("no blocks: %s", body)
	}
	if n := len(m.Blocks.BlockSet); n > MaxBlocks {
		t.Errorf("%d blocks > %d", n, MaxBlocks)
	}
	if m.Text == "" {
		t.Error("no fallback text")
	}
	for i, b := range m.Blocks.BlockSet {
		switch b := b.(type) {
		case *goslack.HeaderBlock:
			if n := utf8.RuneCountInString(b.Text.Text); n > MaxHeaderText || b.Text.Type != goslack.PlainTextType {
				t.Errorf("block %d: header %d chars, type %s", i, n, b.Text.Type)
			}
		case *goslack.SectionBlock:
			if n := utf8.RuneCountInString(b.Text.Text); n > MaxSectionText || n == 0 {
				t.Errorf("block %d: section text %d chars", i, n)
			}
			checkMarkup(t, b.Text.Text)
		case *goslack.ContextBlock:
			if len(b.ContextElements.Elements) > 10 {
				t.Errorf("block %d: %d context elements", i, len(b.ContextElements.Elements))
			}
			for _, el := range b.ContextElements.Elements {
				tb, ok := el.(*goslack.TextBlockObject)
				if !ok {
					t.Fatalf("block %d: context element %T", i, el)
				}
				if utf8.RuneCountInString(tb.Text) > MaxContextText {
					t.Errorf("block %d: context text too long", i)
				}
				checkMarkup(t, tb.Text)
			}
		default:
			t.Errorf("block %d: unexpected %T", i, b)
		}
	}
	return &m
}

// checkMarkup fails when text holds a < or > other than the links we make,
// or an active broadcast mention.
func checkMarkup(t *testing.T, text string) {
	t.Helper()
	rest := ourLink.ReplaceAllString(text, "")
	if strings.ContainsAny(rest, "<>") {
		t.Errorf("markup from data in %q", text)
	}
	for _, m := range ourLink.FindAllString(text, -1) {
		if target, _, _ := strings.Cut(m, "|"); strings.Contains(m, "<!") || strings.Contains(target, "evil.example") {
			t.Errorf("injected link %q", m)
		}
	}
	if regexp.MustCompile(`@(here|channel|everyone)`).MatchString(text) {
		t.Errorf("live mention in %q", text)
	}
}

func sections(m *goslack.WebhookMessage) []string {
	var out []string
	for _, b := range m.Blocks.BlockSet {
		switch b := b.(type) {
		case *goslack.SectionBlock:
			out = append(out, b.Text.Text)
		case *goslack.ContextBlock:
			out = append(out, b.ContextElements.Elements[0].(*goslack.TextBlockObject).Text)
		}
	}
	return out
}

func TestNotifyPayload(t *testing.T) {
	rc := notifytest.NewRecorder(t, notifytest.Answer{Body: "ok"})
	s, _ := newSlack(t, rc, Options{UserAgent: "cw-test/1"})
	if s.Name() != "ml-jobs" {
		t.Errorf("Name = %q", s.Name())
	}
	events := []notify.Event{added(1, "Software Engineer (L5), Systems"), changed(), {
		ID: "evt_x", Type: notify.PostingRemoved, Data: notify.Data{Source: "netflix", Posting: &model.Posting{ID: "old", Title: "Old role"}},
	}}
	if err := s.NotifyDigest(context.Background(), "netflix", events); err != nil {
		t.Fatal(err)
	}
	if len(rc.Requests()) != 1 {
		t.Fatalf("%d requests, want one digest", len(rc.Requests()))
	}
	r := rc.Requests()[0]
	if r.Method != http.MethodPost || r.Header.Get("Content-Type") != "application/json" || r.Header.Get("User-Agent") != "cw-test/1" {
		t.Errorf("method %s, headers %v", r.Method, r.Header)
	}
	if r.URL.Path != "/services/T000/B000/XXXXSECRETXXXX" {
		t.Errorf("path %s", r.URL.Path)
	}
	m := decode(t, rc.Bodies()[0])
	h := m.Blocks.BlockSet[0].(*goslack.HeaderBlock)
	if h.Text.Text != "netflix: 1 added, 1 changed, 1 removed" {
		t.Errorf("header %q", h.Text.Text)
	}
	all := strings.Join(sections(m), "\n")
	for _, want := range []string{
		":new: *Added* <https://explore.jobs.netflix.net/careers/job/p001|Software Engineer (L5), Systems>",
		"L5 · Los Gatos, California, US · USD 100,000-720,000/year",
		"• salary USD 100,000-200,000 → 150,000-250,000/year",
		"• skills.required +PyTorch",
		"• title a -&gt; b → c",
		":wastebasket: *Removed* Old role",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("payload lacks %q:\n%s", want, all)
		}
	}
}

func TestHostileTitle(t *testing.T) {
	rc := notifytest.NewRecorder(t, notifytest.Answer{Body: "ok"})
	s, _ := newSlack(t, rc, Options{})
	e := added(1, hostile)
	e.Data.Posting.URL = "https://x.example/a?b=<c>|d"
	e.Data.Posting.Levels = []string{"<!here>"}
	e.Data.Source = "<!everyone>"
	if err := s.Notify(context.Background(), e); err != nil {
		t.Fatal(err)
	}
	m := decode(t, rc.Bodies()[0])
	all := strings.Join(sections(m), "\n")
	for _, want := range []string{"&lt;!channel&gt; &amp; &lt;script&gt;", "@\u2060here", "<https://x.example/a?b=%3Cc%3E%7Cd|"} {
		if !strings.Contains(all, want) {
			t.Errorf("payload lacks %q:\n%s", want, all)
		}
	}
}

func TestDigestCut(t *testing.T) {
	for _, tc := range []struct {
		name, history, where string
		n, title             int
	}{
		{"60 postings", "", "in the snapshot folder netflix/", 60, 40},
		{"60 long hostile titles", "https://github.com/me/jobs/tree/main/snapshots", "<https://github.com/me/jobs/tree/main/snapshots/netflix|", 60, 5000},
		{"exactly fits", "", "", 48, 40},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rc := notifytest.NewRecorder(t, notifytest.Answer{Body: "ok"})
			s, _ := newSlack(t, rc, Options{HistoryURL: tc.history})
			var events []notify.Event
			for i := range tc.n {
				title := strings.Repeat("&<>", tc.title/3)
				if tc.title < 100 {
					title = fmt.Sprintf("Machine Learning Engineer %d", i)
				}
				events = append(events, added(i, title))
			}
			if err := s.NotifyDigest(context.Background(), "netflix", events); err != nil {
				t.Fatal(err)
			}
			m := decode(t, rc.Bodies()[0])
			blocks := m.Blocks.BlockSet
			last := sections(m)[len(sections(m))-1]
			if tc.where == "" {
				if len(blocks) != 50 || strings.Contains(last, "more") {
					t.Errorf("%d blocks, last %q: 48 postings should fit without a note", len(blocks), last)
				}
				return
			}
			if len(blocks) != MaxBlocks {
				t.Errorf("%d blocks, want %d", len(blocks), MaxBlocks)
			}
			if want := fmt.Sprintf("… and %d more postings", tc.n-47); !strings.Contains(last, want) || !strings.Contains(last, tc.where) {
				t.Errorf("last block %q, want %q and %q", last, want, tc.where)
			}
		})
	}
}

func TestManyChanges(t *testing.T) {
	rc := notifytest.NewRecorder(t, notifytest.Answer{Body: "ok"})
	s, _ := newSlack(t, rc, Options{})
	e := changed()
	e.Data.Posting.Title = strings.Repeat("<&>", 400)
	for i := range 300 {
		e.Data.Changes = append(e.Data.Changes, model.Change{Field: "skills.mentioned", New: strings.Repeat("&", 500) + fmt.Sprint(i)})
	}
	// after a JSON round trip (outbox) values are maps and floats
	e.Data.Changes = append([]model.Change{{Field: "locations", New: map[string]any{"city": "Berlin", "country": "DE"}}, {Field: "min_years_experience", Old: float64(3), New: float64(5)}}, e.Data.Changes...)
	if err := s.Notify(context.Background(), e); err != nil {
		t.Fatal(err)
	}
	m := decode(t, rc.Bodies()[0])
	all := strings.Join(sections(m), "\n")
	for _, want := range []string{"• locations +Berlin, DE", "• min_years_experience 3 → 5"} {
		if !strings.Contains(all, want) {
			t.Errorf("payload lacks %q", want)
		}
	}
}

func TestRetriesAndErrors(t *testing.T) {
	tests := []struct {
		name     string
		statuses []int
		hdr      []map[string]string
		answer   string
		wantErr  string
		wantReqs int
	}{
		{name: "ok", statuses: []int{200}, wantReqs: 1},
		{name: "500 then ok", statuses: []int{500, 502, 200}, wantReqs: 3},
		{name: "429 retry-after", statuses: []int{429, 200}, hdr: []map[string]string{{"Retry-After": "1"}}, wantReqs: 2},
		{name: "404 permanent", statuses: []int{404}, answer: "no_service", wantErr: `slack "ml-jobs": status 404: no_service`, wantReqs: 1},
		{name: "400 invalid blocks", statuses: []int{400}, answer: "invalid_blocks", wantErr: `slack "ml-jobs": status 400: invalid_blocks`, wantReqs: 1},
		{name: "always 503", statuses: []int{503}, wantErr: `slack "ml-jobs": status 503: ok`, wantReqs: 4},
		{name: "redirect not followed, retried", statuses: []int{301}, wantErr: `slack "ml-jobs": status 301: ok: redirect (no location) not followed: fix the notifier url`, wantReqs: 4},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			body := tt.answer
			if body == "" {
				body = "ok"
			}
			rc := notifytest.NewRecorder(t, notifytest.Script(body, tt.statuses, tt.hdr)...)
			s, u := newSlack(t, rc, Options{})
			start := time.Now()
			err := s.Notify(context.Background(), added(1, "x"))
			if time.Since(start) > 2*time.Second {
				t.Error("Retry-After not capped by the policy")
			}
			if tt.wantErr == "" && err != nil {
				t.Fatal(err)
			}
			if tt.wantErr != "" {
				if err == nil || err.Error() != tt.wantErr {
					t.Fatalf("err = %v, want %q", err, tt.wantErr)
				}
				notifytest.NoSecret(t, "error", err.Error(), u, "XXXXSECRETXXXX", "/services/")
			}
			if len(rc.Requests()) != tt.wantReqs {
				t.Errorf("%d requests, want %d", len(rc.Requests()), tt.wantReqs)
			}
			for i := 1; i < len(rc.Bodies()); i++ {
				if !bytes.Equal(rc.Bodies()[i], rc.Bodies()[0]) {
					t.Errorf("retry %d sent a different body", i)
				}
			}
		})
	}
}

// One attempt per call, as the outbox runs notifiers: every failing status
// is retryable or permanent as notifytest.Failures says.
func TestFailuresOneAttempt(t *testing.T) {
	notifytest.CheckFailures(t, func(t *testing.T, rc *notifytest.Recorder) (string, error) {
		s, u := newSlack(t, rc, Options{Retry: retry.Policy{Attempts: 1}})
		return u, s.Notify(context.Background(), added(1, "x"))
	}, "XXXXSECRETXXXX", "/services/")
}

func TestRetryAfterHonoured(t *testing.T) {
	rc := notifytest.NewRecorder(t, notifytest.Answer{Status: 429, Header: map[string]string{"Retry-After": "1"}}, notifytest.Answer{Body: "ok"})
	s, _ := newSlack(t, rc, Options{Retry: retry.Policy{Attempts: 2, Base: time.Nanosecond, Max: 50 * time.Millisecond}})
	start := time.Now()
	if err := s.Notify(context.Background(), added(1, "x")); err != nil {
		t.Fatal(err)
	}
	if d := time.Since(start); d < 50*time.Millisecond {
		t.Errorf("retried after %v: Retry-After (capped at 50ms) not honoured", d)
	}
}

func TestNetworkErrorNoSecret(t *testing.T) {
	srv := httptest.NewServer(http.NotFoundHandler())
	u := srv.URL + "/services/T000/B000/XXXXSECRETXXXX"
	srv.Close()
	s, err := New(Options{Name: "ml-jobs", URL: u, Logger: notifytest.Quiet(), Retry: retry.Policy{Attempts: 2, Base: time.Millisecond, Max: time.Millisecond}})
	if err != nil {
		t.Fatal(err)
	}
	err = s.Notify(context.Background(), added(1, "x"))
	if err == nil || !strings.HasPrefix(err.Error(), `slack "ml-jobs": `) {
		t.Fatalf("err = %v", err)
	}
	notifytest.NoSecret(t, "error", err.Error(), u, "XXXXSECRETXXXX")
}

func TestNewRejects(t *testing.T) {
	for _, o := range []Options{
		{URL: "https://hooks.slack.com/services/x"},
		{Name: "a", URL: "hooks.slack.com/services/x"},
		{Name: "a", URL: "https://hooks.slack.com/services/x", Template: "{{.Nope"},
	} {
		_, err := New(o)
		if err == nil {
			t.Errorf("New(%+v): no error", o)
		} else if strings.Contains(err.Error(), "services/x") {
			t.Errorf("error leaks the URL: %v", err)
		}
	}
}

func TestTemplate(t *testing.T) {
	rc := notifytest.NewRecorder(t, notifytest.Answer{Body: "ok"})
	tmpl := `*{{mrkdwn .Source}}*{{range .Added}}
• {{mrkdwnLink .URL .Title}} {{.Levels}}{{end}}`
	s, _ := newSlack(t, rc, Options{Template: tmpl})
	if err := s.NotifyDigest(context.Background(), "netflix", []notify.Event{added(1, hostile), added(2, "B")}); err != nil {
		t.Fatal(err)
	}
	m := decode(t, rc.Bodies()[0])
	got := sections(m)[1]
	want := "*netflix*\n• <https://explore.jobs.netflix.net/careers/job/p001|&lt;!channel&gt; &amp; &lt;script&gt;alert(1)&lt;/script&gt; @\u2060here &lt;https://evil.example|click&gt;> L5\n• <https://explore.jobs.netflix.net/careers/job/p002|B> L5"
	if got != want {
		t.Errorf("section\n%q\nwant\n%q", got, want)
	}

	// A template failing at run time falls back to the default, and says so.
	var logs bytes.Buffer
	s2, err := New(Options{Name: "t", URL: rc.URL, Client: rc.Client(), Retry: notifytest.Fast, Logger: slog.New(slog.NewTextHandler(&logs, nil)), Template: "{{.Nope}}"})
	if err != nil {
		t.Fatal(err)
	}
	if err := s2.Notify(context.Background(), added(3, "Fallback role")); err != nil {
		t.Fatal(err)
	}
	m = decode(t, rc.Bodies()[1])
	if all := strings.Join(sections(m), "\n"); !strings.Contains(all, "*Added* <https://explore.jobs.netflix.net/careers/job/p003|Fallback role>") {
		t.Errorf("no default text after a template error:\n%s", all)
	}
	if !strings.Contains(logs.String(), "template failed") || !strings.Contains(logs.String(), "Nope") {
		t.Errorf("template error not reported: %s", logs.String())
	}
}

func TestLongTemplateOutputCut(t *testing.T) {
	rc := notifytest.NewRecorder(t, notifytest.Answer{Body: "ok"})
	s, _ := newSlack(t, rc, Options{Template: `{{range .Items}}{{.Title}} ` + strings.Repeat("x", 2500) + "\n{{end}}"})
	var events []notify.Event
	for i := range 120 {
		events = append(events, added(i, "t"))
	}
	if err := s.NotifyDigest(context.Background(), "netflix", events); err != nil {
		t.Fatal(err)
	}
	m := decode(t, rc.Bodies()[0])
	if last := sections(m)[len(sections(m))-1]; !strings.Contains(last, "more parts in the snapshot folder netflix/") {
		t.Errorf("last %q", last)
	}
}

func TestNoEventsNoMessage(t *testing.T) {
	rc := notifytest.NewRecorder(t, notifytest.Answer{Body: "ok"})
	s, _ := newSlack(t, rc, Options{})
	if err := s.NotifyDigest(context.Background(), "netflix", nil); err != nil || len(rc.Requests()) != 0 {
		t.Errorf("err %v, %d requests", err, len(rc.Requests()))
	}
}
