package serve

import (
	"testing"
	"time"

	"github.com/careers-watcher/careers-watcher/internal/snapshot"
)

// The next run of an @every schedule is an interval after the last run,
// not an interval after whenever status is asked (review s22 F12 a); a
// last run longer ago than the interval (no daemon running) leaves the
// schedule's next time from now.
func TestNextRunOfAnIntervalFollowsTheLastRun(t *testing.T) {
	f := writeFolder(t, hostile()) // acme: @every 1h
	now := time.Date(2026, 3, 4, 12, 0, 0, 0, time.UTC)
	f.now = func() time.Time { return now }
	st := &snapshot.Store{Dir: f.Dir}
	for _, c := range []struct {
		last, want time.Time
	}{
		{now.Add(-20 * time.Minute), now.Add(40 * time.Minute)},
		{now.Add(-3 * time.Hour), now.Add(time.Hour)},
	} {
		if err := st.RecordRun("acme", c.last, snapshot.RunOK); err != nil {
			t.Fatal(err)
		}
		sts, err := f.Statuses()
		if err != nil {
			t.Fatal(err)
		}
		if n := sts[0].NextRun; n == nil || !n.Equal(c.want) {
			t.Errorf("last run %s: next run %v, want %s", c.last, n, c.want)
		}
	}
}
