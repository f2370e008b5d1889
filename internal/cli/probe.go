package cli

import (
	"fmt"
	"io"
	"net/http"
	"net/url"
	"time"

	"github.com/spf13/cobra"
)

// newProbeCmd is `watcher probe [URL]`: a health check for images without
// curl (the distroless one), such as a compose healthcheck.
func newProbeCmd() *cobra.Command {
	var timeout time.Duration
	cmd := &cobra.Command{
		Use:   "probe [URL] [--timeout 5s]",
		Short: "exit 0 when the server's /readyz (or URL) answers 2xx: a health check",
		Long: `Sends one GET to URL (default http://127.0.0.1:8080/readyz, the server of 'watcher
serve' or 'watcher daemon --listen') and exits 0 when it answers 2xx, 1 otherwise. It
reads no config. Meant for container health checks where there is no curl, such as
the distroless image: healthcheck: {test: ["CMD", "/usr/local/bin/watcher", "probe"]}.

Exit codes: 0 a 2xx answer; 1 another answer, or none within --timeout; 2 bad usage.`,
		Example: `  watcher probe
  watcher probe http://127.0.0.1:8080/healthz --timeout 2s`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			target := "http://127.0.0.1:8080/readyz"
			if len(args) == 1 {
				target = args[0]
			}
			u, err := url.Parse(target)
			if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
				return usageFail(cmd, cmd.ErrOrStderr(), "%q: must be an http or https URL", target)
			}
			if timeout <= 0 {
				return usageFail(cmd, cmd.ErrOrStderr(), "--timeout %s: must be greater than 0", timeout)
			}
			c := &http.Client{Timeout: timeout}
			resp, err := c.Get(u.String())
			if err != nil {
				return fail(cmd, ExitFailed, "%s: %v", u.Redacted(), err)
			}
			defer resp.Body.Close()
			body, _ := io.ReadAll(io.LimitReader(resp.Body, 4096))
			if resp.StatusCode/100 != 2 {
				return fail(cmd, ExitFailed, "%s: %s", u.Redacted(), resp.Status)
			}
			fmt.Fprintf(cmd.OutOrStdout(), "%s", oneLineBody(body))
			return nil
		},
	}
	cmd.Flags().DurationVar(&timeout, "timeout", 5*time.Second, "how long to wait for the answer")
	return cmd
}

// oneLineBody keeps a probe's answer printable.
func oneLineBody(b []byte) string {
	s := oneLine(string(b[:min(len(b), 200)]))
	return s + "\n"
}
