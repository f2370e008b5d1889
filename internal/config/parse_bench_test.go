package config_test

import (
	"fmt"
	"runtime"
	"runtime/metrics"
	"strings"
	"testing"
	"time"

	"github.com/careers-watcher/careers-watcher/internal/config"
	"github.com/careers-watcher/careers-watcher/internal/config/registry"
)

// fleetConfig is the bench harness's config (bench/main.go) for n
// Eightfold boards.
func fleetConfig(n int) []byte {
	var cfg strings.Builder
	cfg.WriteString("snapshots: /tmp/snapshots\nhttp:\n  per_host_delay: 1ms\n  timeout: 30s\n  robots: true\n  hosts:\n")
	for h := 1; h <= 4; h++ {
		fmt.Fprintf(&cfg, "    \"127.0.0.%d:8080\": {delay: 1ms, concurrency: 4}\n", h)
	}
	cfg.WriteString("sources:\n")
	for b := range n {
		fmt.Fprintf(&cfg, "  - name: board-%d\n    type: eightfold\n    company: Board %d\n    url: http://127.0.0.%d:8080\n    domain: board-%d.example\n    interface: apply\n", b, b, b%4+1, b)
	}
	return []byte(cfg.String())
}

// BenchmarkParseFleet parses the config of 10,000 sources (1.5 MB): the
// heap's peak while it runs (peak-MB: live and not yet collected objects,
// sampled every millisecond after a GC), what stays (live-MB, after a GC,
// the Config held) and per source.
func BenchmarkParseFleet(b *testing.B) {
	const n = 10_000
	data := fleetConfig(n)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	var peak, live uint64
	for b.Loop() {
		b.StopTimer()
		runtime.GC()
		done, out := make(chan struct{}), make(chan uint64)
		go func() {
			s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
			var p uint64
			tk := time.NewTicker(time.Millisecond)
			defer tk.Stop()
			for {
				metrics.Read(s)
				p = max(p, s[0].Value.Uint64())
				select {
				case <-done:
					out <- p
					return
				case <-tk.C:
				}
			}
		}()
		b.StartTimer()
		c, err := config.Parse(data, "config.yaml", nil, registry.Plugins()) // not parse: it reads every config twice, to compare
		b.StopTimer()
		close(done)
		peak = max(peak, <-out)
		if err != nil || len(c.Sources) != n {
			b.Fatalf("parse: %v", err)
		}
		runtime.GC()
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		live = ms.HeapAlloc
		runtime.KeepAlive(c)
		b.StartTimer()
	}
	b.ReportMetric(float64(peak)/(1<<20), "peak-MB")
	b.ReportMetric(float64(live)/(1<<20), "live-MB")
	b.ReportMetric(float64(peak)/n, "peak-B/source")
}
