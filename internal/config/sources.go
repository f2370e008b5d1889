package config

import (
	"fmt"

	"go.yaml.in/yaml/v3"
)

// sourceKeys are the keys every source takes, whatever its type; a kind's
// own keys come between the first four and the rest in "known keys".
var sourceKeys = []Key{
	{Name: "name"}, {Name: "type"}, {Name: "company"}, {Name: "url", Shape: URL},
}

var sourceGuardKeys = []Key{
	{Name: "schedule"}, {Name: "allow_shrink", Shape: Bool}, {Name: "remove_after", Shape: Runs},
	{Name: "max_shrink", Shape: Share}, {Name: "allow_private", Shape: Bool},
}

// sourceCommon are the keys no kind needs to list.
var sourceCommon = []string{"name", "type", "company", "schedule", "allow_shrink", "remove_after", "max_shrink", "allow_private"}

func (p *parser) sources(n *yaml.Node) []Source {
	r := p.newSourceReader()
	items := p.sequence(n, "sources")
	// A source's nodes are not read again once it is read: they are let go
	// as the list is read (a fleet's tree is most of what Parse holds), but
	// only from a list written here, not one an alias may name again.
	release := n.Kind == yaml.SequenceNode && n.Anchor == ""
	for i, node := range items {
		if release {
			items[i] = nil
		}
		r.read(p, i, node)
	}
	return r.out
}

// sourceReader reads the items of the sources list one by one, checking
// each and across them (names given twice).
type sourceReader struct {
	out   []Source
	first map[string]int
	all   union
}

func (p *parser) newSourceReader() *sourceReader {
	return &sourceReader{first: make(map[string]int), all: newUnion(sourceKeys, p.plugins.Sources, sourceGuardKeys)}
}

// read reads the list's item i (node).
func (r *sourceReader) read(p *parser, i int, node *yaml.Node) {
	kinds := p.plugins.Sources
	it := newItem(fmt.Sprintf("sources[%d]", i), node.Line)
	if !p.fields(node, it, r.all, nil) {
		return
	}
	s := Source{
		Line: it.line, Name: it.val["name"], Type: it.val["type"], Company: it.val["company"],
		URL: it.val["url"], Schedule: it.val["schedule"],
	}
	decodeCommon(it, "allow_shrink", &s.AllowShrink)
	decodeCommon(it, "allow_private", &s.AllowPrivate)
	decodeCommon(it, "remove_after", &s.RemoveAfter)
	decodeCommon(it, "max_shrink", &s.MaxShrink)
	// Each check reports its own problems; the item is kept either way for
	// the checks across items (Parse returns no Config on any problem).
	kd, found, _ := p.checkItem(it, "source", kinds, sourceCommon, r.first)
	if it.has("url") {
		p.checkURL(it, "url")
	}
	if found {
		s.Settings = p.settings(it, kd, nil)
	}
	p.validateForeign(it, kd, found, kinds, r.all, nil)
	if it.has("schedule") {
		p.schedule(it.node["schedule"], it.path+".schedule", s.Schedule)
	}
	r.out = append(r.out, s)
}

// decodeCommon decodes the value read for a common key into dst.
func decodeCommon[T any](it *item, key string, dst *T) {
	if n, ok := it.clean[key]; ok {
		_ = n.Decode(dst) // read and checked by its shape
	}
}

type sourceRef struct {
	line        int
	key         string
	name, shown string
}
