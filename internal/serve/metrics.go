package serve

import (
	"github.com/prometheus/client_golang/prometheus"
)

// folderCollector reads the snapshot folder at each scrape: open postings,
// health, last change and the outbox.
type folderCollector struct{ f Reader }

var (
	descOpen = prometheus.NewDesc("watcher_open_postings", "Open postings of a source (its index).", []string{"source"}, nil)
	descUp   = prometheus.NewDesc("watcher_source_healthy", "1 when the source's last run succeeded and its listing was not held as suspicious.", []string{"source"}, nil)
	descFail = prometheus.NewDesc("watcher_source_failures", "Failed runs of a source in a row.", []string{"source"}, nil)
	descSusp = prometheus.NewDesc("watcher_source_suspicious", "1 while a source's listing is held back as suspicious (too small).", []string{"source"}, nil)
	descLast = prometheus.NewDesc("watcher_source_last_change_timestamp_seconds", "Time of the last commit that changed a source's snapshots.", []string{"source"}, nil)
	descRun  = prometheus.NewDesc("watcher_source_last_run_timestamp_seconds", "Time the last run of a source ended (the run record of this machine).", []string{"source"}, nil)
	descOK   = prometheus.NewDesc("watcher_source_last_success_timestamp_seconds", "Time the last successful run of a source ended (the run record of this machine).", []string{"source"}, nil)
	descGen  = prometheus.NewDesc("watcher_source_change_generation", "Runs of a source that reported a change.", []string{"source"}, nil)
	descPend = prometheus.NewDesc("watcher_outbox_pending", "Undelivered events by source and notifier.", []string{"source", "notifier"}, nil)
	descOut  = prometheus.NewDesc("watcher_outbox_depth", "Undelivered events in the outbox.", nil, nil)
	descPush = prometheus.NewDesc("watcher_git_unpushed_commits", "Commits not pushed to git.push.remote yet (only with git.push).", nil, nil)
	descErr  = prometheus.NewDesc("watcher_snapshot_read_errors", "1 when the snapshot folder could not be read at this scrape.", nil, nil)
)

func (c *folderCollector) Describe(ch chan<- *prometheus.Desc) {
	for _, d := range []*prometheus.Desc{descOpen, descUp, descFail, descSusp, descLast, descRun, descOK, descGen, descPend, descOut, descPush, descErr} {
		ch <- d
	}
}

func (c *folderCollector) Collect(ch chan<- prometheus.Metric) {
	sts, err := c.f.Statuses()
	bad := 0.0
	if err != nil {
		bad = 1
	}
	ch <- prometheus.MustNewConstMetric(descErr, prometheus.GaugeValue, bad)
	ch <- prometheus.MustNewConstMetric(descOut, prometheus.GaugeValue, float64(c.f.OutboxDepth()))
	if n, ok, err := c.f.Unpushed(); ok && err == nil {
		ch <- prometheus.MustNewConstMetric(descPush, prometheus.GaugeValue, float64(n))
	}
	for _, s := range sts {
		up, susp := 0.0, 0.0
		if s.Health == "ok" {
			up = 1
		}
		if s.Suspicious {
			susp = 1
		}
		ch <- prometheus.MustNewConstMetric(descOpen, prometheus.GaugeValue, float64(s.Open), s.Name)
		ch <- prometheus.MustNewConstMetric(descUp, prometheus.GaugeValue, up, s.Name)
		ch <- prometheus.MustNewConstMetric(descFail, prometheus.GaugeValue, float64(s.Failures), s.Name)
		ch <- prometheus.MustNewConstMetric(descSusp, prometheus.GaugeValue, susp, s.Name)
		ch <- prometheus.MustNewConstMetric(descGen, prometheus.CounterValue, float64(s.Generation), s.Name)
		if s.LastChange != nil {
			ch <- prometheus.MustNewConstMetric(descLast, prometheus.GaugeValue, float64(s.LastChange.Unix()), s.Name)
		}
		if s.LastRun != nil {
			ch <- prometheus.MustNewConstMetric(descRun, prometheus.GaugeValue, float64(s.LastRun.Unix()), s.Name)
		}
		if s.LastSuccess != nil {
			ch <- prometheus.MustNewConstMetric(descOK, prometheus.GaugeValue, float64(s.LastSuccess.Unix()), s.Name)
		}
		for n, v := range s.Pending {
			ch <- prometheus.MustNewConstMetric(descPend, prometheus.GaugeValue, float64(v), s.Name, n)
		}
	}
}
