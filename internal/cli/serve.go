package cli

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"runtime/debug"
	"strconv"
	"time"

	"github.com/spf13/cobra"

	"github.com/careers-watcher/careers-watcher/internal/config"
	"github.com/careers-watcher/careers-watcher/internal/fleet"
	"github.com/careers-watcher/careers-watcher/internal/serve"
)

// DefaultListen is the address of `watcher serve` without --listen.
const DefaultListen = "127.0.0.1:8080"

// newServeCmd is `watcher serve [-c FILE] [--listen ADDR] [--public]`.
func newServeCmd() *cobra.Command {
	var (
		f      configFlags
		listen string
		acc    access
	)
	cmd := &cobra.Command{
		Use:   "serve [-c FILE] [--listen ADDR] [--public] [--loopback-names]",
		Short: "serve the snapshot folder read-only: dashboard, Atom feeds, JSON API, metrics",
		Long: `Serves the snapshot folder read-only over HTTP until SIGINT or SIGTERM:

  /                                   dashboard: the status of every source, recent events
  /sources/NAME                       open postings (filter, sort and page by query parameters)
  /sources/NAME/postings/ID           one posting and its history from git
  /events                             recent events (read from the git history)
  /feed.atom, /sources/NAME/feed.atom Atom feeds; entry ids are the event ids
  /api/v1/...                         JSON API; /api/v1/openapi.json describes it
  /metrics                            Prometheus metrics
  /healthz, /readyz                   alive; snapshot folder readable

With store: postgres the same pages read the database instead: statuses, open postings
and histories from its tables (as status, postings and show print them), events from
its events table under the ids they were delivered with, the outbox as the deliver jobs
not finished; /readyz asks the database. Any number of serve processes may run beside
the workers.

Every answer is masked with the config's secrets (whole or cut short), as run's output.

The default address is 127.0.0.1:8080. Listening on any other than a loopback address
needs serve.token in the config (every request but /healthz and /readyz then carries
"Authorization: Bearer TOKEN", or basic auth with TOKEN as the password), or --public.
The notifiers section of the config is not read, so its ${VARS} need not be set.

Exit codes: 0 stopped on a signal; 1 could not listen or read the folder; 2 bad usage or
invalid config.`,
		Example: `  watcher serve
  WATCHER_SERVE_TOKEN=... watcher serve --listen 0.0.0.0:8080`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			stderr := cmd.ErrOrStderr()
			if _, err := newLogger(stderr, f.level, f.format); err != nil {
				return usageFail(cmd, stderr, "%v", err)
			}
			cfg, err := loadReadOnly(f.path, "notifiers")
			if err != nil {
				printConfigError(cmd, err)
				return &exitError{ExitUsage}
			}
			_, stderr, logger := redacted(cfg, cmd.OutOrStdout(), stderr, f.level, f.format)
			ctx, stop := signalContext(logger, stderr, "watcher serve")
			defer stop()
			// a caller in the same process (a test) stops it by ending
			// the command's context
			ctx, cancel := context.WithCancel(ctx)
			defer cancel()
			defer context.AfterFunc(cmd.Context(), cancel)()
			var data serve.Reader // nil: the snapshot folder
			if cfg.Store.Postgres() {
				db, err := fleet.Open(ctx, cfg, logger)
				if err != nil {
					return fail(cmd, ExitFailed, "%s", cfg.Redactor().Text(err.Error()))
				}
				defer db.Close()
				data = fleet.NewServeReader(ctx, db, cfg)
			}
			// the web server alone: hold its heap near serve.MemoryLimit
			// (a soft limit: the GC works harder near it; GOMEMLIMIT wins)
			if os.Getenv("GOMEMLIMIT") == "" {
				// put back when the server stops (tests run it in-process)
				defer debug.SetMemoryLimit(debug.SetMemoryLimit(serve.MemoryLimit))
			}
			hs, ln, code, err := startServer(cfg, data, listen, acc, logger, nil)
			if err != nil && code == ExitUsage {
				return usageFail(cmd, stderr, "%v", err)
			} else if err != nil {
				return fail(cmd, code, "%v", err)
			}
			done := make(chan error, 1)
			go func() { done <- hs.Serve(ln) }()
			select {
			case err := <-done:
				if !errors.Is(err, http.ErrServerClosed) {
					return fail(cmd, ExitFailed, "%v", err)
				}
			case <-ctx.Done():
				sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
				defer cancel()
				if err := hs.Shutdown(sctx); err != nil {
					fmt.Fprintf(stderr, "watcher serve: shutdown: %v\n", err)
				}
				logger.Info("stopped")
			}
			return nil
		},
	}
	f.addConfig(cmd)
	f.addLog(cmd, "info")
	cmd.Flags().StringVar(&listen, "listen", DefaultListen, "address to listen on, host:port")
	addAccessFlags(cmd, &acc)
	return cmd
}

// startServer checks the address against serve.token and --public, opens
// the snapshot folder (data nil) or serves data, and listens. Every answer
// is masked with the config's secrets. On an error it returns the exit
// code.
func startServer(cfg *config.Config, data serve.Reader, listen string, acc access, logger *slog.Logger, setup func(*serve.Server) error) (*http.Server, net.Listener, int, error) {
	public := acc.public
	loop, err := serve.IsLoopback(listen)
	if err != nil {
		return nil, nil, ExitUsage, fmt.Errorf("--listen %q: %w", listen, err)
	}
	if _, port, err := net.SplitHostPort(listen); err == nil {
		if n, err := strconv.Atoi(port); err == nil && (n < 0 || n > 65535) {
			return nil, nil, ExitUsage, fmt.Errorf("--listen %q: port %d out of range (0-65535)", listen, n)
		}
	}
	if !loop && cfg.Serve.Token == "" && cfg.Serve.TokenLine > 0 {
		// fail closed: a token meant but empty (a ${VAR:-} whose variable
		// the deployment forgot) is not --public's "no token"
		return nil, nil, ExitUsage, fmt.Errorf("--listen %s: not a loopback address, and serve.token (line %d) is empty: set its variable, or remove the key and pass --public to serve without a token", listen, cfg.Serve.TokenLine)
	}
	if !loop && cfg.Serve.Token == "" && !public {
		return nil, nil, ExitUsage, fmt.Errorf("--listen %s: not a loopback address: set serve.token in the config, or pass --public to serve without a token", listen)
	}
	where := "database"
	if data == nil {
		srcs := make([]serve.SourceConfig, 0, len(cfg.Sources))
		for _, s := range cfg.Sources {
			srcs = append(srcs, serve.SourceConfig{Name: s.Name, Type: s.Type, Company: s.Company, Schedule: cfg.SourceSchedule(s)})
		}
		folder, err := serve.NewFolder(cfg.Snapshots, srcs)
		if err != nil {
			return nil, nil, ExitFailed, err
		}
		folder.Push, folder.PushBranch, folder.FailAfter = cfg.Git.Push.Remote != "", cfg.Git.Push.Branch, cfg.Guard.FailAfter
		data, where = folder, folder.Dir
	}
	srv := serve.New(data, cfg.Serve.Token, logger)
	// tokenless on loopback, or asked for (a container's port published
	// on the host's loopback): only loopback Host names (DNS rebinding)
	srv.LoopbackHosts = (loop || acc.loopbackNames) && cfg.Serve.Token == ""
	if red := cfg.Redactor(); !red.Empty() {
		srv.Mask = red.Output
	}
	if setup != nil {
		if err := setup(srv); err != nil {
			return nil, nil, ExitFailed, err
		}
	}
	hs, ln, err := serve.Listen(listen, srv.Handler())
	if err != nil {
		return nil, nil, ExitFailed, err
	}
	logger.Info("serving", "url", "http://"+listenedAt(listen, ln.Addr())+"/", "snapshots", where, "token", cfg.Serve.Token != "")
	return hs, ln, ExitOK, nil
}

// listenedAt is the address a server listens at as the user gave it
// (--listen 0.0.0.0:8080, localhost:0), with the port the listener got: Go
// reports a wildcard IPv4 listener as [::].
func listenedAt(listen string, got net.Addr) string {
	host, _, err := net.SplitHostPort(listen)
	_, port, perr := net.SplitHostPort(got.String())
	if err != nil || perr != nil || host == "" {
		return got.String()
	}
	return net.JoinHostPort(host, port)
}

// serveBeside starts the web server for the daemon (--listen); the returned
// func shuts it down.
func serveBeside(cfg *config.Config, listen string, acc access, logger *slog.Logger, setup func(*serve.Server) error) (func(), int, error) {
	hs, ln, code, err := startServer(cfg, nil, listen, acc, logger, setup)
	if err != nil {
		return nil, code, err
	}
	go func() {
		if err := hs.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			logger.Error("web server stopped", "error", err.Error())
		}
	}()
	return func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = hs.Shutdown(ctx)
	}, ExitOK, nil
}

// access is how the web server may be reached without serve.token.
type access struct {
	public        bool // --public: a non-loopback --listen without a token
	loopbackNames bool // --loopback-names: only loopback Host names, whatever --listen
}

func addAccessFlags(cmd *cobra.Command, acc *access) {
	cmd.Flags().BoolVar(&acc.public, "public", false, "allow a non-loopback --listen without serve.token")
	cmd.Flags().BoolVar(&acc.loopbackNames, "loopback-names", false, "without serve.token, answer only requests addressed to localhost, 127.x.y.z or [::1], whatever --listen (a container whose port is published on the host's loopback)")
}
