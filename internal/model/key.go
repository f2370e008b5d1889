package model

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// KeyMark starts the key of a posting id that cannot be stored as it is
// (see PostingKey). U+2400 SYMBOL FOR NULL: no platform's ids start with it.
const KeyMark = "\u2400"

// PostingKey is the key a posting is stored under for the platform's id
// (untrusted): the id itself when it is valid UTF-8 without a NUL byte
// (text every store can hold: a file's JSON, PostgreSQL text and jsonb)
// and does not start with KeyMark; any other id becomes KeyMark and the id
// with each NUL, '%' and byte of invalid UTF-8 written as %XX. Nothing is
// lost (UnKey gives the id back) and two ids never share a key: every
// escaped key starts with KeyMark and no id kept as it is does.
func PostingKey(id string) string {
	if Storable(id) && !strings.HasPrefix(id, KeyMark) {
		return id
	}
	var b strings.Builder
	b.Grow(len(KeyMark) + len(id) + 8)
	b.WriteString(KeyMark)
	for i := 0; i < len(id); {
		c := id[i]
		if c == 0 || c == '%' {
			fmt.Fprintf(&b, "%%%02X", c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(id[i:])
		if r == utf8.RuneError && size <= 1 {
			fmt.Fprintf(&b, "%%%02X", c)
			i++
			continue
		}
		b.WriteString(id[i : i+size])
		i += size
	}
	return b.String()
}

// UnKey is the platform's id of a key that PostingKey made.
func UnKey(key string) string {
	rest, ok := strings.CutPrefix(key, KeyMark)
	if !ok {
		return key
	}
	out := make([]byte, 0, len(rest))
	for i := 0; i < len(rest); i++ {
		if rest[i] == '%' && i+2 < len(rest) {
			if v, err := strconv.ParseUint(rest[i+1:i+3], 16, 8); err == nil {
				out = append(out, byte(v))
				i += 2
				continue
			}
		}
		out = append(out, rest[i])
	}
	return string(out)
}

// Storable reports whether s is text every store holds as it is: valid
// UTF-8 without a NUL byte.
func Storable(s string) bool {
	return utf8.ValidString(s) && strings.IndexByte(s, 0) < 0
}

// DropNUL removes NUL bytes from every text field of p but its id (see
// PostingKey): PostgreSQL's text and jsonb cannot hold them, and they are
// no part of a posting's text. Invalid UTF-8 needs nothing here: the JSON
// encoding already writes it as U+FFFD, in every store alike.
func DropNUL(p *Posting) {
	for _, s := range []*string{&p.Source, &p.Company, &p.Title, &p.URL, &p.RequisitionID, &p.Role, &p.Team,
		&p.Workplace, &p.EmploymentType, &p.Language, &p.Posted, &p.Description} {
		*s = dropNUL(*s)
	}
	for _, l := range [][]string{p.Levels, p.Skills.Required, p.Skills.Preferred, p.Skills.Mentioned, p.Education.Required, p.Education.Preferred} {
		for i := range l {
			l[i] = dropNUL(l[i])
		}
	}
	for i := range p.Locations {
		l := &p.Locations[i]
		l.City, l.Region, l.Country, l.Name = dropNUL(l.City), dropNUL(l.Region), dropNUL(l.Country), dropNUL(l.Name)
	}
	for i := range p.Salary {
		p.Salary[i].Currency, p.Salary[i].Period = dropNUL(p.Salary[i].Currency), dropNUL(p.Salary[i].Period)
	}
}

func dropNUL(s string) string {
	if strings.IndexByte(s, 0) < 0 {
		return s
	}
	return strings.ReplaceAll(s, "\x00", "")
}
