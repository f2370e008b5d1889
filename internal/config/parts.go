package config

import (
	"bytes"
	"io"

	"go.yaml.in/yaml/v3"
)

// partsFrom is the size of a config from which Parse first reads the
// sources list in parts (runInParts): the YAML tree of a fleet's config
// (10,000 sources, 1.5 MB: about 130,000 nodes, 22 MB) is then never whole
// in memory, only the rest of the file and up to partItems sources at a
// time. Smaller files are read whole (the result is the same).
const partsFrom = tightGCFrom

// sourceParts is a config split at its top-level sources list: rest is the
// file with the list's items blanked out (their lines kept empty, so every
// line keeps its number) and items are the items' texts, each with the
// number of its first line.
type sourceParts struct {
	rest  []byte
	items []sourcePart
}

// sourcePart is a run of consecutive items (at most partItems, and about
// partBytes of text): decoding each item alone costs a decoder's setup,
// which doubled the time of a fleet's parse.
type sourcePart struct {
	lines []int  // each item's first line in the file (1-based)
	text  []byte // the items' lines as written, indentation included
}

const (
	partItems = 64
	partBytes = 16 << 10
)

// splitSources splits data at its top-level "sources:" key when that key
// holds a block list written in the plain way: the key alone on its line at
// column 0 (a comment may follow), then items that each start with "- " at
// one indentation. Anything else (a flow list, tabs, a second sources key,
// a line that fits no item) gives ok false, and the file is read whole.
// The split only decides where items begin; whether each item is a valid
// YAML list item is checked when it is decoded (decodePart).
func splitSources(data []byte) (sp sourceParts, ok bool) {
	if hasOtherLineBreaks(data) || bytes.HasPrefix(data, []byte("%")) || bytes.Contains(data, []byte("\n%")) {
		// lines the parts would count otherwise than YAML does (NEL,
		// U+2028, U+2029, a lone CR), or a directive (%TAG, %YAML) that
		// holds for the whole document: read whole
		return sp, false
	}
	lines := bytes.SplitAfter(data, []byte("\n"))
	key := -1
	for i, l := range lines {
		if isSourcesKey(l) {
			if key >= 0 {
				return sp, false // the full parse reports the duplicate
			}
			key = i
		}
	}
	if key < 0 {
		return sp, false
	}
	// the first item: blank and comment lines before it stay in rest
	first, dash := -1, -1
	for i := key + 1; i < len(lines); i++ {
		t := bytes.TrimRight(lines[i], "\r\n")
		trim := bytes.TrimLeft(t, " ")
		if len(trim) == 0 || trim[0] == '#' {
			continue
		}
		if d := len(t) - len(trim); isDashItem(t, d) {
			first, dash = i, d
		}
		break
	}
	if first < 0 {
		return sp, false
	}
	end := len(lines) // the first line after the list
	starts := []int{first}
	for i := first + 1; i < len(lines); i++ {
		t := bytes.TrimRight(lines[i], "\r\n")
		if bytes.HasPrefix(t, []byte("\t")) {
			return sp, false
		}
		trim := bytes.TrimLeft(t, " ")
		if len(trim) == 0 || trim[0] == '#' {
			continue // blank or comment lines go with the item above
		}
		indent := len(t) - len(trim)
		switch {
		case indent == dash && isDashItem(t, dash):
			starts = append(starts, i)
			continue
		case indent > dash:
			continue
		case dash == 0 && indent == 0, indent < dash:
			end = i
		default: // a line at the items' indentation that starts no item
			return sp, false
		}
		break
	}
	// the comment and blank lines at the end of the list stay in rest
	last := end
	for last > starts[len(starts)-1]+1 {
		trim := bytes.TrimLeft(bytes.TrimRight(lines[last-1], "\r\n"), " ")
		if len(trim) != 0 && trim[0] != '#' {
			break
		}
		last--
	}
	// items grouped into parts
	for i := 0; i < len(starts); {
		part := sourcePart{}
		from, size := starts[i], 0
		for ; i < len(starts) && len(part.lines) < partItems && (size < partBytes || len(part.lines) == 0); i++ {
			part.lines = append(part.lines, starts[i]+1)
			to := last
			if i+1 < len(starts) {
				to = starts[i+1]
			}
			for _, l := range lines[starts[i]:to] {
				size += len(l)
			}
		}
		to := last
		if i < len(starts) {
			to = starts[i]
		}
		part.text = bytes.Join(lines[from:to], nil)
		sp.items = append(sp.items, part)
	}
	rest := make([]byte, 0, len(data)-len(bytes.Join(lines[first:last], nil))+(last-first))
	rest = append(rest, bytes.Join(lines[:first], nil)...)
	for range last - first {
		rest = append(rest, '\n')
	}
	rest = append(rest, bytes.Join(lines[last:], nil)...)
	sp.rest = rest
	return sp, true
}

// isSourcesKey reports whether l is "sources:" at column 0 with nothing
// after it but blanks or a comment.
func isSourcesKey(l []byte) bool {
	after, ok := bytes.CutPrefix(l, []byte("sources"))
	if !ok {
		return false
	}
	after, ok = bytes.CutPrefix(bytes.TrimLeft(after, " "), []byte(":"))
	if !ok {
		return false
	}
	trim := bytes.TrimSpace(after)
	return len(trim) == 0 || (trim[0] == '#' && (after[0] == ' ' || after[0] == '\t'))
}

// isDashItem reports whether t (a line without its end) starts a list item
// at indentation d: "-" followed by a blank or the line's end.
func isDashItem(t []byte, d int) bool {
	if len(t) <= d || t[d] != '-' {
		return false
	}
	return len(t) == d+1 || t[d+1] == ' '
}

// decodeOne decodes data that must be exactly one YAML document holding
// one node; ok is false otherwise (the full parse says what is wrong).
func decodeOne(data []byte) (*yaml.Node, bool) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := decode(dec, &doc); err != nil {
		return nil, false
	}
	var extra yaml.Node
	if err := decode(dec, &extra); err != io.EOF {
		return nil, false
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) != 1 {
		return nil, false
	}
	return &doc, true
}

// decodePart decodes a part's text into its items' nodes, with the lines
// of the file. ok is false when the text is not exactly the items the split
// found, each on its line (the full parse then reports whatever is wrong).
func decodePart(part sourcePart) ([]*yaml.Node, bool) {
	doc, ok := decodeOne(part.text)
	if !ok {
		return nil, false
	}
	seq := doc.Content[0]
	if seq.Kind != yaml.SequenceNode || len(seq.Content) != len(part.lines) || seq.Anchor != "" || seq.Tag != "!!seq" {
		return nil, false
	}
	by := part.lines[0] - 1
	for i, item := range seq.Content {
		// an item's node is on its dash's line, or on a later one when
		// the dash stands alone
		if item.Line+by < part.lines[i] || (i+1 < len(part.lines) && item.Line+by >= part.lines[i+1]) {
			return nil, false
		}
	}
	shiftLines(seq, by)
	return seq.Content, true
}

// shiftLines adds by to the line of every node written under n (an alias's
// target is shifted where it is written).
func shiftLines(n *yaml.Node, by int) {
	stack := []*yaml.Node{n}
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		n.Line += by
		if n.Kind != yaml.AliasNode {
			stack = append(stack, n.Content...)
		}
	}
}

// hasAnchors reports whether any node under n has an anchor or is an alias
// (or a merge key, which needs one).
func hasAnchors(n *yaml.Node) bool {
	stack := []*yaml.Node{n}
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if n.Anchor != "" || n.Kind == yaml.AliasNode || (n.Kind == yaml.ScalarNode && n.Tag == "!!merge") {
			return true
		}
		stack = append(stack, n.Content...)
	}
	return false
}

// runInParts reads a large config with its sources list read item by item
// (splitSources, decodePart). ok is false when the file does not split, or
// when anything in it is not plain: an anchor or alias outside a single
// item, an item that does not decode on its own, a document that is too
// complex, or any problem at all. Parse then reads the file whole with a
// new parser, so that every problem is found and reported as before.
func (p *parser) runInParts(data []byte) (cfg *Config, ok bool) {
	sp, ok := splitSources(data)
	if !ok {
		return nil, false
	}
	defer func() {
		if r := recover(); r != nil {
			if _, tc := r.(tooComplex); !tc {
				panic(r)
			}
			cfg, ok = nil, false
		}
	}()
	doc, ok := decodeOne(sp.rest)
	if !ok || doc.Content[0].Kind != yaml.MappingNode || hasAnchors(doc) {
		return nil, false
	}
	p.nodes = countNodes(doc)
	p.budget = stepBudget(p.nodes)
	p.parts = sp.items
	cfg = p.config(doc.Content[0])
	if !p.partsRead || p.partsFailed || len(p.probs) > 0 {
		return nil, false
	}
	return cfg, true
}

// sourcesInParts reads the sources list from p.parts, one item at a time;
// n is the sources key's value in the rest of the file, which must be
// empty.
func (p *parser) sourcesInParts(n *yaml.Node) []Source {
	p.partsRead = true
	if n.Kind != yaml.ScalarNode || n.Tag != "!!null" {
		p.partsFailed = true
		return nil
	}
	r := p.newSourceReader()
	i := 0
	for k := range p.parts {
		items, ok := decodePart(p.parts[k])
		p.parts[k] = sourcePart{} // its text is read
		if !ok {
			p.partsFailed = true
			return nil
		}
		for _, node := range items {
			p.nodes += countNodes(node)
		}
		p.budget = stepBudget(p.nodes)
		for j, node := range items {
			items[j] = nil // let it go once read
			r.read(p, i, node)
			i++
		}
	}
	return r.out
}

// hasOtherLineBreaks says whether data holds a line break YAML counts
// besides "\n" and "\r\n": NEL (U+0085), U+2028, U+2029 or a lone "\r".
func hasOtherLineBreaks(data []byte) bool {
	if bytes.Contains(data, []byte("\u0085")) || bytes.Contains(data, []byte("\u2028")) || bytes.Contains(data, []byte("\u2029")) {
		return true
	}
	for i := bytes.IndexByte(data, '\r'); i >= 0; {
		if i+1 >= len(data) || data[i+1] != '\n' {
			return true
		}
		j := bytes.IndexByte(data[i+1:], '\r')
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return false
}
