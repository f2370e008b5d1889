package watch

import (
	"context"
	"fmt"
	"testing"
)

// Review s29 F5: source.failed goes out only when the failure streak is
// exactly fail_after (snapshot.Index.FailedNow: Failures == failAfter). A
// user who lowers fail_after while a streak is longer than the new value
// (3 -> 1 after two failed runs: "tell me at once from now on") gets no
// source.failed for that streak, however long it lasts, and the health
// never says "failed"; yet the first good run sends source.recovered
// (Failures >= failAfter), a recovery of a failure nobody was told of.
func TestReviewS29LoweredFailAfterStillNotifiesTheStreak(t *testing.T) {
	t.Parallel()
	g, h := newGH(t, 1, 2), newHook(t)
	dir := t.TempDir()
	runner := func(failAfter int) *Runner {
		yml := fmt.Sprintf(`snapshots: snaps
http: {per_host_delay: 1ms, retries: 1}
guard: {shrink_pause: 1ms, fail_after: %d}
sources:
  - {name: acme, type: greenhouse, board: acme, url: %q}
notifiers:
  - {name: hooks, type: webhook, url: %q}
`, failAfter, g.URL, h.URL)
		cfg := parseConfig(t, dir, yml, nil)
		r := quietRunner(t, cfg, Options{})
		return r
	}
	r := runner(3)
	run(t, r, r.cfg)
	h.take()
	g.mu.Lock()
	g.fail = true
	g.mu.Unlock()
	for range 2 {
		r.Run(context.Background(), r.cfg.Sources)
	}
	if got := h.take(); len(got) != 0 {
		t.Fatalf("2 failed runs with fail_after 3: %d events, want none", len(got))
	}
	r = runner(1) // the user lowers fail_after
	for range 3 {
		r.Run(context.Background(), r.cfg.Sources)
	}
	if got := h.take(); len(got) != 1 {
		t.Errorf("5 failed runs in a row, fail_after now 1: %d events, want one source.failed", len(got))
	}
}
