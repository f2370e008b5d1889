package watch

import (
	"errors"
	"fmt"

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
