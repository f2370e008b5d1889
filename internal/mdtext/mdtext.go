// Package mdtext writes untrusted text as Markdown and plain one-line text,
// and pay amounts with thousands separators: what both the report and the
// README of a source's snapshot folder (internal/snapshot) render.
package mdtext

import (
	"bufio"
	"fmt"
	"math"
	"net/url"
	"strconv"
	"strings"
	"unicode"
)

// Text escapes untrusted text for inline Markdown (CommonMark and GitHub
// Flavored Markdown), table cells included: it is made one line (Plain),
// and every character that could start markup is backslash-escaped: code
// spans, emphasis, links and images, raw HTML and entities, table pipes,
// strikethrough, math, and the block markers that matter at the start of a
// line. The result renders as the literal text.
func Text(s string) string {
	s = Plain(s)
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i, r := range s {
		switch r {
		case '\\', '`', '*', '_', '[', ']', '|', '<', '>', '~', '&', '$', '#', '!', '{', '}':
			b.WriteByte('\\')
		case '-', '+', '=':
			// a list item ("- x") or a setext underline ("---") only at
			// the start of a line
			if i == 0 && (len(s) == 1 || s[1] == ' ' || strings.Trim(s, string(r)) == "") {
				b.WriteByte('\\')
			}
		case '.', ')':
			// an ordered list item ("1. x") only at the start of a line
			if leadingDigits(s[:i]) && (i+1 == len(s) || s[i+1] == ' ') {
				b.WriteByte('\\')
			}
		}
		b.WriteRune(r)
	}
	return b.String()
}

func leadingDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// URL returns u as a Markdown link destination, or "" when it is not an
// http(s) URL. Characters that would end the destination, break a table
// row or start markup are percent-encoded.
func URL(u string) string {
	u = strings.TrimSpace(u)
	p, err := url.Parse(u)
	if err != nil || (p.Scheme != "http" && p.Scheme != "https") || p.Host == "" {
		return ""
	}
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(u); i++ {
		c := u[i]
		if c <= 0x20 || c >= 0x7f || strings.IndexByte("\"<>\\^`{|}()[]", c) >= 0 {
			b.WriteByte('%')
			b.WriteByte(hex[c>>4])
			b.WriteByte(hex[c&15])
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

// Link is [text](url), or the escaped text alone when url is unsafe.
func Link(text, u string) string {
	t := Text(text)
	if t == "" {
		t = "(untitled)"
	}
	if d := URL(u); d != "" {
		return "[" + t + "](" + d + ")"
	}
	return t
}

// Table writes a pipe table; escape says whether the cells are plain text
// to escape (false: already Markdown).
func Table(w *bufio.Writer, head []string, right []bool, rows [][]string, escape bool) {
	cell := func(s string) string {
		if escape {
			s = Text(s)
		}
		if s == "" {
			return " "
		}
		return s
	}
	var b strings.Builder
	b.WriteString("|")
	for _, h := range head {
		b.WriteString(" " + Text(h) + " |")
	}
	b.WriteString("\n|")
	for i := range head {
		if i < len(right) && right[i] {
			b.WriteString("---:|")
		} else {
			b.WriteString("---|")
		}
	}
	b.WriteString("\n")
	for _, r := range rows {
		b.WriteString("|")
		for i := range head {
			c := ""
			if i < len(r) {
				c = r[i]
			}
			b.WriteString(" " + cell(c) + " |")
		}
		b.WriteString("\n")
	}
	w.WriteString(b.String())
}

// Plain makes untrusted text safe for one line of a terminal or a table
// cell: control and bidi formatting characters are dropped, runs of
// whitespace (newlines included) become one space.
func Plain(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
			space = true
			continue
		case unicode.IsControl(r), unicode.Is(unicode.Cf, r):
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// Uniq returns the distinct non-empty strings of s (trimmed) in first-seen
// order.
func Uniq(s []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, v := range s {
		v = strings.TrimSpace(v)
		if v != "" && !seen[v] {
			seen[v] = true
			out = append(out, v)
		}
	}
	return out
}

// Int writes n with comma thousands separators.
func Int(n int64) string {
	s := strconv.FormatInt(n, 10)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

// Amount writes a pay amount: whole numbers with separators, else two
// decimals.
func Amount(f float64) string {
	if f == math.Trunc(f) && math.Abs(f) < 1e15 {
		return Int(int64(f))
	}
	whole := math.Trunc(f)
	frac := math.Round(math.Abs(f-whole) * 100)
	if frac >= 100 {
		whole += math.Copysign(1, f)
		frac = 0
	}
	return fmt.Sprintf("%s.%02d", Int(int64(whole)), int(frac))
}

// Range writes "lo–hi" or a single value.
func Range(lo, hi float64) string {
	if lo == hi {
		return Amount(lo)
	}
	return Amount(lo) + "–" + Amount(hi)
}
