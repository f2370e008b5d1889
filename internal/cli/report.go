package cli

import (
	"flag"
	"fmt"
	"io"
	"time"

	"github.com/careers-watcher/careers-watcher/internal/atomicfile"
	"github.com/careers-watcher/careers-watcher/internal/config"
	"github.com/careers-watcher/careers-watcher/internal/report"
	"github.com/careers-watcher/careers-watcher/internal/watch"
)

// reportCmd is `watcher report [-c FILE] [--source NAME ...] [--since DATE]
// [--format text|markdown|json|html] [-o FILE]`: what the snapshots say
// companies hire for, and how it moved.
func reportCmd(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("watcher report", flag.ContinueOnError)
	fs.SetOutput(stderr)
	cfgPath := fs.String("c", config.DefaultPath(), "config file")
	fs.StringVar(cfgPath, "config", config.DefaultPath(), "config file")
	since := fs.String("since", "", "start of the trend window, YYYY-MM-DD (default: 12 weeks ago)")
	format := fs.String("format", "text", "text, markdown, json or html")
	out := fs.String("o", "", "write to this file instead of stdout")
	var sources []string
	fs.Func("source", "report only this source (repeatable)", func(s string) error {
		sources = append(sources, s)
		return nil
	})
	if err := fs.Parse(args); err != nil {
		return ExitUsage
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "watcher report: unexpected argument %q\n", fs.Arg(0))
		return ExitUsage
	}
	write := map[string]func(*report.Report, io.Writer) error{
		"text": (*report.Report).WriteText, "markdown": (*report.Report).WriteMarkdown,
		"json": (*report.Report).WriteJSON, "html": (*report.Report).WriteHTML,
	}[*format]
	if write == nil {
		fmt.Fprintf(stderr, "watcher report: --format %q: use text, markdown, json or html\n", *format)
		return ExitUsage
	}
	opts := report.Options{Sources: sources}
	if *since != "" {
		t, err := time.Parse(time.DateOnly, *since)
		if err != nil {
			fmt.Fprintf(stderr, "watcher report: --since %q: use a date such as 2026-09-01\n", *since)
			return ExitUsage
		}
		opts.Since = t
	}
	cfg, err := config.Load(*cfgPath, watch.Plugins())
	if err != nil {
		printConfigError(stderr, err)
		return ExitUsage
	}
	opts.SnapshotDir = cfg.Snapshots
	rep, err := report.Build(opts)
	if err != nil {
		fmt.Fprintf(stderr, "watcher report: %v\n", err)
		return ExitFailed
	}
	w := stdout
	var f *atomicOut
	if *out != "" {
		f = &atomicOut{path: *out}
		w = f
	}
	if err := write(rep, w); err != nil {
		fmt.Fprintf(stderr, "watcher report: %v\n", err)
		return ExitFailed
	}
	if f != nil {
		if err := f.close(); err != nil {
			fmt.Fprintf(stderr, "watcher report: %v\n", err)
			return ExitFailed
		}
	}
	return ExitOK
}

// atomicOut collects output and writes it to path in one piece, so that a
// failed report never leaves half a file.
type atomicOut struct {
	path string
	buf  []byte
}

func (a *atomicOut) Write(p []byte) (int, error) {
	a.buf = append(a.buf, p...)
	return len(p), nil
}

func (a *atomicOut) close() error { return atomicfile.WriteFile(a.path, a.buf) }
