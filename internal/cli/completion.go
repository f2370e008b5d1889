package cli

import (
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/spf13/cobra"
	"go.yaml.in/yaml/v3"

	"github.com/careers-watcher/careers-watcher/internal/config"
	"github.com/careers-watcher/careers-watcher/internal/watch"
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

// completionConfig is the config whose names complete a command line: as
// the commands load it, or, when it does not load (a ${VAR} unset in the
// shell that completes, a problem being mended), the names written under
// sources: and notifiers: (a name that is itself a ${VAR} left out).
func completionConfig(path string) (*config.Config, bool) {
	if cfg, err := config.Load(path, watch.Plugins()); err == nil {
		return cfg, true
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, false
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, config.MaxSize))
	if err != nil {
		return nil, false
	}
	var doc yaml.Node
	if yaml.Unmarshal(data, &doc) != nil || len(doc.Content) != 1 {
		return nil, false
	}
	cfg := &config.Config{}
	for _, name := range writtenNames(doc.Content[0], "sources") {
		cfg.Sources = append(cfg.Sources, config.Source{Name: name})
	}
	for _, name := range writtenNames(doc.Content[0], "notifiers") {
		cfg.Notifiers = append(cfg.Notifiers, config.Notifier{Name: name})
	}
	return cfg, true
}

// writtenNames are the plain name: values of the items of the top-level
// list key.
func writtenNames(root *yaml.Node, key string) []string {
	if root.Kind != yaml.MappingNode {
		return nil
	}
	var out []string
	for i := 0; i+1 < len(root.Content); i += 2 {
		if root.Content[i].Value != key || root.Content[i+1].Kind != yaml.SequenceNode {
			continue
		}
		for _, item := range root.Content[i+1].Content {
			if item.Kind != yaml.MappingNode {
				continue
			}
			for j := 0; j+1 < len(item.Content); j += 2 {
				k, v := item.Content[j], item.Content[j+1]
				if k.Value == "name" && v.Kind == yaml.ScalarNode && v.Value != "" && !strings.Contains(v.Value, "${") {
					out = append(out, v.Value)
				}
			}
		}
	}
	return out
}
