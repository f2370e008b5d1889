package watch

import (
	"encoding/json"

	"github.com/careers-watcher/careers-watcher/internal/scrape"
)

// decodeValidators decodes a source's validators file as json.Unmarshal
// into an empty scrape.Validators does; ok false where that fails. The
// file the watcher writes (saveValidators: json.MarshalIndent) is read
// without reflection (a quiet cycle reads one per source); anything
// outside that plain layout goes to encoding/json (quickValidators).
func decodeValidators(b []byte) (v scrape.Validators, ok bool) {
	if v, ok := quickValidators(b); ok {
		return v, true
	}
	v = scrape.Validators{}
	if json.Unmarshal(b, &v) != nil {
		return nil, false
	}
	return v, true
}

// quickValidators accepts only a plain subset of JSON: an object of
// objects whose keys are "etag", "last_modified", "digest" and "next"
// spelled exactly, each once, with string values; no URL twice; strings
// of printable ASCII whose only escapes are \", \\, \/ and \u00XX of a
// printable ASCII byte (what the encoder writes for <, > and &). Anything
// else answers ok false, so that the result is always encoding/json's.
func quickValidators(b []byte) (scrape.Validators, bool) {
	d := valDecoder{b: b}
	if !d.byte('{') {
		return nil, false
	}
	v := scrape.Validators{}
	for first := true; ; first = false {
		if d.byte('}') {
			break
		}
		if !first && !d.byte(',') {
			return nil, false
		}
		u, ok := d.str()
		if !ok || !d.byte(':') {
			return nil, false
		}
		if _, dup := v[u]; dup {
			return nil, false
		}
		val, ok := d.validator()
		if !ok {
			return nil, false
		}
		v[u] = val
	}
	d.space()
	return v, d.i == len(d.b)
}

type valDecoder struct {
	b   []byte
	i   int
	buf []byte
}

func (d *valDecoder) space() {
	for d.i < len(d.b) {
		switch d.b[d.i] {
		case ' ', '\n', '\t', '\r':
			d.i++
		default:
			return
		}
	}
}

func (d *valDecoder) byte(c byte) bool {
	d.space()
	if d.i < len(d.b) && d.b[d.i] == c {
		d.i++
		return true
	}
	return false
}

func (d *valDecoder) validator() (scrape.Validator, bool) {
	var val scrape.Validator
	if !d.byte('{') {
		return val, false
	}
	var seen [4]bool
	for first := true; ; first = false {
		if d.byte('}') {
			return val, true
		}
		if !first && !d.byte(',') {
			return val, false
		}
		key, ok := d.str()
		if !ok || !d.byte(':') {
			return val, false
		}
		var k int
		var field *string
		switch key {
		case "etag":
			k, field = 0, &val.ETag
		case "last_modified":
			k, field = 1, &val.LastModified
		case "digest":
			k, field = 2, &val.Digest
		case "next":
			k, field = 3, &val.Next
		default:
			return val, false
		}
		s, ok := d.str()
		if !ok || seen[k] {
			return val, false
		}
		seen[k] = true
		*field = s
	}
}

// str reads a string (see quickValidators for what it accepts).
func (d *valDecoder) str() (string, bool) {
	if !d.byte('"') {
		return "", false
	}
	d.buf = d.buf[:0]
	start := d.i
	for d.i < len(d.b) {
		c := d.b[d.i]
		switch {
		case c == '"':
			var s string
			if len(d.buf) == 0 {
				s = string(d.b[start:d.i])
			} else {
				s = string(append(d.buf, d.b[start:d.i]...))
			}
			d.i++
			return s, true
		case c == '\\':
			d.buf = append(d.buf, d.b[start:d.i]...)
			e, n, ok := unescape(d.b[d.i:])
			if !ok {
				return "", false
			}
			d.buf = append(d.buf, e)
			d.i += n
			start = d.i
			continue
		case c < 0x20 || c >= 0x7f:
			return "", false
		}
		d.i++
	}
	return "", false
}

// unescape reads one escape at the start of b (its backslash included):
// the byte it stands for and its length.
func unescape(b []byte) (byte, int, bool) {
	if len(b) < 2 {
		return 0, 0, false
	}
	switch b[1] {
	case '"', '\\', '/':
		return b[1], 2, true
	case 'u':
		if len(b) < 6 || b[2] != '0' || b[3] != '0' {
			return 0, 0, false
		}
		hi, ok1 := hexVal(b[4])
		lo, ok2 := hexVal(b[5])
		c := hi<<4 | lo
		if !ok1 || !ok2 || c < 0x20 || c >= 0x7f {
			return 0, 0, false
		}
		return c, 6, true
	}
	return 0, 0, false
}

func hexVal(c byte) (byte, bool) {
	switch {
	case c >= '0' && c <= '9':
		return c - '0', true
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10, true
	case c >= 'A' && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}
