package notify_test

import (
	"testing"
	"time"

	"github.com/careers-watcher/careers-watcher/internal/notify"
)

// RecordedSince gives the posting events of the entries added at or after
// a time (a stopped run's, for its recovery), oldest first; source.*
// events and older entries are left out.
func TestRecordedSince(t *testing.T) {
	o := open(t, t.TempDir())
	routes := []notify.Route{{Notifier: &fake{name: "a"}}}
	clock := time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC)
	o.Now = func() time.Time { return clock }
	add(t, o, []notify.Event{event(notify.PostingAdded, "x", "old", t0)}, routes)
	clock = clock.Add(time.Hour)
	stopped := clock
	add(t, o, []notify.Event{
		event(notify.PostingChanged, "x", "2", t0.Add(2*time.Minute)),
		event(notify.PostingRemoved, "x", "1", t0.Add(time.Minute)),
		event(notify.SourceFailed, "x", "", t0),
	}, routes)
	got, err := o.RecordedSince(stopped)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].Type != notify.PostingRemoved || got[1].Type != notify.PostingChanged || got[1].Data.Posting.ID != "2" {
		t.Fatalf("RecordedSince = %+v; want the removal of 1 and the change of 2", got)
	}
	if got, err := o.RecordedSince(stopped.Add(time.Second)); err != nil || len(got) != 0 {
		t.Fatalf("RecordedSince after them = %+v, %v", got, err)
	}
}
