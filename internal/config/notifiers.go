package config

import (
	"fmt"
	"net/http"
	"slices"
	"strings"

	"github.com/careers-watcher/careers-watcher/internal/notify/filter"
	"go.yaml.in/yaml/v3"
	"golang.org/x/net/http/httpguts"
)

// notifierKeys are the keys every notifier takes, whatever its channel.
var notifierKeys = []Key{{Name: "name"}, {Name: "type"}, {Name: "sources"}, {Name: "events"}, {Name: "filter"}}

var notifierCommon = []string{"name", "type", "sources", "events", "filter"}

func (p *parser) notifiers(n *yaml.Node) ([]Notifier, []sourceRef) {
	var out []Notifier
	var refs []sourceRef
	first := make(map[string]int)
	kinds := p.plugins.Channels
	all := newUnion(notifierKeys, kinds, nil)
	for i, node := range p.sequence(n, "notifiers") {
		it := newItem(fmt.Sprintf("notifiers[%d]", i), node.Line)
		var events, srcs []string
		var flt filter.Filter
		ok := p.fields(node, it, all, func(e kv) bool {
			key := it.path + "." + e.key
			switch e.key {
			case "events":
				v := p.resolve(e.v)
				events = p.strList(e.v, key, true)
				for j, ev := range events {
					if !slices.Contains(EventTypes, ev) {
						item := p.resolve(v.Content[j])
						p.add(item.Line, fmt.Sprintf("%s[%d]", key, j), "unknown event "+show(item)+" (supported: "+strings.Join(EventTypes, ", ")+")")
						it.bad[e.key] = true
					}
				}
			case "sources":
				v := p.resolve(e.v)
				srcs = p.strList(e.v, key, true)
				for j, s := range srcs {
					item := p.resolve(v.Content[j])
					refs = append(refs, sourceRef{line: item.Line, key: fmt.Sprintf("%s[%d]", key, j), name: s, shown: show(item)})
				}
			case "filter":
				it.node[e.key] = e.k
				var good bool
				if flt, good = p.filter(e.v, key); !good {
					it.bad[e.key] = true
				}
			default:
				return false
			}
			return true
		})
		if !ok {
			continue
		}
		nt := Notifier{Line: it.line, Name: it.val["name"], Type: it.val["type"], Sources: srcs, Events: events, Filter: flt}
		// A channel's values are checked once its keys are right; its url
		// and the keys marked Always, whatever the type.
		kd, found, keysOK := p.checkItem(it, "notifier", kinds, notifierCommon, first)
		if found && keysOK {
			for _, k := range kd.Keys {
				if k.Shape == URL && k.Name != "url" && it.has(k.Name) {
					p.checkURL(it, k.Name)
				}
			}
		}
		if it.has("url") {
			p.checkURL(it, "url")
		}
		if found && keysOK {
			nt.Settings = p.settings(it, kd, nil)
		} else {
			p.validateForeign(it, Kind{}, false, kinds, all, func(k Key) bool { return k.Always })
		}
		out = append(out, nt)
	}
	return out, refs
}

// headerList is a channel's extra HTTP headers in the order written.
type headerList struct {
	names  []string
	values map[string]string
}

// headers reads HTTP header names and single-line values; reserved are the
// names (canonical) the channel sets itself.
func (p *parser) headers(n *yaml.Node, path string, reserved []string) (headerList, bool) {
	ok := true
	h := headerList{values: map[string]string{}}
	first := make(map[string]int)
	for _, e := range p.mapping(n, path, "header names and values") {
		key := path + "." + e.key
		canon := http.CanonicalHeaderKey(e.key)
		switch {
		case !httpguts.ValidHeaderFieldName(e.key):
			p.add(e.k.Line, key, "is not a valid HTTP header name")
			ok = false
			continue
		case slices.Contains(reserved, canon):
			p.add(e.k.Line, key, "is set by the notifier and cannot be overridden")
			ok = false
			continue
		}
		if l, dup := first[canon]; dup {
			p.add(e.k.Line, key, fmt.Sprintf("duplicate header (first at line %d)", l))
			ok = false
			continue
		}
		first[canon] = e.k.Line
		v, good := p.str(e.v, key)
		if !good {
			ok = false
			continue
		}
		if strings.ContainsAny(v, "\r\n\x00") {
			p.add(e.v.Line, key, "must be a single line")
			ok = false
			continue
		}
		h.names = append(h.names, e.key)
		h.values[e.key] = v
	}
	return h, ok
}
