package cli

import (
	"fmt"
	"os"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/careers-watcher/careers-watcher/internal/config"
	"github.com/careers-watcher/careers-watcher/internal/fleet"
	"github.com/careers-watcher/careers-watcher/internal/gitrepo"
	"github.com/careers-watcher/careers-watcher/internal/snapshot"
)

// newImportGitCmd is `watcher import-git [-c FILE] [--from DIR]`: a
// snapshot folder's git history loaded into the database (fleet mode).
func newImportGitCmd() *cobra.Command {
	var (
		f    configFlags
		from string
	)
	cmd := &cobra.Command{
		Use:   "import-git [-c FILE] [--from DIR]",
		Short: "load a snapshot folder's git history into the database of store: postgres",
		Long: `Loads the history of a snapshot folder committed to git (the files store) into the
database of store: postgres, for a move to fleet mode: for every source of the config,
each commit that added, changed or removed one of its snapshot files becomes a version of
those postings, stamped with the commit's time, and the postings end as HEAD has them.
The source's index and adapter state at HEAD come along, so the next run on the database
goes on from there: nothing looks new. No event is recorded and nothing is sent.

A source that already has postings in the database is skipped, so the command can be run
again; so is the history of a folder that no source of the config names (a folder
holding snapshot files in one of the commits read, even one removed since: each is
named, "NAME: skipped: not a source of the config"); each source is loaded in one transaction. A source that fails (its history
unreadable, its write refused) is left out and named on stderr, the others are still
loaded, and the exit code is 1. --from names the folder (default: the
config's snapshots). The database must be migrated first (watcher migrate).

Exit codes: 0 done; 1 the database or the repository could not be read, or a source
failed; 2 bad usage, invalid config, or a config whose store is not postgres.`,
		Example: `  watcher import-git -c fleet.yaml --from snapshots`,
		Args:    noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			l, ctx, db, done, err := f.openFleetDB(cmd)
			if err != nil {
				return err
			}
			defer done()
			given := from != ""
			if !given {
				from = l.cfg.Snapshots
			}
			if fi, serr := os.Stat(from); serr != nil || !fi.IsDir() {
				if given {
					return fail(cmd, ExitFailed, "%s: no such folder (--from)", from)
				}
				return fail(cmd, ExitFailed, "%s: no such folder (the config's snapshots): nothing to import; name the folder with --from", from)
			}
			res, err := fleet.ImportGit(ctx, db, l.cfg, from)
			var skipErr error
			if res != nil && ctx.Err() == nil {
				// the history was read: what of it no source took
				var names []string
				names, skipErr = skippedSources(from, l.cfg)
				for _, name := range names {
					fmt.Fprintf(l.stdout, "%s: skipped: not a source of the config\n", name)
				}
			}
			failed := 0
			for _, r := range res {
				if r.Err != nil {
					failed++
					fmt.Fprintf(l.stdout, "%s: failed, nothing of it imported (see stderr)\n", r.Source)
					fmt.Fprintf(l.stderr, "%s: %s\n", cmd.CommandPath(), importGitMessage(r.Err))
					continue
				}
				if r.Skipped != "" {
					fmt.Fprintf(l.stdout, "%s: skipped: %s\n", r.Source, r.Skipped)
					continue
				}
				fmt.Fprintf(l.stdout, "%s: %s, %s\n", r.Source, count(r.Commits, "commit"), count(r.Versions, "version"))
			}
			if failed > 0 {
				fmt.Fprintf(l.stderr, "%s: %s of %d failed; the others were imported (run it again once fixed: imported sources are skipped)\n",
					cmd.CommandPath(), count(failed, "source"), len(l.cfg.Sources))
				return &exitError{ExitFailed}
			}
			if err != nil { // the repository, or a stop before every source
				fmt.Fprintf(l.stderr, "%s: %s\n", cmd.CommandPath(), importGitMessage(err))
				return &exitError{ExitFailed}
			}
			if skipErr != nil { // imported, but what was left out is not known
				fmt.Fprintf(l.stderr, "%s: the sources were imported; listing the folders of the history no source names: %v\n", cmd.CommandPath(), skipErr)
				return &exitError{ExitFailed}
			}
			return nil
		},
	}
	f.addConfig(cmd)
	f.addLog(cmd, "warn")
	cmd.Flags().StringVar(&from, "from", "", "the snapshot folder (default: the config's snapshots)")
	return cmd
}

// skippedSources are the folders whose history import-git read past: the
// folders of the snapshot folder dir that hold a snapshot file in one of
// the first-parent commits the import reads (down to a shallow clone's
// cut) and that no source of cfg names, sorted; a folder since removed
// counts, its history was there to import. Folders starting with a dot
// (.watcher) are not sources, and a folder only on disk, never committed,
// is not skipped: nothing of it was in the history (its postings come
// with no import; a configured source that has none in the history says
// so in its own line).
func skippedSources(dir string, cfg *config.Config) ([]string, error) {
	hist, err := gitrepo.OpenHistory("", dir)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", dir, err)
	}
	c, err := hist.Head()
	if err != nil {
		return nil, err
	}
	found := map[string]bool{}
	looked := map[string]gitrepo.Hash{} // folder -> the last tree of it looked into
	var top gitrepo.Hash                // the snapshot folder's tree last listed
	for c != nil {
		e, ok, err := hist.Lookup(c, "")
		if err != nil {
			return nil, err
		}
		if ok && e.Dir && e.Hash != top {
			top = e.Hash
			ents, err := hist.Folder(e.Hash)
			if err != nil {
				return nil, err
			}
			for _, f := range ents {
				if !f.Dir || strings.HasPrefix(f.Name, ".") || found[f.Name] || looked[f.Name] == f.Hash ||
					slices.ContainsFunc(cfg.Sources, func(s config.Source) bool { return s.Name == f.Name }) {
					continue
				}
				looked[f.Name] = f.Hash
				files, err := hist.Folder(f.Hash)
				if err != nil {
					return nil, err
				}
				found[f.Name] = slices.ContainsFunc(files, func(x gitrepo.Entry) bool { return x.File && snapshot.IsPostingName(x.Name) })
			}
		}
		if hist.Cut(c) {
			break
		}
		if c, err = hist.Parent(c); err != nil {
			return nil, err
		}
	}
	var out []string
	for name, ok := range found {
		if ok {
			out = append(out, name)
		}
	}
	slices.Sort(out)
	return out, nil
}

// importGitMessage is an error of fleet.ImportGit without the "import-git: "
// it starts with: the line says it after the command's name already.
func importGitMessage(err error) string {
	return strings.TrimPrefix(err.Error(), "import-git: ")
}
