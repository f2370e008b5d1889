package serve

import (
	"testing"
	"time"

	"github.com/careers-watcher/careers-watcher/internal/snapshot"
)

// The next run the daemon recorded is the one shown while it is ahead
// (a long run ended 20 minutes after the daemon's time: an interval after
// its end would be 20 minutes late); once it has passed (no daemon now),
// the schedule's own next time is.
func TestNextRunIsTheDaemonsWhileAhead(t *testing.T) {
	f := writeFolder(t, hostile()) // acme: @every 1h
	now := time.Date(2026, 3, 4, 12, 0, 0, 0, time.UTC)
	f.now = func() time.Time { return now }
	st := &snapshot.Store{Dir: f.Dir}
	for _, c := range []struct {
		name             string
		last, next, want time.Time
	}{
		{"daemon ahead", now.Add(-5 * time.Minute), now.Add(35 * time.Minute), now.Add(35 * time.Minute)},
		{"daemon's time passed", now.Add(-3 * time.Hour), now.Add(-2 * time.Hour), now.Add(time.Hour)},
		{"manual run", now.Add(-20 * time.Minute), time.Time{}, now.Add(40 * time.Minute)},
	} {
		if err := st.RecordRunNext("acme", c.last, snapshot.RunOK, c.next); err != nil {
			t.Fatal(err)
		}
		sts, err := f.Statuses()
		if err != nil {
			t.Fatal(err)
		}
		if n := sts[0].NextRun; n == nil || !n.Equal(c.want) {
			t.Errorf("%s: next run %v, want %s", c.name, n, c.want)
		}
	}
}
