package cli

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/careers-watcher/careers-watcher/internal/atomicfile"
	"github.com/careers-watcher/careers-watcher/internal/config"
	"github.com/careers-watcher/careers-watcher/internal/fleet"
	"github.com/careers-watcher/careers-watcher/internal/report"
)

// newReportCmd is `watcher report [-c FILE] [--source NAME ...] [--since
// DATE] [--format text|markdown|json|html] [-o FILE]`: what the snapshots
// say companies hire for, and how it moved.
func newReportCmd() *cobra.Command {
	var (
		f       configFlags
		sources []string
		since   string
		format  string
		out     string
	)
	cmd := &cobra.Command{
		Use:   "report [-c FILE] [--source NAME ...] [--since YYYY-MM-DD] [--format text|markdown|json|html] [-o FILE]",
		Short: "what the listings ask for: roles, levels, skills, pay, and how they moved",
		Long: `Reads the snapshot folder and its git history (nothing is fetched) and reports the open
postings by role, level, location and team; skill demand; pay; and, from the history,
postings opened and closed per week and rising or falling skills since --since.
With store: postgres it reads the database instead: the open postings from its
postings table, the trend from its versions table (each write that changed a
source counts where a commit would), all in one consistent read.

The report reads the config too (for the snapshot folder and the sources), leaving out its
notifiers and serve sections: their ${VARS} need not be set.

Exit codes: 0 written; 1 the snapshots could not be read or the file not written;
2 bad usage or invalid config.`,
		Example: `  watcher report
  watcher report --format html -o report.html --since 2026-01-01
  watcher report --source netflix --format json | jq .roles`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return reportRun(cmd, f.path, sources, since, format, out)
		},
	}
	f.addConfig(cmd)
	cmd.Flags().StringArrayVar(&sources, "source", nil, "report only this source (repeatable)")
	cmd.Flags().StringVar(&since, "since", "", "start of the trend window, YYYY-MM-DD in the local time zone (default: 12 weeks ago)")
	cmd.Flags().StringVar(&format, "format", "text", "text, markdown, json or html")
	cmd.Flags().StringVarP(&out, "output", "o", "", "write to this file instead of stdout (\"-\": stdout)")
	_ = cmd.RegisterFlagCompletionFunc("source", configNames(&f, sourceNames))
	_ = cmd.RegisterFlagCompletionFunc("since", cobra.NoFileCompletions)
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions([]string{"text", "markdown", "json", "html"}, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

func reportRun(cmd *cobra.Command, cfgPath string, sources []string, since, format, out string) error {
	if out == "-" {
		out = "" // "-o -": stdout, as the usual meaning of "-" is
	}
	write := map[string]func(*report.Report, io.Writer) error{
		"text": (*report.Report).WriteText, "markdown": (*report.Report).WriteMarkdown,
		"json": (*report.Report).WriteJSON, "html": (*report.Report).WriteHTML,
	}[format]
	if write == nil {
		return usageFail(cmd, cmd.ErrOrStderr(), "--format %q: use text, markdown, json or html", format)
	}
	opts := report.Options{Sources: sources}
	if since != "" {
		t, err := parseSince(since, time.Now())
		if err != nil {
			return usageFail(cmd, cmd.ErrOrStderr(), "%v", err)
		}
		opts.Since = t
	}
	// the notifiers are not read: their ${VARS} need not be set
	cfg, err := loadReadOnly(cfgPath)
	if err != nil {
		printConfigError(cmd, err)
		return &exitError{ExitUsage}
	}
	red := cfg.Redactor()
	for _, s := range sources {
		if !slices.ContainsFunc(cfg.Sources, func(c config.Source) bool { return c.Name == s }) {
			return usageFail(cmd, red.Writer(cmd.ErrOrStderr()), "%s", noSuchSource("--source ", s, sourceNames(cfg)))
		}
	}
	if out != "" {
		// like a shell's redirection: the file's folder must be there (a
		// typo in -o makes no folder tree)
		if fi, err := os.Stat(filepath.Dir(out)); err != nil || !fi.IsDir() {
			return fail(cmd, ExitFailed, "-o %s: no such folder %s", out, filepath.Dir(out))
		}
	}
	opts.SnapshotDir = cfg.Snapshots
	if cfg.Store.Postgres() {
		// the database: open postings from postings, the trend from versions,
		// read in one snapshot-consistent transaction
		db, err := fleet.Open(contextOf(cmd), cfg, nil)
		if err != nil {
			return fail(cmd, ExitFailed, "%s", red.Text(err.Error()))
		}
		defer db.Close()
		rd, err := db.Store.NewReportReader(contextOf(cmd))
		if err != nil {
			return fail(cmd, ExitFailed, "%s", red.Text(err.Error()))
		}
		defer rd.Close()
		// the config's sources only (the database may be shared), each
		// one reported, empty when it has nothing stored
		names := make([]string, 0, len(cfg.Sources))
		for _, s := range cfg.Sources {
			names = append(names, s.Name)
		}
		opts.Reader = report.Restrict(rd, names)
	} else if err := snapshotsThere(cmd, cfg.Snapshots); err != nil {
		return err
	}
	rep, err := report.Build(opts)
	if err != nil {
		// the command names itself: not "report: report: ..."
		return fail(cmd, ExitFailed, "%s", strings.TrimPrefix(red.Text(err.Error()), "report: "))
	}
	// the whole report is collected, then masked as one piece (a secret
	// cut short by a table cell included, as run's output) and written
	buf := &atomicOut{path: out}
	if err := write(rep, buf); err != nil {
		return fail(cmd, ExitFailed, "%v", err)
	}
	buf.buf = red.Output(buf.buf)
	if out == "" {
		if _, err := cmd.OutOrStdout().Write(buf.buf); err != nil {
			return fail(cmd, ExitFailed, "%v", err)
		}
		return nil
	}
	if err := buf.close(); err != nil {
		return fail(cmd, ExitFailed, "%v", err)
	}
	return nil
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

// parseSince reads --since, a calendar date, as the midnight that starts
// it in now's time zone (the local one): today's date is the start of
// today where the user is, never in the future (read as UTC midnight, it
// was, east of UTC before midnight UTC); a later date is refused.
func parseSince(s string, now time.Time) (time.Time, error) {
	t, err := time.ParseInLocation(time.DateOnly, s, now.Location())
	if err != nil {
		return time.Time{}, fmt.Errorf("--since %q: use a date such as 2026-09-01", s)
	}
	if t.After(now) {
		return time.Time{}, fmt.Errorf("--since %q: a date in the future (the trend window starts there)", s)
	}
	return t, nil
}
