// Package cli is the command line of cmd/watcher: parsing arguments, loading
// the config, running the pipeline, exit codes.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"slices"
	"strings"
	"syscall"
	"time"

	"github.com/careers-watcher/careers-watcher/internal/config"
	"github.com/careers-watcher/careers-watcher/internal/normalize"
	"github.com/careers-watcher/careers-watcher/internal/notify"
	"github.com/careers-watcher/careers-watcher/internal/notify/render"
	"github.com/careers-watcher/careers-watcher/internal/scrape/detect"
	"github.com/careers-watcher/careers-watcher/internal/scrape/platforms"
	"github.com/careers-watcher/careers-watcher/internal/watch"
)

// Exit codes (DESIGN.md, "Command line").
const (
	ExitOK     = 0
	ExitFailed = 1 // at least one source failed
	ExitUsage  = 2 // bad usage or invalid config
)

// Version is set at build time with -ldflags "-X .../internal/cli.Version=...".
var Version = "dev"

const usage = `usage: watcher <command> [flags]

commands:
  run       [-c FILE] [--source NAME ...] [--allow-shrink]
                                           one cycle, then exit (0 ok, 1 a source failed, 2 bad config);
                                           --allow-shrink accepts a listing held as suspicious, this once
  daemon    [-c FILE]                      run the schedules until SIGINT/SIGTERM
  validate  [-c FILE]                      check the config; one line per problem
  notify test [NAME] [-c FILE]             send a sample event through the named notifier (all when no NAME),
                                           not through the outbox; one line per notifier: ok or the error
                                           (0 all ok, 1 one failed, 2 bad usage or config)
  report    [-c FILE] [--source NAME ...] [--since YYYY-MM-DD] [--format text|markdown|json|html] [-o FILE]
                                           open postings by role, level, location, team; skill demand; pay;
                                           opened/closed per week and rising/falling skills from the git history
  detect    URL                            print the source config for a careers page URL (to paste under sources:)
  version                                  print the version

The config is ./config.yaml, or $WATCHER_CONFIG, unless -c names one.
Flags of run, daemon, validate and notify test: --log-level debug|info|warn|error, --log-format text|json.
`

// Main runs the command line and returns the exit code.
func Main(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return ExitUsage
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "run", "daemon", "validate":
	case "version", "--version":
		fmt.Fprintln(stdout, "watcher", Version)
		return ExitOK
	case "detect":
		return detectCmd(rest, stdout, stderr)
	case "notify":
		return notifyCmd(rest, stdout, stderr)
	case "report":
		return reportCmd(rest, stdout, stderr)
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return ExitOK
	default:
		fmt.Fprintf(stderr, "watcher: unknown command %q\n\n%s", cmd, usage)
		return ExitUsage
	}
	fs := flag.NewFlagSet("watcher "+cmd, flag.ContinueOnError)
	fs.SetOutput(stderr)
	cfgPath := fs.String("c", config.DefaultPath(), "config file")
	fs.StringVar(cfgPath, "config", config.DefaultPath(), "config file")
	level := fs.String("log-level", "info", "debug, info, warn or error")
	format := fs.String("log-format", "text", "text or json")
	var sources []string
	allowShrink := false
	if cmd == "run" {
		fs.Func("source", "run only this source (repeatable)", func(s string) error {
			sources = append(sources, s)
			return nil
		})
		fs.BoolVar(&allowShrink, "allow-shrink", false, "accept a listing that shrank past the guard, for this run")
	}
	if err := fs.Parse(rest); err != nil {
		return ExitUsage
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "watcher %s: unexpected argument %q\n", cmd, fs.Arg(0))
		return ExitUsage
	}
	logger, err := newLogger(stderr, *level, *format)
	if err != nil {
		fmt.Fprintf(stderr, "watcher: %v\n", err)
		return ExitUsage
	}
	cfg, err := load(*cfgPath)
	if err != nil {
		printConfigError(stderr, err)
		return ExitUsage
	}
	// from here on no output holds a value from the environment
	stdout, stderr, logger = redacted(cfg, stdout, stderr, *level, *format)
	switch cmd {
	case "validate":
		fmt.Fprintf(stdout, "%s: ok (%d sources, %d notifiers)\n", *cfgPath, len(cfg.Sources), len(cfg.Notifiers))
		return ExitOK
	case "run":
		return run(cfg, sources, allowShrink, logger, stdout, stderr)
	default:
		return daemon(cfg, logger, stdout, stderr)
	}
}

// load reads and validates the config, including what only this build
// knows: which source types it can fetch.
func load(path string) (*config.Config, error) {
	cfg, err := config.Load(path, watch.Plugins())
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
	if len(cfg.Taxonomy.Skills) > 0 {
		extra := make([]normalize.SkillDef, 0, len(cfg.Taxonomy.Skills))
		for _, sk := range cfg.Taxonomy.Skills {
			extra = append(extra, normalize.SkillDef{Name: sk.Name, Category: sk.Category, Aliases: sk.Aliases})
		}
		if _, err := normalize.LoadTaxonomy(extra); err != nil {
			// a clash with the embedded taxonomy is only known here
			problems = append(problems, config.Problem{File: path, Key: "taxonomy.skills", Msg: err.Error()})
		}
	}
	if len(problems) > 0 {
		return nil, &config.Error{Problems: problems}
	}
	return cfg, nil
}

func printConfigError(w io.Writer, err error) {
	var ce *config.Error
	if errors.As(err, &ce) {
		for _, p := range ce.Problems {
			fmt.Fprintln(w, p.String())
		}
		return
	}
	fmt.Fprintf(w, "watcher: %v\n", err)
}

func run(cfg *config.Config, names []string, allowShrink bool, logger *slog.Logger, stdout, stderr io.Writer) int {
	sources, err := cfg.Select(names)
	if err != nil {
		fmt.Fprintf(stderr, "watcher run: %v\n", err)
		return ExitUsage
	}
	if allowShrink {
		// a shrink the user has looked at and accepts, once
		for i := range sources {
			sources[i].AllowShrink = true
		}
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	r, err := watch.New(cfg, watch.Options{Logger: logger, Stdout: stdout})
	if err != nil {
		fmt.Fprintf(stderr, "watcher run: %v\n", err)
		return ExitFailed
	}
	res, err := r.Run(ctx, sources)
	if err != nil {
		fmt.Fprintf(stderr, "watcher run: %v\n", err)
		return ExitFailed
	}
	for _, s := range res.Sources {
		if s.Err != nil {
			fmt.Fprintf(stderr, "watcher run: source %s failed: %v\n", s.Source, s.Err)
		}
	}
	if res.Failed() {
		return ExitFailed
	}
	return ExitOK
}

func daemon(cfg *config.Config, logger *slog.Logger, stdout, stderr io.Writer) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	r, err := watch.New(cfg, watch.Options{Logger: logger, Stdout: stdout})
	if err != nil {
		fmt.Fprintf(stderr, "watcher daemon: %v\n", err)
		return ExitFailed
	}
	if err := r.Daemon(ctx, cfg.Sources); err != nil {
		fmt.Fprintf(stderr, "watcher daemon: %v\n", err)
		return ExitUsage
	}
	return ExitOK
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

// detectCmd is `watcher detect URL`: the source config item the URL calls
// for, as YAML to paste under sources:.
func detectCmd(args []string, stdout, stderr io.Writer) int {
	if len(args) == 1 && (args[0] == "-h" || args[0] == "--help") {
		fmt.Fprintln(stdout, "usage: watcher detect URL\n\nprints the source config (a sources: list item) for a careers page URL")
		return ExitOK
	}
	if len(args) != 1 {
		fmt.Fprintf(stderr, "watcher detect: expected one URL, such as https://boards.greenhouse.io/acme\n\n%s", usage)
		return ExitUsage
	}
	src, err := detect.Detect(args[0])
	if err != nil {
		fmt.Fprintf(stderr, "watcher detect: %s\n", strings.TrimPrefix(err.Error(), "detect: "))
		return ExitUsage
	}
	item, err := detect.YAML(src)
	if err != nil {
		fmt.Fprintf(stderr, "watcher detect: %v\n", err)
		return ExitFailed
	}
	if src.Type == "jsonld" {
		fmt.Fprintln(stdout, "# no known job board: reads the page's schema.org JobPosting markup;")
		fmt.Fprintln(stdout, "# add links: '<regexp>' to follow the posting pages it links to")
	} else {
		fmt.Fprintf(stdout, "# %s, detected from %s\n", src.Type, strings.TrimSpace(args[0]))
	}
	fmt.Fprint(stdout, item)
	if !slices.Contains(platforms.Supported(), src.Type) {
		fmt.Fprintf(stderr, "watcher detect: note: type %q is not supported by this build yet\n", src.Type)
	}
	return ExitOK
}

// notifyCmd is `watcher notify test [NAME] [-c FILE]`: a sample event sent
// straight through each named notifier (all when no name), bypassing the
// outbox and the routes' filters; one line per notifier, "ok" or the error
// (which never holds a secret). Exit 0 when all succeeded, 1 otherwise, 2 on
// bad usage or config.
func notifyCmd(args []string, stdout, stderr io.Writer) int {
	const notifyUsage = "usage: watcher notify test [NAME ...] [-c FILE]\n\nsends a sample event through the named notifiers (all when no name), not through the outbox\n"
	if len(args) == 0 || args[0] != "test" {
		if len(args) > 0 && (args[0] == "-h" || args[0] == "--help") {
			fmt.Fprint(stdout, notifyUsage)
			return ExitOK
		}
		fmt.Fprint(stderr, "watcher notify: expected \"test\"\n\n"+notifyUsage)
		return ExitUsage
	}
	fs := flag.NewFlagSet("watcher notify test", flag.ContinueOnError)
	fs.SetOutput(stderr)
	cfgPath := fs.String("c", config.DefaultPath(), "config file")
	fs.StringVar(cfgPath, "config", config.DefaultPath(), "config file")
	level := fs.String("log-level", "warn", "debug, info, warn or error")
	format := fs.String("log-format", "text", "text or json")
	// names and flags in any order
	var names []string
	rest := args[1:]
	for {
		if err := fs.Parse(rest); err != nil {
			return ExitUsage
		}
		if fs.NArg() == 0 {
			break
		}
		names = append(names, fs.Arg(0))
		rest = fs.Args()[1:]
	}
	logger, err := newLogger(stderr, *level, *format)
	if err != nil {
		fmt.Fprintf(stderr, "watcher: %v\n", err)
		return ExitUsage
	}
	cfg, err := load(*cfgPath)
	if err != nil {
		printConfigError(stderr, err)
		return ExitUsage
	}
	stdout, stderr, logger = redacted(cfg, stdout, stderr, *level, *format)
	if len(cfg.Notifiers) == 0 {
		fmt.Fprintf(stderr, "watcher notify test: %s has no notifiers\n", *cfgPath)
		return ExitUsage
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
			return ExitUsage
		}
		if !slices.Contains(pick, i) {
			pick = append(pick, i)
		}
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	routes, err := watch.Routes(cfg, watch.Options{Logger: logger, Stdout: stdout})
	if err != nil {
		fmt.Fprintf(stderr, "watcher notify test: %v\n", err)
		return ExitUsage
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
	return code
}
