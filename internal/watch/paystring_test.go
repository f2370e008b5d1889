package watch

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/notify/notifytest"
)

// A Greenhouse posting whose pay figure is a string (review s16 R10): the
// board is read, a numeric string is the number, and a range whose figure
// is no number is dropped with a warning naming the posting.
func TestGreenhousePayAsStringDroppedWithWarning(t *testing.T) {
	t.Parallel()
	body := `{"jobs": [
 {"id": 1, "title": "Data Engineer", "absolute_url": "https://boards.greenhouse.io/acme/jobs/1", "updated_at": "2026-07-01T10:00:00Z",
  "content": "&lt;p&gt;SQL&lt;/p&gt;", "pay_input_ranges": [{"min_cents": "10000000", "max_cents": "15000000", "currency_type": "USD"}]},
 {"id": 2, "title": "Analyst", "absolute_url": "https://boards.greenhouse.io/acme/jobs/2", "updated_at": "2026-07-01T10:00:00Z",
  "content": "&lt;p&gt;SQL&lt;/p&gt;", "pay_input_ranges": [{"min_cents": "ten million", "max_cents": 15000000, "currency_type": "USD"}]}]}`
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, body)
	}))
	t.Cleanup(srv.Close)
	h := newHook(t)
	yml := fmt.Sprintf("snapshots: snaps\nhttp: {per_host_delay: 1ms, retries: 1}\nsources:\n  - {name: gh, type: greenhouse, board: acme, url: %q}\nnotifiers:\n  - {name: hooks, type: webhook, url: %q}\n", srv.URL, h.URL)
	cfg := parseConfig(t, t.TempDir(), yml, nil)
	var logs notifytest.Buffer
	r := quietRunner(t, cfg, Options{Logger: slog.New(slog.NewTextHandler(&logs, nil))})
	res, err := r.Run(context.Background(), cfg.Sources)
	if err != nil {
		t.Fatal(err)
	}
	if res.Failed() {
		t.Fatalf("the board failed: %v", res.Sources[0].Err)
	}
	if p := readSnapshot(t, cfg.Snapshots, "gh/1.json"); len(p.Salary) != 1 || p.Salary[0].Min != 100000 || p.Salary[0].Max != 150000 {
		t.Errorf("posting 1: salary %+v, want 100000-150000", p.Salary)
	}
	if p := readSnapshot(t, cfg.Snapshots, "gh/2.json"); len(p.Salary) != 0 {
		t.Errorf("posting 2: salary %+v, want the range dropped", p.Salary)
	}
	var warned []string
	for l := range strings.Lines(logs.String()) {
		if strings.Contains(l, "level=WARN") && strings.Contains(l, "pay dropped") {
			warned = append(warned, l)
		}
	}
	if len(warned) != 1 || !strings.Contains(warned[0], "posting=2") || !strings.Contains(warned[0], "source=gh") {
		t.Errorf("warnings %q, want one naming source gh and posting 2", warned)
	}
}
