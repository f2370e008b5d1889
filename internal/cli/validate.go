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
"FILE: ok" with the number of sources and notifiers, or one line per problem:

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
			fmt.Fprintf(l.stdout, "%s: ok (%d sources, %d notifiers)\n", f.path, len(l.cfg.Sources), len(l.cfg.Notifiers))
			return nil
		},
	}
	f.addConfig(cmd)
	f.addLog(cmd, "info")
	return cmd
}
