package normalize

// A product family's name before a list of its products names each of
// them: "Google Workspace tools (Calendar, Drive, Docs, Sheets)", "Google
// Docs, Sheets and Slides", "Azure (Functions, Event Hubs)", "Microsoft
// Teams, Planner and Whiteboard". An item that is no name alone
// ("Calendar", "Functions", "Planner") is the family's product when the
// family's word and the item together are an alias ("Google Calendar",
// "Azure Functions", "Microsoft Planner"); an item that is no product of
// the family stays nothing.

// familyWords are the first words of product families, lowered, and the
// family word their products' aliases start with.
var familyWords = map[string]string{
	"google": "google", "microsoft": "microsoft", "ms": "microsoft", "office": "microsoft",
	"azure": "azure", "aws": "aws", "amazon": "amazon", "adobe": "adobe", "apache": "apache",
	"atlassian": "atlassian", "oracle": "oracle", "sap": "sap", "ibm": "ibm", "salesforce": "salesforce",
	"g": "google", // "G Suite"
}

// familyFillers may stand between a family's name and its list: "Google
// Workspace tools (...)", "Adobe Creative Suite, e.g. ...".
var familyFillers = wordSet("tools tool suite apps applications products services stack ecosystem platform " +
	"programs including like such as e g i particularly especially incl")

// familyJoiners join the items of a list, in the corpus's languages.
var familyJoiners = wordSet("and or und oder et ou y o og eller och en e")

// familyItems appends to hits the products of a family named by the bare
// items of a list after the family's name; hits are in token order and
// stay so.
func (m *matcher) familyItems(s, lower string, toks []token, hits []hit) []hit {
	var extra []hit
	for k := 0; k < len(hits); k++ {
		h := hits[k]
		if h.id < 0 || h.end >= len(toks) {
			continue
		}
		first := toks[h.tok]
		fam, ok := familyWords[lower[first.start:first.end]]
		if !ok || s[first.start] < 'A' || s[first.start] > 'Z' {
			continue
		}
		nd := m.rootNext(fam)
		if nd == nil || nd.next == nil {
			continue
		}
		next := k + 1 // the next hit after h
		paren, filler := 0, true
		for j := h.end; j < len(toks) && j < h.end+40; {
			t := toks[j]
			if t.flags&(fSent|fBlock) != 0 {
				break
			}
			for next < len(hits) && hits[next].tok < j {
				next++
			}
			if next < len(hits) && hits[next].tok == j {
				j = hits[next].end // an item that is a name of its own
				filler = false
				continue
			}
			if t.punct != 0 {
				switch t.punct {
				case ',', '/', '&', ';':
				case '(':
					paren++
				case ')':
					if paren--; paren <= 0 {
						j = len(toks)
						continue
					}
				case '.':
					if !filler {
						j = len(toks)
						continue
					}
				default:
					j = len(toks)
					continue
				}
				j++
				continue
			}
			w := lower[t.start:t.end]
			if familyJoiners[w] || filler && familyFillers[w] {
				j++
				continue
			}
			filler = false
			if c := s[t.start]; c < 'A' || c > 'Z' {
				break // a lower-case word ends the list
			}
			id, n := m.familyAt(nd, s, lower, toks, j)
			if id >= 0 {
				extra = append(extra, hit{id: id, tok: j, end: j + n})
				j += n
				continue
			}
			j++
		}
	}
	if len(extra) == 0 {
		return hits
	}
	out := make([]hit, 0, len(hits)+len(extra))
	i, j := 0, 0
	for i < len(hits) || j < len(extra) {
		if j == len(extra) || i < len(hits) && hits[i].tok <= extra[j].tok {
			out = append(out, hits[i])
			i++
		} else {
			out = append(out, extra[j])
			j++
		}
	}
	return out
}

// familyAt returns the skill whose case-insensitive alias is the family's
// word (its trie node nd) followed by the one or two words at token j, and
// how many tokens it takes, or -1.
func (m *matcher) familyAt(nd *trieNode, s, lower string, toks []token, j int) (int32, int) {
	id, n := int32(-1), 0
	for k := 0; k < 2 && j+k < len(toks); k++ {
		t := toks[j+k]
		if t.punct != 0 || k > 0 && (t.flags&(fSent|fBlock) != 0 || s[t.start] < 'A' || s[t.start] > 'Z') {
			break
		}
		if nd = nd.next[tokenKey(lower, t)]; nd == nil {
			break
		}
		for _, a := range nd.acc {
			if a.id >= 0 && a.exact == nil && !a.among {
				id, n = a.id, k+1
				break
			}
		}
	}
	return id, n
}
