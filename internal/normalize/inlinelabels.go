package normalize

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// splitInlineLabels splits a paragraph that runs several labelled parts
// into one ("Krav: Java, SQL. Meriterande: Kubernetes. Vi erbjuder:
// friskvård."), as descriptions whose line breaks were stripped upstream
// (scraped ads, JSON-LD text) write them. A label is a sentence's opening
// of one to four words before ':' that names a part (requirements,
// preferences, or a part that asks nothing: tasks, offer, company); each
// piece then starts with its label, which blockLabel reads. A
// requirement or preference label governs up to the next label; any
// other label its own sentence only, so that a sentence after "Vi
// erbjuder: friskvård." speaks for itself again.
//
// bs is returned as it is when no paragraph is split (most descriptions);
// else the blocks are copied into a new slice.
func splitInlineLabels(bs []block) []block {
	bs = splitInlineBullets(bs)
	bs = splitInlineShouted(bs)
	var out []block // nil until a paragraph is split
	for i, b := range bs {
		if b.kind != kindPara && b.kind != kindItem || b.bold || b.label != "" || strings.IndexByte(b.text, ':') < 0 {
			if out != nil {
				out = append(out, b)
			}
			continue
		}
		var cuts []int
		if b.kind == kindPara {
			cuts = inlineLabelCuts(b.text)
		} else {
			cuts = runOnLabelCuts(b.text)
		}
		if len(cuts) == 0 {
			if out != nil {
				out = append(out, b)
			}
			continue
		}
		if out == nil {
			out = append(make([]block, 0, len(bs)+len(bs)/4), bs[:i]...)
		}
		// the pieces of an item: its first keeps the item's kind, a
		// label ending with ':' is a line of its own, the text after it
		// the next item
		kind := func(piece string, first bool) blockKind {
			if b.kind == kindItem && (first || !strings.HasSuffix(piece, ":")) {
				return kindItem
			}
			return kindPara
		}
		prev := 0
		for _, c := range cuts {
			if c > prev {
				if t := strings.TrimSpace(b.text[prev:c]); t != "" {
					out = append(out, block{text: t, kind: kind(t, prev == 0)})
				}
			}
			prev = c
		}
		if t := strings.TrimSpace(b.text[prev:]); t != "" {
			out = append(out, block{text: t, kind: kind(t, prev == 0)})
		}
	}
	if out == nil {
		return bs
	}
	return out
}

// inlineLabelCuts returns where the labelled pieces of a paragraph start
// (and, after a label that asks nothing, where its sentence ends); none
// when the paragraph holds no label after its first sentence.
func inlineLabelCuts(t string) []int {
	var cuts []int
	// in a paragraph of a description's length (its line breaks lost),
	// a label of the tasks ("Responsibilities: Develop ...") is a heading
	// that governs up to the next label, as one of the requirements does
	long := len(t) >= flatLong
	for i := 0; i < len(t); i++ {
		if t[i] != ':' {
			continue
		}
		start := labelStart(t, i)
		if start <= 0 { // none, or at the paragraph's start (blockLabel reads it)
			if start == 0 {
				if c := classifyHeading(t[:i], true); c == clsMentioned && !(long && tasksLabel(t[:i])) {
					if e := sentenceEnd(t, i+1); e > 0 {
						cuts = append(cuts, e)
					}
				}
			}
			continue
		}
		c := classifyHeading(t[start:i], true)
		if c != clsRequired && c != clsPreferred && c != clsMentioned {
			continue
		}
		cuts = append(cuts, start)
		if c == clsMentioned && !(long && tasksLabel(t[start:i])) {
			if e := sentenceEnd(t, i+1); e > 0 {
				cuts = append(cuts, e)
			}
		}
	}
	cuts = append(cuts, runOnLabelCuts(t)...)
	cuts = append(cuts, leadInSentenceCuts(t)...)
	slices.Sort(cuts)
	// in order, without repeats
	out := cuts[:0]
	for _, c := range cuts {
		if len(out) == 0 || c > out[len(out)-1] {
			out = append(out, c)
		}
	}
	return out
}

// tasksLabel says whether a label names the tasks of the job
// ("Responsibilities", "Your tasks", "Arbetsuppgifter").
func tasksLabel(l string) bool {
	return tasksLabels[strings.TrimSpace(foldHeading(l))]
}

var tasksLabels = map[string]bool{
	"responsibilities": true, "your responsibilities": true, "key responsibilities": true, "main responsibilities": true,
	"what you'll do": true, "what you will do": true, "your tasks": true, "tasks": true, "your role": true,
	"aufgaben": true, "deine aufgaben": true, "ihre aufgaben": true, "arbetsuppgifter": true,
	"dina arbetsuppgifter": true, "arbeidsoppgaver": true, "dine oppgaver": true, "missions": true,
	"vos missions": true, "responsabilidades": true, "funciones": true, "taken": true, "mansioni": true,
}

// labelStart returns where the label ending at the colon at i starts: the
// start of its sentence (after ". ", "! ", "? " or a full stop glued to a
// capital, "världsklass.Krav:"), when the label is one to four words of
// letters that open with a capital; 0 for a label that opens the
// paragraph; -1 when there is none.
func labelStart(t string, i int) int {
	j := i
	for j > 0 {
		r, w := utf8.DecodeLastRuneInString(t[:j])
		if r == '.' || r == '!' || r == '?' {
			break
		}
		if r == '*' && (j == 1 || t[j-2] == ' ') {
			// "... to the table! *Required: 3+ years": a markdown mark
			// left before the label (session 30)
			j--
			break
		}
		if !unicode.IsLetter(r) && r != ' ' && r != '-' && r != '\'' && r != '’' {
			return -1
		}
		j -= w
	}
	label := strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(t[j:i]), "*"))
	if label == "" || words(label) > 4 {
		return -1
	}
	if r, _ := utf8.DecodeRuneInString(label); !unicode.IsUpper(r) {
		return -1
	}
	if j == 0 {
		return 0
	}
	return j + (len(t[j:i]) - len(strings.TrimLeft(t[j:i], " ")))
}

// sentenceEnd returns the index after the sentence that goes on from i
// ends (its full stop), or -1 when it runs to the paragraph's end.
func sentenceEnd(t string, i int) int {
	for k := i; k < len(t)-1; k++ {
		if t[k] != '.' && t[k] != '!' && t[k] != '?' {
			continue
		}
		r, _ := utf8.DecodeRuneInString(t[k+1:])
		if r == ' ' || unicode.IsUpper(r) {
			return k + 1
		}
	}
	return -1
}

// inlineBullets are the bullet glyphs a stripped list keeps inside a line
// (each starts with a space and then the byte 0xe2 or 0xc2).
var inlineBullets = []string{" • ", " · ", " ▪ ", " ● ", " ■ ", " ➢ ", " ► "}

// splitInlineBullets turns a paragraph or item that holds a list whose
// line breaks were stripped ("... världsklass. • Erfarenhet av Java •
// Goda kunskaper i SQL • Meriterande: Kubernetes") into its text before
// the first bullet and one item per bullet, so that a marker in one item
// ("Meriterande:") does not reach the others. Two bullets at least. bs is
// returned as it is when no block holds such a list.
func splitInlineBullets(bs []block) []block {
	var out []block // nil until a block is split
	for i, b := range bs {
		glyph := ""
		if strings.IndexByte(b.text, 0xe2) >= 0 || strings.IndexByte(b.text, 0xc2) >= 0 {
			// the glyphs' first bytes: most blocks hold none
			t := " " + b.text
			for _, g := range inlineBullets {
				if strings.Count(t, g) >= 2 {
					glyph = g
					break
				}
			}
		}
		if glyph == "" || b.kind == kindHeading || b.bold || b.label != "" {
			if out != nil {
				out = append(out, b)
			}
			continue
		}
		if out == nil {
			out = append(make([]block, 0, len(bs)+len(bs)/4), bs[:i]...)
		}
		parts := strings.Split(" "+b.text, glyph)
		if head := strings.TrimSpace(parts[0]); head != "" {
			out = append(out, block{text: head, kind: b.kind})
		}
		for _, p := range parts[1:] {
			if p = strings.TrimSpace(p); p != "" {
				out = append(out, block{text: p, kind: kindItem})
			}
		}
	}
	if out == nil {
		return bs
	}
	return out
}

// splitInlineShouted cuts out of a paragraph or item the headings written
// in capitals that a text whose line breaks were stripped keeps inside its
// lines ("... Clean Code e Design Patterns; NICE TO HAVE Noções de Bash
// script; ...", "... para o time. PERFIL IDEAL Experiência com ...",
// "... and more. WHO YOU ARE Proven experience ..."): a run of words in
// capitals that names a part (classifyHeading) becomes a line of its own,
// which headingClass reads as a heading, and the text after it a block
// of its own. Leading short words that the part's name does without are
// left to the text before ("HTML NICE TO HAVE": HTML is the list's). bs
// is returned as it is when no block holds such a heading (session 25).
func splitInlineShouted(bs []block) []block {
	var out []block // nil until a block is split
	for i, b := range bs {
		var cuts [][2]int
		if (b.kind == kindPara || b.kind == kindItem) && !b.bold && b.label == "" && len(b.text) > 60 && hasCapitalPair(b.text) {
			cuts = shoutedRuns(b.text)
		}
		if len(cuts) == 0 {
			if out != nil {
				out = append(out, b)
			}
			continue
		}
		if out == nil {
			out = append(make([]block, 0, len(bs)+4), bs[:i]...)
		}
		prev, kind := 0, b.kind
		for _, c := range cuts {
			if t := strings.TrimSpace(b.text[prev:c[0]]); t != "" {
				out = append(out, block{text: t, kind: kind})
			}
			out = append(out, block{text: b.text[c[0]:c[1]], kind: kindPara})
			prev, kind = c[1], kindPara
		}
		if t := strings.TrimSpace(b.text[prev:]); t != "" {
			out = append(out, block{text: t, kind: kind})
		}
	}
	if out == nil {
		return bs
	}
	return out
}

// hasCapitalPair says whether s holds two ASCII capitals in a row: a
// cheap test that most paragraphs fail.
func hasCapitalPair(s string) bool {
	return upperPair(s)
}

// shoutedRuns returns the [start, end) of the runs of words in capitals
// inside t (not at its start) that name a part of a posting.
func shoutedRuns(t string) [][2]int {
	type word struct{ a, b int }
	var runs [][2]int
	var run []word
	flush := func() {
		defer func() { run = run[:0] }()
		if len(run) == 0 || run[0].a == 0 {
			return
		}
		letters := 0
		for _, w := range run {
			letters += utf8.RuneCountInString(t[w.a:w.b])
		}
		if letters < 6 || len(run) > 10 {
			return
		}
		s := 0
		c := classifyHeading(t[run[0].a:run[len(run)-1].b], true)
		if c == clsUnknown || c == clsOpen {
			return
		}
		for s+1 < len(run) && utf8.RuneCountInString(t[run[s].a:run[s].b]) <= 4 &&
			classifyHeading(t[run[s+1].a:run[len(run)-1].b], true) == c {
			s++
		}
		runs = append(runs, [2]int{run[s].a, run[len(run)-1].b})
	}
	for i := 0; i < len(t); {
		for i < len(t) && t[i] == ' ' {
			i++
		}
		j := i
		for j < len(t) && t[j] != ' ' {
			j++
		}
		if j == i {
			break
		}
		if capsWord(t[i:j]) {
			run = append(run, word{i, j})
		} else if len(run) > 0 {
			flush()
		}
		i = j
	}
	if len(run) > 0 {
		flush()
	}
	return runs
}

// capsWord says whether w is a word in capitals ("NICE", "WE’RE",
// "QUALIFICAÇÕES", "&"): no small letter, and a letter unless it is "&".
func capsWord(w string) bool {
	if w == "&" {
		return true
	}
	letters := 0
	for _, r := range w {
		switch {
		case unicode.IsLower(r):
			return false
		case unicode.IsLetter(r):
			letters++
		case r == '\'' || r == '’' || r == '-':
		default:
			return false
		}
	}
	return letters > 0
}

// runOnLabelCuts returns the cuts around the labels run into the text
// before them with no mark between ("Inglês: B2 ou maior Diferenciais:
// Experiência em Azure", "... with Go Nice to have: Rust"), as a list
// whose line breaks were lost writes them: the label, one to three
// words that open with a capital after a word in small letters or
// digits, is a heading phrase as it stands ("Diferenciais", "Nice to
// have", "Preferred Qualifications") and ends with ':'. The label is cut
// out as a line of its own (ending with ':'), which sectionize reads as
// a heading over what follows.
func runOnLabelCuts(t string) []int {
	var cuts []int
	for i := 1; i < len(t); i++ {
		if t[i] != ':' {
			continue
		}
		if s := runOnLabelStart(t, i); s > 0 {
			cuts = append(cuts, s, i+1)
		}
	}
	return cuts
}

// runOnLabelStart returns where a run-on label ending at the colon at i
// starts, or -1 (runOnLabelCuts).
func runOnLabelStart(t string, i int) int {
	best := -1
	j := i
	for n := 1; n <= 3; n++ {
		// the start of the n-th word before the colon, within 64 bytes
		// of the word after it (a longer "word" is none: a run of
		// "a:Ba:B..." with no space is not read back at each colon)
		w0 := max(0, j-64)
		k := strings.LastIndexByte(t[w0:j], ' ')
		if k < 0 {
			return best
		}
		k += w0
		w := t[k+1 : j]
		if w == "" || strings.IndexFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && r != '-' && r != '\'' && r != '’' }) >= 0 {
			return best
		}
		label := t[k+1 : i]
		if unicode.IsUpper(firstRune(w)) && runOnAfter(t[:k]) && exactHeadings[strings.TrimSpace(foldHeading(label))] {
			switch classifyHeading(label, false) {
			case clsRequired, clsPreferred, clsMentioned:
				best = k + 1
			}
		}
		j = k
	}
	return best
}

// runOnAfter says whether text ends with a word that a run-on label may
// follow: one in small letters or digits, with no mark after it, that is
// no word of a heading's grammar ("What You Bring To The Team:" is one
// heading in title case).
func runOnAfter(before string) bool {
	w0 := max(0, len(before)-64)
	w := before[w0+strings.LastIndexByte(before[w0:], ' ')+1:]
	r, _ := utf8.DecodeLastRuneInString(w)
	f := firstRune(w)
	return (unicode.IsLower(r) || unicode.IsDigit(r)) && (unicode.IsLower(f) || unicode.IsDigit(f)) &&
		!vocabGrammar[w]
}

// leadInSentenceCuts returns the cuts around a lead-in sentence inside a
// paragraph ("We understand that nobody knows everything, but here's
// what we are looking for: Python, 5+ years ..."): a sentence of at most
// 25 words that ends with ':' and says that what follows is required or
// preferred (leadInClass) becomes a line of its own, which sectionize
// reads as a heading over the rest of the paragraph. A lead-in that opens
// the paragraph is cut after its colon only.
func leadInSentenceCuts(t string) []int {
	var cuts []int
	for i := 1; i < len(t)-1; i++ {
		if t[i] != ':' || t[i+1] != ' ' && t[i+1] != '.' {
			continue
		}
		j := i
		for j > 0 && t[j-1] != '.' && t[j-1] != '!' && t[j-1] != '?' && t[j-1] != ':' && i-j < 250 {
			j--
		}
		if j > 0 && t[j-1] == ':' || i-j >= 250 {
			continue
		}
		s := t[j:i]
		if n := words(s); n > 25 || n <= 4 || !unicode.IsUpper(firstRune(strings.TrimSpace(s))) ||
			strings.Count(s, "(") != strings.Count(s, ")") {
			// a label of up to four words is labelStart's; "(e.g. Sass)
			// GraphQL Bonus skills:" starts inside parentheses
			continue
		}
		if r := firstRune(strings.TrimLeft(t[i+1:], " .")); !unicode.IsUpper(r) && !unicode.IsDigit(r) {
			// "passionate about: the future of money, ...": the
			// sentence goes on after its colon
			continue
		}
		c := leadInClass(s)
		if c == clsUnknown && j > 0 {
			// after a sentence, a short heading of the candidate's
			// side; at the paragraph's start, "Strong programming
			// skills, preferably one of the following: TypeScript, ..."
			// is an item with its list
			c = leadInLineClass(s)
		}
		if c != clsRequired && c != clsPreferred {
			continue
		}
		// the lead-in run into the words before it ("Extensive
		// experience with Kubernetes and Linux Ways to stand out from the
		// crowd:"): it starts at the last capitalised word from which it
		// still says so
		for p := i - 1; p > j; p-- {
			if t[p-1] == ' ' && unicode.IsUpper(firstRune(t[p:i])) && leadInLineClass(t[p:i]) == c {
				j = p
				break
			}
		}
		s = t[j:i]
		if words(s) <= 2 {
			continue
		}
		rest := t[i+1:]
		if k := strings.IndexByte(rest, ':'); k >= 0 {
			rest = rest[:k]
		}
		if strings.Contains(rest, "? ") {
			// "... Strong tendency to keep things simple What will you
			// work on? A modern microservice architecture ...": a
			// question that heads another part runs on in what the
			// lead-in would govern; the sentences decide there
			continue
		}
		if j > 0 {
			cuts = append(cuts, j)
		}
		cuts = append(cuts, i+1)
	}
	return cuts
}

// leadInLineClass classifies a sentence that ends with ':' as it would
// be on a line of its own: a lead-in (leadInClass), or a short heading
// of the candidate's side ("Expertise in Application & Cloud Security
// Technologies:", up to twelve words, as headingClass reads one).
func leadInLineClass(s string) class {
	if c := leadInClass(s); c != clsUnknown {
		return c
	}
	if words(s) > 12 {
		return clsUnknown
	}
	return classifyHeading(s, true)
}
