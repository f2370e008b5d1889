package watch

import "github.com/careers-watcher/careers-watcher/internal/notify"

// unrecorded are the events not in recorded (plan.recorded: a stopped
// run's, in the outbox already or delivered), events itself when none is.
func unrecorded(events []notify.Event, recorded map[string]bool) []notify.Event {
	if len(recorded) == 0 {
		return events
	}
	out := make([]notify.Event, 0, len(events))
	for _, e := range events {
		if !recorded[e.ID] {
			out = append(out, e)
		}
	}
	return out
}
