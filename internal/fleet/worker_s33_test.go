package fleet

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/riverqueue/river"
	"github.com/riverqueue/river/rivertype"

	"github.com/careers-watcher/careers-watcher/internal/config"
)

// Review s33 F1, F2: a poll of a source this worker's config lacks (another
// team's config on the database, a config change not rolled out to this
// worker yet) is left to a worker whose config has it: snoozed, with one
// warning, not cancelled; only a job no worker took in notMineGrace is
// cancelled, with a warning.
func TestJobOfAnotherConfigIsLeftS33(t *testing.T) {
	var buf bytes.Buffer
	now := time.Date(2026, 12, 5, 22, 0, 0, 0, time.UTC)
	p := &pollWorker{log: slog.New(slog.NewTextHandler(&buf, nil)), sources: map[string]config.Source{"mine": {Name: "mine"}},
		now: func() time.Time { return now }}
	job := &river.Job[PollSourceArgs]{JobRow: &rivertype.JobRow{CreatedAt: now.Add(-time.Hour)}, Args: PollSourceArgs{Source: "beta"}}
	for i := range 2 {
		err := p.Work(context.Background(), job)
		var snooze *rivertype.JobSnoozeError
		if !errors.As(err, &snooze) || snooze.Duration != notMineSnooze {
			t.Fatalf("try %d: %v, want a snooze of %s", i, err, notMineSnooze)
		}
	}
	if logs := buf.String(); strings.Count(logs, "level=WARN") != 1 || !strings.Contains(logs, `source \"beta\" is not in this worker's config: left to a worker`) {
		t.Errorf("want one warning naming the source:\n%s", logs)
	}
	job.CreatedAt = now.Add(-notMineGrace)
	err := p.Work(context.Background(), job)
	var cancel *rivertype.JobCancelError
	if !errors.As(err, &cancel) || !strings.Contains(err.Error(), `source "beta" is not in this worker's config`) {
		t.Fatalf("a job no worker took in %s: %v, want cancelled", notMineGrace, err)
	}
	if !strings.Contains(buf.String(), "no worker took the job in 24h0m0s: cancelled") {
		t.Errorf("the cancel is not logged:\n%s", buf.String())
	}
}
