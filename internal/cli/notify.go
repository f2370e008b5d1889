package cli

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"slices"
	"strings"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"github.com/careers-watcher/careers-watcher/internal/config"
	"github.com/careers-watcher/careers-watcher/internal/notify"
	"github.com/careers-watcher/careers-watcher/internal/notify/render"
	"github.com/careers-watcher/careers-watcher/internal/watch"
)

// newNotifyCmd is `watcher notify`, the parent of `notify test`.
func newNotifyCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "notify",
		Short: "notifiers: send a sample event (notify test)",
		Long:  `Commands about the config's notifiers. The one there is: watcher notify test.`,
		Example: `  watcher notify test
  watcher notify test slack`,
		ValidArgsFunction: cobra.NoFileCompletions,
		// `watcher notify` alone, or with a word other than test
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return fmt.Errorf("expected %q", "test")
			}
			return fmt.Errorf("unknown command %q (expected %q)", args[0], "test")
		},
	}
	cmd.AddCommand(newNotifyTestCmd())
	return cmd
}

// newNotifyTestCmd is `watcher notify test [NAME ...] [-c FILE]`: a sample
// event sent straight through each named notifier (all when no name),
// bypassing the outbox and the routes' filters; one line per notifier, "ok"
// or the error (which never holds a secret).
func newNotifyTestCmd() *cobra.Command {
	var f configFlags
	cmd := &cobra.Command{
		Use:   "test [NAME ...] [-c FILE]",
		Short: "send a sample event through the named notifiers (all when no NAME)",
		Long: `Sends a sample event straight through each named notifier (every notifier when no
NAME is given), not through the outbox and whatever the notifier's events, sources and
filter say. Prints one line per notifier: "NAME: ok", or the error (which never holds
a secret from the config).

Exit codes: 0 every notifier succeeded; 1 at least one failed; 2 bad usage, an unknown
notifier name, a config without notifiers, or an invalid config.`,
		Example: `  watcher notify test
  watcher notify test slack team-webhook -c data/config.yaml`,
		ValidArgsFunction: configNames(&f, func(cfg *config.Config) []string {
			var out []string
			for _, n := range cfg.Notifiers {
				out = append(out, n.Name)
			}
			return out
		}),
		RunE: func(cmd *cobra.Command, names []string) error {
			return notifyTest(cmd, &f, names)
		},
	}
	f.addConfig(cmd)
	f.addLog(cmd, "warn")
	return cmd
}

func notifyTest(cmd *cobra.Command, f *configFlags, names []string) error {
	l, err := f.load(cmd)
	if err != nil {
		return err
	}
	cfg, stdout, stderr := l.cfg, l.stdout, l.stderr
	if len(cfg.Notifiers) == 0 {
		fmt.Fprintf(stderr, "watcher notify test: %s has no notifiers\n", f.path)
		return &exitError{ExitUsage}
	}
	byName := map[string]int{}
	var configured []string
	for i, n := range cfg.Notifiers {
		byName[n.Name] = i
		configured = append(configured, n.Name)
	}
	var pick []int
	if len(names) == 0 {
		for i := range cfg.Notifiers {
			pick = append(pick, i)
		}
	}
	for _, n := range names {
		i, ok := byName[n]
		if !ok {
			fmt.Fprintf(stderr, "watcher notify test: unknown notifier %q (configured: %s)\n", n, strings.Join(configured, ", "))
			return &exitError{ExitUsage}
		}
		if !slices.Contains(pick, i) {
			pick = append(pick, i)
		}
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	routes, err := watch.Routes(cfg, watch.Options{Logger: l.logger, Stdout: stdout})
	if err != nil {
		fmt.Fprintf(stderr, "watcher notify test: %v\n", err)
		return &exitError{ExitUsage}
	}
	now := time.Now()
	code := ExitOK
	for _, i := range pick {
		n, r := cfg.Notifiers[i], routes[i]
		source := cfg.Sources[0].Name
		if len(n.Sources) > 0 {
			source = n.Sources[0]
		}
		e := render.Sample(source, now)
		if d, ok := r.Notifier.(notify.Digester); ok {
			err = d.NotifyDigest(ctx, source, []notify.Event{e})
		} else {
			err = r.Notifier.Notify(ctx, e)
		}
		if err != nil {
			fmt.Fprintf(stdout, "%s: %v\n", n.Name, err)
			code = ExitFailed
			continue
		}
		fmt.Fprintf(stdout, "%s: ok\n", n.Name)
	}
	return exitCode(code)
}
