package redact

import (
	"net/url"
	"reflect"
	"slices"
	"strings"
)

// The posting mask outside the pipeline. internal/watch masks a source's
// posting data (and so its posting keys, snapshot.Key) with the secrets
// that source's board was sent: the values of the source's own config
// keys and the user agent, found in any case inside a URL's host. Code
// that keys postings without a watch.Runner (fleet's import-git) builds
// the same mask: SentSecrets picks the secrets, NewPostingMask masks with
// them (internal/watch's postingRedactor does both, once per source).

// SentSecrets are the secrets whose value is in one of sent (the strings
// a board is sent: its source's config values and the user agent, see
// Strings) as is or query-escaped, in the user-info of a URL among them
// (decoded), or, in any case, inside the host of such a URL.
func SentSecrets(secrets []Secret, sent []string) []Secret {
	var hosts, users []string
	for _, v := range sent {
		u, err := url.Parse(v)
		if err != nil {
			continue
		}
		if u.Host != "" {
			hosts = append(hosts, strings.ToLower(u.Host))
		}
		if u.User != nil {
			// the user-info as the board reads it (config escapes a
			// ${VAR} there its own way: ' ' as %20, the first ':' kept)
			users = append(users, u.User.Username())
			if pw, ok := u.User.Password(); ok {
				users = append(users, pw, u.User.Username()+":"+pw)
			}
		}
	}
	var out []Secret
	for _, s := range secrets {
		if s.Value == "" {
			continue
		}
		lower := strings.ToLower(s.Value)
		// the value, or the value query-escaped (config writes a ${VAR}
		// in a URL query parameter's value so)
		q := url.QueryEscape(s.Value)
		if slices.ContainsFunc(sent, func(v string) bool { return strings.Contains(v, s.Value) || strings.Contains(v, q) }) ||
			slices.ContainsFunc(hosts, func(h string) bool { return strings.Contains(h, lower) }) ||
			slices.ContainsFunc(users, func(v string) bool { return strings.Contains(v, s.Value) }) {
			out = append(out, s)
		}
	}
	return out
}

// Strings appends every string held in v (fields, exported or not,
// elements, map keys and values, through pointers and interfaces, to a
// bounded depth) to out: what a source's config sends its board.
func Strings(v reflect.Value, out []string) []string { return valueStrings(v, out, 0) }

func valueStrings(v reflect.Value, out []string, depth int) []string {
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
			out = valueStrings(v.Elem(), out, depth+1)
		}
	case reflect.Struct:
		for i := range v.NumField() {
			out = valueStrings(v.Field(i), out, depth+1)
		}
	case reflect.Slice, reflect.Array:
		for i := range min(v.Len(), 1024) {
			out = valueStrings(v.Index(i), out, depth+1)
		}
	case reflect.Map:
		it := v.MapRange()
		for n := 0; n < 1024 && it.Next(); n++ {
			out = valueStrings(it.Key(), out, depth+1)
			out = valueStrings(it.Value(), out, depth+1)
		}
	}
	return out
}

// PostingMask hides a source's sent secrets in its posting data, in one
// pass over the text: every form of them as written (a Redactor), and,
// inside the host of every URL in the text (hosts are case-insensitive),
// the values in any case. nil and the zero value mask nothing.
type PostingMask struct {
	red   *Redactor
	hosts *strings.Replacer // lower-cased values -> mask, for hosts
	lower []hostSecret      // the same, longest first
}

type hostSecret struct{ value, mask string }

// NewPostingMask is the mask of secrets (SentSecrets).
func NewPostingMask(secrets []Secret) *PostingMask {
	m := &PostingMask{red: New(secrets)}
	var args []string
	seen := map[string]bool{}
	for _, s := range secrets {
		v := strings.ToLower(s.Value)
		if len(v) < MinLen || seen[v] || strings.IndexFunc(v, func(c rune) bool { return !isHostByte(c) }) >= 0 {
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
func (m *PostingMask) Empty() bool { return m == nil || m.red.Empty() }

// String is s with the secrets masked.
func (m *PostingMask) String(s string) string {
	if m.Empty() {
		return s
	}
	return m.red.String(m.maskHosts(s)) // split forms too (split.go)
}

// Bytes is b with the secrets masked (b itself when there is none).
func (m *PostingMask) Bytes(b []byte) []byte {
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
// ("scheme://host") of s; the rest of the host keeps its case.
func (m *PostingMask) maskHosts(s string) string {
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
		split := false // a unit a view drops inside the host (split.go)
		for end < len(s) && end-start < maxHost {
			if isHostByte(rune(s[end])) {
				end++
				continue
			}
			if k, n := unitAt(s, end); k == unitDrop && end > start {
				split = true
				end += n
				continue
			}
			break
		}
		i = max(end, start)
		host := s[start:end]
		// hb: the host's bytes as a view shows them, from[k]: the offset
		// in host of hb's byte k
		hb, from := host, []int(nil)
		if split {
			var kb []byte
			for k := 0; k < len(host); {
				if isHostByte(rune(host[k])) {
					kb = append(kb, host[k])
					from = append(from, k)
					k++
					continue
				}
				_, n := unitAt(host, k)
				k += n
			}
			hb = string(kb)
		}
		lower := strings.ToLower(hb)
		if m.hosts.Replace(lower) == lower {
			continue
		}
		at := func(k int) int { // offset in host of hb's byte k
			if from == nil || k == len(hb) {
				return min(k, len(host))
			}
			return from[k]
		}
		b.WriteString(s[last:start])
		for k := 0; k < len(hb); {
			if n := slices.IndexFunc(m.lower, func(h hostSecret) bool { return strings.HasPrefix(lower[k:], h.value) }); n >= 0 {
				b.WriteString(m.lower[n].mask)
				k += len(m.lower[n].value)
				if k < len(hb) {
					b.WriteString(host[at(k-1)+1 : at(k)]) // units dropped after it stay
				}
				continue
			}
			if k+1 < len(hb) {
				b.WriteString(host[at(k):at(k+1)])
			} else {
				b.WriteString(host[at(k):])
			}
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
