package cli

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/careers-watcher/careers-watcher/internal/scrape/detect"
	"github.com/careers-watcher/careers-watcher/internal/scrape/platforms"
)

// newDetectCmd is `watcher detect URL`: the source config item the URL
// calls for, as YAML to paste under sources:.
func newDetectCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "detect URL",
		Short: "print the source config for a careers page URL (to paste under sources:)",
		Long: `Recognises the job board behind a careers page URL (Greenhouse, Lever, Workday,
Eightfold, ...) and prints the source config for it, a list item to paste under
sources: in the config. A page on no known board gets a jsonld source, which reads the
page's schema.org JobPosting markup. Nothing is fetched.

Exit codes: 0 printed; 2 not a URL, or a board URL that names no board.`,
		Example: `  watcher detect https://boards.greenhouse.io/acme
  watcher detect 'https://explore.jobs.netflix.net/careers?Teams=Data%20%26%20Insights'
  watcher detect https://jobs.lever.co/acme >> sources.yaml`,
		Args: func(_ *cobra.Command, args []string) error {
			if len(args) != 1 {
				return errors.New("expected one URL, such as https://boards.greenhouse.io/acme")
			}
			return nil
		},
		ValidArgsFunction: cobra.NoFileCompletions,
		RunE:              detectRun,
	}
}

func detectRun(cmd *cobra.Command, args []string) error {
	stdout, stderr := cmd.OutOrStdout(), cmd.ErrOrStderr()
	src, err := detect.Detect(args[0])
	if err != nil {
		return fail(cmd, ExitUsage, "%s", strings.TrimPrefix(err.Error(), "detect: "))
	}
	item, err := detect.YAML(src)
	if err != nil {
		return fail(cmd, ExitFailed, "%v", err)
	}
	if src.Type == "jsonld" {
		fmt.Fprintln(stdout, "# no known job board: reads the page's schema.org JobPosting markup;")
		fmt.Fprintln(stdout, "# add links: '<regexp>' to follow the posting pages it links to,")
		fmt.Fprintln(stdout, "# sitemap: robots (or a sitemap URL) with links to find them in the site's sitemap,")
		fmt.Fprintln(stdout, "# render: browser when the page builds its list with JavaScript")
	} else {
		fmt.Fprintf(stdout, "# %s, detected from %s\n", src.Type, strings.TrimSpace(args[0]))
	}
	fmt.Fprint(stdout, item)
	if !slices.Contains(platforms.Supported(), src.Type) {
		fmt.Fprintf(stderr, "watcher detect: note: type %q is not supported by this build yet\n", src.Type)
	}
	return nil
}
