package watch

import (
	"context"
	"log/slog"
	"sync"
	"testing"
)

// countHandler counts the records of each message at or above a level.
type countHandler struct {
	level slog.Level
	mu    sync.Mutex
	n     map[string]int
}

func (c *countHandler) Enabled(_ context.Context, l slog.Level) bool { return l >= c.level }
func (c *countHandler) Handle(_ context.Context, rec slog.Record) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.n[rec.Message]++
	return nil
}
func (c *countHandler) WithAttrs([]slog.Attr) slog.Handler { return c }
func (c *countHandler) WithGroup(string) slog.Handler      { return c }

// A source's run logs one line at info ("source done", with what it
// found); the fetch's own line ("source fetched", with its duration) is
// at debug: a fleet's run is not two lines per source.
func TestOneInfoLinePerSource(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		level   slog.Level
		fetched int
	}{{slog.LevelInfo, 0}, {slog.LevelDebug, 2}} {
		r, cfg, _, _, _ := twoSources(t)
		h := &countHandler{level: c.level, n: map[string]int{}}
		r.log = slog.New(h)
		run(t, r, cfg)
		if h.n["source done"] != 2 || h.n["source fetched"] != c.fetched {
			t.Errorf("level %v: %d 'source done', %d 'source fetched' lines; want 2 and %d", c.level, h.n["source done"], h.n["source fetched"], c.fetched)
		}
	}
}
