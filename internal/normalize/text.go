package normalize

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"go.yaml.in/yaml/v3"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// blockKind says what a block of text is in its document.
type blockKind uint8

const (
	kindPara    blockKind = iota // a paragraph, a line, a table row
	kindItem                     // a list item (bullet)
	kindHeading                  // h1-h6, a markdown heading, a structured section heading
)

// block is one paragraph, bullet or heading of a description, with its
// whitespace normalized (never a newline inside).
type block struct {
	text  string
	kind  blockKind
	bold  bool   // all of the text is bold
	label string // a bold lead-in ending with ':' followed by more text ("Nice to have: Scala")
	// indent: a line of plain text that starts with white space (the
	// continuation of a wrapped list item)
	indent bool
}

// Text converts HTML to plain text: scripts and styles dropped, entities
// decoded, whitespace collapsed, one line per block element (paragraph,
// list item, heading, line break, table row).
func Text(s string) string {
	return joinBlocks(htmlBlocks(s))
}

func joinBlocks(bs []block) string {
	n := 0
	for _, b := range bs {
		n += len(b.text) + 1
	}
	var sb strings.Builder
	sb.Grow(n)
	for i, b := range bs {
		if i > 0 {
			sb.WriteByte('\n')
		}
		sb.WriteString(b.text)
	}
	return sb.String()
}

// collapse trims s and turns every run of white space into one space.
func collapse(s string) string {
	// s is returned as it is when nothing would change: valid UTF-8 with
	// single spaces between words and no other white space (nor a
	// zero-width space or a byte order mark)
	if collapsed(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	writeCollapsed(&b, s)
	return b.String()
}

// collapseInto is collapse(string(b)) written at the end of arena, which
// only grows: the text returned is a slice of the arena's string (one
// buffer for all the blocks of a page instead of a string per block, and
// none for the copy collapse would make of it). Bytes written to a
// strings.Builder never change, and a Builder that grows copies them to a
// new buffer, so earlier slices stay as they were.
func collapseInto(arena *strings.Builder, b []byte) string {
	start := arena.Len()
	// b is read as a string only while it is copied to the arena
	s := unsafe.String(unsafe.SliceData(b), len(b))
	if collapsed(s) {
		arena.WriteString(s)
	} else {
		writeCollapsed(arena, s)
	}
	return arena.String()[start:]
}

// collapsed says whether collapse would leave s as it is: valid UTF-8,
// not empty, with single spaces between words and no other white space
// (nor a zero-width space or a byte order mark) and none at either end.
func collapsed(s string) bool {
	prevSpace := true
	for i := 0; i < len(s); {
		c := s[i]
		if !collapseMarks[c] {
			prevSpace = false // a letter, a digit, a mark
			i++
			continue
		}
		if c >= utf8.RuneSelf {
			r, size := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && size == 1 || unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff' {
				return false // written as U+FFFD, or white space
			}
			prevSpace = false
			i += size
			continue
		}
		if c != ' ' || prevSpace {
			return false // white space but a single space between words
		}
		prevSpace = true
		i++
	}
	return !prevSpace
}

// writeCollapsed writes collapse(s) to w, which may hold text before it:
// what s makes is trimmed on its own.
func writeCollapsed(w *strings.Builder, s string) {
	start := w.Len()
	space := false
	for i := 0; i < len(s); {
		// a run of bytes written as they are: ASCII but white space, and
		// the valid runes outside ASCII that are no white space
		j := i
		for j < len(s) {
			if c := s[j]; !collapseMarks[c] {
				j++
				continue
			} else if c < utf8.RuneSelf {
				break
			}
			r, size := utf8.DecodeRuneInString(s[j:])
			if r == utf8.RuneError && size == 1 || unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff' {
				break
			}
			j += size
		}
		if j > i {
			if space {
				w.WriteByte(' ')
				space = false
			}
			w.WriteString(s[i:j])
			i = j
			continue
		}
		c := s[i]
		if c < utf8.RuneSelf {
			space = w.Len() > start // ASCII white space
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if r == utf8.RuneError && size == 1 {
			if space {
				w.WriteByte(' ')
				space = false
			}
			w.WriteRune(r) // an invalid byte is written as U+FFFD
			continue
		}
		space = w.Len() > start // white space outside ASCII
	}
}

// leadBullets are the glyphs stripBullet removes.
var leadBullets = []string{"•", "·", "▪", "◦", "‣", "●", "○", "■", "□", "➢", "►", "✓", "✔"}

// bulletFirst has the first bytes of leadBullets: a block that starts
// with none of them starts with no glyph.
var bulletFirst = firstBytes(leadBullets)

func firstBytes(l []string) (m [256]bool) {
	for _, p := range l {
		m[p[0]] = true
	}
	return m
}

// collapseMarks are the bytes collapse looks at: ASCII white space and the
// first bytes of runes outside ASCII.
var collapseMarks = func() (m [256]bool) {
	for _, c := range []byte(" \t\n\r\f\v") {
		m[c] = true
	}
	for c := utf8.RuneSelf; c < 256; c++ {
		m[c] = true
	}
	return m
}()

// stripBullet removes a leading bullet glyph ("• ", "· ") from a block.
func stripBullet(s string) (string, bool) {
	if s == "" || !bulletFirst[s[0]] {
		return s, false
	}
	for _, p := range leadBullets {
		if strings.HasPrefix(s, p) {
			return strings.TrimSpace(s[len(p):]), true
		}
	}
	return s, false
}

// blockAtom says whether an element of kind a starts and ends a block (a
// switch: the tokens of a page ask it once per tag, and a map lookup cost
// more than the rest of the tag's handling).
func blockAtom(a atom.Atom) bool {
	switch a {
	case atom.P, atom.Div, atom.Li, atom.Ul, atom.Ol, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5,
		atom.H6, atom.Tr, atom.Table, atom.Section, atom.Article, atom.Header, atom.Footer,
		atom.Blockquote, atom.Pre, atom.Dt, atom.Dd, atom.Dl, atom.Hr, atom.Main, atom.Aside, atom.Nav,
		atom.Figure, atom.Figcaption, atom.Address, atom.Form, atom.Body:
		return true
	}
	return false
}

// skipAtom says whether the text inside an element of kind a is no text of
// the posting (scripts, styles, the head).
func skipAtom(a atom.Atom) bool {
	switch a {
	case atom.Script, atom.Style, atom.Head, atom.Title, atom.Noscript, atom.Template, atom.Iframe,
		atom.Svg:
		return true
	}
	return false
}

func isHeadingAtom(a atom.Atom) bool {
	switch a {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		return true
	}
	return false
}

// htmlBlocks splits HTML into blocks. Input that is HTML escaped once more
// ("&lt;p&gt;") is unescaped first.
func htmlBlocks(s string) []block {
	if !strings.Contains(s, "<") && strings.Contains(s, "&lt;") {
		s = html.UnescapeString(s)
	}
	var (
		out       = make([]block, 0, min(strings.Count(s, "<")/2, 256)+4) // about a block per element
		buf       []byte                                                  // reused across blocks
		prefix    []byte                                                  // bold text before the first non-bold text
		arena     strings.Builder                                         // the blocks' texts (collapseInto)
		nonBold   bool                                                    // non-bold, non-space text seen in the current block
		boldSeen  bool
		boldDepth int
		skipDepth int
		stack     []atom.Atom // open block elements
	)
	kind := func() blockKind {
		k := kindPara
		for _, a := range stack {
			if isHeadingAtom(a) {
				return kindHeading
			}
			if a == atom.Li || a == atom.Dd {
				k = kindItem
			}
		}
		return k
	}
	flush := func() {
		text := collapseInto(&arena, buf)
		if text != "" {
			b := block{text: text, kind: kind(), bold: boldSeen && !nonBold}
			lead := ""
			if nonBold && boldSeen {
				lead = collapse(string(prefix))
			}
			var pieces []string
			if b.kind != kindHeading && !b.bold {
				pieces = flatPieces(text) // a block that holds many: its line breaks were lost
			}
			for i, p := range pieces {
				pb := block{text: p, kind: kindPara}
				if i == 0 && b.kind == kindItem {
					pb.kind = kindItem
				}
				if i > 0 {
					lead = ""
				}
				out = pageBlock(out, pb, lead)
			}
			if pieces == nil {
				out = pageBlock(out, b, lead)
			}
		}
		buf, prefix = buf[:0], prefix[:0]
		nonBold, boldSeen = false, false
	}
	arena.Grow(len(s))
	// a page in plain markup is read by plainTokens, any other by
	// html.Tokenizer: both give the same tokens
	tp := htmlTokenPool.Get().(*[]htmlToken)
	toks, plain := plainTokens(s, (*tp)[:0])
	defer func() {
		if cap(toks) <= 1<<14 { // a hostile page's tokens are let go
			clear(toks) // no text of this page stays reachable
			*tp = toks[:0]
			htmlTokenPool.Put(tp)
		}
	}()
	var z *html.Tokenizer
	if !plain {
		z = html.NewTokenizer(strings.NewReader(s))
	}
	next := 0
	for {
		var tt html.TokenType
		var a atom.Atom
		var text []byte
		if plain {
			if next == len(toks) {
				tt = html.ErrorToken
			} else {
				t := toks[next]
				next++
				tt, a, text = t.tt, t.a, unsafe.Slice(unsafe.StringData(t.text), len(t.text)) // read only
			}
		} else {
			tt = z.Next()
			switch tt {
			case html.TextToken:
				text = z.Text()
			case html.StartTagToken, html.SelfClosingTagToken, html.EndTagToken:
				a = tagAtom(z, tt)
			}
		}
		switch tt {
		case html.ErrorToken:
			flush()
			return out
		case html.TextToken:
			if skipDepth > 0 {
				continue
			}
			buf = append(buf, text...)
			if hasNonSpace(text) {
				if boldDepth > 0 {
					boldSeen = true
					if !nonBold {
						prefix = append(prefix, text...)
					}
				} else {
					nonBold = true
				}
			} else if boldDepth > 0 && !nonBold {
				prefix = append(prefix, text...)
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			if skipAtom(a) {
				if tt == html.StartTagToken {
					skipDepth++
				}
				continue
			}
			switch {
			case a == atom.Br:
				flush()
			case a == atom.B || a == atom.Strong:
				if tt == html.StartTagToken {
					boldDepth++
				}
			case a == atom.Td || a == atom.Th:
				buf = append(buf, ' ')
			case blockAtom(a):
				flush()
				if tt == html.StartTagToken && a != atom.Hr {
					stack = append(stack, a)
				}
			}
		case html.EndTagToken:
			if skipAtom(a) {
				if skipDepth > 0 {
					skipDepth--
				}
				continue
			}
			switch {
			case a == atom.B || a == atom.Strong:
				if boldDepth > 0 {
					boldDepth--
				}
			case a == atom.Br:
				flush()
			case blockAtom(a):
				flush()
				for i := len(stack) - 1; i >= 0; i-- {
					if stack[i] == a {
						stack = stack[:i]
						break
					}
				}
			}
		}
	}
}

// tagAtom is the atom of the tag name z.TagName returns for the current
// start, self-closing or end tag (atom.Lookup of the name lowered), read
// from the tag's raw bytes ("<name ...>", "</name ...>") where the
// tokenizer read the name, without the copy TagName makes of it. A name
// with a NUL byte, which TagName writes as U+FFFD, is no atom either way.
func tagAtom(z *html.Tokenizer, tt html.TokenType) atom.Atom {
	raw := z.Raw()
	i := 1 // after '<'
	if tt == html.EndTagToken {
		i = 2 // after "</"
	}
	var buf [32]byte
	n := 0
	for ; i < len(raw); i++ {
		c := raw[i]
		if c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '/' || c == '>' {
			break
		}
		if n == len(buf) {
			return 0 // longer than any atom
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[n] = c
		n++
	}
	return atom.Lookup(buf[:n])
}

// pageBlock appends a block of a page to out, read for the marks typed in
// its text: a bullet or a dash ("<p>- Data annotation and labeling</p>",
// "…<br>- Python<br>": a list typed with dashes in a page), the plain
// marks of plainMarks, blocks glued together (appendUnglued). lead is the
// bold text that opens the block, if any: the block's label when it ends
// with ':'.
func pageBlock(out []block, b block, lead string) []block {
	if t, ok := stripBullet(b.text); ok {
		b.text = t
		if b.kind == kindPara {
			b.kind = kindItem
		}
	} else if t, ok := stripDash(b.text); ok {
		b.text = t
		if b.kind == kindPara {
			b.kind = kindItem
		}
	}
	if strings.HasSuffix(lead, ":") && len(lead) < len(b.text) {
		b.label = lead
	}
	if b.kind == kindPara && !b.bold && b.label == "" {
		var head string
		head, b = plainMarks(b)
		if head != "" {
			out = appendUnglued(out, block{text: head, kind: kindPara})
		}
	}
	if b.text != "" {
		out = appendUnglued(out, b)
	}
	return out
}

func hasNonSpace(b []byte) bool {
	for _, c := range b {
		if c >= utf8.RuneSelf {
			return true // non-ASCII: count as text (nbsp is rare enough in a bold run)
		}
		if c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\f' {
			return true
		}
	}
	return false
}

// textBlocks splits plain text into blocks, one per non-empty line. Lines
// starting with a bullet ("- ", "* ", "• ", "1. ") are items; markdown
// headings ("## Requirements") and bold lines ("**Requirements**") are kept
// as such.
func textBlocks(s string) []block {
	var out []block
	prevLead := 0 // the indentation of the line before
	oItems := oBullets(s)
	for line := range strings.SplitSeq(s, "\n") {
		t := collapse(line)
		if t == "" {
			continue
		}
		if oItems && oBulletLine(t) {
			t = "• " + t[2:] // a word processor's "o" bullet
		}
		// indented: deeper than the line before (a text whose every line
		// starts with a space has no indentation to read)
		lead := len(line) - len(strings.TrimLeft(line, " \t"))
		indent := lead > prevLead
		prevLead = lead
		if pieces := flatPieces(t); pieces != nil {
			// a line that holds many: its line breaks were lost
			for _, p := range pieces {
				out = textLine(out, p, false)
			}
			continue
		}
		out = textLine(out, t, indent)
	}
	return joinWrapped(out)
}

// oBulletLine says whether the collapsed line t opens with a word
// processor's "o" bullet: "o " before a capital letter ("o Erfahrung mit
// Keycloak").
func oBulletLine(t string) bool {
	if len(t) < 3 || t[0] != 'o' || t[1] != ' ' {
		return false
	}
	r, _ := utf8.DecodeRuneInString(t[2:])
	return unicode.IsUpper(r)
}

// oBullets says whether the text s marks its list items with "o " (a
// word processor's bullet, as a pasted or converted document keeps it):
// three lines open with it at least, so that a line opening with the
// word "o" ("or" in Spanish, Italian, Portuguese) is no item.
func oBullets(s string) bool {
	n := 0
	for line := range strings.SplitSeq(s, "\n") {
		if oBulletLine(strings.TrimLeft(line, " \t")) {
			if n++; n >= 3 {
				return true
			}
		}
	}
	return false
}

// textLine appends the blocks of one line of plain text (collapsed) to out.
func textLine(out []block, t string, indent bool) []block {
	b := block{text: t, kind: kindPara, indent: indent}
	switch {
	case strings.HasPrefix(t, "#"):
		h := strings.TrimSpace(strings.TrimLeft(t, "#"))
		if h != "" && len(t)-len(strings.TrimLeft(t, "#")) <= 6 {
			b.text, b.kind = h, kindHeading
		}
	case strings.HasPrefix(t, "- ") || strings.HasPrefix(t, "* ") || strings.HasPrefix(t, "+ ") ||
		strings.HasPrefix(t, "– ") || strings.HasPrefix(t, "— "):
		_, size := utf8.DecodeRuneInString(t)
		b.text, b.kind = strings.TrimSpace(t[size:]), kindItem
	default:
		if u, ok := stripBullet(t); ok {
			b.text, b.kind = u, kindItem
		} else if n := numberedPrefix(t); n > 0 {
			b.text, b.kind = strings.TrimSpace(t[n:]), kindItem
		}
	}
	if strings.HasPrefix(b.text, "**") && strings.HasSuffix(b.text, "**") && len(b.text) > 4 {
		b.text, b.bold = strings.TrimSpace(b.text[2:len(b.text)-2]), true
	}
	if b.kind == kindPara && !b.bold {
		if h, item := labelledFirstItem(b.text); h != "" {
			// "Skills:- Grundkenntnisse in SCTM und Aqua": a heading
			// run into the first item of its list
			out = append(out, block{text: h, kind: kindPara})
			b.text, b.kind = item, kindItem
		}
	}
	if b.text != "" {
		out = appendUnglued(out, b)
	}
	return out
}

// plainMarks reads the marks of plain text in a paragraph or line of a
// page, as textBlocks reads them in a line: a page whose text was written
// as lines ("<p>1. Python</p>", "<p>## Requirements</p>", "…<br>**Nice to
// have**<br>", "<p>Skills:- SQL</p>") has the same structure as the same
// text given plain. head is a label run into the first item of its list
// ("Skills:"), which comes before b.
func plainMarks(b block) (head string, _ block) {
	t := b.text
	if n := len(t) - len(strings.TrimLeft(t, "#")); n > 0 && n <= 6 && strings.HasPrefix(t[n:], " ") {
		if h := strings.TrimSpace(t[n:]); h != "" {
			b.text, b.kind = h, kindHeading
			return "", b
		}
	}
	if n := numberedPrefix(t); n > 0 {
		b.text, b.kind = strings.TrimSpace(t[n:]), kindItem
		return "", b
	}
	if strings.HasPrefix(t, "+ ") {
		b.text, b.kind = strings.TrimSpace(t[2:]), kindItem
		return "", b
	}
	if strings.HasPrefix(t, "**") && strings.HasSuffix(t, "**") && len(t) > 4 {
		b.text, b.bold = strings.TrimSpace(t[2:len(t)-2]), true
		return "", b
	}
	// a label run into the first item of a line's own list; a longer
	// run of glued items is appendUnglued's
	if h, item := labelledFirstItem(t); h != "" && !strings.Contains(item, "- ") {
		b.text, b.kind = item, kindItem
		return h, b
	}
	return "", b
}

// labelledFirstItem splits a line that is a short label ending with ':'
// directly followed by a bullet and the first item ("Tasks:- Testing",
// "Profil: • Java") into the label (with its colon) and the item.
func labelledFirstItem(t string) (string, string) {
	i := strings.IndexByte(t, ':')
	if i <= 0 || i > 40 || words(t[:i]) > 4 || strings.ContainsAny(t[:i], ".,;()!?") {
		return "", ""
	}
	rest := strings.TrimLeft(t[i+1:], " ")
	for _, b := range []string{"- ", "-", "• ", "•", "* ", "– "} {
		if strings.HasPrefix(rest, b) {
			item := strings.TrimSpace(rest[len(b):])
			if item == "" || item[0] >= '0' && item[0] <= '9' {
				return "", "" // "Gehalt: -50.000": a number, not an item
			}
			return t[:i+1], item
		}
	}
	return "", ""
}

// joinWrapped joins a line that continues the sentence of the line before
// it in plain text (hard-wrapped lines): the line starts with a
// lower-case letter, is no bullet or heading, and the line before it ends
// without a full stop, colon or other end mark. "Experience with Go\nwould
// be a bonus" is one sentence.
func joinWrapped(bs []block) []block {
	out := bs[:0]
	// the lines joined to the last block so far, built in one buffer (a
	// text of a million wrapped lines is not copied again at each)
	var sb strings.Builder
	joining := false
	flush := func() {
		if joining {
			out[len(out)-1].text = sb.String()
			joining = false
		}
	}
	for _, b := range bs {
		if n := len(out); n > 0 && b.kind == kindPara && !b.bold && b.label == "" {
			prev := out[n-1]
			if joining {
				prev.text = sb.String()
			}
			if continues(prev, b) {
				if !joining {
					sb.Reset()
					sb.WriteString(prev.text)
					joining = true
				}
				sb.WriteByte(' ')
				sb.WriteString(b.text)
				out[n-1].bold = false
				continue
			}
		}
		flush()
		out = append(out, b)
	}
	flush()
	return out
}

func continues(prev block, b block) bool {
	next := b.text
	if prev.kind == kindHeading || prev.bold || next == "" {
		return false
	}
	last := prev.text[len(prev.text)-1]
	switch last {
	case '.', ':', ';', '!', '?', ')', '"':
		if last == '.' && prev.kind == kindItem && openAbbrev(prev.text) {
			// "... Open-Source-Lösungen (z. B.\nKeycloak, Gluu)": the
			// item stops inside its parentheses, after an abbreviation
			// that opens an example; its full stop ends no sentence
			return true
		}
		return false
	}
	if next[0] >= 'a' && next[0] <= 'z' {
		return true
	}
	// A line that starts with a capital or a parenthesis continues a
	// list item when it is indented under it, or when the item stops
	// mid-phrase: an open parenthesis, a comma, a word that cannot end a
	// sentence ("(e.g. Open Science\nFramework, GitHub)", "adhering
	// to\nFAIR principles", "User Experience\n(UX) design").
	if prev.kind != kindItem && last != ',' {
		return false
	}
	if (strings.HasSuffix(next, ":") || strings.HasSuffix(next, "：")) &&
		(classifyHeading(next, false) != clsUnknown || leadInClass(next) != clsUnknown) ||
		words(next) <= 6 && exactHeadings[strings.TrimSpace(foldHeading(next))] {
		// "  Desired skills and experience:" indented under the last
		// item of a list, "Must Have" after an item that ends on
		// "looks like": a heading of the next part, not the item's
		// last line
		return false
	}
	if prev.kind != kindItem {
		// a list that stops on a comma goes on in the next line, whatever
		// letter opens it ("Compétences : Java, ..., Jest,\nPlaywright,
		// nuxt, vitest, vite": a list wrapped by a PDF's lines); not a
		// sentence with one comma, and not before a line that opens with
		// a label of its own ("Von Vorteil: Docker", review s33b F3)
		return strings.Count(prev.text, ",") >= 3 && !opensWithLabel(next)
	}
	if b.indent {
		return true
	}
	if strings.Count(prev.text, "(") > strings.Count(prev.text, ")") || last == ',' || last == '/' || last == '-' {
		return true
	}
	if next[0] == '(' {
		return true
	}
	w := prev.text[strings.LastIndexByte(prev.text, ' ')+1:]
	return openEnds[strings.ToLower(w)]
}

// opensWithLabel says whether a line opens with a short label and its
// colon ("Von Vorteil: Docker", "Nice to have: Go").
func opensWithLabel(s string) bool {
	i := strings.IndexAny(s, ":：")
	return i > 0 && i <= 40 && words(s[:i]) <= 5 && !strings.ContainsAny(s[:i], ",.;")
}

// openAbbrev says whether t ends with an abbreviation that introduces
// examples or a list ("e.g.", "z. B.", "bzw.", "p. ex.") inside a
// parenthesis it leaves open: the text goes on past the line's end.
func openAbbrev(t string) bool {
	if strings.Count(t, "(") <= strings.Count(t, ")") {
		return false
	}
	l := strings.ToLower(t)
	for _, a := range [...]string{"e.g.", "i.e.", "z. b.", "z.b.", "bzw.", "u. a.", "u.a.", "p. ex.", "p.ex.", "ex.", "incl.", "inkl.", "bspw.", "f.eks.", "f. eks.", "t.ex.", "t. ex.", "bl.a.", "bl. a.", "fx.", "vgl.", "cf."} {
		if strings.HasSuffix(l, a) && (len(l) == len(a) || !isASCIILetter(l[len(l)-len(a)-1])) {
			return true
		}
	}
	return false
}

// openEnds are words after which a sentence cannot end.
var openEnds = map[string]bool{
	"and": true, "or": true, "with": true, "of": true, "in": true, "on": true, "for": true, "to": true,
	"the": true, "a": true, "an": true, "as": true, "such": true, "like": true, "including": true, "using": true,
	"e.g.": true, "i.e.": true, "from": true, "by": true, "than": true, "into": true, "via": true,
}

// numberedPrefix returns the length of a "1. " or "2) " list marker, or
// of an outline's number ("2.1. ", "2.3.1. ", "2.1) ": a tender's or
// contract's numbered clauses, each an item of the part it is under), or 0.
func numberedPrefix(s string) int {
	i := 0
	for level := 0; level < 4; level++ {
		d := i
		for i < len(s) && i-d < 3 && s[i] >= '0' && s[i] <= '9' {
			i++
		}
		if i == d || i+1 >= len(s) {
			return 0
		}
		if (s[i] == '.' || s[i] == ')') && s[i+1] == ' ' {
			return i + 2
		}
		if s[i] != '.' || s[i+1] < '0' || s[i+1] > '9' {
			return 0
		}
		i++ // "2.1": a deeper level follows
	}
	return 0
}

// appendUnglued appends b to out, split where its text glues blocks
// together: descriptions whose tags or line breaks were stripped upstream
// (JSON-LD pages, scraped ads) run a heading, its sentences and its list
// items into one line ("...KING.We also collaborate", "This includes:Help
// our journey", "Other key responsibilities are:- Explore, drive- Tracking
// plan updates"). A piece that starts with "- " is a list item.
func appendUnglued(out []block, b block) []block {
	if b.kind == kindHeading || len(b.text) < 80 {
		return append(out, b)
	}
	if b.kind == kindPara && b.label == "" {
		if h, rest := gluedHeading(b.text); h != "" {
			// "Kvalifikationer Det här behöver du ...": a heading run
			// into its section's first sentence
			out = append(out, block{text: h, kind: kindPara})
			b.text = rest
			if len(b.text) < 80 {
				return append(out, b)
			}
		}
	}
	t := b.text
	start := 0
	first := true
	emit := func(end, next int) {
		piece := strings.TrimSpace(t[start:end])
		if piece != "" {
			nb := b
			if !first {
				nb.label = ""
				nb.kind = kindPara
				if b.kind == kindItem {
					nb.kind = kindItem
				}
			}
			if strings.HasPrefix(piece, "- ") {
				piece, nb.kind = strings.TrimSpace(piece[2:]), kindItem
			}
			var head string
			if h := gluedTrailingHeading(piece); h > 0 {
				// "...am Flipchart\"Dein Profil:- Mindestens 5 Jahre",
				// "...(ie: US citizen, etc.)Preferred Qualifications- ...":
				// the next part's heading glued to the end of an item
				piece, head = strings.TrimSpace(piece[:h]), piece[h:]
			}
			if piece != "" {
				nb.text = piece
				out = append(out, nb)
				first = false
			}
			if head != "" {
				out = append(out, block{text: head, kind: kindHeading})
				first = false
			}
		}
		start = next
	}
	// glued is gluedText(t), read the first time a cut asks for it (most
	// lines have no place where it matters)
	gluedKnown, gluedLine := false, false
	glued := func() bool {
		if !gluedKnown {
			gluedKnown, gluedLine = true, gluedText(t)
		}
		return gluedLine
	}
	// cutCamel cuts at i where a word runs into the next item or
	// sentence without a space (camelCut), a heading in capitals before
	// it into a block of its own; it returns i
	cutCamel := func(i int) int {
		cut, caps := camelCut(t, i, glued())
		if !cut || addressAt(t, i) {
			return i
		}
		if caps > start && caps < i && classifyHeading(t[caps:i], false) != clsUnknown {
			emit(caps, caps) // "... vid behov. DIN PROFIL": the heading alone
		}
		emit(i, i)
		return i
	}
	for i := 1; i+2 < len(t); i++ {
		c := t[i]
		if !ungluedMarks[c] {
			continue // nothing below starts at a small letter or a comma
		}
		if c == ' ' && b.kind == kindPara && (t[i-1] == '.' || t[i-1] == '!' || t[i-1] == '?') {
			// "... i Umeå. Kvalifikationer Du har ...": a heading run
			// into the sentences around it
			if h, _ := gluedHeading(t[i+1:]); h != "" {
				emit(i, i+1)
				out = append(out, block{text: h, kind: kindPara})
				first = false
				start = i + 1 + len(h)
				i = start
				continue
			}
		}
		if (c == '.' || c == '!' || c == '?') && t[i+1] >= 'A' && t[i+1] <= 'Z' && t[i+2] >= 'A' && t[i+2] <= 'Z' {
			// "förlossningsvana.OM OSS Centric Care": a heading in
			// capitals glued to the sentence before it
			if e := capsHeadingAt(t, i+1); e > 0 {
				emit(i+1, i+1)
				emit(e, e)
				i = e
				continue
			}
		}
		if c >= 'A' && c <= 'Z' || c >= 0xC0 {
			// only a capital may end a heading glued to the words before it
			if h := gluedHeadingBefore(t, start, i); h >= 0 {
				// "världsklass.KvalifikationerDu har ...", "Vi erbjuderVi
				// använder ...": a heading that names a part, glued to the
				// sentence after it, is a block of its own
				emit(h, h)
				emit(i, i)
				continue
			}
		}
		switch {
		case c == '.' || c == '!' || c == '?' || c == ':':
			// "office.Other", "you!We're", "includes:Help", "are:- Explore"
			p, n, n2 := t[i-1], t[i+1], t[i+2]
			upper := p >= 'A' && p <= 'Z'
			if upper && c != ':' {
				// "GraphQL.Application", "KING.We"; not "ASP.Net", "U.S.Army"
				w := 0
				for j := i + 1; j < len(t) && isASCIILetter(t[j]); j++ {
					w++
				}
				upper = (w >= 4 || openingWordAt(t, i+1) > 0) && !strings.Contains(t[strings.LastIndexByte(t[:i], ' ')+1:i], ".")
			}
			if !(p >= 'a' && p <= 'z' || p >= '0' && p <= '9' && c != ':' || p == ')' || upper) {
				continue
			}
			if c == ':' && n >= '0' && n <= '9' && i-start <= 120 && yearsAhead(t[i+1:]) && words(t[start:i]) <= 8 &&
				classifyHeading(t[start:i], true) != clsUnknown {
				// "What we're looking for:5+ years experience": a heading
				// glued to the years of its first item
				emit(i+1, i+1)
				continue
			}
			if n >= 'A' && n <= 'Z' && (n2 >= 'a' && n2 <= 'z' || c == ':' && n2 >= 'A' && n2 <= 'Z' && p != ':') || n == '-' && n2 == ' ' {
				// (after a colon also a word in capitals: "would be a
				// bonus:AWS")
				if gluedInWord(t, i) {
					continue
				}
				if h := gluedQuestionHeading(t, start, i); h > start {
					// "....Hvem ser vi etter?Vi ser etter ...": a heading
					// asked as a question, glued to the sentences around
					// it, is a block of its own
					emit(h, h)
				}
				emit(i+1, i+1)
			}
		case c >= 'A' && c <= 'Z' && t[i-1] >= 'a' && t[i-1] <= 'z' && markWordBefore(t, i):
			// "...or a comparable language requiredOSCP, Microsoft Azure
			// Security Engineer ... preferred": an item that ends with
			// the word that marks it, glued to the next item
			emit(i, i)
		case c >= 'A' && c <= 'Z' && t[i+1] >= 'a' && t[i+1] <= 'z' && isASCIILetter(t[i-1]) && t[i-1] != ' ':
			// "doWe are looking", "a plusIt’s a plus if you:", "companyWe
			// look forward": a word that opens sentences, glued to the
			// last word before it
			if w := openingWordAt(t, i); w > 0 && !gluedInWord(t, i) && !acronymPlural(t, i, w) {
				if t[i-1] >= 'A' && t[i-1] <= 'Z' {
					// "... Kafka. ABOUT USWe use": a heading in capitals
					// before the opening word is a block of its own
					if _, caps := camelCut(t, i, glued()); caps > start && caps < i &&
						classifyHeading(t[caps:i], false) != clsUnknown && !addressAt(t, i) {
						emit(caps, caps)
					}
				}
				emit(i, i)
				i += w - 1
				continue
			}
			i = cutCamel(i)
		case c >= '0' && c <= '9' && t[i-1] >= 'a' && t[i-1] <= 'z' && yearsGlued(t, i) && (glued() || headingWordBefore(t, i)):
			// "Who you are2+ years of experience": a heading run into
			// the number of years of its first item
			emit(i, i)
		case c >= 0xC0 || c >= 'A' && c <= 'Z' && t[i-1] >= 0x80:
			// "VärmdöSlå", "ÖVRIGTVi": a capital or a letter before it
			// outside ASCII
			i = cutCamel(i)
		case c == ' ' && t[i-1] >= 'a' && t[i-1] <= 'z' && t[i+1] >= 'A' && t[i+1] <= 'Z':
			// "prior experience in developing mobile apps It is a bonus
			// if you have": a pronoun that opens a sentence after a word
			// with no full stop between them
			if !pronounFirst[t[i+1]] {
				continue
			}
			if w := openingWordAt(t, i+1); w > 0 && pronouns[t[i+1:i+1+w]] && !questionWordBefore(t, start, i) && !headingRunsOn(t, start, i) {
				emit(i, i+1)
				i += w
			}
		case c == '-' && t[i+1] == ' ' && t[i+2] >= 0x80 && cjkDashItem(t, i):
			// "北京/上海/深圳- 待遇：...", "工作内容：- 数字货币": a
			// bullet glued to the Chinese item or heading before it; a
			// heading glued to the end of the item before it is a
			// heading block of its own ("...投资机会工作内容：- 数字货币",
			// "...的设计和开发。任职要求- 熟悉 Kubernetes")
			if h := cjkHeadingBefore(t, start, i); h >= start {
				emit(h, h)
				out = append(out, block{text: strings.TrimSpace(t[h:i]), kind: kindHeading})
				first = false
				start = i
			}
			emit(i, i)
		case c == '-' && t[i+1] == ' ' && t[i+2] >= 'A' && t[i+2] <= 'Z':
			// "modelling- Game data management": a bullet glued to the
			// item before it (not "pre- and post-")
			p := t[i-1]
			if p >= 'a' && p <= 'z' || p == '.' || p == ')' || p == ':' {
				emit(i, i)
			}
		}
	}
	if first {
		return append(out, b)
	}
	emit(len(t), len(t))
	return out
}

// ungluedMarks are the bytes at which appendUnglued may cut a line or
// look further: a space, a sentence's or a label's end mark, a hyphen, a
// digit, an ASCII capital and the first byte of a letter outside ASCII.
// Every other byte (small letters, commas, UTF-8 continuation bytes)
// starts none of its cases.
var ungluedMarks = func() (m [256]bool) {
	for _, c := range []byte(" .!?:-") {
		m[c] = true
	}
	for c := '0'; c <= '9'; c++ {
		m[c] = true
	}
	for c := 'A'; c <= 'Z'; c++ {
		m[c] = true
	}
	for c := 0xC0; c < 256; c++ {
		m[c] = true
	}
	return m
}()

// gluedInWord says whether the mark at i belongs to a run without spaces
// that is an address, a path or a file name ("Jane.Doe@nav.no",
// "_template.Rmd", "?Job%20Role=S"), not two glued sentences.
func gluedInWord(t string, i int) bool {
	a, b := runAround(t, i)
	return strings.ContainsAny(t[a:b], "@/_%=`")
}

// maxWord is how far the CamelCase checks read a word from i each way:
// the names of the taxonomy are shorter, and a longer run of letters (a
// hostile or broken text) is not read again at each of its capitals.
const maxWord = 64

// maxRun is how far runAround looks from i each way: a run without spaces
// longer than that (a hostile or broken text: "aBaBaB..." for a whole
// description) is read in that window only, so that looking at every mark
// of it stays linear.
const maxRun = 256

// runAround returns the run without spaces around i, at most maxRun bytes
// each way.
func runAround(t string, i int) (a, b int) {
	a, b = i, i
	for a > 0 && t[a-1] != ' ' && i-a < maxRun {
		a--
	}
	for b < len(t) && t[b] != ' ' && b-i < maxRun {
		b++
	}
	return a, b
}

// addressAt says whether the letters at i belong to a run without spaces
// that is an address or an identifier ("jane.doe@x.se", "https://…/jobOffer",
// "form_hiddenField"); a list of names joined by a slash
// ("Terraform/CloudformationExtensive") is none.
func addressAt(t string, i int) bool {
	a, b := runAround(t, i)
	run := t[a:b]
	return strings.ContainsAny(run, "@_%=`") || strings.Contains(run, "://") || strings.HasPrefix(run, "/") ||
		strings.HasPrefix(run, "www.") || strings.Count(run, "/") >= 2
}

func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// openingWordAt returns the length of the word at i when it is one that
// opens sentences or names a part of a posting (a pronoun, a question
// word, "Requirements") and ends at a non-letter ("We " but not
// "WeChat"), else 0.
func openingWordAt(t string, i int) int {
	j := i + 1
	for j < len(t) && t[j] >= 'a' && t[j] <= 'z' {
		j++
	}
	if j < len(t) && (isASCIILetter(t[j]) || t[j] >= utf8.RuneSelf && !strings.HasPrefix(t[j:], "’")) {
		return 0
	}
	if openingWords[t[i:j]] {
		return j - i
	}
	return 0
}

// acronymPlural says whether the opening word of w letters at i is the
// plural "s" of an acronym in capitals before it ("APIs", "KPIs", "CIs",
// "GPAs" read as "AP"+"Is"), not a sentence glued to the word before: a
// word of a capital and "s" right after a capital.
func acronymPlural(t string, i, w int) bool {
	return w == 2 && t[i+1] == 's' && t[i-1] >= 'A' && t[i-1] <= 'Z'
}

// pronouns open sentences in English and are capitalised nowhere else.
var pronouns = map[string]bool{"It": true, "We": true, "You": true, "Our": true}

// questionWordBefore says whether the words of t from start (a piece's
// start) to i are a capitalised question word, alone or with up to two
// words in title case, which opens a heading with the pronoun after it
// ("...renewable.What You'll NeedGeneral interest", "Who You Are", "What
// Makes You Stand Out"), not a sentence of its own.
func questionWordBefore(t string, start, i int) bool {
	if i-start > 40 {
		return false // more than a question word and two words: no heading's start
	}
	ws := strings.Fields(t[start:i])
	if len(ws) == 0 || len(ws) > 3 {
		return false
	}
	switch ws[0] {
	case "What", "Who", "Why", "How", "Where", "When":
	default:
		return false
	}
	for _, w := range ws[1:] {
		// "What Makes You Stand Out": the heading's words in title case
		if !unicode.IsUpper(firstRune(w)) {
			return false
		}
	}
	return true
}

// pronounFirst has the first letters of pronouns: a capital that starts
// none is no pronoun, without reading its word.
var pronounFirst = func() (m [256]bool) {
	for p := range pronouns {
		m[p[0]] = true
	}
	return m
}()

var openingWords = map[string]bool{
	"We": true, "You": true, "Your": true, "It": true, "Our": true, "The": true, "This": true, "These": true,
	"What": true, "Who": true, "Why": true, "How": true, "When": true, "Where": true, "If": true, "So": true,
	"Are": true, "Do": true, "Is": true, "As": true, "In": true, "At": true, "About": true, "Requirements": true,
	"Qualifications": true, "Responsibilities": true, "Benefits": true,
}

// dashBullets are the marks stripDash removes.
var dashBullets = []string{"- ", "* ", "– ", "— "}

var dashFirst = firstBytes(dashBullets)

// stripDash removes a leading "- ", "* ", "– " or "— " typed as a bullet.
func stripDash(s string) (string, bool) {
	if s == "" || !dashFirst[s[0]] {
		return s, false
	}
	for _, p := range dashBullets {
		if strings.HasPrefix(s, p) {
			if t := strings.TrimSpace(s[len(p):]); t != "" {
				return t, true
			}
		}
	}
	return s, false
}

// gluedHeadings are the section headings that run into the next sentence
// in descriptions whose line breaks were lost (JSON-LD and scraped ads:
// "Om tjänsten We at Platform team ...", "Kvalifikationer Det här behöver
// du ..."), lowered.
var gluedHeadings = func() map[string]bool {
	m := map[string]bool{}
	for _, h := range []string{
		"om tjänsten", "om jobbet", "om rollen", "om stillingen", "om oss", "om företaget", "om bedriften", "om dig",
		"om deg", "kvalifikationer", "kvalifikasjoner", "dina kvalifikationer", "dine kvalifikationer", "meriterande",
		"meriterende", "meriterande kvalifikationer", "önskvärda kvalifikationer", "ønskede kvalifikasjoner",
		"arbetsuppgifter", "arbeidsoppgaver", "arbejdsopgaver", "dina arbetsuppgifter", "dine arbeidsoppgaver",
		"dine arbejdsopgaver", "personliga egenskaper", "personlige egenskaper", "vi erbjuder", "vi tilbyr",
		"vi tilbyder", "övrigt", "ansökan", "din profil", "vem är du", "hvem er du", "krav", "ska-krav",
		"requirements", "qualifications", "minimum qualifications", "basic qualifications", "preferred qualifications",
		"responsibilities", "nice to have", "nice-to-have", "bonus points", "about you", "what we offer", "your profile",
		"dein profil", "ihr profil", "deine aufgaben", "ihre aufgaben", "wir bieten", "anforderungen",
		"profil recherché", "vos missions", "requisitos", "funciones",
	} {
		m[h] = true
	}
	return m
}()

// isGluedHeading says whether strings.ToLower(h) is one of gluedHeadings.
func isGluedHeading(h string) bool { return lowerIn(gluedHeadings, h) }

// gluedHeadingFirst holds the first words of gluedHeadings: a line whose
// first word is none of them opens with no glued heading.
var gluedHeadingFirst = func() map[string]bool {
	m := map[string]bool{}
	for h := range gluedHeadings {
		first, _, _ := strings.Cut(h, " ")
		m[first] = true
	}
	return m
}()

// lowerIn says whether strings.ToLower(h) is a key of m, lowering an
// ASCII h on the stack.
func lowerIn(m map[string]bool, h string) bool {
	var buf [48]byte
	if len(h) > len(buf) {
		return m[strings.ToLower(h)]
	}
	for i := 0; i < len(h); i++ {
		c := h[i]
		if c >= utf8.RuneSelf {
			return m[strings.ToLower(h)]
		}
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return m[string(buf[:len(h)])]
}

// gluedHeading returns the heading at the start of s that runs into a
// sentence opening with a capital ("Kvalifikationer Det här ..."), and the
// rest of s; or "" and s.
func gluedHeading(s string) (string, string) {
	r, _ := utf8.DecodeRuneInString(s)
	if !unicode.IsUpper(r) {
		return "", s
	}
	if sp := strings.IndexByte(s, ' '); sp <= 0 || !lowerIn(gluedHeadingFirst, s[:sp]) {
		return "", s // no heading opens with this word
	}
	end := 0
	for n := 0; n < 3; n++ {
		sp := strings.IndexByte(s[end:], ' ')
		if sp <= 0 {
			return "", s
		}
		end += sp
		if isGluedHeading(s[:end]) {
			rest := s[end+1:]
			if r, _ := utf8.DecodeRuneInString(rest); unicode.IsUpper(r) && len(rest) > 0 {
				return s[:end], rest
			}
		}
		end++
	}
	return "", s
}

// embeddedNames holds the names and aliases of the embedded taxonomy
// written as one word, lowered, without spaces, dots or hyphens
// ("javascript", "gitops", "sqlalchemy", "reactnative"): words written in
// CamelCase that must not be cut where their capitals are.
var embeddedNames = sync.OnceValue(func() map[string]bool {
	m := map[string]bool{}
	var f taxonomyFile
	if err := yaml.Unmarshal(taxonomyYAML, &f); err != nil {
		return m // the embedded taxonomy is tested: LoadTaxonomy reports it
	}
	add := func(s string) {
		var b strings.Builder
		for _, r := range strings.ToLower(aliasText(s)) {
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				b.WriteRune(r)
			}
		}
		if b.Len() > 0 {
			m[b.String()] = true
		}
	}
	for _, s := range f.Skills {
		add(s.Name)
		for _, a := range s.Aliases {
			add(a)
		}
	}
	return m
})

// gluedText says whether a long line shows that its line breaks were
// lost (JSON-LD descriptions, scraped ads): at least two places where a
// word runs into the next sentence or list item without a space ("can
// not.DIN PROFIL", "monitoringCollaborate", "förarkortTruckkort",
// "YKBDigitalt").
func gluedText(t string) bool {
	n := 0
	for i := 1; i+2 < len(t); i++ {
		c := t[i]
		if c < 'A' || c > 'Z' {
			continue
		}
		p, _ := utf8.DecodeLastRuneInString(t[:i])
		r2, _ := utf8.DecodeRuneInString(t[i+1:])
		switch {
		case p == '.' || p == '!' || p == '?':
			// "the internet is broken.We also", "sjuksköterska.DIN"
			if q, _ := utf8.DecodeLastRuneInString(t[:i-1]); unicode.IsLower(q) {
				n++
			}
		case unicode.IsLower(p) && unicode.IsLower(r2):
			// "monitoringCollaborate", but not "JavaScript": the word
			// before the capital starts in lower case
			a := i
			for a > 0 {
				q, w := utf8.DecodeLastRuneInString(t[:a])
				if !unicode.IsLetter(q) {
					break
				}
				a -= w
			}
			if r, _ := utf8.DecodeRuneInString(t[a:]); unicode.IsLower(r) && i-a >= 3 {
				n++
			}
		case unicode.IsUpper(p) && unicode.IsLower(r2) && i >= 2 && t[i-2] >= 'A' && t[i-2] <= 'Z':
			// "YKBDigitalt", "PROFILOperationssjuksköterska"
			n++
		}
		if n >= 2 {
			return true
		}
	}
	return false
}

// camelCut says whether a line is cut at i, where a capital letter starts
// a word glued to the letters before it: the end of one list item or
// sentence run into the next when the line breaks were lost. A name of
// the taxonomy written in CamelCase ("JavaScript", "GitOps") is never cut.
// Cut are a word that starts in lower case ("accountsAbility",
// "förarkortTruckkort") and, in a line that shows lost breaks (glued), a
// long capitalised word ("CloudformationExtensive"), a name of the
// taxonomy ("LinuxWays") or a word in capitals ("YKBDigitalt", "DIN
// PROFILOperationssjuksköterska") before a capitalised word. caps is the
// start of the words in capitals that end at i (a heading such as "DIN
// PROFIL"), or -1.
func camelCut(t string, i int, glued bool) (cut bool, caps int) {
	caps = -1
	r, size := utf8.DecodeRuneInString(t[i:])
	if !unicode.IsUpper(r) {
		return false, caps
	}
	// the capitalised word at i: one capital and at least two small letters
	e := i + size
	small := 0
	for e < len(t) {
		q, w := utf8.DecodeRuneInString(t[e:])
		if !unicode.IsLower(q) {
			break
		}
		e += w
		small++
	}
	if small < 1 {
		return false, caps
	}
	if q, _ := utf8.DecodeRuneInString(t[e:]); unicode.IsDigit(q) || small == 1 && q != ' ' {
		return false, caps
	}
	// the letters before it, back to the start of the word, and the
	// starts of its humps (a capital after a small letter)
	var humps [8]int
	nh := 0
	a := i
	prevUpper := false
	for a > 0 && i-a < maxWord {
		q, w := utf8.DecodeLastRuneInString(t[:a])
		if !unicode.IsLetter(q) {
			break
		}
		if prevUpper && unicode.IsLower(q) && nh < len(humps) {
			humps[nh] = a
			nh++
		}
		prevUpper = unicode.IsUpper(q)
		a -= w
	}
	if a == i {
		return false, caps
	}
	humps[min(nh, len(humps)-1)] = a
	if nh < len(humps) {
		nh++
	}
	// the rest of the word after the capitalised part
	end := e
	for end < len(t) && end-e < maxWord {
		q, w := utf8.DecodeRuneInString(t[end:])
		if !unicode.IsLetter(q) && !unicode.IsDigit(q) {
			break
		}
		end += w
	}
	names := embeddedNames()
	low := strings.ToLower(t[a:end])
	if names[low] {
		return false, caps
	}
	// a name of the taxonomy across the cut ("GitOps" in "GitOpsCreate")
	for k := 0; k < nh; k++ {
		if names[strings.ToLower(t[humps[k]:e])] {
			return false, caps
		}
	}
	p, _ := utf8.DecodeLastRuneInString(t[:i])
	first, _ := utf8.DecodeRuneInString(t[a:])
	switch {
	case small == 1 && unicode.IsLower(p):
		return false, caps
	case unicode.IsLower(first) && unicode.IsLower(p) && nh == 1 && i-a >= 3:
		return true, caps
	case !glued:
		return false, caps
	case unicode.IsLower(p):
		left := t[humps[0]:i] // the last hump before the cut
		if utf8.RuneCountInString(left) >= 6 {
			return true, caps
		}
		for k := 0; k < nh; k++ {
			if s := t[humps[k]:i]; len(s) >= 4 && names[strings.ToLower(s)] && small >= 2 {
				return true, caps
			}
		}
		return false, caps
	}
	// capitals before the capitalised word: the last of them starts it
	// ("YKBDigitalt" is "YKB" and "Digitalt"); at least two before it
	if !unicode.IsUpper(p) || i-a < 2 {
		return false, caps
	}
	for k := a; k < i; {
		q, w := utf8.DecodeRuneInString(t[k:])
		if !unicode.IsUpper(q) {
			return false, caps
		}
		k += w
	}
	// the heading in capitals that ends here: the words in capitals
	// before it, back to a mark or a word in small letters
	caps = a
	for k := a; k > 0; {
		q, w := utf8.DecodeLastRuneInString(t[:k])
		if q == ' ' {
			k -= w
			continue
		}
		if !unicode.IsUpper(q) {
			break
		}
		for k > 0 {
			q, w = utf8.DecodeLastRuneInString(t[:k])
			if !unicode.IsUpper(q) {
				break
			}
			k -= w
		}
		if q, _ := utf8.DecodeLastRuneInString(t[:k]); k > 0 && unicode.IsLetter(q) {
			break // "OperationsSJUK": a word not all in capitals
		}
		caps = k
	}
	if small == 1 && classifyHeading(t[caps:i], false) == clsUnknown {
		// "OM UPPDRAGETNu söker vi": a word of two letters after a
		// heading only
		return false, -1
	}
	return true, caps
}

// yearsGlued says whether the number at i, glued to a word of at least
// three small letters before it, is a number of years ("are2+ years",
// "har3 års erfarenhet"), not part of a name ("Python3", "es2015").
func yearsGlued(t string, i int) bool {
	a := i
	for a > 0 && t[a-1] >= 'a' && t[a-1] <= 'z' {
		a--
	}
	if a > 0 && t[a-1] >= 'A' && t[a-1] <= 'Z' && (a == 1 || !isASCIILetter(t[a-2]) || t[a-2] >= 'a' && t[a-2] <= 'z') {
		// a capitalised word, also glued to the word before it
		// ("implementationQualifications7+ years")
		a--
	} else if a > 0 && isASCIILetter(t[a-1]) {
		return false
	}
	if i-a < 3 {
		return false
	}
	return yearsAhead(t[i:])
}

// markWordBefore says whether the word that ends at i, after a space, is
// one that marks an item at its end as required or preferred
// ("required", "preferred", "desired", "mandatory", "optional").
func markWordBefore(t string, i int) bool {
	a := i
	for a > 0 && t[a-1] >= 'a' && t[a-1] <= 'z' {
		a--
	}
	if a == 0 || t[a-1] != ' ' {
		return false
	}
	switch t[a:i] {
	case "required", "preferred", "desired", "mandatory", "optional", "desirable", "essential":
		return true
	}
	return false
}

// headingRunsOn says whether the words from start go on past i to a
// colon within three words and are a heading up to it ("Bonus Points if
// You Have:Kubernetes expertise"): the pronoun at i is inside it.
func headingRunsOn(t string, start, i int) bool {
	if i-start > 80 {
		return false // a heading of seven words at most starts nearer
	}
	end := i + 1
	for w := 0; w < 3 && end < len(t); w++ {
		sp := strings.IndexAny(t[end:], " :")
		if sp < 0 {
			return false
		}
		end += sp
		if t[end] == ':' {
			h := strings.TrimSpace(t[start:end])
			return words(h) <= 7 && classifyHeading(h, false) != clsUnknown
		}
		end++
	}
	return false
}

// yearsAhead says whether s opens with a number of years ("5+ years",
// "3 yrs", "2-4 år", "2+år").
func yearsAhead(s string) bool {
	j := 0
	for j < len(s) && (s[j] >= '0' && s[j] <= '9' || s[j] == '+' || s[j] == '-' || s[j] == ' ') && j < 8 {
		j++
	}
	rest := strings.ToLower(s[j:min(len(s), j+5)])
	for _, w := range []string{"year", "yrs", "år", "jahr"} {
		if strings.HasPrefix(rest, w) {
			return true
		}
	}
	return false
}

// headingWordBefore says whether the word that ends at i is a heading of
// one word of exactHeadings ("Qualifications7+ years").
func headingWordBefore(t string, i int) bool {
	a := i
	for a > 0 && isASCIILetter(t[a-1]) {
		a--
	}
	return i-a >= 4 && exactPhrase(t[a:i])
}

// capsHeadingAt returns the end of a heading written in capitals that
// starts at j ("OM OSS", "DIN PROFIL") and is followed by a space and a
// capital, or 0.
func capsHeadingAt(t string, j int) int {
	k := j
	for w := 0; w < 4 && k < len(t); w++ {
		for k < len(t) && t[k] >= 'A' && t[k] <= 'Z' || k+1 < len(t) && t[k] >= 0xC0 && unicode.IsUpper(firstRune(t[k:])) {
			_, n := utf8.DecodeRuneInString(t[k:])
			k += n
		}
		rest := t[k:]
		sp := 0
		switch {
		case strings.HasPrefix(rest, " "):
			sp = 1
		case strings.HasPrefix(rest, "\u200b"):
			sp = len("\u200b")
		default:
			return 0
		}
		r := firstRune(rest[sp:])
		if !unicode.IsUpper(r) {
			return 0
		}
		if r2 := firstRune(rest[sp+utf8.RuneLen(r):]); unicode.IsLower(r2) && shouted(t[j:k]) && classifyHeading(t[j:k], false) != clsUnknown {
			return k
		}
		k += sp
	}
	return 0
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// gluedTrailingHeading returns where a heading starts that ends a piece,
// glued to the word before it with no space ("...am Flipchart\"Dein
// Profil:", "...etc.)Preferred Qualifications", "...2024Compensation"):
// a capital after a small letter, a digit, a closing bracket or quote or
// a full stop opens one to six words to the piece's end (a colon after
// them allowed) that are one of exactHeadings, and the glued word is no
// name written in CamelCase ("JavaScript"); else 0.
func gluedTrailingHeading(p string) int {
	end := len(p)
	if strings.HasSuffix(p, ":") {
		end--
	}
	if end < 4 || !unicode.IsLetter(lastRune(p[:end])) {
		return 0
	}
	best := 0
	spaces := 0
	for k := end - 1; k > 0 && spaces < 6 && end-k < 120; k-- {
		c := p[k]
		if c == ' ' {
			spaces++
			continue
		}
		if c < 'A' || c > 'Z' {
			continue
		}
		b := p[k-1]
		if !(b >= 'a' && b <= 'z' || b >= '0' && b <= '9' || b == ')' || b == '"' || b == '.' || b == ']') {
			continue
		}
		a := k
		for a > 0 && isASCIILetter(p[a-1]) {
			a--
		}
		e := k
		for e < end && isASCIILetter(p[e]) {
			e++
		}
		if a < k && embeddedNames()[strings.ToLower(p[a:e])] {
			continue
		}
		if exactPhrase(p[k:end]) {
			best = k
		}
	}
	if best < 8 {
		return 0
	}
	return best
}

// cjkDashItem says whether the "- " at i is a bullet of Chinese (or
// Japanese, Korean) text: a CJK letter after it, glued to what is before
// it ("...深圳- 待遇", "熟悉Go和Linux- 精通MySQL"); or a CJK mark before it
// and any letter after it ("...经验）；- Kubernetes 相关").
func cjkDashItem(t string, i int) bool {
	p, _ := utf8.DecodeLastRuneInString(t[:i])
	n, _ := utf8.DecodeRuneInString(t[i+2:])
	mark := p == '：' || p == '，' || p == '。' || p == '；' || p == '）'
	return isCJK(n) && p != ' ' || mark && unicode.IsLetter(n)
}

// cjkHeadingBefore returns where a Chinese heading starts that ends at i,
// before a list's bullet, glued to the text before it; else -1:
//   - with its colon ("...投资机会工作内容：", "...时间序列分析加分项："): the
//     shortest run of two to eight CJK letters before the colon that
//     names a part (classifyHeading);
//   - without one, two to eight CJK letters after a sentence's end mark
//     ("。", "；") or alone since from ("...的设计和开发。任职要求",
//     "...优先。附加信息"): a line of its own before a list, whatever it
//     names;
//   - else the longest run of exactHeadings at the end ("...更新效率任职
//     要求"), or a numbered part's name ("...移植与优化3.职位要求").
func cjkHeadingBefore(t string, from, i int) int {
	end := i
	for end > from && t[end-1] == ' ' {
		end--
	}
	if strings.HasSuffix(t[from:end], "\u200b") {
		end -= len("\u200b")
	}
	colon := false
	switch {
	case strings.HasSuffix(t[from:end], "："):
		end, colon = end-len("："), true
	case strings.HasSuffix(t[from:end], ":"):
		end, colon = end-1, true
	}
	k, n := end, 0
	exact, named := -1, -1 // the longest run of exactHeadings; the shortest that names a part
	for k > from && n < 8 {
		r, w := utf8.DecodeLastRuneInString(t[:k])
		if !isCJK(r) {
			if r == '.' || r == '、' || r == '．' {
				// "...移植与优化3.职位要求": a numbered heading
				if d := k - w; d > from && t[d-1] >= '0' && t[d-1] <= '9' && n >= 2 && cjkPartName(t[k:end]) {
					return d - 1
				}
			}
			m, b := r, k
			for (m == ' ' || m == '\u200b') && b > from {
				// "...熟悉 AWS 者优先； 附加信息": a space after the mark
				b--
				m, _ = utf8.DecodeLastRuneInString(t[:b])
			}
			if !colon && n >= 2 && (m == '。' || m == '；' || m == '！' || m == '？') {
				return k
			}
			break
		}
		k -= w
		n++
		if n >= 2 && exactPhrase(t[k:end]) && !strings.HasSuffix(t[k:end], "优先") {
			// (not the mark of a preference that ends an item: "...有使用
			// 经验者优先- 有高可靠 ...")
			exact = k
		}
		if colon && n >= 2 && named < 0 && classifyHeading(t[k:end], false) != clsUnknown {
			named = k
		}
	}
	switch {
	case k == from && n >= 2 && n < 8 && !colon:
		// a line of its own; an item of the list ("- 五险一金- 带薪年假")
		// never gets here: its dash stops the loop before from
		return k
	case exact >= 0:
		// "...更新效率任职要求": a heading of exactHeadings glued to the
		// end of the item before it
		return exact
	}
	return named
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

// gluedQuestionHeading returns where a heading asked as a question starts
// that ends with the question mark at q ("...717ea91e).Hvem ser vi
// etter?Vi ser etter", "...TigerstadenHvem ser vi etter?Vi"): the words
// since the last mark (a sentence's end, a bracket; or since from, or
// since a capital glued to a small letter) are one to five and one of
// exactHeadings; else -1.
func gluedQuestionHeading(t string, from, q int) int {
	if t[q] != '?' {
		return -1
	}
	s := q
	for s > from {
		r, w := utf8.DecodeLastRuneInString(t[:s])
		if !unicode.IsLetter(r) && r != ' ' && r != '-' && r != '\'' && r != '’' {
			break // a sentence's end, a link's bracket, a number
		}
		s -= w
	}
	for s < q && t[s] == ' ' {
		s++
	}
	if words(t[s:q]) > 5 || s == q {
		return -1
	}
	if exactPhrase(t[s:q]) && unicode.IsUpper(firstRune(t[s:q])) {
		return s
	}
	// the heading glued to the last word before it: from its capital
	for k := s + 1; k < q && t[k] != ' '; k++ {
		if r := firstRune(t[k:]); unicode.IsUpper(r) {
			if p, _ := utf8.DecodeLastRuneInString(t[:k]); unicode.IsLower(p) && exactPhrase(t[k:q]) {
				return k
			}
		}
	}
	return -1
}

// gluedHeadingBefore returns where a heading starts that ends at i, where
// a capital follows a small letter with no space ("KvalifikationerDu",
// "Vi erbjuderVi"): the words since the last sentence end (or since
// from) are one to four, open with a capital, and name a part of a
// posting (requirements, preferences, or a part that asks nothing); else
// -1.
func gluedHeadingBefore(t string, from, i int) int {
	if i == 0 || i >= len(t) {
		return -1
	}
	if c := t[i]; c < 0xc0 && (c < 'A' || c > 'Z') || t[i-1] < 0x80 && (t[i-1] < 'a' || t[i-1] > 'z') {
		// the common case, decided on bytes: no capital starts at i (an
		// ASCII byte other than A-Z, or a UTF-8 continuation byte), or an
		// ASCII byte other than a-z ends before it
		return -1
	}
	r, _ := utf8.DecodeRuneInString(t[i:])
	p, _ := utf8.DecodeLastRuneInString(t[:i])
	if !unicode.IsUpper(r) || !unicode.IsLower(p) {
		return -1
	}
	s := i
	for s > from {
		q, w := utf8.DecodeLastRuneInString(t[:s])
		if q == '.' || q == '!' || q == '?' || q == ':' {
			break
		}
		if !unicode.IsLetter(q) && q != ' ' && q != '-' && q != '\'' && q != '’' || i-s > 100 {
			// (a heading of six words is shorter: a longer run, such
			// as "aBaBaB..." for a whole text, is none, and is not read
			// back to its start at each of its capitals)
			return -1
		}
		s -= w
	}
	for s < i && t[s] == ' ' {
		s++
	}
	h := t[s:i]
	if h == "" || words(h) > 6 || words(h) > 4 && !questionWordBefore(h, 0, strings.IndexByte(h, ' ')) {
		// up to six words after a question word ("What You’ll Love
		// About UsGreat medical ..."), else four
		return -1
	}
	if q, _ := utf8.DecodeRuneInString(h); !unicode.IsUpper(q) {
		return -1
	}
	// the glued word is no name written in CamelCase ("DevOps",
	// "PowerShell"): its humps are not a heading's end
	a, e := i, i
	for a > 0 && i-a < maxWord {
		q, w := utf8.DecodeLastRuneInString(t[:a])
		if !unicode.IsLetter(q) {
			break
		}
		a -= w
	}
	for e < len(t) && e-i < maxWord {
		q, w := utf8.DecodeRuneInString(t[e:])
		if !unicode.IsLetter(q) {
			break
		}
		e += w
	}
	if embeddedNames()[strings.ToLower(t[a:e])] {
		return -1
	}
	switch classifyHeading(h, false) {
	case clsRequired, clsPreferred, clsMentioned:
		return s
	}
	return -1
}
