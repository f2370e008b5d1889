package cli

import (
	"fmt"

	"github.com/spf13/cobra"
)

func newValidateCmd() *cobra.Command {
	var f configFlags
	cmd := &cobra.Command{
		Use:   "validate [-c FILE]",
		Short: "check the config; one line per problem",
		Long: `Loads the config as run and daemon would and checks it: keys, values, that every
${VAR} it names is set, and that this build can fetch every source type. Prints
"FILE: ok" with the number of sources and notifiers (and a warning on stderr when there
is no notifier, or when jitter is not shorter than a source's schedule interval), or
one line per problem:

  config.yaml:14: sources[0].url: must be an http or https URL

Exit codes: 0 valid; 2 invalid, or bad usage.`,
		Example: `  watcher validate
  watcher validate -c data/config.yaml`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			l, err := f.load(cmd)
			if err != nil {
				return err
			}
			fmt.Fprintf(l.stdout, "%s: ok (%s, %s)\n", f.path, count(len(l.cfg.Sources), "source"), count(len(l.cfg.Notifiers), "notifier"))
			if len(l.cfg.Notifiers) == 0 {
				fmt.Fprintf(l.stderr, "%s: warning: %s\n", f.path, noNotifiers)
			}
			for _, w := range l.cfg.Warnings() {
				fmt.Fprintf(l.stderr, "%s:%d: warning: %s\n", f.path, w.Line, w.Msg)
			}
			return nil
		},
	}
	f.addConfig(cmd)
	f.addLog(cmd, "info")
	return cmd
}

// noNotifiers is the warning of validate and run for a config without
// notifiers.
const noNotifiers = "no notifiers: changes are written to the snapshots and committed, but nothing is printed or sent (add one under notifiers:, such as {name: console, type: stdout})"

// count is "1 source", "2 sources", "0 sources".
func count(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}
