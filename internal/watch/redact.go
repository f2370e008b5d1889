package watch

import (
	"bytes"
	"encoding/json"
	"net/url"
	"reflect"
	"slices"
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
func maskValue(pr *postingMask, v any) any {
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

// postingRedactor is the masker of the posting data of a source: the
// config's secrets whose value is in one of the source's keys (url, board,
// tenant, selectors, company, ...) or in http.user_agent, the values its
// board receives (found in a URL's host in any case: hosts are
// case-insensitive). Built once per source.
func (r *Runner) postingRedactor(source string) *postingMask {
	if v, ok := r.postRed.Load(source); ok {
		return v.(*postingMask)
	}
	if r.cfg == nil || r.red.Empty() {
		v, _ := r.postRed.LoadOrStore(source, &postingMask{})
		return v.(*postingMask)
	}
	sent := []string{r.cfg.HTTP.UserAgent}
	if i, ok := r.sourceIndex()[source]; ok {
		sent = configStrings(reflect.ValueOf(r.cfg.Sources[i]), sent, 0)
	}
	// the hosts of the strings sent, lower-cased: a secret there was sent
	// whatever its case
	var hosts []string
	for _, v := range sent {
		if u, err := url.Parse(v); err == nil && u.Host != "" {
			hosts = append(hosts, strings.ToLower(u.Host))
		}
	}
	var secrets []redact.Secret
	for _, s := range r.cfg.Secrets {
		if s.Value == "" {
			continue
		}
		lower := strings.ToLower(s.Value)
		if slices.ContainsFunc(sent, func(v string) bool { return strings.Contains(v, s.Value) }) ||
			slices.ContainsFunc(hosts, func(h string) bool { return strings.Contains(h, lower) }) {
			secrets = append(secrets, s)
		}
	}
	v, _ := r.postRed.LoadOrStore(source, newPostingMask(secrets))
	return v.(*postingMask)
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

// postingMask hides the secrets a source's board was sent in its posting
// data, in one pass over the text whatever their number: the redact
// Redactor's one strings.Replacer for every form of them, as written; and,
// inside the host of every URL in the text (hosts are case-insensitive: a
// board may give back "acmecorp.example.com" for a tenant sent as
// "AcmeCorp"), the values in any case. Paths, queries and the rest of the
// text are matched as written. Built once per source; nil and the zero
// value mask nothing.
type postingMask struct {
	red   *redact.Redactor
	hosts *strings.Replacer // lower-cased values -> mask, for hosts
	lower []hostSecret      // the same, longest first
}

type hostSecret struct{ value, mask string }

func newPostingMask(secrets []redact.Secret) *postingMask {
	m := &postingMask{red: redact.New(secrets)}
	var args []string
	seen := map[string]bool{}
	for _, s := range secrets {
		v := strings.ToLower(s.Value)
		if len(v) < redact.MinLen || seen[v] || strings.IndexFunc(v, func(c rune) bool { return !isHostByte(c) }) >= 0 {
			continue // shorter ones are never masked; others cannot be in a host
		}
		seen[v] = true
		m.lower = append(m.lower, hostSecret{v, "[redacted:" + s.Name + "]"})
	}
	slices.SortStableFunc(m.lower, func(a, b hostSecret) int { return len(b.value) - len(a.value) })
	for _, h := range m.lower {
		args = append(args, h.value, h.mask)
	}
	if len(args) > 0 {
		m.hosts = strings.NewReplacer(args...)
	}
	return m
}

// Empty reports whether m masks nothing.
func (m *postingMask) Empty() bool { return m == nil || m.red.Empty() }

// String is s with the secrets masked.
func (m *postingMask) String(s string) string {
	if m.Empty() {
		return s
	}
	return m.red.String(m.maskHosts(s))
}

// Bytes is b with the secrets masked (b itself when there is none).
func (m *postingMask) Bytes(b []byte) []byte {
	if m.Empty() {
		return b
	}
	s := string(b)
	if out := m.String(s); out != s {
		return []byte(out)
	}
	return b
}

// maxHost is the longest host looked at (a DNS name is at most 253).
const maxHost = 255

// maskHosts masks the secrets, in any case, inside the host of each URL
// ("scheme://host") of s; the rest of the host keeps its case. Each byte
// of s is looked at a bounded number of times.
func (m *postingMask) maskHosts(s string) string {
	if m.hosts == nil {
		return s
	}
	var b strings.Builder
	last := 0
	for i := 0; i < len(s); {
		j := strings.Index(s[i:], "://")
		if j < 0 {
			break
		}
		start := i + j + 3
		end := start
		for end < len(s) && end-start < maxHost && isHostByte(rune(s[end])) {
			end++
		}
		i = max(end, start)
		host := s[start:end]
		lower := strings.ToLower(host)
		if m.hosts.Replace(lower) == lower {
			continue
		}
		b.WriteString(s[last:start])
		for k := 0; k < len(host); {
			if n := slices.IndexFunc(m.lower, func(h hostSecret) bool { return strings.HasPrefix(lower[k:], h.value) }); n >= 0 {
				b.WriteString(m.lower[n].mask)
				k += len(m.lower[n].value)
				continue
			}
			b.WriteByte(host[k])
			k++
		}
		last = end
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// isHostByte: a letter, digit, '.' or '-' (what a host name is made of).
func isHostByte(c rune) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '-'
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
