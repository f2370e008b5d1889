package cli

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"sort"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/careers-watcher/careers-watcher/internal/config"
	"github.com/careers-watcher/careers-watcher/internal/diff"
	"github.com/careers-watcher/careers-watcher/internal/serve"
	"github.com/careers-watcher/careers-watcher/internal/watch"
)

// newStatusCmd is `watcher status [-c FILE] [--json]`: one row per source.
func newStatusCmd() *cobra.Command {
	var (
		f      configFlags
		asJSON bool
	)
	cmd := &cobra.Command{
		Use:   "status [-c FILE] [--json]",
		Short: "one line per source: health, last run, last success, last change, open postings, pending deliveries, next run",
		Long: `Reads the snapshot folder (index files, run records, outbox, git history; nothing fetched)
and prints one row per source: type, company, health (ok, failing N, suspicious), when
its last run and its last successful run ended, the time of the last commit that changed
the source, open postings, undelivered events per notifier and the next time the schedule
fires. Last run and last success come from a run record local to the machine that runs
the watcher (never committed): a fresh clone shows "-" until its first run. With
git.push, a last line counts the commits not pushed yet.

The notifiers and serve sections of the config are not read, so their ${VARS} need not be set.

Exit codes: 0 printed; 1 the snapshot folder could not be read; 2 bad usage or invalid config.`,
		Example: `  watcher status
  watcher status --json | jq '.[] | select(.health != "ok")'`,
		Args: noArgs,
		RunE: maskedRun(func(cmd *cobra.Command, _ []string) error {
			if db, cfg, err := openDatabase(cmd, f.path); err != nil || db != nil {
				if err != nil {
					return err
				}
				defer db.Close()
				return statusDB(cmd, db, cfg, asJSON)
			}
			folder, err := openFolder(cmd, f.path)
			if err != nil {
				return err
			}
			sts, err := folder.Statuses()
			if err != nil {
				return fail(cmd, ExitFailed, "%v", err)
			}
			if asJSON {
				return writeJSON(cmd, sts)
			}
			writeStatusTable(cmd.OutOrStdout(), sts)
			if n, ok, err := folder.Unpushed(); ok {
				if err != nil {
					return fail(cmd, ExitFailed, "git push: %v", err)
				}
				fmt.Fprintf(cmd.OutOrStdout(), "\ngit: %s not pushed to git.push.remote yet\n", count(n, "commit"))
			}
			return nil
		}),
	}
	f.addConfig(cmd)
	cmd.Flags().BoolVar(&asJSON, "json", false, "print a JSON array (keys as in the API's sources)")
	return cmd
}

// openFolder loads the config without its notifiers and serve sections and
// opens the snapshot folder read-only. Every caller has asked
// openDatabase first, which opens the database of store: postgres, so the
// store here is the folder.
func openFolder(cmd *cobra.Command, path string, skip ...string) (*serve.Folder, error) {
	cfg, err := loadReadOnly(path, skip...)
	if err != nil {
		printConfigError(cmd, err)
		return nil, &exitError{ExitUsage}
	}
	maskWith(cmd, cfg)
	return folderOf(cmd, cfg)
}

func loadReadOnly(path string, skip ...string) (*config.Config, error) {
	if len(skip) == 0 {
		skip = []string{"notifiers", "serve"}
	}
	return config.LoadReadOnly(path, watch.Plugins(), skip...)
}

func folderOf(cmd *cobra.Command, cfg *config.Config) (*serve.Folder, error) {
	srcs := make([]serve.SourceConfig, 0, len(cfg.Sources))
	for _, s := range cfg.Sources {
		srcs = append(srcs, serve.SourceConfig{Name: s.Name, Type: s.Type, Company: s.Company, Schedule: cfg.SourceSchedule(s)})
	}
	folder, err := serve.NewFolder(cfg.Snapshots, srcs)
	if err != nil {
		return nil, fail(cmd, ExitFailed, "%v", err)
	}
	folder.Push, folder.PushBranch, folder.FailAfter = cfg.Git.Push.Remote != "", cfg.Git.Push.Branch, cfg.Guard.FailAfter
	if err := snapshotsThere(cmd, folder.Dir); err != nil {
		return nil, err
	}
	if err := folder.Readable(); err != nil {
		return nil, fail(cmd, ExitFailed, "%v", err)
	}
	return folder, nil
}

func writeJSON(cmd *cobra.Command, v any) error {
	enc := json.NewEncoder(cmd.OutOrStdout())
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return fail(cmd, ExitFailed, "%v", err)
	}
	return nil
}

func writeStatusTable(w io.Writer, sts []serve.Status) {
	// the cells are masked before the columns are measured (the output is
	// masked again as a whole): a [redacted:VAR] in place of a longer or
	// shorter value keeps the table aligned
	cell := oneLine
	if m, ok := w.(*maskOut); ok && m.red != nil {
		cell = func(s string) string { return m.red.String(oneLine(s)) }
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "SOURCE\tTYPE\tCOMPANY\tHEALTH\tLAST RUN\tLAST SUCCESS\tLAST CHANGE\tOPEN\tPENDING\tNEXT RUN")
	for _, s := range sts {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%d\t%s\t%s\n", cell(s.Name), cell(s.Type), dash(cell(s.Company)), cell(s.HealthText()),
			timeText(s.LastRun), timeText(s.LastSuccess), timeText(s.LastChange), s.Open, cell(pendingText(s.Pending)), timeText(s.NextRun))
	}
	tw.Flush()
}

func pendingText(m map[string]int) string {
	if len(m) == 0 {
		return "-"
	}
	names := make([]string, 0, len(m))
	for n := range m {
		names = append(names, n)
	}
	sort.Strings(names)
	parts := make([]string, len(names))
	for i, n := range names {
		parts[i] = fmt.Sprintf("%s:%d", oneLine(n), m[n])
	}
	return strings.Join(parts, ",")
}

func timeText(t *time.Time) string {
	if t == nil {
		return "-"
	}
	return t.UTC().Format("2006-01-02 15:04Z")
}

func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// oneLine keeps a board's text on one line of a table, as the terminal
// shows it: control characters (tabs, newlines, escape sequences) and the
// line and paragraph separators become spaces, and the bidirectional
// marks and overrides (U+202A-U+202E, U+2066-U+2069, ...), which could
// make a column display reversed, are dropped, as run's stdout drops them
// (diff.IsBidi). The --json output stays exact.
func oneLine(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r < 0x20 || r == 0x7f || r >= 0x80 && r < 0xa0 || r == '\u2028' || r == '\u2029':
			return ' '
		case diff.IsBidi(r):
			return -1
		}
		return r
	}, s)
}

// snapshotsThere says, before a reader meets it, that the snapshot folder
// dir does not exist yet (a fresh clone before its first run) and how to
// get it.
func snapshotsThere(cmd *cobra.Command, dir string) error {
	if _, err := os.Stat(dir); errors.Is(err, fs.ErrNotExist) {
		return fail(cmd, ExitFailed, "no snapshots yet: %s does not exist (run `watcher run` first)", dir)
	}
	return nil
}
