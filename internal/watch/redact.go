package watch

import "github.com/careers-watcher/careers-watcher/internal/notify"

// redactEvents hides the config's secrets in what events carry from outside:
// a source's error (which names the URL it failed on, query included) and
// the postings' URLs. Postings reach events already redacted (fetch); the
// previous version comes from a snapshot file, redacted when it was made,
// unless it was written before redaction existed.
func (r *Runner) redactEvents(evs []notify.Event) []notify.Event {
	if r.red.Empty() {
		return evs
	}
	for i := range evs {
		d := &evs[i].Data
		d.Error = r.red.String(d.Error)
		if d.Posting != nil {
			p := *d.Posting
			p.URL = r.red.String(p.URL)
			d.Posting = &p
		}
		if d.Previous != nil {
			p := *d.Previous
			p.URL = r.red.String(p.URL)
			d.Previous = &p
		}
	}
	return evs
}
