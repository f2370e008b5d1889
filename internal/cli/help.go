package cli

import (
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"
)

// setHelp installs `watcher help [COMMAND]` and the top-level help page: one
// line per command, from each command's Use and Short. A command's own help
// (-h, --help, help CMD) is cobra's: description, usage, examples, flags.
func setHelp(root *cobra.Command) {
	commandHelp := root.HelpFunc() // cobra's template, for every other command
	root.SetHelpFunc(func(cmd *cobra.Command, args []string) {
		if cmd == root {
			writeRootHelp(cmd.OutOrStdout(), cmd)
			return
		}
		commandHelp(cmd, args)
	})
	root.SetHelpCommand(&cobra.Command{
		Use:   "help [COMMAND]",
		Short: "help for a command: what it does, its flags, examples",
		Long:  `Prints the help of a command, as 'watcher COMMAND --help' does; without COMMAND, the list of commands.`,
		Example: `  watcher help run
  watcher help notify test`,
		ValidArgsFunction: func(c *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
			cmd, _, err := c.Root().Find(args)
			if err != nil {
				return nil, cobra.ShellCompDirectiveNoFileComp
			}
			var out []cobra.Completion
			for _, sub := range cmd.Commands() {
				if sub.IsAvailableCommand() && strings.HasPrefix(sub.Name(), toComplete) {
					out = append(out, cobra.CompletionWithDesc(sub.Name(), sub.Short))
				}
			}
			return out, cobra.ShellCompDirectiveNoFileComp
		},
		RunE: func(c *cobra.Command, args []string) error {
			cmd, rest, err := c.Root().Find(args)
			if err != nil {
				return err
			}
			if len(rest) > 0 {
				return fmt.Errorf("unknown command %q", strings.Join(args, " "))
			}
			cmd.InitDefaultHelpFlag() // the flags section lists -h as with --help
			return cmd.Help()
		},
	})
}

// writeRootHelp writes the list of commands, as v1's usage did: name, the
// rest of its Use line, and its Short in a column.
func writeRootHelp(w io.Writer, root *cobra.Command) {
	const col = 43 // where the descriptions start
	var b strings.Builder
	b.WriteString("watcher " + root.Short + "\n\n")
	b.WriteString("usage: watcher <command> [flags]\n\ncommands:\n")
	line := func(name, use, short string) {
		_, rest, _ := strings.Cut(use, " ") // the Use line without the name
		left := fmt.Sprintf("  %-9s %s", name, rest)
		if rest == "" {
			left = "  " + name
		}
		if len(left) < col-1 {
			fmt.Fprintf(&b, "%-*s%s\n", col, left, short)
			return
		}
		fmt.Fprintf(&b, "%s\n%*s%s\n", left, col, "", short)
	}
	for _, c := range root.Commands() {
		if !c.IsAvailableCommand() && c.Name() != "help" {
			continue
		}
		if c.HasAvailableSubCommands() {
			for _, sub := range c.Commands() {
				if sub.IsAvailableCommand() {
					line(c.Name()+" "+sub.Name(), sub.Use, sub.Short)
				}
			}
			continue
		}
		line(c.Name(), c.Use, c.Short)
	}
	b.WriteString(`
'watcher help COMMAND' or 'watcher COMMAND -h' shows a command's flags and examples.
The config is ./config.yaml, or $WATCHER_CONFIG, unless -c names one.
Exit codes: 0 ok; 1 a source failed; 2 bad usage or invalid config;
3 the snapshot folder is in use; 130 stopped by a signal.
`)
	fmt.Fprint(w, b.String())
}
