package normalize

import (
	"sort"
	"strings"
)

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
// stay so. Separators are not tokens: the text between two tokens (gap)
// says whether a comma or a parenthesis stands there.
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
		// a family's word alone before a comma names a peer in a list
		// ("Oracle, Java and Cloud": not Oracle Cloud); only parentheses
		// or a filler open its products ("Azure (Functions, ...)",
		// "AWS services such as Glue") (review s35 F2)
		bare := h.end-h.tok == 1
		for j := h.end; j < len(toks) && j < h.end+40; {
			t := toks[j]
			if t.flags&(fSent|fBlock) != 0 {
				break
			}
			gap := s[toks[j-1].end:t.start]
			paren += strings.Count(gap, "(")
			if strings.Contains(gap, ")") {
				break // the parentheses that held the list close
			}
			if strings.ContainsAny(gap, ":;") || bare && paren == 0 && strings.Contains(gap, ",") {
				break
			}
			if paren > 0 {
				bare = false
			}
			for next < len(hits) && hits[next].tok < j {
				next++
			}
			if next < len(hits) && hits[next].tok == j {
				if x := toks[j]; familyWords[lower[x.start:x.end]] != "" {
					break // another family's name: its list is its own (review s35 F8)
				}
				j = hits[next].end // an item that is a name of its own
				filler = false
				continue
			}
			if t.punct != 0 {
				if t.punct != '/' && t.punct != '&' && (t.punct != '.' || !filler) {
					break
				}
				j++
				continue
			}
			w := lower[t.start:t.end]
			if familyJoiners[w] || filler && familyFillers[w] {
				if familyFillers[w] {
					bare = false
				}
				j++
				continue
			}
			filler = false
			if c := s[t.start]; c < 'A' || c > 'Z' || bare {
				break // a lower-case word ends the list; a bare family word lists no products
			}
			id, n := m.familyAt(nd, s, lower, toks, j)
			if id >= 0 && j+n < len(toks) && goesOn(s, lower, toks, j+n) {
				// "Microsoft Office and Project Management tools": the
				// item goes on with a capitalised word; it is a name of
				// its own, not the family's "Project" (review s35 F2)
				id = -1
			}
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
	// two families' lists may overlap: the extra hits in token order, once
	sort.Slice(extra, func(a, b int) bool { return extra[a].tok < extra[b].tok })
	uniq := extra[:1]
	for _, x := range extra[1:] {
		if x.tok >= uniq[len(uniq)-1].end {
			uniq = append(uniq, x)
		}
	}
	extra = uniq
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

// goesOn says whether the token at j continues the item before it: a
// capitalised word with nothing but spaces between, not a joiner.
func goesOn(s, lower string, toks []token, j int) bool {
	t := toks[j]
	if t.punct != 0 || t.flags&(fSent|fBlock|fHard) != 0 || s[t.start] < 'A' || s[t.start] > 'Z' {
		return false
	}
	return strings.TrimSpace(s[toks[j-1].end:t.start]) == "" && !familyJoiners[lower[t.start:t.end]]
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
