package normalize

// Degrees, in their output order.
var degreeNames = []string{"Bachelor's", "Master's", "PhD"}

// degreeAliases are matched with the skill aliases (same trie, same rules).
var degreeAliases = [][]string{
	{"bachelor's", "bachelors", "bachelor", "bachelor of science", "bachelor of arts", "bachelor of engineering",
		"=BS", "=B.S.", "=B.S", "=BA", "=B.A.", "=BSc", "=B.Sc.", "=B.Sc", "=BEng", "=B.Eng.", "=B.Tech", "=BTech",
		"undergraduate degree", "four-year degree", "4-year degree", "college degree", "university degree"},
	{"master's", "masters", "master of science", "master of engineering", "master of arts", "master's degree",
		"=MS", "=M.S.", "=M.S", "=MSc", "=M.Sc.", "=M.Sc", "=MEng", "=M.Eng.", "=MBA", "=M.A.",
		"graduate degree"},
	{"phd", "ph.d.", "ph.d", "phds", "doctorate", "doctoral degree", "doctoral"},
}

// prefWord says whether token i marks its sentence as preferred ("is a plus").
func (sc *classifier) prefWord(i int) bool {
	w := sc.word(i)
	switch w {
	case "preferred", "preferably", "bonus", "ideally", "helpful", "desirable", "desired", "beneficial",
		"advantageous", "pluses", "optional":
		return true
	case "plus":
		p := sc.word(i - 1)
		return p == "a" || p == "big" || p == "huge" || p == "strong" || p == "definite" || p == "major" ||
			p == "added" || (i+1 < sc.end && sc.toks[i+1].flags&fColon != 0) || i+1 == sc.end
	case "advantage":
		return sc.word(i-1) == "an" || sc.word(i-1) == "added"
	case "nice":
		return sc.word(sc.nextWord(i)) == "to" && sc.word(sc.nextWord(sc.nextWord(i))) == "have"
	case "great":
		return sc.word(i-1) == "be" && sc.word(i-2) == "would"
	}
	return false
}

// reqWord says whether token i marks its sentence as required.
func (sc *classifier) reqWord(i int) bool {
	switch sc.word(i) {
	case "required", "require", "requires", "must", "minimum", "equivalent", "mandatory":
		return true
	}
	return false
}

// colonMarker returns the index of the first token after a marker such as
// "Nice to have:", "Bonus:", "Preferred:", "Plus:" that starts at i, or -1.
func (sc *classifier) colonMarker(i int) int {
	j := i
	switch sc.word(i) {
	case "nice":
		j = sc.nextWord(sc.nextWord(i))
		if sc.word(j) != "have" {
			return -1
		}
	case "bonus":
		if sc.word(i+1) == "points" {
			j = i + 1
		}
	case "preferred", "plus", "pluses", "optional", "ideally":
	default:
		return -1
	}
	if j+1 < sc.end && sc.toks[j+1].flags&fColon != 0 {
		return j + 1
	}
	return -1
}
