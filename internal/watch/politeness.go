package watch

import (
	"context"
	"crypto/sha256"
	"encoding/binary"
	"time"

	"github.com/careers-watcher/careers-watcher/internal/config"
	"github.com/careers-watcher/careers-watcher/internal/retry"
)

// JitterOffset is how much later than its schedule the daemon starts a
// source's runs: a fixed point of the window [0, window) chosen by a hash
// (SHA-256) of the source's name, so that sources sharing a schedule spread over the
// window the same way on every start and on every machine. Millisecond
// steps; 0 when the window is.
func JitterOffset(name string, window time.Duration) time.Duration {
	steps := int64(window / time.Millisecond)
	if steps <= 0 {
		return 0
	}
	sum := sha256.Sum256([]byte(name))
	return time.Duration(binary.BigEndian.Uint64(sum[:8])%uint64(steps)) * time.Millisecond
}

// waitJitter waits the source's jitter offset; false when ctx ended first.
func (r *Runner) waitJitter(ctx context.Context, src config.Source) bool {
	d := JitterOffset(src.Name, r.cfg.Jitter)
	if d == 0 {
		return ctx.Err() == nil
	}
	r.log.Debug("run delayed by jitter", "source", src.Name, "delay", d)
	return retry.Sleep(ctx, d) == nil
}
