package normalize

import "strings"

// classifier reads the words of one block to find what its sentences say
// about themselves ("Scala is a plus", "Nice to have: Flink", "PhD required").
type classifier struct {
	lower      string // the text with ASCII letters lowered
	toks       []token
	start, end int // the block's tokens
}

// word returns the folded word at token i of the block, or "".
func (c *classifier) word(i int) string {
	if i < c.start || i >= c.end || c.toks[i].punct != 0 {
		return ""
	}
	t := c.toks[i]
	return c.lower[t.start:t.end]
}

// nextWord returns the index of the token after i, skipping hyphens.
func (c *classifier) nextWord(i int) int {
	i++
	for i < c.end && c.toks[i].punct == '-' {
		i++
	}
	return i
}

// markBlock sets, for each token of the block, the class its skills count
// in (skill) and the class its degrees count in (edu; clsUnknown: not at
// all), from the class of the block's section and its own sentences.
func (c *classifier) markBlock(bc class, skill, edu []class) {
	for i := c.start; i < c.end; {
		j := i + 1
		for j < c.end && c.toks[j].flags&fSent == 0 {
			j++
		}
		prefAt, req, cue := -1, false, false
		cm, cmStart := -1, -1
		for k := i; k < j; k++ {
			if c.toks[k].punct != 0 {
				continue
			}
			if e := c.colonMarker(k); e >= 0 {
				cm, cmStart = e, k
				break
			}
			if prefAt < 0 && c.prefWord(k) {
				prefAt = k
			}
			if c.reqWord(k) {
				req = true
			}
			if bc == clsOpen && !cue && c.reqCue(k) {
				cue = true
			}
		}
		sc := bc // the sentence's class
		if bc == clsOpen {
			// A part no heading classifies: the sentence says whether it
			// asks for something ("You must have", "experience with X is
			// required"); else what it names is only mentioned.
			sc = clsMentioned
			if cue || req {
				sc = clsRequired
			}
		}
		pref := prefAt >= 0
		if cm >= 0 {
			// Before the marker: as its sentence says; from the marker to
			// the end of the block: preferred.
			fill(i, cmStart, sc, pref, req, skill, edu)
			sk := sc
			if sc == clsRequired || bc == clsOpen {
				sk = clsPreferred
			}
			for k := cmStart; k < c.end; k++ {
				skill[k], edu[k] = sk, clsPreferred
			}
			return
		}
		if pref && bc == clsOpen && sc == clsMentioned {
			// "Experience with Kafka is a plus" with no heading above it.
			sc = clsRequired
		}
		if pref {
			// A marker may qualify only part of its sentence: "BS in CS,
			// MS preferred", "Kubernetes and a public cloud (AWS
			// preferred)", "Java, preferably Kotlin".
			if a, b := c.prefScope(i, j, prefAt); a > i || b < j {
				rest := sc
				if bc == clsOpen && !cue && !req {
					rest = clsMentioned
				}
				fill(i, j, rest, false, req, skill, edu)
				fill(a, b, sc, true, req, skill, edu)
				i = j
				continue
			}
		}
		fill(i, j, sc, pref, req, skill, edu)
		i = j
	}
}

// degreeWords name degrees in a clause ("MS or PhD preferred").
var degreeWords = map[string]bool{
	"ms": true, "msc": true, "phd": true, "ph": true, "master": true, "masters": true, "bs": true, "bsc": true,
	"ba": true, "bachelor": true, "bachelors": true, "mba": true, "doctorate": true, "degree": true, "degrees": true,
}

// prefScope returns the tokens [a, b) of the sentence [i, j) that the
// preference marker at k qualifies: the parentheses around it; the clause
// after the last separator before it when the marker opens that clause
// ("preferably") or when the clause names one thing or a degree ("MS
// preferred"); else the whole sentence. A clause listing several things
// ("Spark, Kafka or Flink preferred") leaves the whole sentence preferred.
func (c *classifier) prefScope(i, j, k int) (int, int) {
	if cjkWord(c.word(k)) {
		ts, ks := int(c.toks[i].start), int(c.toks[k].start)
		if open := strings.LastIndex(c.lower[ts:ks], "（"); open >= 0 && !strings.Contains(c.lower[ts+open:ks], "）") {
			// "本科及以上学历（985优先）": only what the parentheses hold
			a := i
			for a < j && int(c.toks[a].start) < ts+open {
				a++
			}
			b := k + 1
			for b < j && !strings.HasPrefix(c.lower[c.toks[b].start:], "）") && c.toks[b].flags&fHard == 0 {
				b++
			}
			return a, b
		}
		// "熟悉 C/C++，…，有 Rust 开源项目贡献经验优先": the marker closes
		// its clause (after the last clause comma); "、" lists stay whole.
		for t := k; t > i; t-- {
			if c.toks[t].flags&fClause != 0 {
				return t, j
			}
		}
		return i, j
	}
	ts, te := int(c.toks[i].start), int(c.toks[j-1].end)
	ks, ke := int(c.toks[k].start), int(c.toks[k].end)
	if open := strings.LastIndexByte(c.lower[ts:ks], '('); open >= 0 && !strings.Contains(c.lower[ts+open:ks], ")") {
		open += ts
		if strings.TrimSpace(c.lower[open+1:ks]) == "" {
			// "React, Angular or Vue (preferred)": the marker alone in
			// parentheses qualifies what comes before it.
			return i, j
		}
		a, b := i, j
		for a < j && int(c.toks[a].start) < open {
			a++
		}
		if cl := strings.IndexByte(c.lower[ke:te], ')'); cl >= 0 {
			cl += ke
			b = a
			for b < j && int(c.toks[b].start) < cl {
				b++
			}
		}
		return a, b
	}
	cl := i
	for t := k; t > i; t-- {
		if c.toks[t].flags&fHard != 0 {
			cl = t
			break
		}
	}
	if cl == i {
		return i, j
	}
	if cl == k {
		return k, j // "..., preferably Kotlin"
	}
	list, degree := false, false
	for t := cl; t < k; t++ {
		w := c.word(t)
		list = list || w == "or" || w == "and"
		degree = degree || degreeWords[w]
	}
	if list && !degree {
		return i, j
	}
	return cl, j
}

func fill(a, b int, bc class, pref, req bool, skill, edu []class) {
	sk, ed := bc, bc
	switch bc {
	case clsRequired:
		if pref {
			sk, ed = clsPreferred, clsPreferred
		}
	case clsMentioned:
		ed = clsUnknown
		if pref {
			ed = clsPreferred
		} else if req {
			ed = clsRequired
		}
	}
	for k := a; k < b; k++ {
		skill[k], edu[k] = sk, ed
	}
}
