package normalize

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A description whose line breaks were all lost (scraped ads, JSON-LD
// description fields, job aggregators, a page with all its text in one
// <p>) runs its headings, paragraphs and list items into one long line:
// "... at scale. Responsibilities • Play a pivotal role ... • Automate
// alert enrichment. Minimum Qualifications: • 4+ years ...", "## Dein
// Profil: - Mindestens 5 Jahre Berufserfahrung - Agile Methoden ...",
// "**岗位职责：** 1.负责吸收 ... 2.负责与 ...". flatPieces finds the lines
// again, so that the section logic reads the headings as headings and the
// items as items.

// flatLong is the length from which a line without marks is read for
// headings between its sentences: longer than paragraphs are.
const flatLong = 600

// flatMin is the length from which a line is read for lost line breaks:
// a line shorter than that holds no description's worth of blocks.
const flatMin = 160

// flatPieces returns the lines a long line is made of, each with its
// marks ("- ", "• ", "1. ", "## ", "**...**") kept for the caller to
// read, or nil when it finds no more than one. A heading it finds with no
// mark of its own is given "## " when it names a part of a posting. A
// line is cut:
//   - before the bullets of a list run into it: a glyph ("•", "▪", ...),
//     "- ", "– ", "* " or "+ " before a word, when the same mark starts
//     two items at least ("o ", a word processor's bullet, three);
//     markdown's hard breaks ("\\ ");
//   - before the numbers of a numbered list ("1. ... 2. ...", "1) ...
//     2) ...", "1.负责 ... 2.负责"): a run 1, 2, ... in order;
//   - before a markdown heading ("... nicht. ## Dein Profil: ...") and
//     around a bold heading ("**岗位职责：**", "**Requirements**"), before
//     a bold label ("**Aufgaben:**");
//   - before a heading or a lead-in that ends a piece before a list
//     ("... standards. Minimum Qualifications: • 4+ years", "...
//     Sachstandsberichten Anforderungen (Muss-Kriterien): - ...", "...
//     first. All candidates must: • ...", "You may be a good fit
//     if..."), and at the end of a list's last item ("... Rust or Go At
//     Warp, we are ...");
//   - in a line that shows its lost breaks (two marks, or a whole
//     description's length: flatLong), around a heading phrase of the
//     sections' vocabulary that stands after a sentence's end, or glued
//     to the word before it, and before a capitalised sentence ("... to
//     apply. Requirements You have ...", "... Notion What we offer We're
//     a small team"), or a heading in capitals ("... Cambridge. POSITION
//     SUMMARY The Controller ...").
//
// Sentences are not cut otherwise: a paragraph stays one block, and a
// label inside it ("Krav: Java. Meriterande: Kubernetes.") is
// splitInlineLabels'.
func flatPieces(t string) []string {
	if len(t) < flatMin {
		return nil
	}
	var buf [32]int
	cuts, oItems := markCuts(t, buf[:0])
	// a heading between sentences is read in a line that shows its lost
	// breaks (two marks, or a whole description's length): in a
	// paragraph, "Du har PT-utdanning" and "Team Boligreisen var" are
	// sentences
	flat := len(cuts) >= 2 || len(t) >= flatLong
	if len(cuts) == 0 && (!flat || t[0] != '#' && !strings.HasSuffix(t, ":") && !strings.HasSuffix(t, "：") && !headingIn(t)) {
		return nil // the common case: a paragraph
	}
	var out []string
	carry := ""
	for k := 0; k <= len(cuts); k++ {
		start, end := 0, len(t)
		if k > 0 {
			start = cuts[k-1]
		}
		if k < len(cuts) {
			end = cuts[k]
		}
		piece := strings.TrimSpace(t[start:end])
		for _, g := range bulletGlyphs {
			// "本月招聘 • ## 海致星图": a bullet before a mark of its own
			if strings.HasSuffix(piece, " "+g) {
				piece = strings.TrimSpace(strings.TrimSuffix(piece, g))
			}
		}
		if carry != "" {
			piece, carry = carry+" "+piece, ""
		}
		if piece == "" {
			continue
		}
		if onlyMark(piece) && k < len(cuts) {
			// "- **Design:** ...", "1. **Entwicklung:** ...": a mark
			// goes with the piece after it
			carry = piece
			continue
		}
		if oItems && k > 0 && strings.HasPrefix(piece, "o ") {
			piece = "- " + piece[2:]
		}
		beforeList := k < len(cuts) && listMarkAt(t, cuts[k])
		if k > 0 && !beforeList && listMarkAt(t, start) {
			// the last item of a list runs into the text after it
			if e := itemEnd(piece); e > 0 {
				out = headingPieces(out, strings.TrimSpace(piece[:e]), false, flat)
				piece = piece[e:]
			}
		}
		out = headingPieces(out, piece, beforeList, flat)
	}
	if len(out) <= 1 {
		return nil
	}
	return out
}

// bulletGlyphs are the glyphs a list keeps when its line breaks are lost.
var bulletGlyphs = []string{"•", "▪", "◦", "‣", "●", "○", "■", "□", "➢", "►", "✓", "✔", "·"}

// dashMarks are the bullets typed as characters ("- Python").
var dashMarks = []string{"- ", "– ", "* ", "+ ", "o "}

// oMark is the index in dashMarks of "o ", the bullet of word processors
// ("Muss-Kriterien: o Deutsche Sprachkenntnisse ... o Erfahrung im
// öffentlichen Bereich"): a word of Spanish and Italian ("React o Vue"),
// so it takes three items, and its pieces are given the bullet "- ".
const oMark = 4

// listMarkAt says whether a list item's mark starts at i.
func listMarkAt(t string, i int) bool {
	s := t[i:]
	for _, g := range bulletGlyphs {
		if strings.HasPrefix(s, g) {
			return true
		}
	}
	for _, d := range dashMarks {
		if strings.HasPrefix(s, d) {
			return true
		}
	}
	n, _ := listNumberAt(t, i)
	return n > 0
}

// markCuts appends to cuts, in order and without repeats, where a mark
// starts a piece of t: a bullet of a list, a number of a numbered list, a
// markdown heading, a bold heading and the text after it. oItems says
// that "o " is a bullet of t.
func markCuts(t string, cuts []int) (_ []int, oItems bool) {
	// the bullets: a mark that starts two items at least; the words
	// start at 0 and after each space
	var glyphs, dashes [16]int8
	others := false // a word opens with '#' or '*'
	for i := 0; i < len(t); {
		c := t[i]
		switch {
		case c == 0xe2 || c == 0xc2:
			for g, s := range bulletGlyphs {
				if strings.HasPrefix(t[i:], s) && bulletItemAt(t, i+len(s)) {
					glyphs[g] = min(glyphs[g]+1, 2)
				}
			}
			if strings.HasPrefix(t[i:], "– ") && dashItemAt(t, i+len("– ")) {
				dashes[1] = min(dashes[1]+1, 2)
			}
		case c == '-' || c == '*' || c == '+' || c == 'o':
			for d, s := range dashMarks {
				if strings.HasPrefix(t[i:], s) && dashItemAt(t, i+len(s)) {
					dashes[d] = min(dashes[d]+1, 3)
				}
			}
			others = others || c == '*'
		case c == '#':
			others = true
		}
		// the next word: words are short, a loop costs less than a call
		// of IndexByte each
		j := i
		for j < len(t) && t[j] != ' ' {
			j++
		}
		if j == len(t) {
			break
		}
		i = j + 1
	}
	// markdown's hard line breaks ("... techniques.\\ **Required Skills
	// & Experience:**\\ - Strong experience"): a backslash before a space,
	// twice at least
	if strings.Count(t, "\\ ") >= 2 {
		for i := strings.IndexByte(t, '\\'); i >= 0 && i+1 < len(t); {
			if t[i+1] == ' ' {
				cuts = append(cuts, i+2)
			}
			k := strings.IndexByte(t[i+1:], '\\')
			if k < 0 {
				break
			}
			i += 1 + k
		}
	}
	marked := others
	if dashes[oMark] < 3 {
		dashes[oMark] = 0
	}
	for k := range glyphs {
		marked = marked || glyphs[k] >= 2 || dashes[k] >= 2
	}
	for i := 0; marked && i < len(t); {
		c := t[i]
		switch {
		case c >= 0x80:
			for g, s := range bulletGlyphs {
				if glyphs[g] >= 2 && strings.HasPrefix(t[i:], s) && bulletItemAt(t, i+len(s)) {
					cuts = append(cuts, i)
				}
			}
			for d, s := range dashMarks {
				if dashes[d] >= 2 && strings.HasPrefix(t[i:], s) && dashItemAt(t, i+len(s)) {
					cuts = append(cuts, i)
				}
			}
		case c == '-' || c == '*' || c == '+' || c == 'o':
			for d, s := range dashMarks {
				if dashes[d] >= 2 && strings.HasPrefix(t[i:], s) && dashItemAt(t, i+len(s)) {
					cuts = append(cuts, i)
				}
			}
			if c == '*' && strings.HasPrefix(t[i:], "**") {
				cuts = boldCuts(t, i, cuts, func(k int) bool {
					// a mark that starts two items at least
					for d, s := range dashMarks {
						if dashes[d] >= 2 && strings.HasPrefix(t[k:], s) {
							return true
						}
					}
					for g, s := range bulletGlyphs {
						if glyphs[g] >= 2 && strings.HasPrefix(t[k:], s) {
							return true
						}
					}
					n, _ := listNumberAt(t, k)
					return n > 0
				})
			}
		case c == '#':
			n := 0
			for i+n < len(t) && t[i+n] == '#' {
				n++
			}
			if n <= 6 && i+n < len(t) && t[i+n] == ' ' {
				cuts = append(cuts, i)
			}
		}
		sp := strings.IndexByte(t[i:], ' ')
		if sp < 0 {
			break
		}
		i += sp + 1
	}
	cuts = numberCuts(t, cuts)
	// in order, without repeats, none at the start
	slices.Sort(cuts)
	out := cuts[:0]
	for _, c := range cuts {
		if c > 0 && (len(out) == 0 || c > out[len(out)-1]) {
			out = append(out, c)
		}
	}
	return out, dashes[oMark] >= 2
}

// onlyMark says whether a piece is a list's mark alone ("-", "•", "1.").
func onlyMark(p string) bool {
	if len(p) > 4 {
		return false
	}
	if t, ok := stripBullet(p); ok && t == "" {
		return true
	}
	switch p {
	case "-", "*", "+", "–", "o":
		return true
	}
	n := 0
	for n < len(p) && p[n] >= '0' && p[n] <= '9' {
		n++
	}
	return n > 0 && n == len(p)-1 && (p[n] == '.' || p[n] == ')')
}

// itemEnd returns where the text after a list's last item starts in the
// piece that holds both ("... Experience with Rust or Go At Warp, we are
// dedicated to ..."): a word that opens sentences ("At", "We", "You",
// "The") glued to a word in small letters, after the item's first three
// words; or 0.
func itemEnd(p string) int {
	if len(p) < 120 {
		return 0
	}
	for j := 2; j+2 < len(p); j++ {
		if p[j-1] != ' ' || p[j] < 'A' || p[j] > 'Z' {
			continue
		}
		if c := p[j-2]; !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
			continue
		}
		if w := openingWordAt(p, j); w > 0 && countWords(p[:j]) > 4 {
			return j
		}
	}
	return 0
}

// bulletItemAt says whether an item follows a glyph at i: a word, after
// one space or none.
func bulletItemAt(t string, i int) bool {
	if i < len(t) && t[i] == ' ' {
		i++
	}
	if i >= len(t) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(t[i:])
	return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '(' || r == '*' || r == '"'
}

// dashItemAt says whether an item follows a dash typed as a bullet at i:
// a capital, a digit, a letter outside ASCII or a bold or quoted word;
// not a word in small letters ("Python - a plus" is a sentence).
func dashItemAt(t string, i int) bool {
	if i >= len(t) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(t[i:])
	return unicode.IsUpper(r) || unicode.IsDigit(r) || r >= utf8.RuneSelf && unicode.IsLetter(r) && !unicode.IsLower(r) ||
		r == '*' || r == '"' || r == '(' || r == '['
}

// boldCuts appends the cuts around a bold heading that opens at i
// ("**岗位职责：**", "**Requirements**", "**Nice to have:**"): a bold
// run of at most 80 bytes that ends with a colon or names a part of a
// posting. Bold words inside a sentence ("Du behöver **självklart**
// inte") are none.
func boldCuts(t string, i int, cuts []int, listAt func(int) bool) []int {
	e := strings.Index(t[i+2:], "**")
	if e <= 0 || e > 80 {
		return cuts
	}
	inner := strings.TrimSpace(t[i+2 : i+2+e])
	end := i + 2 + e + 2
	if inner == "" {
		return cuts
	}
	if strings.HasSuffix(inner, ":") || strings.HasSuffix(inner, "：") {
		// a label: the text after it is its own ("- **Design:** Design
		// of digital products ...", "**Aufgaben (Senior
		// Tester):**Spezifikation, ..."), read by blockLabel
		return append(cuts, i)
	}
	if end < len(t) && t[end] != ' ' && t[end] != '\\' && t[end] < 0x80 {
		return cuts
	}
	next := end
	for next < len(t) && t[next] == ' ' {
		next++
	}
	if next < len(t) && unicode.IsLower(firstRune(t[next:])) {
		// "**The design team at Open Collective** is currently based in
		// ...": the sentence goes on
		return cuts
	}
	// a bold line before a list ("**_For tiden jobber vi mye med_** -
	// Docker og Kubernetes"), or one that names a part, at a sentence's
	// start; or both after an item with no full stop ("... and reports
	// **Requirements** - Master or Bachelor's degree")
	before := next < len(t) && listAt(next)
	named := countWords(inner) <= 6 && classifyHeading(inner, true) != clsUnknown
	if sentenceStart(t, i) && (before || named) || before && named {
		return append(cuts, i, end)
	}
	return cuts
}

// sentenceStart says whether a sentence may start at i: at the line's
// start, or after a sentence's end, a colon or a closing mark.
func sentenceStart(t string, i int) bool {
	j := i
	for j > 0 && t[j-1] == ' ' {
		j--
	}
	if j == 0 {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(t[:j])
	switch r {
	case '.', '!', '?', ':', ';', '*', ')', '\\', '。', '！', '？', '；', '：', '…':
		return true
	}
	return j < i && isCJK(r) // a space between lines of Chinese
}

// listNumberAt returns the number of a numbered item that starts at i
// ("1. Python", "2) SQL", "3.负责", "4、熟悉") and its mark ('.', ')', '、'),
// or 0.
func listNumberAt(t string, i int) (int, byte) {
	n, j := 0, i
	for j < len(t) && j-i < 2 && t[j] >= '0' && t[j] <= '9' {
		n = n*10 + int(t[j]-'0')
		j++
	}
	if j == i || j >= len(t) || j < len(t) && t[j] >= '0' && t[j] <= '9' {
		return 0, 0
	}
	mark := t[j]
	switch {
	case mark == '.' || mark == ')':
		j++
	case strings.HasPrefix(t[j:], "、"), strings.HasPrefix(t[j:], "．"):
		mark = '.'
		j += len("、")
	default:
		return 0, 0
	}
	if j >= len(t) {
		return 0, 0
	}
	if t[j] == ' ' {
		j++
		if j >= len(t) {
			return 0, 0
		}
	} else if t[j] < 0x80 {
		return 0, 0 // "1.5 years", "2.x"
	}
	r, _ := utf8.DecodeRuneInString(t[j:])
	if !unicode.IsLetter(r) && r != '(' && r != '"' && r != '*' {
		return 0, 0
	}
	return n, mark
}

// numberedCJKHeading says whether the number at i opens a heading of a
// part in Chinese or Japanese ("3.职位要求", "2、工作职责"): two to six CJK
// letters that name a part and end with a part's noun, then a space, a
// colon, a number or the end.
func numberedCJKHeading(t string, i int) bool {
	j := numberMarkEnd(t, i)
	if j < 0 {
		return false
	}
	k, n := j, 0
	for k < len(t) {
		r, w := utf8.DecodeRuneInString(t[k:])
		if !isCJK(r) {
			break
		}
		k += w
		n++
	}
	if n < 2 || n > 6 {
		return false
	}
	if k < len(t) && t[k] != ' ' && t[k] != ':' && !strings.HasPrefix(t[k:], "：") && (t[k] < '0' || t[k] > '9') {
		return false
	}
	return cjkPartName(t[j:k])
}

// numberMarkEnd returns where the text after a list number at i starts:
// one or two digits and their mark (".", ")", "、", "．"); -1 when there
// is none.
func numberMarkEnd(t string, i int) int {
	j := i
	for j < len(t) && j-i < 2 && t[j] >= '0' && t[j] <= '9' {
		j++
	}
	switch {
	case j == i:
		return -1
	case strings.HasPrefix(t[j:], "."), strings.HasPrefix(t[j:], ")"):
		return j + 1
	case strings.HasPrefix(t[j:], "、"), strings.HasPrefix(t[j:], "．"):
		return j + len("、")
	}
	return -1
}

// cjkPartName says whether a Chinese phrase names a part of a posting and
// ends with a part's noun ("职位要求", "工作职责", "加分项"), unlike an item
// that opens with a word of the candidate's side ("熟悉Linux").
func cjkPartName(h string) bool {
	if classifyHeading(h, false) == clsUnknown {
		return false
	}
	for _, end := range []string{"要求", "职责", "描述", "概况", "资格", "福利", "待遇", "内容", "介绍", "加分项", "条件"} {
		if strings.HasSuffix(h, end) {
			return true
		}
	}
	return false
}

// numberCuts appends the starts of the numbered items of t: numbers that
// count up from 1 in order ("1. ... 2. ... 3. ..."), each at a
// sentence's start, after a space or a mark; a list restarts at 1. A
// lone number ("Python 3. We") is none.
func numberCuts(t string, cuts []int) []int {
	var run [32]int
	nrun := 0
	var mark byte
	flush := func() {
		if nrun >= 2 {
			cuts = append(cuts, run[:nrun]...)
		}
		nrun = 0
	}
	for i := 0; i < len(t); i++ {
		c := t[i]
		if c < '0' || c > '9' {
			continue
		}
		if i > 0 {
			p := t[i-1]
			if p >= '0' && p <= '9' || p != ' ' && p < 0x80 && p != ';' && p != '.' && p != ':' && p != '*' {
				continue
			}
			if p >= 0x80 {
				// after a letter outside ASCII only when it ends a
				// sentence or a clause ("。", "；", "：")
				r, _ := utf8.DecodeLastRuneInString(t[:i])
				if unicode.IsLetter(r) {
					continue
				}
			}
		}
		n, m := listNumberAt(t, i)
		at := i
		if strings.HasSuffix(t[:i], "**") {
			at = i - 2 // "**2. 职位描述**": a numbered bold heading starts at its bold
		}
		switch {
		case n == 0:
		case numberedCJKHeading(t, i):
			// "... 4.负责 ... 3.职位要求 1.计算机 ...": a numbered part's
			// heading among numbered items, the parts counted apart
			// from the items (session 30)
			flush()
			cuts = append(cuts, at)
		case n == 1:
			flush()
			run[0], nrun, mark = at, 1, m
		case nrun > 0 && m == mark && n == nrun+1 && nrun < len(run):
			run[nrun] = at
			nrun++
		}
	}
	flush()
	return cuts
}

// headingIn says whether a heading stands between the sentences of t
// (headingAt).
func headingIn(t string) bool {
	for j := 0; j < len(t); j++ {
		if !headingAtCheap(t, j) {
			continue
		}
		if j == 0 || boundaryAt(t, j) {
			if e, _ := headingAt(t, j); e > 0 {
				return true
			}
		} else if e, _ := gluedHeadingAt(t, j); e > 0 {
			return true
		}
	}
	return false
}

// headingAtCheap says, on bytes, whether a heading may start at j: a
// capital or a letter outside ASCII.
func headingAtCheap(t string, j int) bool {
	c := t[j]
	return c >= 'A' && c <= 'Z' || c >= 0xc0
}

// countWords counts the space-separated words of s, as words does,
// without allocating.
func countWords(s string) int {
	n := 0
	in := false
	for i := 0; i < len(s); i++ {
		sp := s[i] == ' ' || s[i] == '\t' || s[i] == '\n'
		if !sp && !in {
			n++
		}
		in = !sp
	}
	return n
}

// headingPieces appends the piece to out, cut around the headings it
// holds: a heading phrase after a sentence's end and before a capitalised
// sentence; a heading that ends the piece (before a list: beforeList, or
// with a colon); a markdown heading's end. A piece that is a bullet
// around a heading alone ("• Requirements", the bullets between every
// line) is the heading.
func headingPieces(out []string, piece string, beforeList, flat bool) []string {
	if strings.HasPrefix(piece, "#") {
		n := len(piece) - len(strings.TrimLeft(piece, "#"))
		h := strings.TrimSpace(piece[n:])
		if e := headingEnd(h); e > 0 && e < len(h) {
			out = append(out, piece[:n]+" "+h[:e])
			piece = strings.TrimSpace(h[e:])
		} else if e < 0 {
			piece = h // a long line with no heading's end: a paragraph
		} else {
			return append(out, piece)
		}
	}
	if item, ok := bulletedHeading(piece); ok {
		return append(out, asHeading(item))
	}
	if h, ok := stripBullet(piece); ok {
		if label, item := labelledFirstItem(h); label != "" {
			// "• Skills:- Grundkenntnisse in SCTM und Aqua": a label run
			// into its list's first item, after the bullets between
			// every line
			return append(out, label, "- "+item)
		}
	}
	tail, question := "", ""
	ts := trailingHeading(piece, beforeList)
	if ts > 0 {
		piece, tail = strings.TrimSpace(piece[:ts]), asHeading(piece[ts:])
	} else if h := cjkHeadingBefore(piece, 0, len(piece)); beforeList && h > 0 {
		// "- 熟悉 AWS 者优先； 附加信息 - 薪酬...": a Chinese heading at the
		// end of the item before its list, a heading whatever it names
		piece, tail = strings.TrimSpace(piece[:h]), "## "+strings.TrimSpace(piece[h:])
	} else if beforeList && (leadEnd(piece) || openLeadEnd(piece)) {
		if ts = leadInStart(piece); ts > 0 {
			piece, tail = strings.TrimSpace(piece[:ts]), piece[ts:]
		}
	}
	if tail != "" && strings.HasSuffix(piece, "?") {
		// a heading asked as a question before the lead-in or the
		// heading cut off after it, glued to the sentence before it
		// ("...Tigerstaden).Hvem ser vi etter?|Vi ser etter en erfaren
		// utvikler som har jobbet med følgende:|- React")
		if h := gluedQuestionHeading(piece, 0, len(piece)-1); h > 0 {
			piece, question = strings.TrimSpace(piece[:h]), asHeading(piece[h:])
		}
	}
	start := 0
	for j := 0; flat && j < len(piece); j++ {
		var e int
		var inline bool
		if j == 0 || boundaryAt(piece, j) {
			e, inline = headingAt(piece, j)
		} else if headingAtCheap(piece, j) {
			if e, inline = gluedHeadingAt(piece, j); e > 0 {
				if a := gluedSentenceWordBefore(piece, j); a > start && classifyHeading(piece[a:e], false) != clsUnknown {
					// "...comfortable taking a challenge e2e.Bonus Points
					// if You Have:Kubernetes": the heading's first word
					// is glued to the sentence before it
					j = a
				}
			}
		}
		if e <= 0 {
			continue
		}
		if g := gluedCapsBefore(piece, j); g > start && shouted(piece[g:e]) {
			// "... willing to relocatePREFERRED SKILLS AND EXPERIENCE:":
			// the heading's first word in capitals is glued to the
			// sentence before it (session 30)
			j = g
		}
		if strings.Count(piece[start:j], "**")%2 == 1 {
			// "**Modern Business Tech Stack Management (CIO/RevOps):**":
			// a phrase inside a bold label is part of the label
			continue
		}
		if j > start {
			out = append(out, strings.TrimSpace(piece[start:j]))
		}
		if !inline {
			start = len(piece)
			out = append(out, asHeading(strings.TrimSpace(piece[j:])))
			break
		}
		out = append(out, asHeading(strings.TrimSpace(piece[j:e])))
		start = e
		j = e - 1
	}
	if t := strings.TrimSpace(piece[start:]); t != "" {
		out = append(out, t)
	}
	if question != "" {
		out = append(out, question)
	}
	if tail != "" {
		out = append(out, tail)
	}
	return out
}

// gluedSentenceWordBefore returns where the capitalised word before the
// space at j-1 starts when a sentence's end is glued to it ("e2e.Bonus
// |Points"); else -1.
func gluedSentenceWordBefore(t string, j int) int {
	a := j - 1
	for a > 0 && isASCIILetter(t[a-1]) {
		a--
	}
	if a < 2 || a == j-1 || t[a] < 'A' || t[a] > 'Z' {
		return -1
	}
	if p := t[a-1]; p != '.' && p != '!' && p != '?' || !isASCIILetter(t[a-2]) && (t[a-2] < '0' || t[a-2] > '9') {
		return -1
	}
	return a
}

// asHeading marks a piece found as a heading that names a part of a
// posting with "## ", as its line would be marked in markdown: its end
// ("Bonus...", "Responsibilities") need not look like a heading's. The
// mark is read (textBlocks, plainMarks), not kept in the text.
func asHeading(h string) string {
	if strings.HasPrefix(h, "#") || strings.HasPrefix(h, "*") || classifyHeading(withoutParens(h), false) == clsUnknown {
		return h
	}
	return "## " + h
}

// withoutParens returns s without its parenthesised parts.
func withoutParens(s string) string {
	if strings.IndexByte(s, '(') < 0 {
		return s
	}
	var b strings.Builder
	depth := 0
	for _, r := range s {
		switch {
		case r == '(':
			depth++
		case r == ')' && depth > 0:
			depth--
		case depth == 0:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// leadEnd says whether t ends as a line that leads into a list: with a
// colon, or with an ellipsis ("You may be a good fit if...", "Bonus...").
func leadEnd(t string) bool {
	return strings.HasSuffix(t, ":") || strings.HasSuffix(t, "：") || strings.HasSuffix(t, "...") || strings.HasSuffix(t, "…")
}

// openLeadEnd says whether t ends on a word that leaves its sentence to
// the list after it, with no colon: a relative or a condition ("We're
// looking for someone who", "You may be a good fit if").
func openLeadEnd(t string) bool {
	w := strings.ToLower(t[strings.LastIndexByte(t, ' ')+1:])
	if w == "have" || w == "has" || w == "bring" {
		// "... skills. It would be great if you have • Kafka • ...",
		// "Ideally you also bring - ...": only a lead-in of a part
		// (leadInStart reads the sentence; session 36)
		return leadInClass(t[strings.LastIndexAny(t, ".!?")+1:]) != clsUnknown
	}
	return w == "who" || w == "if" || w == "that" || w == "whom"
}

// leadInStart returns where the last sentence of a piece starts, when it
// ends with a colon before a list, is a lead-in's length and says what
// the list holds ("... first. All candidates must:", "... fluently. It
// would be fantastic if you have experience with:"), else 0: in its lines
// it is a line of its own. One that asks for more of the same ("... They
// should also have experience using the following software/tools:") is
// left in its paragraph: as often as not it was written there, and the
// list keeps the part it is in.
func leadInStart(t string) int {
	for j := len(t) - 2; j > 0; j-- {
		if boundaryAt(t, j) {
			if countWords(t[j:]) > 40 {
				return 0
			}
			if leadInClass(t[j:]) == clsRequired || classifyHeading(t[j:], false) == clsRequired {
				return j
			}
			if leadInClass(t[j:]) == clsPreferred && (!strings.Contains(foldHeading(t[j:]), " also ") || wishAlso(t[j:])) {
				// "... fluently. It would be fantastic if you are highly
				// interested in or have experience with:"; "They should
				// also have experience using the following:" goes on
				// with the part it is in
				return j
			}
			if lc, hc := leadInClass(t[j:]), classifyHeading(t[j:], false); lc == clsUnknown && hc == clsUnknown &&
				countWords(t[j:]) <= 6 && !strings.Contains(foldHeading(t[j:]), " also ") {
				// "... for contracts. In general, you should:": a short
				// line that names no part, as it would stand in its
				// lines (headingClass reads it)
				return j
			}
			return 0
		}
		if t[j-1] == ' ' && j >= 2 && t[j-2] >= 'a' && t[j-2] <= 'z' && (openingWordAt(t, j) > 0 || strings.HasPrefix(t[j:], "And ")) {
			// "... for projects And we prefer, but don’t require, that
			// you:": a capitalised word that opens sentences after a
			// word in small letters, with no mark between them, starts
			// a line of its own
			if countWords(t[j:]) > 40 {
				return 0
			}
			if leadInClass(t[j:]) != clsUnknown || classifyHeading(t[j:], false) != clsUnknown {
				return j
			}
		}
	}
	return 0
}

// wishAlso says whether a lead-in's "also" is said in a wish's mood ("An
// ideal candidate would also:", "Strong candidates may also have:"):
// the nice-to-haves after the requirements, not more of them ("They
// should also have experience using the following:").
func wishAlso(s string) bool {
	f := foldHeading(s)
	return strings.Contains(f, " would also ") || strings.Contains(f, " may also ") ||
		strings.Contains(f, " might also ") || strings.Contains(f, " could also ")
}

// trailingHeading returns where a heading starts that ends a piece
// before a list (beforeList) or with a colon, after the sentence or item
// before it ("... and standards. Minimum Qualifications:", "... at
// scale. Responsibilities", "... Erstellung von Sachstandsberichten
// Anforderungen (Muss-Kriterien / Ausschlusskriterien):"), or 0. The
// heading is the shortest run of the piece's last words (eight at most)
// that names a part of a posting, with the words before it that belong
// to a heading ("What you bring", "Minimum Qualifications"); it opens
// with a capital, after the text before it.
func trailingHeading(t string, beforeList bool) int {
	colon := leadEnd(t)
	if !beforeList && !colon || len(t) < 4 {
		return 0
	}
	// the starts of the last words
	var ws [9]int
	n := 0
	for i := len(t) - 1; i > 0 && n < len(ws); i-- {
		if t[i-1] == ' ' && t[i] != ' ' {
			ws[n] = i
			n++
		}
		if len(t)-i > 100 {
			break
		}
	}
	if n < len(ws) && len(t) <= 100 {
		ws[n] = 0 // the piece's first word
		n++
	}
	if n == 0 {
		return 0
	}
	// the shortest run that names a part
	s := -1
	for k := 0; k < n; k++ {
		run := t[ws[k]:]
		if strings.ContainsAny(strings.TrimRight(strings.TrimSuffix(run, "..."), ":：?…"), ".;!?。；,，、") {
			break
		}
		if strings.Count(run, "(") != strings.Count(run, ")") || strings.Count(run, "\"")%2 == 1 || !unicode.IsLetter(firstRune(run)) {
			continue // "Ausschlusskriterien):", "(Muss-Kriterien / ...)", "Job\"": inside parentheses or quotes
		}
		// what a heading says is outside its parentheses: "Vue (pré)"
		// ends an item that names a preference
		bare := withoutParens(run)
		c := classifyHeading(bare, beforeList && k < 2)
		if c == clsUnknown && colon && k < 4 {
			c = leadInClass(bare)
		}
		if c != clsUnknown {
			s = k
			break
		}
	}
	if s < 0 || !allHeadingWords(t[ws[s]:]) {
		return 0 // "• You have used GraphQL in production environments" is an item
	}
	// the words before it that belong to the heading
	for s+1 < n {
		w := t[ws[s+1]:ws[s]]
		w = strings.TrimSpace(w)
		if strings.ContainsAny(w, ".;!?。；,:)") || strings.IndexFunc(w, unicode.IsLetter) < 0 && w != "&" {
			break // a mark ("•") is no word of the heading
		}
		if unicode.IsUpper(firstRune(t[ws[s]:])) && !unicode.IsUpper(firstRune(strings.TrimLeft(w, "*#_"))) {
			break // "... travel is required Preferred qualifications"
		}
		lw := strings.ToLower(w)
		f := strings.TrimSpace(foldHeading(t[ws[s+1]:]))
		if !vocabGrammar[lw] && lw != "&" && !exactHeadings[f] && vocabHeading(" "+f+" ", false) == clsUnknown &&
			!(shoutedWord(w) && shouted(t[ws[s]:])) {
			break
		}
		s++
	}
	for k := n - 1; k > s; k-- {
		// a longer run that is one of exactHeadings whole, over words
		// the step above stops at ("... og .NET Det er også fint om du"
		// before its list: "også" is no heading's word alone)
		if run := t[ws[k]:]; !strings.ContainsAny(run, ".;!?。；,:)") && exactHeadings[strings.TrimSpace(foldHeading(run))] {
			s = k
			break
		}
	}
	start := ws[s]
	if before := strings.TrimRight(t[:start], " "); before != "" {
		// not after a word of grammar ("Training on the Job")
		w := before[strings.LastIndexByte(before, ' ')+1:]
		if vocabGrammar[strings.ToLower(w)] {
			return 0
		}
	}
	r := firstRune(strings.TrimLeft(t[start:], "*#"))
	if isCJK(r) {
		// a heading in Chinese ends with its colon ("任职要求：") or
		// follows a sentence's end ("... 性能优化。 我们眼中的加分项"), and is
		// short: "Kubernetes 有使用经验者优先" ends an item that names a
		// preference
		if colon {
			return start
		}
		p, _ := utf8.DecodeLastRuneInString(strings.TrimRight(t[:start], " "))
		if utf8.RuneCountInString(t[start:]) > 16 || p != '。' && p != '；' && p != '！' && p != '？' {
			return 0
		}
	} else if !unicode.IsUpper(r) {
		return 0
	}
	return start
}

// bulletedHeading returns the heading a piece holds after a bullet, when
// the piece is a heading alone ("• Requirements", "• Nice to have:"): the
// bullets of a text flattened with one between every line.
func bulletedHeading(piece string) (string, bool) {
	h, ok := stripBullet(piece)
	if !ok || h == "" || utf8.RuneCountInString(h) > 60 || countWords(h) > 6 {
		return "", false
	}
	if phraseHeading(h) && !strings.ContainsAny(strings.TrimSuffix(h, ":"), ".,;!?:") {
		return h, true
	}
	if b := strings.TrimSuffix(h, "\\"); len(b) > 4 && strings.HasPrefix(b, "**") && strings.HasSuffix(b, "**") &&
		!strings.Contains(b[2:len(b)-2], "**") {
		// "• **_For tiden jobber vi mye med_** •": a bold line
		return h, true
	}
	if r := firstRune(h); isCJK(r) && utf8.RuneCountInString(h) <= 16 && !strings.ContainsAny(h, "，。；、！？") &&
		!cjkPrefEnd(h) && classifyHeading(h, false) != clsUnknown {
		// "• 我们眼中的加分项 •"; not an item that names a preference
		// ("有使用经验者优先")
		return h, true
	}
	if (strings.HasSuffix(h, ":") || strings.HasSuffix(h, "：")) && classifyHeading(h, true) != clsUnknown && !sentenceEndIn(h) {
		return h, true
	}
	return "", false
}

// sentenceEndIn says whether s holds the end of a sentence before its
// last word ("Work with the team. Requirements:": the last item of a list
// run into the heading of the next, which trailingHeading cuts off;
// session 36).
func sentenceEndIn(s string) bool {
	for i := 0; i+2 < len(s); i++ {
		if (s[i] == '.' || s[i] == '!' || s[i] == '?') && s[i+1] == ' ' && unicode.IsUpper(firstRune(s[i+2:])) {
			// not an abbreviation before a small letter ("incl. cloud",
			// "pts. if you have": review s36 F5)
			return true
		}
	}
	return false
}

// boundaryAt says whether a sentence starts at j of a piece: after ". ",
// "! ", "? ", a closing "…" or one of the marks of Chinese.
func boundaryAt(t string, j int) bool {
	if t[j] == ' ' || j < 2 {
		return false
	}
	if t[j-1] != ' ' {
		if t[j-1] < 0x80 {
			return false
		}
		r, _ := utf8.DecodeLastRuneInString(t[:j])
		return r == '。' || r == '！' || r == '？' || r == '；'
	}
	if r, _ := utf8.DecodeLastRuneInString(t[:j-1]); isCJK(r) {
		return true // a space between lines of Chinese
	}
	p := t[j-2]
	if p == '.' {
		// not "e.g. Kafka", "Dr. Smith", "U.S. Army": a word of two
		// letters at least before the full stop
		k := j - 2
		for k > 0 && isASCIILetter(t[k-1]) {
			k--
		}
		return j-2-k >= 2 || k > 0 && (t[k-1] == ')' || t[k-1] >= '0' && t[k-1] <= '9')
	}
	if p == '!' || p == '?' || p == ')' {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(t[:j-1])
	return r == '…' || r == '。' || r == '！' || r == '？' || r == '；'
}

// headingAt returns the end of a heading that starts at the sentence
// start j of a piece, or 0; inline says that text follows it in the same
// piece (a capitalised sentence), else the heading runs to the piece's
// end. A heading is:
//   - a phrase of one to six words that names a part of a posting
//     ("Requirements", "What you'll bring", "Om oss") followed by a
//     capitalised word; the phrase is a heading of exactHeadings or
//     written in title case ("Minimum Qualifications"), opens with no
//     subject ("Du har PT-utdanning" is a sentence), and is of one word
//     only when it names requirements or preferences or a word that
//     opens sentences follows it;
//   - a phrase in capitals that names a part ("POSITION SUMMARY").
func headingAt(t string, j int) (int, bool) {
	return phraseHeadingAt(t, j, false)
}

// gluedHeadingAt is headingAt for a heading that follows a word with no
// mark between them ("... GitHub, Slack, Notion What we offer We're a
// small team"): a phrase of two words or more of exactHeadings only.
func gluedHeadingAt(t string, j int) (int, bool) {
	if j < 2 || t[j-1] != ' ' || t[j] < 'A' || t[j] > 'Z' {
		return 0, false
	}
	if p := t[j-2]; !(p >= 'a' && p <= 'z' || p >= 'A' && p <= 'Z' || p >= '0' && p <= '9' || p == ')') {
		return 0, false
	}
	// not after a word of grammar: "we are an Equal Opportunity
	// Employer" is one sentence
	a := strings.LastIndexByte(t[:j-1], ' ') + 1
	var lb [16]byte
	if f, ok := foldASCII(t[a:j-1], lb[:0]); ok && len(t[a:j-1]) <= len(lb) && vocabGrammar[string(f)] {
		return 0, false
	}
	if subjectAt(t, a) {
		// nor after its subject: "We’re Looking For Corporate Sales
		// Representatives" is a sentence (a heading that opens with
		// its subject is titledSubjectHeading's)
		return 0, false
	}
	e, ok := phraseHeadingAt(t, j, true)
	if ok && labelGoesOn(t, e) && itemLabelBefore(t, j) {
		// the phrase is inside an item's label in title case, which
		// goes on to its colon: "- Modern Business Tech Stack
		// Management (CIO/RevOps): Technical mastery ..." (session 30)
		return 0, false
	}
	return e, ok
}

// itemLabelBefore says whether the words before j, one to four, in
// title case (or "&"), follow a list item's mark ("- ", "• "): j is
// inside the label that opens the item ("- Modern Business| Tech Stack
// ..."), not after a list's last word ("... Notion| What we offer").
func itemLabelBefore(t string, j int) bool {
	i := j
	for w := 0; w < 5; w++ {
		for i > 0 && t[i-1] == ' ' {
			i--
		}
		a := strings.LastIndexByte(t[:i], ' ') + 1
		word := t[a:i]
		switch {
		case word == "":
			return false
		case w > 0 && itemMarkWord(word):
			return true
		case word != "&" && !unicode.IsUpper(firstRune(word)) || phraseMark(word):
			return false
		}
		i = a
	}
	return false
}

// itemMarkWord says whether a word is a list item's mark ("-", "•"), or
// ends with one glued to the sentence before it (".-", as a flattened
// text without spaces has it: "... insights.- Modern Business").
func itemMarkWord(w string) bool {
	for _, m := range []string{"-", "–", "•", "*", "▪", "·"} {
		if rest, ok := strings.CutSuffix(w, m); ok {
			r, _ := utf8.DecodeLastRuneInString(rest)
			return rest == "" || !unicode.IsLetter(r) && !unicode.IsDigit(r)
		}
	}
	return false
}

// labelGoesOn says whether the words after i go on in title case (or in
// parentheses) to a word that ends with a colon, within three words: the
// phrase before i is part of a label ("Tech Stack| Management
// (CIO/RevOps):"), not a heading.
func labelGoesOn(t string, i int) bool {
	for w := 0; w < 3 && i < len(t); w++ {
		for i < len(t) && t[i] == ' ' {
			i++
		}
		word := nextWord(t, i)
		if word == "" || !unicode.IsUpper(firstRune(word)) && word[0] != '(' {
			return false
		}
		if strings.HasSuffix(word, ":") {
			return true
		}
		if phraseMark(strings.Trim(word, "()")) {
			return false
		}
		i += len(word)
	}
	return false
}

func phraseHeadingAt(t string, j int, glued bool) (int, bool) {
	r, _ := utf8.DecodeRuneInString(t[j:])
	if !unicode.IsUpper(r) && !isCJK(r) {
		return 0, false
	}
	// a heading in capitals
	if e := shoutedHeadingAt(t, j); e > 0 && !glued {
		return e, e < len(t)
	}
	// a heading phrase before a capitalised sentence, not one that opens
	// with the subject of a sentence ("Du har PT-utdanning", "You know
	// Ramp's products", "We're looking for Corporate Sales
	// Representatives")
	if !phraseMayStart(t[j:]) || subjectAt(t, j) && !titledSubjectHeading(t, j) && !colonHeading(t, j) {
		return 0, false
	}
	best := 0
	k := j
	for w := 0; w < 6; w++ {
		sp := strings.IndexByte(t[k:], ' ')
		if sp < 0 {
			// the phrase runs to the piece's end, where a lead-in or a
			// list was cut off after it: a question that is a heading
			// ("... Tigerstaden). Hvem ser vi etter?| Vi ser etter en
			// erfaren utvikler som har jobbet med følgende:| - React")
			if word := t[k:]; w > 0 && !glued {
				if c := openEnd(word); c > 0 && !phraseMark(word[:c]) && exactPhrase(t[j:k+c]) {
					best = len(t)
				}
			}
			break
		}
		if word := t[k : k+sp]; phraseMark(word) {
			// "What You’ll Do: Huntress is ...", "What You Bring To The
			// Team: 2+ years": a heading that ends with its colon, over
			// the shorter one before it ("What You Bring") (session 24)
			// also when the colon is glued to the capitalised word after
			// it, as a bold label's end often is once its marks are
			// gone ("Must-Have Anforderungen:Vertiefte Kenntnisse",
			// session 30)
			if c := strings.IndexByte(word, ':'); w > 0 && c > 0 && (c == len(word)-1 || unicode.IsUpper(firstRune(word[c+1:]))) && !phraseMark(word[:c]) {
				if phrase := t[j : k+c]; !glued && phraseHeading(phrase) || glued && gluedPhrase(phrase) {
					best = k + c + 1
				}
			}
			// a heading asked as a question or trailing off, before a
			// capitalised sentence: "... samhörighet. Vem letar vi
			// efter? Hos oss kommer du ...", "Is this you? You have 5+
			// years", "Bonus... Experience with Rust" (session 30)
			// (after an item's last word too, asked: "- Vloeiend in het
			// Nederlands Wie zijn wij? Wij zijn Zig", session 31)
			if c := openEnd(word); c > 0 && (w > 0 || word[c] != '?') && !phraseMark(word[:c]) && (!glued || word[c] == '?') {
				if next := nextWord(t, k+sp+1); unicode.IsUpper(firstRune(next)) && !shoutedWord(next) && exactPhrase(t[j:k+c]) {
					best = k + sp
				}
			}
			break
		}
		k += sp
		phrase := t[j:k]
		// the sentence after it opens with a capitalised word, not one
		// in capitals ("Are you an APP DEVELOPER")
		if next := nextWord(t, k+1); (unicode.IsUpper(firstRune(next)) && !shoutedWord(next) || yearsAt(next)) &&
			!endsWithArticle(phrase) &&
			(!glued && phraseHeading(phrase) && (w > 0 || oneWordHeading(phrase, t, k+1)) ||
				glued && (w > 0 && gluedPhrase(phrase) || w == 0 && gluedPartWords[phrase])) {
			best = k
		}
		k++
	}
	if best > 0 {
		return best, true
	}
	return 0, false
}

// gluedCapsBefore returns where the capitals glued to the end of the word
// before j start ("relocatePREFERRED |SKILLS": at "PREFERRED"), when
// there are two at least after a small letter; else -1.
func gluedCapsBefore(t string, j int) int {
	if j < 4 || t[j-1] != ' ' {
		return -1
	}
	c := j - 1
	for c > 0 && t[c-1] >= 'A' && t[c-1] <= 'Z' {
		c--
	}
	if j-1-c < 2 || c == 0 || t[c-1] < 'a' || t[c-1] > 'z' {
		return -1
	}
	return c
}

// gluedPartWords are the one-word headings read even after the last
// word of a list item with no mark between them ("... and policy
// implementation Qualifications 7+ years hands-on ..."): words that name
// a part of a posting and nothing else.
var gluedPartWords = map[string]bool{"Qualifications": true, "Requirements": true, "Responsibilities": true}

// openEnd returns where a word's closing question mark or ellipsis
// ("you?", "Bonus...", "Bonus…") starts, or -1.
func openEnd(word string) int {
	switch {
	case strings.HasSuffix(word, "..."):
		return len(word) - 3
	case strings.HasSuffix(word, "…"):
		return len(word) - len("…")
	case strings.HasSuffix(word, "?"):
		return len(word) - 1
	}
	return -1
}

// endsWithArticle says whether a phrase's last word is an article or a
// possessive ("The", "Our"), which no heading ends with: in "Why You’ll
// Love This Role The Staff Security ...", the title-case run goes on
// into the sentence after the heading (session 30).
func endsWithArticle(p string) bool {
	w := p[strings.LastIndexByte(p, ' ')+1:]
	switch strings.ToLower(w) {
	case "the", "a", "an", "our", "your", "this", "these", "that":
		return true
	}
	return false
}

// colonHeading says whether the phrase that opens with a subject at j
// is a heading that ends with its colon within six words and is one of
// exactHeadings ("... im SAP HCM Umfeld Ihr Profil: Fundierte
// Erfahrung", "... Wir bieten: ..."), as a label in its line would be:
// the colon says that it is no sentence's subject.
func colonHeading(t string, j int) bool {
	k := j
	for w := 0; w < 6; w++ {
		sp := strings.IndexByte(t[k:], ' ')
		if sp < 0 {
			sp = len(t) - k
		}
		word := t[k : k+sp]
		if phraseMark(word) {
			c := len(word) - 1
			return c > 0 && word[c] == ':' && !phraseMark(word[:c]) && exactPhrase(strings.ReplaceAll(t[j:k+c], "’", "'"))
		}
		if k+sp >= len(t) {
			return false
		}
		k += sp + 1
	}
	return false
}

// yearsAt says whether a word is a count of years that opens an item
// ("2–5 years", "5+ years" after "You Should Have"): a digit first.
func yearsAt(w string) bool {
	return w != "" && w[0] >= '0' && w[0] <= '9'
}

// titledSubjectHeading says whether the phrase that opens with a subject
// at j is a heading in Title Case all through ("You Should Have 2–5
// years", "We’re Looking For 5+ years", "What You Bring"), not a
// sentence: two to six capitalised words that are one of exactHeadings,
// before a count of years or a sentence (a capitalised word, then a
// small one). "We're Looking For Corporate Sales Representatives" goes
// on in Title Case: a sentence about a title.
func titledSubjectHeading(t string, j int) bool {
	k := j
	for w := 0; w < 6; w++ {
		sp := strings.IndexByte(t[k:], ' ')
		if sp < 0 || !unicode.IsUpper(firstRune(t[k:])) || phraseMark(t[k:k+sp]) {
			return false
		}
		k += sp
		if w == 0 || !exactPhrase(strings.ReplaceAll(t[j:k], "’", "'")) {
			k++
			continue
		}
		next := nextWord(t, k+1)
		if yearsAt(next) {
			return true
		}
		if a := k + 2 + len(next); unicode.IsUpper(firstRune(next)) && !shoutedWord(next) && a < len(t) &&
			unicode.IsLower(firstRune(nextWord(t, a))) {
			return true
		}
		k++
	}
	return false
}

// oneWordHeading says whether a heading of one word stands before the
// sentence at i: one that names requirements or preferences
// ("Requirements", "Meriterande"), or any other before a word that opens
// sentences ("Responsibilities We", "Team The"); "Team Boligreisen var"
// is a sentence.
func oneWordHeading(h, t string, i int) bool {
	switch classifyHeading(h, false) {
	case clsRequired, clsPreferred:
		return true
	}
	return openingWordAt(t, i) > 0
}

// subjects are the personal pronouns that open sentences, lowered.
var subjects = wordSet("i you you're you'll you've you'd we we're we'll we've we'd du vi wir ihr sie je jij " +
	"wij nous vous tu yo")

// subjectAt says whether the word at j is a personal pronoun.
func subjectAt(t string, j int) bool {
	w := nextWord(t, j)
	if len(w) > 8 {
		return false
	}
	var lb [16]byte
	b := lb[:0]
	for _, r := range w {
		switch {
		case r == '’':
			b = append(b, '\'')
		case r < utf8.RuneSelf:
			b = append(b, byte(unicode.ToLower(r)))
		default:
			return false
		}
	}
	return subjects[string(b)]
}

// gluedPhrase says whether a phrase glued to the word before it is a
// heading: one of exactHeadings, or one in title case that names
// requirements or preferences ("... PowerShell): Experte Nice-to-Have
// Skills Containerization ...").
func gluedPhrase(p string) bool {
	if exactPhrase(p) {
		return true
	}
	if !titleCase(p) || !mayNamePart(p) || !allHeadingWords(p) {
		return false // "... the Fair Labor Standards Minimum Wage Act"
	}
	switch classifyHeading(p, false) {
	case clsRequired, clsPreferred:
		return true
	}
	return false
}

// exactPhrase says whether a phrase is one of exactHeadings.
func exactPhrase(p string) bool {
	var buf [64]byte
	if f, ok := foldASCII(p, buf[:0]); ok {
		return exactHeadings[string(f)] || pairedHeading(string(f))
	}
	f := strings.TrimSpace(foldHeading(p))
	return exactHeadings[f] || pairedHeading(f)
}

// pairedHeading says whether a folded phrase is two of exactHeadings
// joined by "and" (or "&"): "Benefits & Perks", "Skills and
// Qualifications", "Tasks and responsibilities".
func pairedHeading(f string) bool {
	i := strings.Index(f, " and ")
	if i < 0 {
		return false
	}
	a, b := f[:i], f[i+len(" and "):]
	return exactHeadings[a] && exactHeadings[b]
}

// phraseMayStart says, cheaply, whether a heading phrase may open t
// (phraseHeading): its first word opens one of exactHeadings, or a
// capitalised word follows it (title case), after a short word or not.
func phraseMayStart(t string) bool {
	sp := strings.IndexByte(t, ' ')
	if sp < 0 {
		return false
	}
	var lb [32]byte
	if f, ok := foldASCII(t[:sp], lb[:0]); !ok || headingFirstWords[string(f)] {
		return true
	}
	for w := 0; w < 2; w++ {
		t = t[sp+1:]
		if t == "" || t[0] >= 'A' && t[0] <= 'Z' || t[0] >= 0xc0 {
			return t != ""
		}
		if sp = strings.IndexByte(t, ' '); sp < 0 || sp >= 4 {
			return false
		}
	}
	return false
}

// phraseMark says whether a word holds a mark that no heading phrase
// holds inside it (".,;!?:()").
func phraseMark(w string) bool {
	for i := 0; i < len(w); i++ {
		switch w[i] {
		case '.', ',', ';', '!', '?', ':', '(', ')':
			return true
		}
	}
	return false
}

// phraseHeading says whether a phrase without marks that opens a sentence
// is a heading: one of exactHeadings, or a phrase in title case that
// names a part ("Minimum Qualifications", "What You Will Do").
func phraseHeading(p string) bool {
	title := titleCase(p)
	if !title {
		// the common case, a sentence: its first word opens no heading
		w := p
		if sp := strings.IndexByte(p, ' '); sp >= 0 {
			w = p[:sp]
		}
		var lb [32]byte
		if f, ok := foldASCII(w, lb[:0]); ok && !headingFirstWords[string(f)] {
			return false
		}
	}
	var buf [64]byte
	if f, ok := foldASCII(p, buf[:0]); ok {
		if exactHeadings[string(f)] {
			return true
		}
	} else if exactHeadings[strings.TrimSpace(foldHeading(p))] {
		return true
	}
	if strings.IndexByte(p, ' ') < 0 || !title || !mayNamePart(p) {
		return false
	}
	return classifyHeading(p, false) != clsUnknown
}

// mayNamePart says, cheaply, whether classifyHeading may find a part in
// a phrase: one of its words is a word of the heading phrases other than
// their grammar ("Qualifications", "Bring"; not "The AI", "Retirement
// Plan"), or a word of the heading vocabulary. A phrase with letters
// outside ASCII may.
func mayNamePart(p string) bool {
	for p != "" {
		w := p
		if sp := strings.IndexByte(p, ' '); sp >= 0 {
			w, p = p[:sp], p[sp+1:]
		} else {
			p = ""
		}
		var lb [32]byte
		f, ok := foldASCII(w, lb[:0])
		if !ok || len(w) > len(lb) {
			return true
		}
		if headingContentWords[string(f)] {
			return true
		}
		fs := string(f)
		if stemIn(fs, vocabRequired) || stemIn(fs, vocabWeak) || stemIn(fs, vocabPreferred) ||
			endIn(fs, vocabRequiredEnds) || endIn(fs, vocabWeakEnds) {
			return true
		}
	}
	return false
}

// allHeadingWords says whether every word of a run outside its
// parentheses is a word of the heading phrases or vocabulary (or not in
// ASCII letters: Chinese, a word with a diacritic).
func allHeadingWords(run string) bool {
	for _, w := range strings.Fields(withoutParens(run)) {
		w = strings.ToLower(strings.Trim(w, ":：?…*#_.-/\\"))
		if w == "" || w == "&" || isCJK(firstRune(w)) || vocabGrammar[w] || headingContentWords[w] {
			continue
		}
		if stemIn(w, vocabRequired) || stemIn(w, vocabWeak) || stemIn(w, vocabPreferred) ||
			endIn(w, vocabRequiredEnds) || endIn(w, vocabWeakEnds) {
			continue
		}
		if exactHeadings[strings.TrimSpace(foldHeading(w))] || classifyHeading(w, true) != clsUnknown {
			continue
		}
		return false
	}
	return true
}

// headingContentWords are the words of the heading phrases but the
// grammar of vocabGrammar.
var headingContentWords = func() map[string]bool {
	m := map[string]bool{}
	for _, l := range [][]string{preferredPhrases, requiredStrong, requiredWeak, mentionedPhrases, openPhrases} {
		for _, p := range l {
			for _, w := range strings.Fields(p) {
				if !vocabGrammar[w] {
					m[w] = true
				}
			}
		}
	}
	for f := range moscowLabels {
		for _, w := range strings.Fields(f) {
			m[w] = true
		}
	}
	return m
}()

// headingFirstWords are the first words of exactHeadings.
var headingFirstWords = func() map[string]bool {
	m := map[string]bool{}
	for h := range exactHeadings {
		w := h
		if sp := strings.IndexByte(h, ' '); sp >= 0 {
			w = h[:sp]
		}
		m[w] = true
	}
	return m
}()

// foldASCII folds a phrase of ASCII letters, digits, hyphens and
// apostrophes between single spaces as foldHeading does (lowered, without
// the spaces around it) into buf, without allocating; ok is false for any
// other phrase.
func foldASCII(p string, buf []byte) ([]byte, bool) {
	for i := 0; i < len(p); i++ {
		c := p[i]
		switch {
		case c >= 'A' && c <= 'Z':
			buf = append(buf, c+'a'-'A')
		case c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '\'':
			buf = append(buf, c)
		case c == ' ' && i > 0 && p[i-1] != ' ' && i+1 < len(p):
			buf = append(buf, c)
		default:
			return nil, false
		}
	}
	return buf, true
}

// titleCase says whether every word of four letters or more of p opens
// with a capital, and two words of p do ("Minimum Qualifications", "What
// You Bring"; not "Are you an").
func titleCase(p string) bool {
	caps := 0
	for p != "" {
		w := p
		if sp := strings.IndexByte(p, ' '); sp >= 0 {
			w, p = p[:sp], p[sp+1:]
		} else {
			p = ""
		}
		if w == "" {
			continue
		}
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.IsUpper(r) {
			caps++
		} else if utf8.RuneCountInString(w) >= 4 {
			return false
		}
	}
	return caps >= 2
}

// shoutedHeadingAt returns the end of a heading in capitals that starts
// at j ("POSITION SUMMARY", "MAJOR RESPONSIBILITIES AND DUTIES", "OM
// OSS:") and names a part of a posting, followed by a capitalised word, a
// list mark or the piece's end; or 0.
func shoutedHeadingAt(t string, j int) int {
	k := j
	end := 0
	for w := 0; w < 6 && k < len(t); w++ {
		e := k
		for e < len(t) && t[e] != ' ' {
			e++
		}
		word := strings.TrimRight(t[k:e], ":")
		if !shoutedWord(word) {
			break
		}
		colon := e > k && t[e-1] == ':'
		next := e + 1
		h := t[j:e]
		if next >= len(t) || colon || unicode.IsUpper(firstRune(t[next:])) && !shoutedWord(nextWord(t, next)) || listMarkAt(t, next) {
			if shouted(h) && classifyHeading(h, true) != clsUnknown {
				end = e
			}
		}
		if colon {
			break
		}
		k = next
	}
	return end
}

// shoutedWord says whether w is a word in capitals ("SUMMARY", "AND").
func shoutedWord(w string) bool {
	if w == "" {
		return false
	}
	for _, r := range w {
		if unicode.IsLetter(r) && !unicode.IsUpper(r) || !unicode.IsLetter(r) && r != '&' && r != '-' && r != '/' {
			return false
		}
	}
	return true
}

func nextWord(t string, i int) string {
	e := strings.IndexByte(t[i:], ' ')
	if e < 0 {
		return t[i:]
	}
	return t[i : i+e]
}

// headingEnd returns where the heading of a markdown heading mark that
// runs into the text after it ends ("Dein Profil: Mindestens ...", "Vem
// letar vi efter? Hos oss ..."): after its colon or question mark, or
// after the longest phrase that names a part before a capitalised word;
// len(h) when h is short enough to be a heading whole; -1 when none.
func headingEnd(h string) int {
	if len(h) <= 100 {
		return len(h)
	}
	for i := 0; i < 100; i++ {
		switch h[i] {
		case ':', '?', '!':
			if h[i+1] == ' ' {
				return i + 1
			}
		}
	}
	if e, inline := headingAt(h, 0); e > 0 && inline {
		return e
	}
	return -1
}
