package cli

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	dto "github.com/prometheus/client_model/go"
	"github.com/prometheus/common/expfmt"
	"github.com/prometheus/common/model"

	"github.com/careers-watcher/careers-watcher/internal/scrape/eightfold/fake"
)

// labelsMatch reports whether m has every label of want.
func labelsMatch(m *dto.Metric, want map[string]string) bool {
	n := 0
	for _, l := range m.GetLabel() {
		if v, ok := want[l.GetName()]; ok && v == l.GetValue() {
			n++
		}
	}
	return n == len(want)
}

// TestDaemonMetricsAndReadiness drives `watcher daemon --listen`: /readyz
// is 503 while the first run is held at the board and 200 once it ended;
// /metrics (parsed with the Prometheus text parser) counts the run, its
// duration, the board's requests by host and status class, the events by
// type and the deliveries by notifier and outcome; /readyz is 503 again
// when the snapshot folder cannot be read.
func TestDaemonMetricsAndReadiness(t *testing.T) {
	e := newEnv(t, []fake.Job{netflixJob(1), netflixJob(2), netflixJob(3)})
	// the board answers only once the gate opens
	gate := make(chan struct{})
	var once sync.Once
	open := func() { once.Do(func() { close(gate) }) }
	t.Cleanup(open)
	target, err := url.Parse(e.nf.URL)
	if err != nil {
		t.Fatal(err)
	}
	proxy := httputil.NewSingleHostReverseProxy(target)
	gated := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		<-gate
		proxy.ServeHTTP(w, r)
	}))
	t.Cleanup(gated.Close)
	b, err := os.ReadFile(e.cfg)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(e.cfg, bytes.Replace(b, []byte("url: "+e.nf.URL), []byte("url: "+gated.URL), 1), 0o644); err != nil {
		t.Fatal(err)
	}

	base := startCmd(t, e, "daemon")
	if resp, body := get(t, base+"/readyz"); resp.StatusCode != http.StatusServiceUnavailable {
		t.Fatalf("/readyz before the first run ended: %d %s", resp.StatusCode, body)
	}
	probe := func(path string) (int, string) {
		var out, errb bytes.Buffer
		code := Main([]string{"probe", base + path}, &out, &errb)
		return code, out.String() + errb.String()
	}
	if code, out := probe("/readyz"); code != ExitFailed || !strings.Contains(out, "503") {
		t.Fatalf("watcher probe before ready: exit %d %s", code, out)
	}
	if code, out := probe("/healthz"); code != ExitOK {
		t.Fatalf("watcher probe /healthz: exit %d %s", code, out)
	}
	open()
	deadline := time.Now().Add(30 * time.Second)
	for {
		resp, _ := get(t, base+"/readyz")
		if resp.StatusCode == http.StatusOK {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("/readyz never became ready after the first run")
		}
		time.Sleep(20 * time.Millisecond)
	}

	if code, out := probe("/readyz"); code != ExitOK || !strings.Contains(out, "ready") {
		t.Fatalf("watcher probe when ready: exit %d %s", code, out)
	}
	resp, body := get(t, base+"/metrics")
	tp := expfmt.NewTextParser(model.UTF8Validation)
	fams, err := tp.TextToMetricFamilies(bytes.NewReader(body))
	if err != nil {
		t.Fatalf("metrics: %v (%s)", err, resp.Header.Get("Content-Type"))
	}
	value := func(name string, labels map[string]string) float64 {
		t.Helper()
		f, ok := fams[name]
		if !ok {
			t.Fatalf("no metric %s in:\n%s", name, body)
		}
		for _, m := range f.GetMetric() {
			if !labelsMatch(m, labels) {
				continue
			}
			switch {
			case m.Counter != nil:
				return m.Counter.GetValue()
			case m.Gauge != nil:
				return m.Gauge.GetValue()
			case m.Histogram != nil:
				return float64(m.Histogram.GetSampleCount())
			}
		}
		t.Fatalf("no %s%v in:\n%s", name, labels, body)
		return 0
	}
	host := strings.Split(target.Host, ":")[0]
	checks := []struct {
		name   string
		labels map[string]string
		want   func(float64) bool
		what   string
	}{
		{"watcher_runs_total", map[string]string{"source": "netflix-data-insights", "outcome": "ok"}, func(v float64) bool { return v == 1 }, "1"},
		{"watcher_run_duration_seconds", nil, func(v float64) bool { return v == 1 }, "1 observation"},
		{"watcher_scrape_requests_total", map[string]string{"host": host, "code": "2xx"}, func(v float64) bool { return v >= 4 }, ">= 4 (list pages and details)"},
		{"watcher_events_total", map[string]string{"type": "posting.added"}, func(v float64) bool { return v == 3 }, "3"},
		{"watcher_deliveries_total", map[string]string{"notifier": "hooks", "outcome": "delivered"}, func(v float64) bool { return v == 3 }, "3"},
		{"watcher_deliveries_total", map[string]string{"notifier": "console", "outcome": "delivered"}, func(v float64) bool { return v == 3 }, "3"},
		{"watcher_open_postings", map[string]string{"source": "netflix-data-insights"}, func(v float64) bool { return v == 3 }, "3"},
		{"watcher_outbox_depth", nil, func(v float64) bool { return v == 0 }, "0"},
		{"watcher_last_run_end_timestamp_seconds", nil, func(v float64) bool { return v > 0 }, "> 0"},
	}
	for _, c := range checks {
		if v := value(c.name, c.labels); !c.want(v) {
			t.Errorf("%s%v = %v, want %s", c.name, c.labels, v, c.what)
		}
	}
	if f := fams["watcher_run_duration_seconds"]; f.GetType() != dto.MetricType_HISTOGRAM {
		t.Errorf("watcher_run_duration_seconds is a %v, want a histogram", f.GetType())
	}
	if len(e.hook.take(t)) != 3 {
		t.Error("the receiver did not get the 3 events the metrics count")
	}

	// the snapshot folder gone: not ready
	snaps := filepath.Join(e.dir, "snaps")
	if err := os.Rename(snaps, snaps+".away"); err != nil {
		t.Fatal(err)
	}
	resp, body = get(t, base+"/readyz")
	if err := os.Rename(snaps+".away", snaps); err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != http.StatusServiceUnavailable {
		t.Fatalf("/readyz without the snapshot folder: %d %s", resp.StatusCode, body)
	}
	if resp, body := get(t, base+"/readyz"); resp.StatusCode != http.StatusOK {
		t.Fatalf("/readyz with the folder back: %d %s", resp.StatusCode, body)
	}
}
