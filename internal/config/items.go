package config

import (
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/careers-watcher/careers-watcher/internal/winname"
)

var nameRE = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)

func validName(s string) bool { return len(s) <= 64 && nameRE.MatchString(s) }

const nameRule = "use lowercase letters, digits and hyphens, starting with a letter or digit, at most 64 characters"

// item collects the keys of one list item: their string values, nodes and
// lines. Keys whose value had a problem are in bad; null and "" values are
// left out (a missing required key is then reported once).
type item struct {
	path string
	line int
	val  map[string]string     // string values
	node map[string]*yaml.Node // the given keys: the node whose line a key is reported at
	bad  map[string]bool
	// raw are the scalar values as written (also of list items, "to[1]",
	// and map entries, "selectors.item"); clean the values read, as nodes
	// to decode into a kind's typed config.
	raw   map[string]*yaml.Node
	clean map[string]*yaml.Node
}

func newItem(path string, line int) *item {
	return &item{path: path, line: line, val: map[string]string{}, node: map[string]*yaml.Node{},
		bad: map[string]bool{}, raw: map[string]*yaml.Node{}, clean: map[string]*yaml.Node{}}
}

func (it *item) has(k string) bool { _, ok := it.node[k]; return ok }

// fields reads the keys of a source or notifier item by their shapes in
// known; custom reads the keys it returns true for.
func (p *parser) fields(n *yaml.Node, it *item, known union, custom func(kv) bool) bool {
	r := p.resolve(n)
	if r.Kind != yaml.MappingNode {
		p.add(n.Line, it.path, "must be a mapping with keys such as name and type, not "+kindName(r))
		return false
	}
	for _, e := range p.pairs(r, it.path, 0) {
		k, ok := known.keys[e.key]
		if !ok {
			p.unknown(e, it.path, known.names)
			continue
		}
		if isNull(p.resolve(e.v)) {
			continue
		}
		if custom != nil && custom(e) {
			continue
		}
		p.readKey(it, e, k)
	}
	return true
}

// checkName checks an item's name: required, well formed, unique.
func (p *parser) checkName(it *item, what string, first map[string]int) bool {
	if it.bad["name"] {
		return false
	}
	n, ok := it.node["name"]
	if !ok {
		p.add(it.line, it.path+".name", "is required")
		return false
	}
	name := it.val["name"]
	if !validName(name) {
		p.add(n.Line, it.path+".name", "invalid name "+show(n)+": "+nameRule)
		return false
	}
	if what == "source" && winname.Reserved(name) {
		// a source's folder of the snapshots is named after it (a
		// notifier's name names no file)
		p.add(n.Line, it.path+".name", "invalid name "+show(n)+": Windows reserves it for a device (a folder so named cannot be checked out there)")
		return false
	}
	if l, dup := first[name]; dup {
		p.add(n.Line, it.path+".name", fmt.Sprintf("duplicate %s name %s (first at line %d)", what, show(n), l))
		return false
	}
	first[name] = n.Line
	return true
}

// checkType checks that an item's type is one of kinds'.
func (p *parser) checkType(it *item, what string, kinds []Kind) bool {
	if it.bad["type"] {
		return false
	}
	n, ok := it.node["type"]
	if !ok {
		p.add(it.line, it.path+".type", "is required (one of "+strings.Join(kindTypes(kinds), ", ")+")")
		return false
	}
	if _, found := findKind(kinds, it.val["type"]); !found {
		p.add(n.Line, it.path+".type", fmt.Sprintf("unknown %s type %s (supported: %s)", what, show(n), strings.Join(kindTypes(kinds), ", ")))
		return false
	}
	return true
}

// checkItem checks an item's name (unique in first), its type (one of
// kinds) and that it has the keys its kind requires and no other keys
// than common and the kind's. It returns the item's kind, if known, and
// whether its keys are right.
func (p *parser) checkItem(it *item, what string, kinds []Kind, common []string, first map[string]int) (kd Kind, found, keysOK bool) {
	p.checkName(it, what, first)
	kd, found = findKind(kinds, it.val["type"])
	if p.checkType(it, what, kinds) {
		keysOK = p.checkKeys(it, kd, common)
	}
	return kd, found, keysOK
}

// checkKeys reports the keys kd requires that are missing and the keys
// neither common nor kd's.
func (p *parser) checkKeys(it *item, kd Kind, common []string) bool {
	ok := true
	for _, k := range kd.Keys {
		if k.Required && !it.has(k.Name) && !it.bad[k.Name] {
			p.add(it.line, it.path+"."+k.Name, "is required for type "+kd.Type)
			ok = false
		}
	}
	keys := make([]string, 0, len(it.node))
	for k := range it.node {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if !slices.Contains(common, k) && !slices.ContainsFunc(kd.Keys, func(key Key) bool { return key.Name == k }) {
			p.add(it.node[k].Line, it.path+"."+k, "is not used by type "+kd.Type)
			ok = false
		}
	}
	return ok
}

func (p *parser) checkURL(it *item, k string) bool {
	u, err := url.Parse(it.val[k])
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.User != nil {
		// Never echo the value: webhook URLs often carry a token.
		msg := "must be an http or https URL"
		if err == nil && u.User != nil {
			msg = "must not contain a user or password"
		}
		p.add(it.node[k].Line, it.path+"."+k, msg)
		return false
	}
	if msg := hostPortProblem(u); msg != "" {
		p.add(it.node[k].Line, it.path+"."+k, msg)
		return false
	}
	return true
}

// hostPortProblem says what is wrong with a URL's host and port that no
// request can reach ("" when nothing is): an empty host ("http://:80/"),
// a port that is not a number from 1 to 65535.
func hostPortProblem(u *url.URL) string {
	if u.Hostname() == "" {
		return "must name a host"
	}
	if port := u.Port(); port != "" {
		n, err := strconv.Atoi(port)
		if err != nil || n < 1 || n > 65535 {
			return "must have a port from 1 to 65535"
		}
	} else if strings.HasSuffix(u.Host, ":") {
		return "must have a port from 1 to 65535 after the ':' (or none)"
	}
	return ""
}

// kv is one entry of a mapping.
