package cli

import (
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/careers-watcher/careers-watcher/internal/fleet"
)

// newExportGitCmd is `watcher export-git [-c FILE] [--to DIR]`: the
// database mirrored into a snapshot folder committed to git (docs/fleet.md).
func newExportGitCmd() *cobra.Command {
	var (
		f  configFlags
		to string
	)
	cmd := &cobra.Command{
		Use:   "export-git [-c FILE] [--to DIR]",
		Short: "mirror the database (store: postgres) into a snapshot folder committed to git",
		Long: `Writes the current state of the database of store: postgres into a snapshot folder in
the files store's format, so that the git-scraping use (a repository of snapshot files
to clone, diff and browse) keeps working in fleet mode: for every source of the config,
a file per open posting, none for a posting no longer open, the source's README, index,
validators and adapter state, all in one commit of the folder's own git repository (made
when missing; author from the config's git section). Only files whose bytes differ are
written; nothing changed makes no commit. The folder's writer lock is held meanwhile.

The history is the database's (its versions table; watcher show): each export is one
commit of what changed since the last. The database is read in one consistent
transaction (REPEATABLE READ). The folder carries the run marker while files are
written: an export killed before its commit is finished by the next export (or run on
the folder), which commits the files it left. Run it on a schedule (cron) beside the workers.

--to names the folder (default: the config's snapshots). The database must be migrated
first (watcher migrate).

Exit codes: 0 done; 1 the database could not be read, the folder is busy or a write
failed; 2 bad usage, invalid config, or a config whose store is not postgres.`,
		Example: `  watcher export-git -c fleet.yaml --to mirror`,
		Args:    noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			l, ctx, db, done, err := f.openFleetDB(cmd)
			if err != nil {
				return err
			}
			defer done()
			if to == "" {
				to = l.cfg.Snapshots
			}
			res, err := fleet.ExportGit(ctx, db, l.cfg, to, time.Now())
			if err != nil {
				fmt.Fprintf(l.stderr, "%s: %v\n", cmd.CommandPath(), err)
				return &exitError{ExitFailed}
			}
			if res.Repaired {
				fmt.Fprintln(l.stdout, "the last export stopped before its commit: its files are committed with this one")
			}
			if res.Commit == "" {
				fmt.Fprintf(l.stdout, "%s exported: nothing changed\n", count(res.Sources, "source"))
				return nil
			}
			fmt.Fprintf(l.stdout, "%s exported: %s written, %d removed; commit %s\n", count(res.Sources, "source"), count(res.Written, "posting file"), res.Removed, res.Commit[:min(len(res.Commit), 12)])
			return nil
		},
	}
	f.addConfig(cmd)
	f.addLog(cmd, "warn")
	cmd.Flags().StringVar(&to, "to", "", "the snapshot folder (default: the config's snapshots)")
	return cmd
}
