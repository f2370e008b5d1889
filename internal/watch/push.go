package watch

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/careers-watcher/careers-watcher/internal/gitrepo"
	"github.com/careers-watcher/careers-watcher/internal/retry"
)

// pushPolicy spaces the attempts of one push (git.push.retries of them).
var pushPolicy = retry.Policy{Base: time.Second, Max: 30 * time.Second}

// push sends the repository's unpushed commits to git.push.remote (after
// a run's commit, and at each run while some are left): a failed push
// keeps them, and the next run or redelivery pushes them all. Credentials
// come from the config's ${VARS} and never reach a log or an error (the
// redactor hides them). It returns the commits still unpushed.
func (r *Runner) push(ctx context.Context) (int, error) {
	pc := r.cfg.Git.Push
	if r.repo == nil || pc.Remote == "" || ctx.Err() != nil {
		return 0, nil
	}
	r.pmu.Lock()
	defer r.pmu.Unlock()
	n, err := r.repo.Unpushed(pc.Branch)
	if err != nil {
		return 0, fmt.Errorf("git push: %s", r.red.Text(err.Error()))
	}
	if n == 0 {
		return 0, nil
	}
	remote := r.red.String(gitrepo.RedactURL(pc.Remote))
	p := pushPolicy
	p.Attempts = pc.Retries
	if p.Attempts == 0 {
		p.Attempts = 3
	}
	start := time.Now()
	opts := gitrepo.PushOptions{Remote: pc.Remote, Branch: pc.Branch, Username: pc.Username, Token: pc.Token, SSHKey: pc.SSHKey}
	var hash string
	err = retry.Do(ctx, p, func(attempt int) error {
		h, err := r.repo.Push(ctx, opts)
		if err != nil {
			err = errors.New(strings.TrimSpace(r.red.Text(err.Error())))
			r.log.Warn("git push failed", "remote", remote, "attempt", attempt, "attempts", p.Attempts, "error", err.Error())
			return retry.Again(err, 0)
		}
		hash = h
		return nil
	})
	r.metrics.push(err == nil, time.Since(start))
	if err != nil {
		r.log.Error("git push failed: the commits are kept and pushed by the next run", "remote", remote, "unpushed", n, "error", err.Error())
		return n, fmt.Errorf("%w (%d %s kept, pushed by the next run)", err, n, plural(n, "commit", "commits"))
	}
	r.log.Info("pushed", "remote", remote, "commit", hash[:min(len(hash), 12)], "commits", n)
	return 0, nil
}

// plural is one or other by n.
func plural(n int, one, other string) string {
	if n == 1 {
		return one
	}
	return other
}
