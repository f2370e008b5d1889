package cli

import (
	"context"
	"log/slog"
	"sync/atomic"

	"github.com/careers-watcher/careers-watcher/internal/notify"
)

// lostEvents counts the events a run's delivery dropped undelivered
// because a failing notifier was owed more than outbox.max_pending (the
// outbox's notify.OutboxFullMessage records), so that `watcher run` exits
// 1 rather than 0 when a notification was lost. The records go on to the
// wrapped handler as they are.
type lostEvents struct {
	slog.Handler
	n *atomic.Int64
}

func newLostEvents(h slog.Handler) lostEvents { return lostEvents{h, new(atomic.Int64)} }

// Enabled lets every ERROR record through to Handle, whatever the log
// level, so that none is missed; Handle passes on only what h takes.
func (h lostEvents) Enabled(ctx context.Context, l slog.Level) bool {
	return l >= slog.LevelError || h.Handler.Enabled(ctx, l)
}

func (h lostEvents) Handle(ctx context.Context, r slog.Record) error {
	if r.Level >= slog.LevelError && r.Message == notify.OutboxFullMessage {
		r.Attrs(func(a slog.Attr) bool {
			if a.Key == "dropped" {
				h.n.Add(a.Value.Int64())
				return false
			}
			return true
		})
	}
	if !h.Handler.Enabled(ctx, r.Level) {
		return nil
	}
	return h.Handler.Handle(ctx, r)
}

func (h lostEvents) WithAttrs(as []slog.Attr) slog.Handler {
	return lostEvents{h.Handler.WithAttrs(as), h.n}
}
func (h lostEvents) WithGroup(name string) slog.Handler {
	return lostEvents{h.Handler.WithGroup(name), h.n}
}

// Lost is the number of events dropped undelivered so far.
func (h lostEvents) Lost() int64 { return h.n.Load() }
