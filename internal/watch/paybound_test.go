package watch

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/notify/notifytest"
)

// A platform's structured pay beyond any salary (1e308, which made +Inf
// in the yearly figures of the report) is dropped where it enters the
// model, with a warning naming the posting; so is a pay text of 400
// digits (which made +Inf and failed the whole source at encode). The
// source's other postings, and their plausible pay, are recorded.
func TestImplausiblePayIsDroppedNotFatal(t *testing.T) {
	t.Parallel()
	nines := strings.Repeat("9", 400)
	cfg := leverConfig(t, nil, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprintf(w, `[
 {"id":"a","text":"Data Engineer","hostedUrl":"https://jobs.lever.co/acme/a",
  "salaryRange":{"min":1e308,"max":1.7e308,"currency":"USD","interval":"per-year-salary"}},
 {"id":"b","text":"Analyst","hostedUrl":"https://jobs.lever.co/acme/b",
  "salaryRange":{"min":100000,"max":150000,"currency":"USD","interval":"per-year-salary"}},
 {"id":"c","text":"Scientist","hostedUrl":"https://jobs.lever.co/acme/c","descriptionPlain":"Salary: $%s per year."},
 {"id":"d","text":"Engineer","hostedUrl":"https://jobs.lever.co/acme/d",
  "salaryRange":{"min":-5,"max":120000,"currency":"USD","interval":"per-year-salary"}}]`, nines)
	}, leverBoards("acme"))
	var logs notifytest.Buffer
	r := quietRunner(t, cfg, Options{Logger: slog.New(slog.NewTextHandler(&logs, nil))})
	res, err := r.Run(context.Background(), cfg.Sources)
	if err != nil {
		t.Fatal(err)
	}
	if res.Failed() {
		t.Fatalf("the source failed: %v", res.Sources[0].Err)
	}
	if res.Sources[0].Added != 4 {
		t.Fatalf("added %d, want 4", res.Sources[0].Added)
	}
	s := snapStore(t, cfg)
	for id, want := range map[string]int{"a": 0, "b": 1, "c": 0, "d": 0} {
		p, _, err := s.Read("acme", id)
		if err != nil {
			t.Fatal(err)
		}
		if len(p.Salary) != want {
			t.Errorf("posting %s: salary %+v, want %d ranges", id, p.Salary, want)
		}
	}
	out := logs.String()
	for _, id := range []string{"a", "d"} {
		if !strings.Contains(out, "implausible") || !strings.Contains(out, "posting="+id) {
			t.Errorf("no warning naming posting %s:\n%s", id, out)
		}
	}
}
