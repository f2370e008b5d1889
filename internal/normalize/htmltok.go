package normalize

import (
	"strings"
	"sync"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// htmlToken is one token of a page as htmlBlocks reads it: a text (its
// character references decoded) or a tag (its atom; 0 for a name that is
// none).
type htmlToken struct {
	text string
	tt   html.TokenType
	a    atom.Atom
}

// htmlTokenPool holds the token slices of htmlBlocks for the next page.
var htmlTokenPool = sync.Pool{New: func() any { return new([]htmlToken) }}

// plainTokens returns the tokens of s as html.Tokenizer reads them, for
// a page written in the plain markup of job descriptions: tags with
// quoted or simple attributes, text with character references. It
// returns false for anything else, where html.Tokenizer's many rules
// apply (comments, doctypes, processing instructions, the raw text of
// scripts, styles, titles and text areas, a tag or a quote left open,
// carriage returns and NUL bytes, attributes written loosely): the
// caller reads those pages with html.Tokenizer.
func plainTokens(s string, toks []htmlToken) ([]htmlToken, bool) {
	if strings.IndexByte(s, '\r') >= 0 || strings.IndexByte(s, 0) >= 0 {
		return toks, false
	}
	text := 0 // where the current text started
	for i := 0; i < len(s); {
		j := strings.IndexByte(s[i:], '<')
		if j < 0 {
			break
		}
		i += j
		if i+1 >= len(s) {
			return toks, false // a '<' at the end
		}
		c := s[i+1]
		tt := html.StartTagToken
		nameAt := i + 1
		switch {
		case isASCIILetter(c):
		case c == '/':
			if i+2 >= len(s) || !isASCIILetter(s[i+2]) {
				return toks, false // "</>", "</ x>", a bogus comment
			}
			tt, nameAt = html.EndTagToken, i+2
		case c == '!' || c == '?':
			return toks, false // a comment, a doctype
		default:
			i++ // "a < b": the '<' is text
			continue
		}
		a, selfClosing, end, ok := plainTag(s, nameAt, tt == html.EndTagToken)
		if !ok {
			return toks, false
		}
		if text < i {
			toks = append(toks, htmlToken{text: unescapeText(s[text:i]), tt: html.TextToken})
		}
		if selfClosing && tt == html.StartTagToken {
			tt = html.SelfClosingTagToken
		}
		toks = append(toks, htmlToken{tt: tt, a: a})
		i, text = end, end
	}
	if text < len(s) {
		toks = append(toks, htmlToken{text: unescapeText(s[text:]), tt: html.TextToken})
	}
	return toks, true
}

// unescapeText is html.UnescapeString(t), without a look at t when it
// holds no '&'.
func unescapeText(t string) string {
	if strings.IndexByte(t, '&') < 0 {
		return t
	}
	return html.UnescapeString(t)
}

// rawTextTags are the tags after whose start html.Tokenizer reads raw
// text up to their end tag: plainTokens leaves their pages to it.
var rawTextTags = map[string]bool{
	"iframe": true, "noembed": true, "noframes": true, "noscript": true, "plaintext": true,
	"script": true, "style": true, "textarea": true, "title": true, "xmp": true,
}

// plainTag reads the tag whose name starts at s[i] (a letter): its atom
// (tagAtom's), whether it closes itself ("<br/>": a '/' before its '>'),
// and the end of the tag. ok is false for a tag outside plain markup.
func plainTag(s string, i int, endTag bool) (a atom.Atom, selfClosing bool, end int, ok bool) {
	var buf [32]byte
	n, long := 0, false
	for ; i < len(s); i++ {
		c := s[i]
		if !isASCIIAlnum(c) && c != '-' && c != '_' && c != ':' {
			break
		}
		if n == len(buf) {
			long = true // longer than any atom
			continue
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[n] = c
		n++
	}
	if !endTag && !long && rawTextTags[string(buf[:n])] {
		return 0, false, 0, false
	}
	if !long {
		a = atom.Lookup(buf[:n])
	}
	// attributes: key, key=value, key="value", key='value', each after
	// white space; then ">" or "/>"
	for {
		if i >= len(s) {
			return 0, false, 0, false
		}
		switch s[i] {
		case '>':
			return a, false, i + 1, true
		case '/':
			if i+1 < len(s) && s[i+1] == '>' {
				return a, true, i + 2, true
			}
			return 0, false, 0, false
		case ' ', '\n', '\t', '\f':
		default:
			return 0, false, 0, false // a name glued to what follows it
		}
		for i < len(s) && (s[i] == ' ' || s[i] == '\n' || s[i] == '\t' || s[i] == '\f') {
			i++
		}
		if i >= len(s) || s[i] == '>' || s[i] == '/' {
			continue
		}
		k := i
		for i < len(s) && plainAttrByte(s[i]) {
			i++
		}
		if i == k {
			return 0, false, 0, false
		}
		w := i
		for w < len(s) && (s[w] == ' ' || s[w] == '\n' || s[w] == '\t' || s[w] == '\f') {
			w++
		}
		if w >= len(s) || s[w] != '=' {
			continue // a key alone ("disabled")
		}
		i = w + 1
		for i < len(s) && (s[i] == ' ' || s[i] == '\n' || s[i] == '\t' || s[i] == '\f') {
			i++
		}
		if i >= len(s) {
			return 0, false, 0, false
		}
		if q := s[i]; q == '"' || q == '\'' {
			e := strings.IndexByte(s[i+1:], q)
			if e < 0 {
				return 0, false, 0, false
			}
			i += e + 2
			continue
		}
		v := i
		for i < len(s) && plainAttrByte(s[i]) {
			i++
		}
		if i == v || i < len(s) && s[i] == '/' {
			// html.Tokenizer reads "a=b/>" as the value "b/", in a tag
			// that does not close itself
			return 0, false, 0, false
		}
	}
}

// plainAttrByte says whether c may be part of an attribute's key or
// unquoted value in plain markup: a letter, a digit, "-_:.#%".
func plainAttrByte(c byte) bool {
	return isASCIIAlnum(c) || c == '-' || c == '_' || c == ':' || c == '.' || c == '#' || c == '%'
}
