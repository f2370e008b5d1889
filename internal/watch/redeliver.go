package watch

import (
	"context"
)

// Redeliver delivers what the outbox still holds (events a notifier could
// not take during their run), between scheduled runs: the daemon calls it
// every outbox.retry_every. It takes the folder's lock like a run, so it
// never overlaps another process's run; like a run's delivery it works
// outside the in-process write lock, so a dead receiver never holds up a
// source's commit; when git is on, it commits the outbox files it changed.
// An interrupted run is finished first, as Run does.
func (r *Runner) Redeliver(ctx context.Context) (Delivery, error) {
	release, err := r.hold(ctx, "redeliver")
	if err != nil {
		return Delivery{}, err
	}
	defer release()
	if err := r.recover(); err != nil {
		return Delivery{}, err
	}
	d, err := r.deliver(ctx, "")
	if err == nil && d.Commit != "" {
		_, err = r.push(ctx) // the outbox's commit goes to the remote too
	}
	return d, err
}
