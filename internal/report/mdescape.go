package report

import (
	"net/url"
	"strings"
)

// mdText escapes untrusted text for inline Markdown (CommonMark and GitHub
// Flavored Markdown), table cells included: it is made one line (plain),
// and every character that could start markup is backslash-escaped: code
// spans, emphasis, links and images, raw HTML and entities, table pipes,
// strikethrough, math, and the block markers that matter at the start of a
// line. The result renders as the literal text.
func mdText(s string) string {
	s = plain(s)
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

// mdURL returns u as a Markdown link destination, or "" when it is not an
// http(s) URL. Characters that would end the destination, break a table
// row or start markup are percent-encoded.
func mdURL(u string) string {
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

// mdLink is [text](url), or the escaped text alone when url is unsafe.
func mdLink(text, u string) string {
	t := mdText(text)
	if t == "" {
		t = "(untitled)"
	}
	if d := mdURL(u); d != "" {
		return "[" + t + "](" + d + ")"
	}
	return t
}
