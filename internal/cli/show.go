package cli

import (
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/careers-watcher/careers-watcher/internal/serve"
)

// newShowCmd is `watcher show SOURCE ID [--json]`: one posting now and its
// history from git.
func newShowCmd() *cobra.Command {
	var (
		f      configFlags
		asJSON bool
	)
	cmd := &cobra.Command{
		Use:   "show [-c FILE] [--json] SOURCE ID",
		Short: "one posting now, and its history from git with old -> new values",
		Long: `Prints one posting as its snapshot file holds it now (or its last known version when it is
closed), then its history read from the git history of the snapshot folder, newest first:
each commit that opened, changed or closed it, with its date and, for a change, each field's
old -> new value.

The notifiers and serve sections of the config are not read, so their ${VARS} need not be set.

Exit codes: 0 printed; 1 no such posting, or the folder could not be read; 2 bad usage or invalid config.`,
		Example: `  watcher show netflix-data-insights 790311790854
  watcher show netflix-data-insights 790311790854 --json | jq '.history[].changes'`,
		Args: func(_ *cobra.Command, args []string) error {
			if len(args) != 2 {
				return fmt.Errorf("expected SOURCE and ID, got %d argument(s)", len(args))
			}
			return nil
		},
		RunE: maskedRun(func(cmd *cobra.Command, args []string) error {
			if db, cfg, err := openDatabase(cmd, f.path); err != nil || db != nil {
				if err != nil {
					return err
				}
				defer db.Close()
				return showDB(cmd, db, cfg, args[0], args[1], asJSON)
			}
			folder, err := openFolder(cmd, f.path)
			if err != nil {
				return err
			}
			source, id := args[0], args[1]
			if _, ok := folder.Source(source); !ok {
				var names []string
				for _, c := range folder.Sources {
					names = append(names, c.Name)
				}
				return usageFail(cmd, cmd.ErrOrStderr(), "%s", noSuchSource("source ", source, names))
			}
			d, err := folder.Detail(contextOf(cmd), source, id)
			if err != nil {
				return fail(cmd, ExitFailed, "%v", err)
			}
			if d.Posting == nil {
				return fail(cmd, ExitFailed, "source %q: no posting %q, now or in the history", source, id)
			}
			if asJSON {
				return writeJSON(cmd, d)
			}
			writeDetail(cmd.OutOrStdout(), d)
			return nil
		}),
	}
	f.addConfig(cmd)
	cmd.Flags().BoolVar(&asJSON, "json", false, "print {open, posting, history} as JSON (the API's posting answer)")
	return cmd
}

func writeDetail(w io.Writer, d serve.Detail) {
	p := d.Posting
	state := "open"
	if !d.Open {
		state = "closed (last known version)"
	}
	fmt.Fprintf(w, "%s  [%s]\n", oneLine(p.Title), state)
	row := func(k, v string) {
		if v != "" {
			fmt.Fprintf(w, "  %-16s %s\n", k+":", oneLine(v))
		}
	}
	row("source", p.Source)
	row("id", p.ID)
	row("company", p.Company)
	row("url", p.URL)
	row("requisition", p.RequisitionID)
	row("role", p.Role)
	row("levels", strings.Join(p.Levels, ", "))
	row("team", p.Team)
	row("locations", serve.LocationText(p.Locations))
	row("workplace", p.Workplace)
	row("employment", p.EmploymentType)
	row("pay", serve.PayText(p.Salary))
	row("posted", p.Posted)
	row("required skills", strings.Join(p.Skills.Required, ", "))
	row("preferred", strings.Join(p.Skills.Preferred, ", "))
	row("mentioned", strings.Join(p.Skills.Mentioned, ", "))
	if p.MinYearsExperience != nil {
		row("experience", fmt.Sprintf("%d+ years", *p.MinYearsExperience))
	}
	fmt.Fprintf(w, "\nhistory (%d):\n", len(d.History))
	if len(d.History) == 0 && d.ShallowFrom == nil {
		fmt.Fprintln(w, "  none in git (not committed yet, or no repository)")
	}
	for _, ev := range d.History {
		ref := ev.Commit[:min(12, len(ev.Commit))]
		if ref == "" {
			ref = ev.ID // the database store: a version number ("v3")
		}
		fmt.Fprintf(w, "  %s  %s  %s\n", ev.Timestamp.UTC().Format("2006-01-02 15:04Z"), strings.TrimPrefix(ev.Type, "posting."), ref)
		for _, c := range ev.Data.Changes {
			v := serve.ViewChange(c)
			fmt.Fprintf(w, "    %s: %s -> %s\n", oneLine(c.Field), oneLine(v.Old), oneLine(v.New))
		}
	}
	if c := d.ShallowFrom; c != nil {
		what := "nothing older"
		if len(d.History) == 0 {
			what = "none of its commits"
		}
		fmt.Fprintf(w, "  %s is here: the folder is a shallow clone, whose history starts at %s (%s); git fetch --unshallow brings the rest\n",
			what, c.Commit[:min(12, len(c.Commit))], c.Timestamp.UTC().Format("2006-01-02 15:04Z"))
	}
}
