// Package cli is the command line of cmd/watcher: one file per command
// (spf13/cobra), loading the config, running the pipeline, exit codes.
package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"
)

// Exit codes (DESIGN.md, "Command line").
const (
	ExitOK     = 0
	ExitFailed = 1 // at least one source failed
	ExitUsage  = 2 // bad usage or invalid config
	// ExitBusy: another process holds the snapshot folder (run, without
	// --wait or past it); nothing was touched.
	ExitBusy = 3
	// ExitSignal: the run was stopped by SIGINT or SIGTERM (at the next
	// posting boundary after the first signal, at once after a second);
	// the next run finishes its work.
	ExitSignal = 130
)

// exit ends the process at a second signal (a variable for tests).
var exit = os.Exit

// The help lists the commands in the order they are added, the common ones
// first.
func init() { cobra.EnableCommandSorting = false }

// Main runs the command line with args (without the program name) and
// returns the exit code. Help goes to stdout; errors, logs and usage
// mistakes go to stderr.
func Main(args []string, stdout, stderr io.Writer) int {
	if args == nil {
		args = []string{} // cobra reads os.Args when given nil
	}
	root := newRoot()
	root.SetArgs(args)
	root.SetOut(stdout)
	root.SetErr(stderr)
	cmd, err := root.ExecuteC()
	if err == nil {
		return ExitOK
	}
	var ec *exitError
	if errors.As(err, &ec) {
		return ec.code // the command said what went wrong
	}
	// Everything else comes from parsing: an unknown command or flag, a
	// missing or extra argument.
	path := root.Name()
	if cmd != nil {
		path = cmd.CommandPath()
	}
	fmt.Fprintf(stderr, "%s: %s\n", path, usageMessage(err))
	fmt.Fprintf(stderr, "Run '%s --help' for usage.\n", path)
	return ExitUsage
}

// newRoot builds the command tree; one per Main call, so that no flag value
// outlives a call.
func newRoot() *cobra.Command {
	var showVersion bool
	root := &cobra.Command{
		Use:   "watcher COMMAND [flags]",
		Short: "watches public careers listings, keeps every posting in git, reports what changed",
		Long: `watcher reads public careers listings (Greenhouse, Lever, Workday, Eightfold and other
job boards, or any page with schema.org JobPosting markup), keeps a snapshot file of
every posting in a git repository, reports what changed on stdout and through the
configured notifiers, and writes reports on what the listings ask for.

The config is ./config.yaml, or $WATCHER_CONFIG, unless -c names one.

Exit codes: 0 ok; 1 a source failed; 2 bad usage or invalid config; 3 the snapshot
folder is in use by another process; 130 stopped by a signal (the next run finishes
the work).`,
		// no Args: cobra answers an unknown sub-command with "unknown command"
		SilenceErrors:     true, // Main prints errors, with the command's name
		SilenceUsage:      true,
		DisableAutoGenTag: true, // reproducible man pages
		RunE: func(cmd *cobra.Command, _ []string) error {
			if showVersion {
				return versionRun(cmd)
			}
			// bare `watcher`: the usage, on stderr, as a usage mistake
			writeRootHelp(cmd.ErrOrStderr(), cmd)
			return &exitError{ExitUsage}
		},
	}
	root.Flags().BoolVar(&showVersion, "version", false, "print the version (as watcher version)")
	root.CompletionOptions.DisableDefaultCmd = true // our own completion command
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return err })
	root.AddCommand(
		newRunCmd(),
		newDaemonCmd(),
		newValidateCmd(),
		newNotifyCmd(),
		newReportCmd(),
		newDetectCmd(),
		newVersionCmd(),
		newCompletionCmd(),
		newManCmd(),
	)
	setHelp(root)
	for _, c := range allCommands(root) {
		c.DisableFlagsInUseLine = true // every Use line names its flags
	}
	return root
}

// allCommands is c and every command under it.
func allCommands(c *cobra.Command) []*cobra.Command {
	out := []*cobra.Command{c}
	for _, sub := range c.Commands() {
		out = append(out, allCommands(sub)...)
	}
	return out
}

// exitError ends a command with a code; whatever there was to say has been
// said on stderr (or stdout) already.
type exitError struct{ code int }

func (e *exitError) Error() string { return fmt.Sprintf("exit %d", e.code) }

// exitCode turns a command's exit code into RunE's error.
func exitCode(code int) error {
	if code == ExitOK {
		return nil
	}
	return &exitError{code}
}

// fail prints "watcher CMD: message" on stderr and ends the command with code.
func fail(cmd *cobra.Command, code int, format string, args ...any) error {
	fmt.Fprintf(cmd.ErrOrStderr(), "%s: %s\n", cmd.CommandPath(), fmt.Sprintf(format, args...))
	return &exitError{code}
}

// usageMessage words pflag's and cobra's parse errors as this command line
// words its own: `unknown flag --foo`.
func usageMessage(err error) string {
	msg := err.Error()
	for _, p := range []string{"unknown flag: ", "unknown shorthand flag: "} {
		if strings.HasPrefix(msg, p) {
			return strings.TrimSuffix(p, ": ") + " " + strings.TrimPrefix(msg, p)
		}
	}
	return msg
}

// noArgs refuses positional arguments, naming the first.
func noArgs(_ *cobra.Command, args []string) error {
	if len(args) > 0 {
		return fmt.Errorf("unexpected argument %q", args[0])
	}
	return nil
}
