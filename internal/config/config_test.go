package config_test

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/careers-watcher/careers-watcher/internal/config"
	"github.com/careers-watcher/careers-watcher/internal/scrape"
	"github.com/careers-watcher/careers-watcher/internal/scrape/eightfold"
	"github.com/careers-watcher/careers-watcher/internal/scrape/workday"

	"github.com/careers-watcher/careers-watcher/internal/notify/discord"
	"github.com/careers-watcher/careers-watcher/internal/notify/email"
	"github.com/careers-watcher/careers-watcher/internal/notify/filter"
	"github.com/careers-watcher/careers-watcher/internal/notify/render"
	"github.com/careers-watcher/careers-watcher/internal/notify/webhook"
	"github.com/careers-watcher/careers-watcher/internal/redact"
)

const testSecret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw" // base64 of 24 bytes

// env is a getenv over a fixed map.
func env(vars map[string]string) func(string) (string, bool) {
	return func(name string) (string, bool) {
		v, ok := vars[name]
		return v, ok
	}
}

var fullEnv = map[string]string{
	"WATCHER_WEBHOOK_URL":    "https://hooks.example.com/watcher",
	"WATCHER_WEBHOOK_SECRET": testSecret,
	"WATCHER_SLACK_URL":      "https://hooks.slack.com/services/T0/B0/XXXX",
	"WATCHER_DISCORD_URL":    "https://discord.com/api/webhooks/1/abc",
	"WATCHER_TEAMS_URL":      "https://prod.westus.logic.azure.com/workflows/1?sig=abc",
	"WATCHER_SMTP_PASSWORD":  "smtp-pass",
}

func abs(t *testing.T, path string) string {
	t.Helper()
	a, err := filepath.Abs(path)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// fullSecrets are the values of fullEnv, which full.yaml all uses, in the
// order Config.Secrets keeps them.
func fullSecrets() []redact.Secret {
	var out []redact.Secret
	for k, v := range fullEnv {
		out = append(out, redact.Secret{Name: k, Value: v})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Value < out[j].Value })
	return out
}

func wantFull(t *testing.T, path string) *config.Config {
	return &config.Config{
		Path:      path,
		Snapshots: abs(t, filepath.Join(filepath.Dir(path), "snapshots")),
		Schedule:  "0 */6 * * *",
		Git:       config.Git{Commit: true, Author: "careers-watcher <watcher@localhost>", Repository: config.RepoOwn},
		HTTP: config.HTTP{
			UserAgent:    "careers-watcher/1.0 (+https://github.com/careers-watcher/careers-watcher)",
			Timeout:      30 * time.Second,
			SourceBudget: 20 * time.Minute,
			PerHostDelay: time.Second,
			MaxBody:      10 << 20,
			Robots:       true,
			Retries:      4,
		},
		Taxonomy: config.Taxonomy{Skills: []config.Skill{{Name: "dbt", Category: "Data Engineering", Aliases: []string{"data build tool"}}}},
		Sources: []config.Source{
			{Name: "netflix-data-insights", Type: "eightfold", Company: "Netflix", URL: "https://explore.jobs.netflix.net",
				Settings: &eightfold.Config{Domain: "netflix.com", Teams: []string{"Data & Insights"}}, Schedule: "@every 6h", Line: 20},
			{Name: "amplitude", Type: "greenhouse", Settings: &scrape.Board{Board: "amplitude"}, URL: "https://boards-api.greenhouse.io", Line: 27},
			{Name: "acme", Type: "workday", URL: "https://acme.wd5.myworkdayjobs.com", Settings: &workday.Config{Tenant: "acme", Site: "External"}, Line: 31,
				AllowShrink: true, RemoveAfter: 3, MaxShrink: 0.3},
		},
		Notifiers: []config.Notifier{
			{Name: "console", Type: "stdout", Line: 48},
			{Name: "hooks", Type: "webhook", Settings: &webhook.Config{URL: "https://hooks.example.com/watcher", Secret: testSecret,
				Headers: map[string]string{"X-Team": "data"}}, Sources: []string{"netflix-data-insights"},
				Events: []string{"posting.added", "posting.removed", "posting.changed"}, Line: 50,
				Filter: filter.Filter{TitleRegex: "(?i)engineer|scientist", Roles: []string{"Machine Learning", "Data"},
					Levels: []string{"L5+", "Senior"}, Locations: []string{"US", "remote"}, SkillsAny: []string{"Python", "Scala"},
					SkillsAll: []string{"PyTorch"}, MinPay: 150000, MinPayCurrency: "USD"}},
			{Name: "ml-jobs", Type: "slack", Settings: &render.ChatConfig{URL: "https://hooks.slack.com/services/T0/B0/XXXX", Template: "{{.Header}}",
				HistoryURL: "https://github.com/acme/jobs-history/tree/main/snapshots"}, Events: []string{"posting.added"}, Line: 67},
			{Name: "discord", Type: "discord", Settings: &discord.Config{ChatConfig: render.ChatConfig{URL: "https://discord.com/api/webhooks/1/abc",
				Template: "{{.Header}}", HistoryURL: "https://github.com/acme/jobs-history/tree/main/snapshots"}, Username: "careers-watcher"}, Line: 73},
			{Name: "teams", Type: "teams", Settings: &render.ChatConfig{URL: "https://prod.westus.logic.azure.com/workflows/1?sig=abc",
				Template: "{{.Header}}", HistoryURL: "https://github.com/acme/jobs-history/tree/main/snapshots"}, Line: 79},
			{Name: "mail", Type: "email", Settings: &email.Config{Host: "smtp.example.com", Port: 587, TLS: "starttls", Username: "watcher@example.com",
				Password: "smtp-pass", Auth: "plain", From: "careers-watcher <watcher@example.com>",
				To: []string{"jobs@example.com", "Jane <jane@example.com>"}, Subject: "[jobs] {{.Header}}", Template: "{{.Header}}",
				HTMLTemplate: "<p>{{.Header}}</p>", HistoryURL: "https://github.com/acme/jobs-history/tree/main/snapshots",
				Timeout: 20 * time.Second}, Line: 84},
		},
		Guard:   config.Guard{RemoveAfter: 2, FailAfter: 4, MaxShrink: 0.6, ShrinkPause: 45 * time.Second},
		Outbox:  config.Outbox{Expire: 72 * time.Hour, RetryEvery: 10 * time.Minute, Budget: config.DefaultBudget, MaxPending: config.DefaultMaxPending, BreakAfter: config.DefaultBreakAfter},
		Secrets: fullSecrets(),
	}
}

func TestParseFull(t *testing.T) {
	path := filepath.Join("testdata", "full.yaml")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	got, err := parse(data, path, env(fullEnv))
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	if want := wantFull(t, path); !reflect.DeepEqual(got, want) {
		t.Errorf("Parse(full.yaml) =\n%+v\nwant\n%+v", got, want)
	}
	if got.Git.AuthorName() != "careers-watcher" || got.Git.AuthorEmail() != "watcher@localhost" {
		t.Errorf("author = %q <%q>", got.Git.AuthorName(), got.Git.AuthorEmail())
	}
}

func TestLoad(t *testing.T) {
	for k, v := range fullEnv {
		t.Setenv(k, v)
	}
	path := filepath.Join("testdata", "full.yaml")
	got, err := load(path)
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	if want := wantFull(t, path); !reflect.DeepEqual(got, want) {
		t.Errorf("Load(full.yaml) =\n%+v\nwant\n%+v", got, want)
	}

	missing := filepath.Join(t.TempDir(), "nope.yaml")
	_, err = load(missing)
	if err == nil || !strings.Contains(err.Error(), missing) || !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("Load(missing) = %v, want an error naming %s that is fs.ErrNotExist", err, missing)
	}
	if strings.Contains(err.Error(), "\n") {
		t.Errorf("Load(missing) error spans lines: %q", err)
	}
}

func TestDefaultPath(t *testing.T) {
	t.Setenv("WATCHER_CONFIG", "")
	if got := config.DefaultPath(); got != "config.yaml" {
		t.Errorf("DefaultPath() = %q, want config.yaml", got)
	}
	t.Setenv("WATCHER_CONFIG", "/etc/watcher/config.yaml")
	if got := config.DefaultPath(); got != "/etc/watcher/config.yaml" {
		t.Errorf("DefaultPath() = %q, want $WATCHER_CONFIG", got)
	}
}

const minimal = "sources:\n  - {name: a, type: greenhouse, board: a}\n"

func TestDefaults(t *testing.T) {
	got, err := parse([]byte(minimal), "", env(nil))
	if err != nil {
		t.Fatal(err)
	}
	want := &config.Config{
		Snapshots: abs(t, "snapshots"),
		Schedule:  config.DefaultSchedule,
		Git:       config.Git{Commit: true, Author: config.DefaultAuthor, Repository: config.RepoOwn},
		HTTP: config.HTTP{UserAgent: config.DefaultUserAgent, Timeout: 30 * time.Second, SourceBudget: 20 * time.Minute, PerHostDelay: time.Second,
			MaxBody: 10 * 1024 * 1024, Robots: true, Retries: 4},
		Sources: []config.Source{{Name: "a", Type: "greenhouse", Settings: &scrape.Board{Board: "a"}, Line: 2}},
		Guard:   config.Guard{RemoveAfter: 2, FailAfter: 3, MaxShrink: 0.5, ShrinkPause: 30 * time.Second},
		Outbox:  config.Outbox{Expire: 168 * time.Hour, RetryEvery: 5 * time.Minute, Budget: config.DefaultBudget, MaxPending: config.DefaultMaxPending, BreakAfter: config.DefaultBreakAfter},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got\n%+v\nwant\n%+v", got, want)
	}
	// Null values mean "not set": defaults stay.
	got, err = parse([]byte("snapshots:\nschedule:\ngit:\nhttp:\n  timeout:\ntaxonomy:\nnotifiers:\nguard:\noutbox:\n"+minimal), "", env(nil))
	if err != nil {
		t.Fatal(err)
	}
	want.Sources[0].Line = 11
	if !reflect.DeepEqual(got, want) {
		t.Errorf("with nulls got\n%+v\nwant\n%+v", got, want)
	}
}

func TestParseValues(t *testing.T) {
	tests := []struct {
		name  string
		yaml  string
		env   map[string]string
		check func(*config.Config) any // returns the value to compare
		want  any
	}{
		{"max_body KB", "http: {max_body: 512KB}\n" + minimal, nil, func(c *config.Config) any { return c.HTTP.MaxBody }, int64(512 << 10)},
		{"max_body GB", "http: {max_body: 1GB}\n" + minimal, nil, func(c *config.Config) any { return c.HTTP.MaxBody }, int64(1 << 30)},
		{"max_body bytes", "http: {max_body: 1048576}\n" + minimal, nil, func(c *config.Config) any { return c.HTTP.MaxBody }, int64(1 << 20)},
		{"max_body MiB lower", "http: {max_body: 2 mib}\n" + minimal, nil, func(c *config.Config) any { return c.HTTP.MaxBody }, int64(2 << 20)},
		{"durations", "http: {timeout: 1m30s, per_host_delay: 250ms}\n" + minimal, nil,
			func(c *config.Config) any { return [2]time.Duration{c.HTTP.Timeout, c.HTTP.PerHostDelay} },
			[2]time.Duration{90 * time.Second, 250 * time.Millisecond}},
		{"bools off", "git: {commit: false}\nhttp: {robots: false}\n" + minimal, nil,
			func(c *config.Config) any { return [2]bool{c.Git.Commit, c.HTTP.Robots} }, [2]bool{false, false}},
		{"retries", "http: {retries: 1}\n" + minimal, nil, func(c *config.Config) any { return c.HTTP.Retries }, 1},
		{"hosts", "http:\n  per_host_delay: 2s\n  hosts:\n    Boards-API.greenhouse.io: {delay: 200ms, concurrency: 4}\n    127.0.0.1:8080: {concurrency: 2}\n    api.lever.co: {delay: 50ms}\n" + minimal, nil,
			func(c *config.Config) any { return c.HTTP.Hosts }, map[string]config.HostLimit{
				"boards-api.greenhouse.io": {Delay: 200 * time.Millisecond, Concurrency: 4},
				"127.0.0.1:8080":           {Delay: 2 * time.Second, Concurrency: 2},
				"api.lever.co":             {Delay: 50 * time.Millisecond, Concurrency: 1},
			}},
		{"no hosts", minimal, nil, func(c *config.Config) any { return c.HTTP.Hosts }, map[string]config.HostLimit(nil)},
		{"jitter", "jitter: 10m\n" + minimal, nil, func(c *config.Config) any { return c.Jitter }, 10 * time.Minute},
		{"jitter 0", "jitter: 0\n" + minimal, nil, func(c *config.Config) any { return c.Jitter }, time.Duration(0)},
		{"no jitter", minimal, nil, func(c *config.Config) any { return c.Jitter }, time.Duration(0)},
		{"user agent", "http: {user_agent: 'bot/2 (+mailto:me@example.com)'}\n" + minimal, nil,
			func(c *config.Config) any { return c.HTTP.UserAgent }, "bot/2 (+mailto:me@example.com)"},
		{"author", "git: {author: 'Jane Doe <jane@example.com>'}\n" + minimal, nil,
			func(c *config.Config) any { return c.Git.AuthorName() + "|" + c.Git.AuthorEmail() }, "Jane Doe|jane@example.com"},
		{"env in values", "schedule: ${SCHED}\nhttp: {timeout: '${T:-45s}', retries: '${R}', robots: '${ROBOTS}'}\n" + minimal,
			map[string]string{"SCHED": "@hourly", "R": "7", "ROBOTS": "false"},
			func(c *config.Config) any { return []any{c.Schedule, c.HTTP.Timeout, c.HTTP.Retries, c.HTTP.Robots} },
			[]any{"@hourly", 45 * time.Second, 7, false}},
		{"env default when empty", "sources:\n  - {name: a, type: greenhouse, board: '${B:-fallback}'}\n",
			map[string]string{"B": ""}, func(c *config.Config) any { return config.SettingsOf[scrape.Board](c.Sources[0].Settings).Board }, "fallback"},
		{"env dollar escape", "sources:\n  - {name: a, type: greenhouse, board: a, company: 'Pay$$ ${X}$'}\n",
			map[string]string{"X": "Co"}, func(c *config.Config) any { return c.Sources[0].Company }, "Pay$ Co$"},
		{"header values expanded", "sources:\n  - {name: a, type: greenhouse, board: a}\nnotifiers:\n  - name: h\n    type: webhook\n    url: https://x.example\n    headers:\n      Authorization: Bearer ${A}\n",
			map[string]string{"A": "Token"}, func(c *config.Config) any { return config.SettingsOf[webhook.Config](c.Notifiers[0].Settings).Headers }, map[string]string{"Authorization": "Bearer Token"}},
		{"numbers as strings", "sources:\n  - {name: '123', type: workday, url: 'https://a.example', tenant: 42, site: 2024}\n", nil,
			func(c *config.Config) any {
				w := config.SettingsOf[workday.Config](c.Sources[0].Settings)
				return w.Tenant + "/" + w.Site
			}, "42/2024"},
		{"per source schedule", "schedule: '@daily'\nsources:\n  - {name: a, type: greenhouse, board: a}\n  - {name: b, type: greenhouse, board: b, schedule: 'CRON_TZ=Europe/Warsaw 0 9 * * 1-5'}\n", nil,
			func(c *config.Config) any {
				return c.SourceSchedule(c.Sources[0]) + "|" + c.SourceSchedule(c.Sources[1])
			},
			"@daily|CRON_TZ=Europe/Warsaw 0 9 * * 1-5"},
		{"merge keys", "sources:\n  - &gh {name: a, type: greenhouse, board: a, company: Acme}\n  - <<: *gh\n    name: b\n", nil,
			func(c *config.Config) any { return c.Sources[1] },
			config.Source{Name: "b", Type: "greenhouse", Settings: &scrape.Board{Board: "a"}, Company: "Acme", Line: 3}},
		{"notifier filters", "sources:\n  - {name: a, type: greenhouse, board: a}\nnotifiers:\n  - {name: out, type: stdout, sources: [a], events: [source.failed, source.recovered]}\n", nil,
			func(c *config.Config) any { return c.Notifiers[0] },
			config.Notifier{Name: "out", Type: "stdout", Sources: []string{"a"}, Events: []string{"source.failed", "source.recovered"}, Line: 4}},
		{"every source type", "sources:\n" +
			"  - {name: e, type: eightfold, url: 'https://e.example', domain: e.example}\n" +
			"  - {name: g, type: greenhouse, board: g}\n  - {name: l, type: lever, board: l}\n  - {name: a, type: ashby, board: a}\n" +
			"  - {name: w, type: workday, url: 'https://w.example', tenant: w, site: S}\n  - {name: s, type: smartrecruiters, board: s}\n" +
			"  - {name: r, type: recruitee, board: r}\n  - {name: k, type: workable, board: k}\n  - {name: p, type: personio, board: p, url: 'https://p.jobs.personio.de'}\n" +
			"  - {name: j, type: jsonld, url: 'https://j.example/jobs'}\n  - {name: h, type: html, url: 'http://h.example', selectors: {item: li, title: a}}\n  - {name: u, type: auto, url: 'https://u.example'}\n",
			nil, func(c *config.Config) any { return len(c.Sources) }, 12},
		{"guard", "guard: {remove_after: 5, fail_after: 1, max_shrink: '25%', shrink_pause: 2m}\n" + minimal, nil,
			func(c *config.Config) any { return c.Guard }, config.Guard{RemoveAfter: 5, FailAfter: 1, MaxShrink: 0.25, ShrinkPause: 2 * time.Minute}},
		{"guard share 100%", "guard: {max_shrink: 100 %}\n" + minimal, nil, func(c *config.Config) any { return c.Guard.MaxShrink }, 1.0},
		{"guard share from env", "guard: {max_shrink: '${S}'}\n" + minimal, map[string]string{"S": "0.75"},
			func(c *config.Config) any { return c.Guard.MaxShrink }, 0.75},
		{"guard partial keeps defaults", "guard: {fail_after: 6}\n" + minimal, nil,
			func(c *config.Config) any { return c.Guard }, config.Guard{RemoveAfter: 2, FailAfter: 6, MaxShrink: 0.5, ShrinkPause: 30 * time.Second}},
		{"outbox", "outbox: {expire: 24h, retry_every: 30s}\n" + minimal, nil,
			func(c *config.Config) any { return c.Outbox }, config.Outbox{Expire: 24 * time.Hour, RetryEvery: 30 * time.Second, Budget: config.DefaultBudget, MaxPending: config.DefaultMaxPending, BreakAfter: config.DefaultBreakAfter}},
		{"source guard keys", "sources:\n  - {name: a, type: greenhouse, board: a, allow_shrink: true, remove_after: 4, max_shrink: 0.9}\n", nil,
			func(c *config.Config) any {
				return [3]any{c.Sources[0].AllowShrink, c.Sources[0].RemoveAfter, c.Sources[0].MaxShrink}
			},
			[3]any{true, 4, 0.9}},
		{"notifier filter", minimal + "notifiers:\n  - name: ml\n    type: stdout\n    events: [posting.added]\n    filter:\n      roles: [Machine Learning]\n      levels: [L5+]\n      skills_all: [PyTorch]\n      min_pay: 200_000\n      min_pay_currency: usd\n", nil,
			func(c *config.Config) any { return c.Notifiers[0].Filter },
			filter.Filter{Roles: []string{"Machine Learning"}, Levels: []string{"L5+"}, SkillsAll: []string{"PyTorch"}, MinPay: 200000, MinPayCurrency: "USD"}},
		{"slack from env", minimal + "notifiers:\n  - {name: s, type: slack, url: '${SLACK_URL}'}\n", map[string]string{"SLACK_URL": "https://hooks.slack.com/services/T/B/X"},
			func(c *config.Config) any { return c.Notifiers[0] },
			config.Notifier{Name: "s", Type: "slack", Settings: &render.ChatConfig{URL: "https://hooks.slack.com/services/T/B/X"}, Line: 4}},
		{"email minimal", minimal + "notifiers:\n  - {name: m, type: email, host: localhost, tls: NONE, from: a@example.com, to: [b@example.com]}\n", nil,
			func(c *config.Config) any { return c.Notifiers[0] },
			config.Notifier{Name: "m", Type: "email", Settings: &email.Config{Host: "localhost", TLS: "none", From: "a@example.com", To: []string{"b@example.com"}}, Line: 4}},
		{"taxonomy", "taxonomy:\n  skills:\n    - {name: Rust, category: Languages}\n    - name: Kafka\n      aliases: [Apache Kafka]\n" + minimal, nil,
			func(c *config.Config) any { return c.Taxonomy.Skills },
			[]config.Skill{{Name: "Rust", Category: "Languages"}, {Name: "Kafka", Aliases: []string{"Apache Kafka"}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := parse([]byte(tt.yaml), "config.yaml", env(tt.env))
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			if got := tt.check(c); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %#v, want %#v", got, tt.want)
			}
		})
	}
}

func TestSnapshotsPath(t *testing.T) {
	cwd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	root := filepath.Join(t.TempDir(), "repo")
	tests := []struct {
		file, snapshots, want string
	}{
		{filepath.Join(root, "config.yaml"), "snapshots", filepath.Join(root, "snapshots")},
		{filepath.Join(root, "config.yaml"), "../history", filepath.Join(filepath.Dir(root), "history")},
		{filepath.Join(root, "config.yaml"), filepath.Join(root, "abs", "snaps"), filepath.Join(root, "abs", "snaps")},
		{filepath.Join("etc", "config.yaml"), "data", filepath.Join(cwd, "etc", "data")},
		{"config.yaml", "snapshots", filepath.Join(cwd, "snapshots")},
		{"", "out/snaps", filepath.Join(cwd, "out", "snaps")},
		{"", "", filepath.Join(cwd, "snapshots")}, // default
	}
	for _, tt := range tests {
		data := minimal
		if tt.snapshots != "" {
			data = "snapshots: '" + tt.snapshots + "'\n" + data
		}
		c, err := parse([]byte(data), tt.file, env(nil))
		if err != nil {
			t.Fatalf("%s: %v", tt.file, err)
		}
		if c.Snapshots != tt.want {
			t.Errorf("file %q snapshots %q: got %q, want %q", tt.file, tt.snapshots, c.Snapshots, tt.want)
		}
		if c.Path != tt.file {
			t.Errorf("Path = %q, want %q", c.Path, tt.file)
		}
	}
}

func TestSelect(t *testing.T) {
	c, err := parse([]byte("sources:\n  - {name: a, type: greenhouse, board: a}\n  - {name: b, type: lever, board: b}\n  - {name: c, type: ashby, board: c}\n"), "", env(nil))
	if err != nil {
		t.Fatal(err)
	}
	names := func(ss []config.Source) string {
		var n []string
		for _, s := range ss {
			n = append(n, s.Name)
		}
		return strings.Join(n, ",")
	}
	tests := []struct {
		in      []string
		want    string
		wantErr string
	}{
		{nil, "a,b,c", ""},
		{[]string{}, "a,b,c", ""},
		{[]string{"b"}, "b", ""},
		{[]string{"c", "a", "c"}, "c,a", ""},
		{[]string{"a", "x"}, "", `config: unknown source "x" (configured: a, b, c)`},
		{[]string{"y", "x"}, "", `config: unknown sources "y", "x" (configured: a, b, c)`},
	}
	for _, tt := range tests {
		got, err := c.Select(tt.in)
		if tt.wantErr != "" {
			if err == nil || err.Error() != tt.wantErr {
				t.Errorf("Select(%q) error = %v, want %s", tt.in, err, tt.wantErr)
			}
			continue
		}
		if err != nil || names(got) != tt.want {
			t.Errorf("Select(%q) = %s, %v; want %s", tt.in, names(got), err, tt.want)
		}
	}
	all, _ := c.Select(nil)
	all[0].Name = "changed"
	if c.Sources[0].Name != "a" {
		t.Error("Select(nil) shares the Config's slice")
	}
}

func TestValidSchedule(t *testing.T) {
	good := []string{
		"0 */6 * * *", "@every 6h", "@every 90m", "@hourly", "@daily", "@weekly", "@midnight",
		"CRON_TZ=America/Los_Angeles 0 9 * * 1-5", "TZ=Europe/Warsaw 30 8 * * MON", "15 3 1,15 * *",
	}
	bad := []string{
		"61 * * * *", "@every banana", "CRON_TZ=Nowhere/City 0 * * * *", "", "   ", "* * * *",
		"0 0 * * * *", "@every 0s", "@every -1h", "@sometimes", "CRON_TZ=UTC", "TZ=", "TZ=UTC\t",
		"0 */0 * * *", "CRON_TZ=../../etc/passwd 0 * * * *",
	}
	for _, s := range good {
		if err := config.ValidSchedule(s); err != nil {
			t.Errorf("ValidSchedule(%q) = %v, want nil", s, err)
		}
	}
	for _, s := range bad {
		if err := config.ValidSchedule(s); err == nil {
			t.Errorf("ValidSchedule(%q) = nil, want an error", s)
		}
	}
	// The exported parser is the one the daemon hands to cron.WithParser.
	sched, err := config.Parser.Parse("CRON_TZ=UTC 0 9 * * *")
	if err != nil {
		t.Fatal(err)
	}
	from := time.Date(2026, 1, 2, 10, 0, 0, 0, time.UTC)
	if got, want := sched.Next(from), time.Date(2026, 1, 3, 9, 0, 0, 0, time.UTC); !got.Equal(want) {
		t.Errorf("Next = %v, want %v", got, want)
	}
}

func TestProblemString(t *testing.T) {
	tests := []struct {
		p    config.Problem
		want string
	}{
		{config.Problem{"config.yaml", 12, "sources[1].url", "must be an http or https URL"}, "config.yaml:12: sources[1].url: must be an http or https URL"},
		{config.Problem{"config.yaml", 0, "sources", "at least one"}, "config.yaml: sources: at least one"},
		{config.Problem{"config.yaml", 3, "", "invalid YAML: x"}, "config.yaml:3: invalid YAML: x"},
		{config.Problem{"", 3, "http.timeout", "bad"}, "line 3: http.timeout: bad"},
		{config.Problem{"", 0, "", "bad"}, "bad"},
	}
	for _, tt := range tests {
		if got := tt.p.String(); got != tt.want {
			t.Errorf("%#v.String() = %q, want %q", tt.p, got, tt.want)
		}
	}
	e := &config.Error{Problems: []config.Problem{tests[0].p, tests[2].p}}
	if got, want := e.Error(), tests[0].want+"\n"+tests[2].want; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
}
