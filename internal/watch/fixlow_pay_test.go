package watch

import (
	"context"
	"log/slog"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/notify/notifytest"
)

// The implausible-pay warning is said once per posting, as it is first
// recorded: lever sends no update stamps, so every run passes every
// posting through the pay check, and the old code warned again on every
// run (the same posting, the same figure). A second run, by a new Runner
// as a cron job's next process is, is quiet at the warning level (the
// line is a debug one); a posting new in the third run is warned about.
func TestImplausiblePayWarnedOncePerPosting(t *testing.T) {
	t.Parallel()
	var third atomic.Bool
	cfg := leverConfig(t, nil, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		body := `[
 {"id":"a","text":"Data Engineer","hostedUrl":"https://jobs.lever.co/acme/a",
  "salaryRange":{"min":1e308,"max":1.7e308,"currency":"USD","interval":"per-year-salary"}},
 {"id":"b","text":"Analyst","hostedUrl":"https://jobs.lever.co/acme/b",
  "salaryRange":{"min":100000,"max":150000,"currency":"USD","interval":"per-year-salary"}}`
		if third.Load() {
			body += `,
 {"id":"e","text":"Engineer","hostedUrl":"https://jobs.lever.co/acme/e",
  "salaryRange":{"min":-5,"max":120000,"currency":"USD","interval":"per-year-salary"}}`
		}
		w.Write([]byte(body + "]"))
	}, leverBoards("acme"))
	run := func(level slog.Level) string {
		t.Helper()
		var logs notifytest.Buffer
		r := quietRunner(t, cfg, Options{Logger: slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: level}))})
		res, err := r.Run(context.Background(), cfg.Sources)
		if err != nil {
			t.Fatal(err)
		}
		if res.Failed() {
			t.Fatalf("the source failed: %v", res.Sources[0].Err)
		}
		return logs.String()
	}
	implausible := func(out string) []string {
		var lines []string
		for l := range strings.Lines(out) {
			if strings.Contains(l, "implausible") {
				lines = append(lines, strings.TrimSpace(l))
			}
		}
		return lines
	}
	if got := implausible(run(slog.LevelInfo)); len(got) != 1 || !strings.Contains(got[0], "level=WARN") || !strings.Contains(got[0], "posting=a") {
		t.Fatalf("first run: %q, want one warning naming posting a", got)
	}
	if got := implausible(run(slog.LevelInfo)); len(got) != 0 {
		t.Fatalf("second run (nothing changed) warned again: %q", got)
	}
	// still said at debug level, as a stored posting's
	if got := implausible(run(slog.LevelDebug)); len(got) != 1 || !strings.Contains(got[0], "level=DEBUG") || !strings.Contains(got[0], "stored=true") {
		t.Fatalf("debug run: %q, want one debug line for the stored posting a", got)
	}
	third.Store(true)
	got := implausible(run(slog.LevelInfo))
	if len(got) != 1 || !strings.Contains(got[0], "posting=e") {
		t.Fatalf("a new posting's implausible pay: %q, want one warning naming posting e", got)
	}
}
