package watch

import (
	"bytes"

	"github.com/careers-watcher/careers-watcher/internal/model"
	"github.com/careers-watcher/careers-watcher/internal/notify"
)

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

// redactPosting hides the config's secrets anywhere in a posting (b: its
// canonical bytes): a board may echo a value it was sent (a key in a URL,
// a tenant name) in a title, a team or the text. The posting is decoded
// again from the redacted bytes, so that the snapshot file, the events
// and every view made from either agree.
func (r *Runner) redactPosting(p model.Posting, b []byte) (model.Posting, []byte, error) {
	rb := r.red.Bytes(b)
	if bytes.Equal(rb, b) {
		return p, b, nil
	}
	q, err := model.Decode(rb)
	if err != nil {
		return p, nil, err
	}
	out, err := model.Encode(q)
	return q, out, err
}
