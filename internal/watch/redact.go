package watch

import (
	"bytes"
	"encoding/json"
	"reflect"
	"slices"

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
		d.Error = r.red.Text(d.Error)
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
		if len(d.Changes) > 0 {
			cs := slices.Clone(d.Changes)
			for j := range cs {
				cs[j].Old, cs[j].New = maskValue(pr, cs[j].Old), maskValue(pr, cs[j].New)
			}
			d.Changes = cs
		}
	}
	return evs
}

// maskValue is a change's value (a string, or what encodes to JSON: a
// location, a salary) with pr's secrets masked; a value holding none is
// returned as it is, one that does as its masked JSON.
func maskValue(pr *redact.PostingMask, v any) any {
	switch x := v.(type) {
	case nil:
		return nil
	case string:
		return pr.String(x)
	}
	b, err := json.Marshal(v)
	if err != nil {
		return v
	}
	if m := pr.Bytes(b); !bytes.Equal(m, b) && json.Valid(m) {
		return json.RawMessage(m)
	}
	return v
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

// noMask is the posting mask of every source when the config has no secret.
var noMask = &redact.PostingMask{}

// postingRedactor is the masker of the posting data of a source: the
// config's secrets whose value is in one of the source's keys (url, board,
// tenant, selectors, company, ...) or in http.user_agent, the values its
// board receives (found in a URL's host in any case: hosts are
// case-insensitive). Built once per source.
func (r *Runner) postingRedactor(source string) *redact.PostingMask {
	if v, ok := r.postRed.Load(source); ok {
		return v.(*redact.PostingMask)
	}
	if r.cfg == nil || r.red.Empty() {
		// no secret at all: one empty mask for every source, not an
		// entry per source (2-3 MB of a quiet run of 10,000 sources)
		return noMask
	}
	sent := []string{r.cfg.HTTP.UserAgent}
	if i, ok := r.sourceIndex()[source]; ok {
		sent = redact.Strings(reflect.ValueOf(r.cfg.Sources[i]), sent)
	}
	secrets := redact.SentSecrets(r.cfg.Secrets, sent)
	v, _ := r.postRed.LoadOrStore(source, redact.NewPostingMask(secrets))
	return v.(*redact.PostingMask)
}

// sourceIndex is the position of each source of the config by name, made
// once (postingRedactor looks a source up once per source, not through
// every source).
func (r *Runner) sourceIndex() map[string]int {
	r.srcIdxOnce.Do(func() {
		r.srcIdx = make(map[string]int, len(r.cfg.Sources))
		for i, s := range r.cfg.Sources {
			if _, dup := r.srcIdx[s.Name]; !dup {
				r.srcIdx[s.Name] = i
			}
		}
	})
	return r.srcIdx
}
