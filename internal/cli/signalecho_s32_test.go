package cli

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"os"
	"runtime"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/careers-watcher/careers-watcher/internal/config"
	"github.com/careers-watcher/careers-watcher/internal/watch"
)

// TestSignalEchoIsOneSignal: SIGTERM twice at once (GNU timeout sends it to
// the command and to its group) stops gracefully; a second signal of
// another kind, or the same one after signalEcho, exits at once (review
// s32 F4). Not parallel: it replaces exit and signalNow.
func TestSignalEchoIsOneSignal(t *testing.T) {
	oldExit, oldNow := exit, signalNow
	t.Cleanup(func() { exit, signalNow = oldExit, oldNow })
	var mu sync.Mutex
	now := time.Date(2026, 12, 5, 12, 0, 0, 0, time.UTC)
	signalNow = func() time.Time { mu.Lock(); defer mu.Unlock(); return now }
	exited := make(chan int, 1)
	exit = func(code int) { exited <- code; runtime.Goexit() }
	logger := slog.New(slog.NewTextHandler(io.Discard, nil))

	for _, c := range []struct {
		name   string
		second os.Signal
		later  time.Duration
	}{
		{"another kind", os.Interrupt, 0},
		{"the same after the echo window", syscall.SIGTERM, 2 * signalEcho},
	} {
		ch := make(chan os.Signal, 4)
		done := make(chan struct{})
		cancelled := make(chan struct{})
		var stderr bytes.Buffer
		go stopOnSignals(ch, done, func() { close(cancelled) }, logger, &stderr, "watcher run")
		ch <- syscall.SIGTERM
		<-cancelled
		ch <- syscall.SIGTERM // the echo: at the same moment
		mu.Lock()
		now = now.Add(c.later)
		mu.Unlock()
		ch <- c.second
		select {
		case code := <-exited:
			if code != ExitSignal {
				t.Fatalf("%s: exit %d", c.name, code)
			}
		case <-time.After(time.Minute): // a guard against a hang, not a timing assert
			t.Fatalf("%s: the second signal did not end the process", c.name)
		}
		// the exit came from the signal after the echo, not from the echo
		if want := "second signal (" + c.second.String() + ")"; !strings.Contains(stderr.String(), want) || strings.Count(stderr.String(), "second signal") != 1 {
			t.Errorf("%s: stderr %q, want one line with %q", c.name, stderr.String(), want)
		}
		close(done)
	}
}

// TestNoSummaryAfterAnInterruptedRun: without notifiers, a run stopped by a
// signal does not close with the line saying its changes were written and
// committed (review s32 F5; the dry run's case is in TestNoNotifiers).
func TestNoSummaryAfterAnInterruptedRun(t *testing.T) {
	cfg := &config.Config{}
	res := watch.Result{Sources: []watch.SourceResult{{Source: "a", Added: 1}}}
	var stderr bytes.Buffer
	if code := runEnd(context.Background(), cfg, res, &stderr, true); code != ExitOK || !strings.Contains(stderr.String(), "1 added") {
		t.Fatalf("a completed run: exit %d, %q", code, stderr.String())
	}
	res.Interrupted = true
	stderr.Reset()
	code := runEnd(context.Background(), cfg, res, &stderr, true)
	if code != ExitSignal || strings.Contains(stderr.String(), "committed") || !strings.Contains(stderr.String(), "interrupted by a signal") {
		t.Fatalf("an interrupted run: exit %d, %q", code, stderr.String())
	}
}
