package normalize

import (
	"strings"
	"unicode/utf8"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// class is how a part of a posting counts for skills and education.
type class uint8

const (
	clsMentioned class = iota
	clsRequired
	clsPreferred
	clsUnknown // a heading that says nothing about its section
)

// Heading phrases, matched as whole words on the folded heading ("’" as "'",
// "&" as "and", punctuation dropped). Preferred phrases are tried first:
// "Preferred Qualifications" is preferred.
var (
	preferredPhrases = []string{
		"preferred", "nice to have", "nice to haves", "nice-to-have", "nice-to-haves", "bonus", "bonus points",
		"pluses", "plus", "a plus", "it's a plus if", "desired", "desirable", "good to have", "extra credit",
		"even better", "ideally", "would be great", "we'd love it if", "we'd also love", "optional",
		"not required", "stand out", "set you apart", "sets you apart", "additional qualifications",
		"additional skills", "brownie points",
	}
	// Strong required phrases say "requirements" on their own.
	requiredStrong = []string{
		"qualifications", "qualification", "requirements", "requirement", "required", "must have",
		"must haves", "must-have", "must-haves", "you have", "about you", "what you'll need", "what you need",
		"what you will need", "what we expect", "we expect", "what we're looking for", "what we are looking for", "we're looking for",
		"looking for", "eager to talk to you if", "who you are", "what you bring", "you'll bring",
		"you will bring", "you bring", "you should have", "you'll have", "you will have", "ideal candidate",
		"good fit", "great fit", "great addition", "what it takes", "to be successful", "minimum", "basic qualifications",
		"skills and experience", "experience and skills", "skills and qualifications",
	}
	// Weak required phrases count only for a heading that is clearly one
	// (h1-h6, bold, or a line after the intro).
	requiredWeak = []string{
		"skills", "experience", "background", "competencies", "knowledge", "you are", "you're", "basic",
		"expertise",
	}
	mentionedPhrases = []string{
		"responsibilities", "what you'll do", "what you will do", "what you'll be doing", "what you will be doing",
		"your role", "the role", "about the role", "about the team", "the team", "about us", "who we are",
		"benefits", "compensation", "our culture", "about netflix", "about the job", "in this role",
		"day to day", "day-to-day", "impact", "what we offer", "perks", "the opportunity", "opportunity",
		"overview", "summary", "job description", "description", "salary", "pay", "location", "why join",
		"how you'll", "your impact", "what you'll work on", "the work", "our team", "team",
	}
)

// foldHeading lowers a heading, unifies apostrophes, turns "&" into "and",
// and keeps only letters, digits, apostrophes and hyphens between single
// spaces, with a leading and trailing space for whole-word search.
func foldHeading(h string) string {
	var b strings.Builder
	b.Grow(len(h) + 2)
	b.WriteByte(' ')
	space := true
	for _, r := range strings.ToLower(h) {
		switch {
		case r == '\u2019' || r == '\u2018' || r == '\'':
			b.WriteByte('\'')
			space = false
		case r == '&':
			if !space {
				b.WriteByte(' ')
			}
			b.WriteString("and ")
			space = true
		case r == '-' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r >= utf8.RuneSelf && r != '\u00a0':
			b.WriteRune(r)
			space = false
		default:
			if !space {
				b.WriteByte(' ')
				space = true
			}
		}
	}
	if !space {
		b.WriteByte(' ')
	}
	return b.String()
}

func containsPhrase(folded string, phrases []string) bool {
	for _, p := range phrases {
		i := strings.Index(folded, p)
		for i >= 0 {
			if folded[i-1] == ' ' && folded[i+len(p)] == ' ' {
				return true
			}
			j := strings.Index(folded[i+1:], p)
			if j < 0 {
				break
			}
			i += 1 + j
		}
	}
	return false
}

// classifyHeading says which section a heading opens. weak allows the
// weak required phrases ("Skills", "Experience").
func classifyHeading(h string, weak bool) class {
	f := foldHeading(h)
	switch {
	case containsPhrase(f, preferredPhrases):
		return clsPreferred
	case containsPhrase(f, requiredStrong):
		return clsRequired
	case weak && containsPhrase(f, requiredWeak):
		return clsRequired
	case containsPhrase(f, mentionedPhrases):
		return clsMentioned
	}
	return clsUnknown
}

// words counts the space-separated words of s.
func words(s string) int {
	return len(strings.Fields(s))
}

// leadInWords says whether a line ending with ':' talks about skills
// ("Experience with one or more of the following:"): it then introduces more
// of the same section rather than a new one.
func leadInWords(s string) bool {
	return containsPhrase(foldHeading(s), []string{
		"experience", "skills", "knowledge", "familiarity", "proficiency", "expertise", "following",
		"one or more", "any of", "including", "such as", "ability", "strong", "deep", "exposure",
		"understanding", "proficient", "familiar", "background",
	})
}

// sectionize gives each block the class of the section it is in, from the
// headings before it. A block's own label ("Nice to have: ...") overrides its
// section.
func sectionize(bs []block, cls []class) []class {
	cur := clsMentioned
	for _, b := range bs {
		c, isHeading := headingClass(b, cur)
		if isHeading {
			cur = c
			cls = append(cls, cur)
			continue
		}
		bc := cur
		if lab := blockLabel(b); lab != "" {
			if lc := classifyHeading(lab, b.label != ""); lc != clsUnknown {
				bc = lc
				if b.kind == kindPara && b.label != "" {
					cur = lc
				}
			}
		}
		cls = append(cls, bc)
	}
	return cls
}

// blockLabel returns the lead-in of a block ("Requirements: Python, SQL"):
// its bold prefix, or a short plain prefix before ':'.
func blockLabel(b block) string {
	if b.label != "" {
		return b.label
	}
	i := strings.IndexByte(b.text, ':')
	if i <= 0 || i > 40 || i == len(b.text)-1 {
		return ""
	}
	p := b.text[:i]
	if words(p) > 5 || strings.ContainsAny(p, ".;,()!?") {
		return ""
	}
	return p
}

// headingClass says whether b is a heading and which section it opens.
func headingClass(b block, cur class) (class, bool) {
	text := b.text
	n := utf8.RuneCountInString(text)
	colon := strings.HasSuffix(text, ":")
	switch {
	case b.kind == kindHeading, b.bold && b.kind != kindItem && n <= 100, b.bold && colon && n <= 100:
		// An explicit heading: anything it does not name is "mentioned".
		c := classifyHeading(text, true)
		if c == clsUnknown {
			c = clsMentioned
		}
		return c, true
	case colon && n <= 80 && words(text) <= 12:
		if cur == clsMentioned {
			c := classifyHeading(text, true)
			if c == clsUnknown {
				if b.kind == kindItem {
					return cur, false
				}
				c = clsMentioned
			}
			return c, true
		}
		c := classifyHeading(text, false)
		switch {
		case c == clsRequired || c == clsPreferred:
			return c, true
		case leadInWords(text):
			return cur, false
		case c == clsMentioned:
			return c, true
		case b.kind != kindItem && words(text) <= 4:
			return clsMentioned, true
		}
		return cur, false
	case b.kind == kindPara && n <= 60 && words(text) <= 6 && !strings.ContainsAny(text, ".,;!?"):
		// A short line without a colon is a heading only when it is one of
		// the usual heading phrases ("Qualifications", "Nice to have").
		if exactHeadings[strings.TrimSpace(foldHeading(text))] {
			return classifyHeading(text, true), true
		}
	}
	return cur, false
}

// exactHeadings are headings recognised even without a colon or bold.
var exactHeadings = func() map[string]bool {
	m := map[string]bool{}
	for _, list := range [][]string{preferredPhrases, requiredStrong, mentionedPhrases} {
		for _, p := range list {
			m[p] = true
		}
	}
	for _, p := range []string{
		"basic qualifications", "minimum qualifications", "preferred qualifications", "required qualifications",
		"desired qualifications", "key qualifications", "must-have skills", "must have skills", "required skills",
		"preferred skills", "some nice to haves", "nice to have skills", "key responsibilities",
		"we're eager to talk to you if", "skills", "experience", "skills and experience", "about you",
		"requirements", "qualifications", "technical skills", "your background",
	} {
		m[p] = true
	}
	return m
}()

// sectionBlocks turns structured sections into blocks: a heading, then its
// items.
func sectionBlocks(ss []model.Section) []block {
	var out []block
	for _, s := range ss {
		if h := collapse(s.Heading); h != "" {
			out = append(out, block{text: h, kind: kindHeading})
		} else if len(s.Items) > 0 {
			out = append(out, block{text: "-", kind: kindHeading}) // resets to "mentioned"
		}
		for _, it := range s.Items {
			for line := range strings.SplitSeq(it, "\n") {
				if t := collapse(line); t != "" {
					out = append(out, block{text: t, kind: kindItem})
				}
			}
		}
	}
	return out
}
