package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"slices"
	"strings"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"github.com/careers-watcher/careers-watcher/internal/config"
	"github.com/careers-watcher/careers-watcher/internal/scrape/platforms"
	"github.com/careers-watcher/careers-watcher/internal/watch"
)

// configFlags are the flags of a command that reads the config: -c/--config
// and, for the commands that log, --log-level and --log-format.
type configFlags struct {
	path   string
	level  string
	format string
}

// addConfig adds -c/--config. Its default is read when the command line is
// built: $WATCHER_CONFIG, else ./config.yaml.
func (f *configFlags) addConfig(cmd *cobra.Command) {
	cmd.Flags().StringVarP(&f.path, "config", "c", config.DefaultPath(), "config file (default: $WATCHER_CONFIG, else ./config.yaml)")
	// the help text says where the default comes from; the value itself
	// depends on the environment the help is printed in
	cmd.Flags().Lookup("config").DefValue = ""
	_ = cmd.MarkFlagFilename("config", "yaml", "yml")
}

// addLog adds --log-level (default level) and --log-format.
func (f *configFlags) addLog(cmd *cobra.Command, level string) {
	cmd.Flags().StringVar(&f.level, "log-level", level, "debug, info, warn or error")
	cmd.Flags().StringVar(&f.format, "log-format", "text", "text or json")
	_ = cmd.RegisterFlagCompletionFunc("log-level", cobra.FixedCompletions([]string{"debug", "info", "warn", "error"}, cobra.ShellCompDirectiveNoFileComp))
	_ = cmd.RegisterFlagCompletionFunc("log-format", cobra.FixedCompletions([]string{"text", "json"}, cobra.ShellCompDirectiveNoFileComp))
}

// loaded is a command's config, with its logger and outputs: from here on
// no output holds a value from the environment.
type loaded struct {
	cfg            *config.Config
	logger         *slog.Logger
	stdout, stderr io.Writer
}

// load checks the log flags, loads the config and wraps the outputs in its
// redactor. A problem is printed and ends the command with ExitUsage.
func (f *configFlags) load(cmd *cobra.Command) (*loaded, error) {
	return f.loadFor(cmd, false)
}

// loadFor is load; sendsNothing (a dry run) takes a config whose only
// problems are notifiers' unset ${VARS}: each is printed as a note, and the
// config is read without its notifiers.
func (f *configFlags) loadFor(cmd *cobra.Command, sendsNothing bool) (*loaded, error) {
	stdout, stderr := cmd.OutOrStdout(), cmd.ErrOrStderr()
	if _, err := newLogger(stderr, f.level, f.format); err != nil {
		return nil, usageFail(cmd, stderr, "%v", err)
	}
	cfg, err := load(f.path)
	var ce *config.Error
	if err != nil && errors.As(err, &ce) {
		// the sections whose unset ${VARS} this command does not need:
		// serve's unless it serves, the notifiers' for a dry run
		var skip []string
		notifiers, serve := unsetVarSections(ce.Problems)
		if serve && !serves(cmd) {
			skip = append(skip, "serve")
		}
		if notifiers && sendsNothing {
			skip = append(skip, "notifiers")
		}
		if len(skip) > 0 && (!notifiers || sendsNothing) && (!serve || !serves(cmd)) {
			if c, rerr := loadChecked(f.path, func(path string) (*config.Config, error) {
				return config.LoadReadOnly(path, watch.Plugins(), skip...)
			}); rerr == nil {
				for _, p := range ce.Problems {
					if strings.HasPrefix(p.Key, "notifiers[") {
						fmt.Fprintf(stderr, "%s: note: %s (a dry run sends nothing; a run needs it)\n", cmd.CommandPath(), p)
					}
				}
				cfg, err = c, nil
			}
		}
	}
	if err != nil {
		printConfigError(cmd, err)
		return nil, &exitError{ExitUsage}
	}
	stdout, stderr, logger := redacted(cfg, stdout, stderr, f.level, f.format)
	return &loaded{cfg: cfg, logger: logger, stdout: stdout, stderr: stderr}, nil
}

// unsetVarSections says which sections hold the problems when every one
// is an unset ${VAR} of a notifier or of serve (both false otherwise).
func unsetVarSections(problems []config.Problem) (notifiers, serve bool) {
	for _, p := range problems {
		if !strings.HasPrefix(p.Msg, "${") || !strings.HasSuffix(p.Msg, "} is not set") {
			return false, false
		}
		switch {
		case strings.HasPrefix(p.Key, "notifiers["):
			notifiers = true
		case strings.HasPrefix(p.Key, "serve."):
			serve = true
		default:
			return false, false
		}
	}
	return notifiers, serve
}

// serves reports whether cmd reads serve: watcher serve, watcher daemon
// with --listen, and watcher validate, which checks the whole file.
func serves(cmd *cobra.Command) bool {
	if cmd.Name() == "serve" || cmd.Name() == "validate" {
		return true
	}
	l := cmd.Flags().Lookup("listen")
	return cmd.Name() == "daemon" && l != nil && l.Value.String() != ""
}

// load reads and validates the config, including what only this build
// knows: which source types it can fetch.
func load(path string) (*config.Config, error) {
	return loadChecked(path, func(path string) (*config.Config, error) { return config.Load(path, watch.Plugins()) })
}

// loadChecked reads the config with read and checks what only this build
// knows.
func loadChecked(path string, read func(string) (*config.Config, error)) (*config.Config, error) {
	cfg, err := read(path)
	if err != nil {
		return nil, err
	}
	var problems []config.Problem
	supported := platforms.Supported()
	for i, s := range cfg.Sources {
		if !slices.Contains(supported, s.Type) {
			problems = append(problems, config.Problem{
				File: path, Line: s.Line, Key: fmt.Sprintf("sources[%d].type", i),
				Msg: fmt.Sprintf("%q is not supported by this build yet (supported: %s)", s.Type, strings.Join(supported, ", ")),
			})
		}
	}
	if len(problems) > 0 {
		return nil, &config.Error{Problems: problems}
	}
	return cfg, nil
}

func printConfigError(cmd *cobra.Command, err error) {
	w := cmd.ErrOrStderr()
	var ce *config.Error
	if errors.As(err, &ce) {
		for _, p := range ce.Problems {
			fmt.Fprintln(w, p.String())
		}
		return
	}
	fmt.Fprintf(w, "%s: %v\n", cmd.CommandPath(), err)
}

// redacted wraps stdout and stderr in cfg's Redactor and makes the logger
// again on the wrapped stderr: every log record, event line and message
// goes through it.
func redacted(cfg *config.Config, stdout, stderr io.Writer, level, format string) (io.Writer, io.Writer, *slog.Logger) {
	red := cfg.Redactor()
	stdout, stderr = red.Writer(stdout), red.Writer(stderr)
	logger, _ := newLogger(stderr, level, format) // checked before
	return stdout, stderr, logger
}

func newLogger(w io.Writer, level, format string) (*slog.Logger, error) {
	var lv slog.Level
	if err := lv.UnmarshalText([]byte(level)); err != nil {
		return nil, fmt.Errorf("--log-level %q: use debug, info, warn or error", level)
	}
	opts := &slog.HandlerOptions{Level: lv}
	switch format {
	case "text":
		return slog.New(slog.NewTextHandler(w, opts)), nil
	case "json":
		return slog.New(slog.NewJSONHandler(w, opts)), nil
	}
	return nil, fmt.Errorf("--log-format %q: use text or json", format)
}

// signalContext is cancelled by the first SIGINT or SIGTERM (the run stops
// at its next posting boundary); a second one ends the process at once with
// ExitSignal (every file is written atomically: the next run finishes the
// work, as after a crash).
func signalContext(logger *slog.Logger, stderr io.Writer, who string) (context.Context, func()) {
	ctx, cancel := context.WithCancel(context.Background())
	ch := make(chan os.Signal, 2)
	signal.Notify(ch, os.Interrupt, syscall.SIGTERM)
	done := make(chan struct{})
	go stopOnSignals(ch, done, cancel, logger, stderr, who)
	return ctx, func() {
		signal.Stop(ch)
		close(done)
		cancel()
	}
}

// signalEcho is how soon a second signal of the first one's kind is taken
// as the same signal: GNU timeout (without --foreground) sends SIGTERM to
// the command and then to its process group, so the command gets it twice
// at once, and a graceful stop became an exit at once (review s32 F4).
const signalEcho = time.Second

// signalNow is the clock of stopOnSignals (a variable for tests).
var signalNow = time.Now

// stopOnSignals cancels at the first signal of ch and exits at a second
// one (not the first one's echo); done ends it.
func stopOnSignals(ch <-chan os.Signal, done <-chan struct{}, cancel func(), logger *slog.Logger, stderr io.Writer, who string) {
	var first os.Signal
	select {
	case first = <-ch:
		if who == "watcher serve" {
			logger.Info("stopping: signal received, closing the server (a second signal exits at once)", "signal", first.String())
		} else {
			logger.Info("stopping: signal received, finishing at the next posting boundary (a second signal exits at once)", "signal", first.String())
		}
		cancel()
	case <-done:
		return
	}
	at := signalNow()
	for {
		select {
		case sig := <-ch:
			if sig == first && signalNow().Sub(at) < signalEcho {
				logger.Debug("the same signal again at once: taken as one (as GNU timeout sends it)", "signal", sig.String())
				continue
			}
			then := "the next run finishes the work"
			if who == "watcher serve" {
				then = "nothing was being written"
			}
			fmt.Fprintf(stderr, "%s: second signal (%s): exiting at once; %s\n", who, sig, then)
			exit(ExitSignal)
			return
		case <-done:
			return
		}
	}
}

// configNames completes a flag or argument with names from the config the
// command line names (sources or notifiers); nothing when it does not load.
func configNames(f *configFlags, names func(*config.Config) []string) cobra.CompletionFunc {
	return func(_ *cobra.Command, args []string, _ string) ([]cobra.Completion, cobra.ShellCompDirective) {
		cfg, ok := completionConfig(f.path)
		if !ok {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		var out []cobra.Completion
		for _, n := range names(cfg) {
			if !slices.Contains(args, n) { // not named yet
				out = append(out, n)
			}
		}
		return out, cobra.ShellCompDirectiveNoFileComp
	}
}

// noSuchSource is the usage mistake of a source name the config does not
// have, with the names it has (the first ten, and how many more: a fleet
// config has thousands).
func noSuchSource(what, name string, configured []string) string {
	list := strings.Join(configured[:min(10, len(configured))], ", ")
	if len(configured) > 10 {
		list += fmt.Sprintf(", ... (%d more)", len(configured)-10)
	}
	if list == "" {
		list = "none"
	}
	return fmt.Sprintf("%s%q: no such source in the config (configured: %s)", what, name, list)
}

func sourceNames(cfg *config.Config) []string {
	var out []string
	for _, s := range cfg.Sources {
		out = append(out, s.Name)
	}
	return out
}
