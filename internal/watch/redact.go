package watch

import (
	"bytes"
	"reflect"
	"strings"

	"github.com/careers-watcher/careers-watcher/internal/model"
	"github.com/careers-watcher/careers-watcher/internal/notify"
	"github.com/careers-watcher/careers-watcher/internal/redact"
)

// Which secrets are hidden where.
//
// What the process says itself (logs, stdout and stderr, errors, the error
// of a source.* event, request URLs in logs and state) can carry any
// secret of the config: the whole Redactor (r.red) hides them all there.
//
// A posting's data is what a public board published, not a leak of ours:
// it is kept verbatim, except for the secrets that board received from us
// (the values of its own source's keys, its url with a key in the query,
// and the user agent every board is sent), which it may echo back (a
// title, a team, the text, a URL we built with the key). Hiding any other
// secret there would rewrite real words ("Customer", "postgres": a webhook
// token or a database password that happens to be one) in snapshots, the
// database, events, feeds and commit bodies, and would let a board find
// a secret it never saw by publishing guesses and watching which ones come
// out masked. So posting data goes through postingRedactor(source), built
// from those secrets only. Commit messages are made of fixed words,
// numbers, source names and posting lines (already so redacted), so r.commit
// redacts nothing more.

// redactEvents hides the config's secrets in what events carry from outside:
// a source's error (which names the URL it failed on, query included), and
// in the postings the secrets their source's board was sent. Postings reach
// events already redacted (fetch); the previous version comes from a
// snapshot, redacted when it was made, unless it was written before
// redaction existed.
func (r *Runner) redactEvents(evs []notify.Event) []notify.Event {
	if r.red.Empty() {
		return evs
	}
	for i := range evs {
		d := &evs[i].Data
		d.Error = r.red.String(d.Error)
		pr := r.postingRedactor(d.Source)
		if pr.Empty() {
			continue
		}
		if d.Posting != nil {
			p := *d.Posting
			p.URL = pr.String(p.URL)
			d.Posting = &p
		}
		if d.Previous != nil {
			p := *d.Previous
			p.URL = pr.String(p.URL)
			d.Previous = &p
		}
	}
	return evs
}

// redactPosting hides, anywhere in a posting of source (b: its canonical
// bytes), the secrets its board was sent (postingRedactor): a board may
// echo a value it was sent (a key in a URL, a tenant name) in a title, a
// team or the text. The posting is decoded again from the redacted bytes,
// so that the snapshot, the events and every view made from either agree.
func (r *Runner) redactPosting(source string, p model.Posting, b []byte) (model.Posting, []byte, error) {
	rb := r.postingRedactor(source).Bytes(b)
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

// postingRedactor is the Redactor of the posting data of a source: the
// config's secrets whose value is in one of the source's keys (url, board,
// tenant, selectors, company, ...) or in http.user_agent, the values its
// board receives. Built once per source.
func (r *Runner) postingRedactor(source string) *redact.Redactor {
	if r.red.Empty() {
		return r.red
	}
	if v, ok := r.postRed.Load(source); ok {
		return v.(*redact.Redactor)
	}
	var sent []string
	if r.cfg != nil {
		sent = append(sent, r.cfg.HTTP.UserAgent)
		for _, s := range r.cfg.Sources {
			if s.Name == source {
				sent = configStrings(reflect.ValueOf(s), sent, 0)
			}
		}
	}
	var secrets []redact.Secret
	for _, s := range r.cfg.Secrets {
		for _, v := range sent {
			if s.Value != "" && strings.Contains(v, s.Value) {
				secrets = append(secrets, s)
				break
			}
		}
	}
	red := redact.New(secrets)
	v, _ := r.postRed.LoadOrStore(source, red)
	return v.(*redact.Redactor)
}

// configStrings appends every string held in v (fields, exported or not,
// elements, map keys and values, through pointers and interfaces), to a
// bounded depth.
func configStrings(v reflect.Value, out []string, depth int) []string {
	if depth > 8 || !v.IsValid() {
		return out
	}
	switch v.Kind() {
	case reflect.String:
		if s := v.String(); s != "" {
			out = append(out, s)
		}
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			out = configStrings(v.Elem(), out, depth+1)
		}
	case reflect.Struct:
		for i := range v.NumField() {
			out = configStrings(v.Field(i), out, depth+1)
		}
	case reflect.Slice, reflect.Array:
		for i := range min(v.Len(), 1024) {
			out = configStrings(v.Index(i), out, depth+1)
		}
	case reflect.Map:
		it := v.MapRange()
		for n := 0; n < 1024 && it.Next(); n++ {
			out = configStrings(it.Key(), out, depth+1)
			out = configStrings(it.Value(), out, depth+1)
		}
	}
	return out
}
