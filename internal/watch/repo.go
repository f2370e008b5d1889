package watch

import (
	"errors"
	"fmt"
	"time"

	"github.com/careers-watcher/careers-watcher/internal/atomicfile"
	"github.com/careers-watcher/careers-watcher/internal/config"
	"github.com/careers-watcher/careers-watcher/internal/gitrepo"
)

// openRepo opens the repository the snapshots are committed to, as
// git.repository says: the snapshot folder's own (the default, initialised
// on the first run) or the one enclosing it.
func openRepo(dir, which string) (*gitrepo.Repo, error) {
	if which == config.RepoEnclosing {
		return gitrepo.Open(dir)
	}
	repo, err := gitrepo.OpenOwn(dir)
	var tracked *gitrepo.TrackedError
	if errors.As(err, &tracked) {
		return nil, fmt.Errorf("git.repository is %q (the default): %w; to keep committing there, set git.repository: %s", config.RepoOwn, err, config.RepoEnclosing)
	}
	return repo, err
}

// committer makes the commits of a run: gitrepo.Repo's Commit, the one
// seam a commit goes through (a test puts a failing one in its place).
type committer interface {
	Commit(paths []string, message string, author gitrepo.Author, when time.Time) (hash string, committed bool, err error)
}

// restoreCommitted writes back the content HEAD has for each of paths (the
// outbox files a delivery rewrote only with attempt bookkeeping); a file
// HEAD lacks is left as it is (the run marker has it committed later).
func (r *Runner) restoreCommitted(paths []string) error {
	for _, p := range paths {
		data, ok, err := r.repo.HeadFile(p)
		if err != nil {
			return fmt.Errorf("git: %w", err)
		}
		if !ok {
			continue
		}
		if err := atomicfile.WriteFile(p, data); err != nil {
			return fmt.Errorf("outbox: restore %s: %w", p, err)
		}
	}
	return nil
}
