package cli

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"
	"github.com/spf13/cobra/doc"
)

// newManCmd is `watcher man DIR`: the man pages, made from the same command
// tree as the help and the completion.
func newManCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "man DIR",
		Short: "write the man pages (watcher.1, watcher-run.1, ...) into DIR",
		Long: `Writes one man page per command into DIR (created if missing): watcher.1,
watcher-run.1, watcher-report.1, ... They hold the same text as the help. The date in
their header is the current month, or the one $SOURCE_DATE_EPOCH gives.`,
		Example: `  watcher man ~/.local/share/man/man1 && man watcher-run
  watcher man /tmp/man && man /tmp/man/watcher.1`,
		Args: func(_ *cobra.Command, args []string) error {
			if len(args) != 1 {
				return fmt.Errorf("expected one folder to write the man pages into")
			}
			return nil
		},
		ValidArgsFunction: func(*cobra.Command, []string, string) ([]cobra.Completion, cobra.ShellCompDirective) {
			return nil, cobra.ShellCompDirectiveFilterDirs
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			dir := args[0]
			if err := os.MkdirAll(dir, 0o755); err != nil {
				return fail(cmd, ExitFailed, "%v", err)
			}
			header := &doc.GenManHeader{Section: "1", Source: "careers-watcher " + version(), Manual: "careers-watcher manual"}
			if err := doc.GenManTree(cmd.Root(), header, dir); err != nil {
				return fail(cmd, ExitFailed, "%s: %v", dir, err)
			}
			pages, _ := filepath.Glob(filepath.Join(dir, "watcher*.1"))
			fmt.Fprintf(cmd.OutOrStdout(), "wrote %d man pages into %s\n", len(pages), dir)
			return nil
		},
	}
}
