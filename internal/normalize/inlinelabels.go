package normalize

import (
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
	var out []block // nil until a paragraph is split
	for i, b := range bs {
		if b.kind != kindPara || b.bold || b.label != "" || strings.IndexByte(b.text, ':') < 0 {
			if out != nil {
				out = append(out, b)
			}
			continue
		}
		cuts := inlineLabelCuts(b.text)
		if len(cuts) == 0 {
			if out != nil {
				out = append(out, b)
			}
			continue
		}
		if out == nil {
			out = append(make([]block, 0, len(bs)+len(bs)/4), bs[:i]...)
		}
		prev := 0
		for _, c := range cuts {
			if c > prev {
				if t := strings.TrimSpace(b.text[prev:c]); t != "" {
					out = append(out, block{text: t, kind: kindPara})
				}
			}
			prev = c
		}
		if t := strings.TrimSpace(b.text[prev:]); t != "" {
			out = append(out, block{text: t, kind: kindPara})
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
	for i := 0; i < len(t); i++ {
		if t[i] != ':' {
			continue
		}
		start := labelStart(t, i)
		if start <= 0 { // none, or at the paragraph's start (blockLabel reads it)
			if start == 0 {
				if c := classifyHeading(t[:i], true); c == clsMentioned {
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
		if c == clsMentioned {
			if e := sentenceEnd(t, i+1); e > 0 {
				cuts = append(cuts, e)
			}
		}
	}
	// in order, without repeats
	out := cuts[:0]
	for _, c := range cuts {
		if len(out) == 0 || c > out[len(out)-1] {
			out = append(out, c)
		}
	}
	return out
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
		if !unicode.IsLetter(r) && r != ' ' && r != '-' && r != '\'' && r != '’' {
			return -1
		}
		j -= w
	}
	label := strings.TrimSpace(t[j:i])
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
