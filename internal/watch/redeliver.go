package watch

import (
	"context"
	"fmt"

	"github.com/careers-watcher/careers-watcher/internal/notify"
)

// Redeliver delivers what the outbox still holds (events a notifier could
// not take during their run), between scheduled runs: the daemon calls it
// every outbox.retry_every. It takes the write lock like a run, so it never
// overlaps one; when git is on, it commits the outbox files it changed.
// An interrupted run is finished first, as Run does.
func (r *Runner) Redeliver(ctx context.Context) (notify.DeliverResult, error) {
	release, err := r.hold(ctx, "redeliver")
	if err != nil {
		return notify.DeliverResult{}, err
	}
	defer release()
	if err := r.recover(); err != nil {
		return notify.DeliverResult{}, err
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	pending, err := r.outbox.Pending()
	if err == nil && len(pending) == 0 {
		return notify.DeliverResult{}, nil // nothing owed: no file touched
	}
	if err := r.store.BeginWrite(); err != nil {
		return notify.DeliverResult{}, err
	}
	dr, derr := r.outbox.Deliver(ctx, r.routes)
	for _, e := range dr.Errors {
		r.log.Warn("notification not delivered", "error", e)
	}
	left := 0
	if p, err := r.outbox.Pending(); err == nil {
		left = len(p)
	}
	if dr.Delivered > 0 || dr.Expired > 0 || dr.Failed > 0 {
		r.log.Info("outbox redelivery", "delivered", dr.Delivered, "failed", dr.Failed, "expired", dr.Expired, "pending", left)
	}
	if len(dr.Changed) > 0 && r.repo != nil {
		msg := fmt.Sprintf("watcher: notification outbox (%d delivered, %d pending)\n", dr.Delivered, left)
		if _, err := r.commit(dr.Changed, msg); err != nil {
			return dr, err
		}
	}
	if err := r.store.EndWrite(); err != nil {
		return dr, err
	}
	if derr != nil {
		return dr, fmt.Errorf("outbox: %w", derr)
	}
	return dr, nil
}
