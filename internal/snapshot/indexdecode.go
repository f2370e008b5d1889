package snapshot

import "strconv"

// quickIndex decodes an index written the way the watcher writes it
// (perf6: a quiet cycle decodes every source's index, about 4% of its
// CPU with encoding/json's reflection). It accepts only a plain subset
// of JSON: the known keys spelled exactly, each once; strings of
// printable ASCII without escapes; integers as digits; true and false.
// Anything else (another key, another case, an escape, null, a number
// with a fraction or exponent, a repeated key, trailing data) answers
// ok false and the caller decodes with encoding/json, so that the result
// is always the one json.Unmarshal gives.
func quickIndex(b []byte) (idx Index, ok bool) {
	d := quickDecoder{b: b}
	if !d.byte('{') {
		return Index{}, false
	}
	var seen [9]bool
	for first := true; ; first = false {
		if d.byte('}') {
			break
		}
		if !first && !d.byte(',') {
			return Index{}, false
		}
		key, kok := d.raw()
		if !kok || !d.byte(':') {
			return Index{}, false
		}
		var k int
		var good bool
		switch string(key) { // no copy
		case "normalizer":
			k = 0
			idx.Normalizer, good = d.str()
		case "generation":
			k = 1
			idx.Generation, good = d.int()
		case "failures":
			k = 2
			idx.Failures, good = d.int()
		case "suspicious":
			k = 3
			idx.Suspicious, good = d.bool()
		case "incidents":
			k = 4
			idx.Incidents, good = d.int()
		case "postings":
			k = 5
			idx.Postings, good = d.postings()
		case "posted_utc":
			k = 6
			idx.PostedUTC, good = d.bool()
		case "failed_notified":
			k = 7
			var v bool
			v, good = d.bool()
			idx.FailedNotified = &v
		case "names":
			k = 8
			idx.Names, good = d.int()
		}
		if !good || seen[k] {
			return Index{}, false
		}
		seen[k] = true
	}
	d.space()
	if d.i != len(d.b) || idx.Postings == nil {
		return Index{}, false
	}
	return idx, true
}

type quickDecoder struct {
	b []byte
	i int
}

func (d *quickDecoder) space() {
	for d.i < len(d.b) {
		switch d.b[d.i] {
		case ' ', '\n', '\t', '\r':
			d.i++
		default:
			return
		}
	}
}

// byte skips white space and takes c when it comes next.
func (d *quickDecoder) byte(c byte) bool {
	d.space()
	if d.i < len(d.b) && d.b[d.i] == c {
		d.i++
		return true
	}
	return false
}

func (d *quickDecoder) str() (string, bool) {
	b, ok := d.raw()
	return string(b), ok
}

// raw reads a string as str does, as the bytes of the document (a key:
// compared, never kept, so never copied).
func (d *quickDecoder) raw() ([]byte, bool) {
	if !d.byte('"') {
		return nil, false
	}
	start := d.i
	for d.i < len(d.b) {
		c := d.b[d.i]
		switch {
		case c == '"':
			s := d.b[start:d.i]
			d.i++
			return s, true
		case c == '\\' || c < 0x20 || c >= 0x7f:
			return nil, false
		}
		d.i++
	}
	return nil, false
}

// int reads an integer of at most 18 digits (9 where an int has 32
// bits: no overflow), with an
// optional minus sign; no leading zero (JSON has none).
func (d *quickDecoder) int() (int, bool) {
	d.space()
	neg := false
	if d.i < len(d.b) && d.b[d.i] == '-' {
		neg = true
		d.i++
	}
	start := d.i
	n := 0
	for d.i < len(d.b) && d.b[d.i] >= '0' && d.b[d.i] <= '9' {
		n = n*10 + int(d.b[d.i]-'0')
		d.i++
	}
	digits := d.i - start
	most := 18
	if strconv.IntSize == 32 {
		most = 9
	}
	if digits == 0 || digits > most || (digits > 1 && d.b[start] == '0') {
		return 0, false
	}
	if d.i < len(d.b) {
		switch d.b[d.i] {
		case '.', 'e', 'E':
			return 0, false
		}
	}
	if neg {
		n = -n
	}
	return n, true
}

func (d *quickDecoder) bool() (bool, bool) {
	d.space()
	rest := d.b[d.i:]
	switch {
	case len(rest) >= 4 && string(rest[:4]) == "true":
		d.i += 4
		return true, d.end()
	case len(rest) >= 5 && string(rest[:5]) == "false":
		d.i += 5
		return false, d.end()
	}
	return false, false
}

// end reports whether a literal ended where a value may end.
func (d *quickDecoder) end() bool {
	if d.i >= len(d.b) {
		return true
	}
	switch d.b[d.i] {
	case ' ', '\n', '\t', '\r', ',', '}', ']':
		return true
	}
	return false
}

func (d *quickDecoder) postings() (map[string]Entry, bool) {
	if !d.byte('{') {
		return nil, false
	}
	m := map[string]Entry{}
	for first := true; ; first = false {
		if d.byte('}') {
			return m, true
		}
		if !first && !d.byte(',') {
			return nil, false
		}
		id, ok := d.str()
		if !ok || !d.byte(':') {
			return nil, false
		}
		if _, dup := m[id]; dup {
			return nil, false
		}
		e, ok := d.entry()
		if !ok {
			return nil, false
		}
		m[id] = e
	}
}

func (d *quickDecoder) entry() (Entry, bool) {
	var e Entry
	if !d.byte('{') {
		return e, false
	}
	var seen [7]bool
	for first := true; ; first = false {
		if d.byte('}') {
			return e, true
		}
		if !first && !d.byte(',') {
			return e, false
		}
		key, ok := d.raw()
		if !ok || !d.byte(':') {
			return e, false
		}
		var k int
		var good bool
		switch string(key) { // no copy
		case "stamp":
			k = 0
			e.Stamp, good = d.str()
		case "hash":
			k = 1
			e.Hash, good = d.str()
		case "missing":
			k = 2
			e.Missing, good = d.int()
		case "file_moved":
			k = 3
			e.FileMoved, good = d.bool()
		case "size":
			k = 4
			var n int
			n, good = d.int()
			e.Size = int64(n)
		case "unsaved":
			k = 5
			e.Unsaved, good = d.bool()
		}
		if !good || seen[k] {
			return e, false
		}
		seen[k] = true
	}
}
