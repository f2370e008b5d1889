package normalize

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
		pref, req := false, false
		cm, cmStart := -1, -1
		for k := i; k < j; k++ {
			if c.toks[k].punct != 0 {
				continue
			}
			if e := c.colonMarker(k); e >= 0 {
				cm, cmStart = e, k
				break
			}
			if c.prefWord(k) {
				pref = true
			}
			if c.reqWord(k) {
				req = true
			}
		}
		if cm >= 0 {
			// Before the marker: as its sentence says; from the marker to
			// the end of the block: preferred.
			fill(i, cmStart, bc, pref, req, skill, edu)
			sk := bc
			if bc == clsRequired {
				sk = clsPreferred
			}
			for k := cmStart; k < c.end; k++ {
				skill[k], edu[k] = sk, clsPreferred
			}
			return
		}
		fill(i, j, bc, pref, req, skill, edu)
		i = j
	}
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
