package cli

import (
	"fmt"
	"slices"
	"strings"

	"github.com/spf13/cobra"
)

var shells = []string{"bash", "zsh", "fish", "powershell"}

// newCompletionCmd is `watcher completion SHELL`: a completion script that
// asks the watcher itself (its hidden __complete command) what comes next:
// commands, flags, flag values, and source and notifier names from the
// config.
func newCompletionCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "completion bash|zsh|fish|powershell",
		Short: "print a shell completion script",
		Long: `Prints a completion script for the shell: commands, flags, flag values such as
--format and --log-level, and the names of sources (--source) and notifiers
(notify test) from the config.

bash (needs the bash-completion package):
  watcher completion bash > ~/.local/share/bash-completion/completions/watcher

zsh (a folder on $fpath; 'autoload -U compinit; compinit' in ~/.zshrc):
  watcher completion zsh > "${fpath[1]}/_watcher"

fish:
  watcher completion fish > ~/.config/fish/completions/watcher.fish

PowerShell:
  watcher completion powershell | Out-String | Invoke-Expression`,
		Example: `  source <(watcher completion bash)
  watcher completion zsh > "${fpath[1]}/_watcher"
  watcher completion fish | source`,
		ValidArgs: shells,
		Args: func(_ *cobra.Command, args []string) error {
			if len(args) != 1 || !slices.Contains(shells, args[0]) {
				return fmt.Errorf("expected one shell: %s", strings.Join(shells, ", "))
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			root, w := cmd.Root(), cmd.OutOrStdout()
			var err error
			switch args[0] {
			case "bash":
				err = root.GenBashCompletionV2(w, true)
			case "zsh":
				err = root.GenZshCompletion(w)
			case "fish":
				err = root.GenFishCompletion(w, true)
			default:
				err = root.GenPowerShellCompletionWithDesc(w)
			}
			if err != nil {
				return fail(cmd, ExitFailed, "%v", err)
			}
			return nil
		},
	}
}
