package watch

import (
	"errors"
	"fmt"
	"strconv"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/careers-watcher/careers-watcher/internal/notify"
)

// Metrics are the counters the pipeline feeds (a daemon's runs, requests,
// events, deliveries and pushes); the web server's registry exposes them
// beside what it reads from the snapshot folder. A nil *Metrics counts
// nothing.
type Metrics struct {
	runs       *prometheus.CounterVec
	duration   prometheus.Histogram
	requests   *prometheus.CounterVec
	events     *prometheus.CounterVec
	deliveries *prometheus.CounterVec
	pushes     *prometheus.CounterVec
	lastCycle  prometheus.Gauge
}

// NewMetrics makes the pipeline's metrics and registers them with reg.
func NewMetrics(reg prometheus.Registerer) (*Metrics, error) {
	m := &Metrics{
		runs: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "watcher_runs_total", Help: "Runs of a source, by outcome (ok, failed, suspicious, interrupted).",
		}, []string{"source", "outcome"}),
		duration: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name: "watcher_run_duration_seconds", Help: "Duration of a run (fetch, compare, write, commit, deliver, push).",
			Buckets: []float64{0.1, 0.5, 1, 5, 15, 30, 60, 120, 300, 600, 1800},
		}),
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "watcher_scrape_requests_total", Help: "Requests to the boards, by host and status class (2xx, 3xx, 4xx, 5xx; error: no response).",
		}, []string{"host", "code"}),
		events: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "watcher_events_total", Help: "Events recorded (written to the outbox), by type.",
		}, []string{"type"}),
		deliveries: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "watcher_deliveries_total", Help: "Event deliveries by notifier and outcome (delivered, failed, dropped, expired).",
		}, []string{"notifier", "outcome"}),
		pushes: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "watcher_git_pushes_total", Help: "Pushes to git.push.remote (all attempts of one push), by outcome (ok, failed).",
		}, []string{"outcome"}),
		lastCycle: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "watcher_last_run_end_timestamp_seconds", Help: "When the last run of this process ended.",
		}),
	}
	for _, c := range []prometheus.Collector{m.runs, m.duration, m.requests, m.events, m.deliveries, m.pushes, m.lastCycle} {
		if err := reg.Register(c); err != nil {
			return nil, err
		}
	}
	return m, nil
}

// run counts a finished run: its sources' outcomes and its duration.
func (m *Metrics) run(res Result, d time.Duration, end time.Time) {
	if m == nil {
		return
	}
	m.duration.Observe(d.Seconds())
	m.lastCycle.Set(float64(end.Unix()))
	for _, s := range res.Sources {
		outcome := "ok"
		switch {
		case s.Interrupted:
			outcome = "interrupted"
		case s.Suspicious:
			outcome = "suspicious"
		case s.Err != nil:
			outcome = "failed"
		}
		m.runs.WithLabelValues(s.Source, outcome).Inc()
	}
}

// request counts one response of a board's host (status 0: none).
func (m *Metrics) request(host string, status int) {
	if m == nil {
		return
	}
	code := "error"
	if status > 0 {
		code = strconv.Itoa(status/100) + "xx"
	}
	m.requests.WithLabelValues(host, code).Inc()
}

func (m *Metrics) recorded(evs []notify.Event) {
	if m == nil {
		return
	}
	for _, e := range evs {
		m.events.WithLabelValues(e.Type).Inc()
	}
}

func (m *Metrics) delivery(notifier, outcome string, n int) {
	if m == nil {
		return
	}
	m.deliveries.WithLabelValues(notifier, outcome).Add(float64(n))
}

func (m *Metrics) push(ok bool, _ time.Duration) {
	if m == nil {
		return
	}
	outcome := "ok"
	if !ok {
		outcome = "failed"
	}
	m.pushes.WithLabelValues(outcome).Inc()
}

// observeRequest is the scrape pool's Observe hook (nil without metrics).
func (r *Runner) observeRequest() func(host string, status int) {
	if r.metrics == nil {
		return nil
	}
	if r.red.Empty() {
		return r.metrics.request
	}
	// a host name may carry a secret (url: https://${TENANT}.example)
	return func(host string, status int) { r.metrics.request(r.red.String(host), status) }
}

// cycleState is how the last run of this process ended, for Ready.
type cycleState struct {
	mu    sync.Mutex
	ended bool
	err   error
}

// finished records a run's end: metrics, and the state Ready reports.
func (r *Runner) finished(res Result, err error, start time.Time) {
	r.metrics.run(res, time.Since(start), time.Now())
	r.cycle.mu.Lock()
	defer r.cycle.mu.Unlock()
	r.cycle.ended = true
	r.cycle.err = err
}

// Ready reports whether the last run of this process ended (a daemon's
// /readyz): an error until a first run has ended, or when the last run
// could not finish its work (writing or committing failed). A source that
// failed to fetch does not make a run unready: its health says so.
func (r *Runner) Ready() error {
	r.cycle.mu.Lock()
	defer r.cycle.mu.Unlock()
	switch {
	case !r.cycle.ended:
		return errors.New("no run has ended yet")
	case r.cycle.err != nil:
		return fmt.Errorf("the last run failed: %s", r.red.Text(r.cycle.err.Error()))
	}
	return nil
}
