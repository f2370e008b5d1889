package config

import (
	"encoding/base64"
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"
)

var nameRE = regexp.MustCompile(`^[a-z0-9-]+$`)

func validName(s string) bool { return len(s) <= 64 && nameRE.MatchString(s) }

const nameRule = "use lowercase letters, digits and hyphens, at most 64 characters"

// item collects the keys of one list item: their string values, nodes and
// lines. Keys whose value had a problem are in bad; null and "" values are
// left out (a missing required key is then reported once).
type item struct {
	path  string
	line  int
	val   map[string]string
	node  map[string]*yaml.Node
	lists map[string][]string
	bad   map[string]bool
}

func newItem(path string, line int) *item {
	return &item{path: path, line: line, val: map[string]string{}, node: map[string]*yaml.Node{},
		lists: map[string][]string{}, bad: map[string]bool{}}
}

func (it *item) has(k string) bool { _, ok := it.node[k]; return ok }

// fields reads the keys of a source or notifier item; lists are the keys
// whose values are lists of strings, custom the keys read by the caller.
func (p *parser) fields(n *yaml.Node, it *item, known, lists []string, custom func(kv) bool) bool {
	r := p.resolve(n)
	if r.Kind != yaml.MappingNode {
		p.add(n.Line, it.path, "must be a mapping with keys such as name and type, not "+kindName(r))
		return false
	}
	for _, e := range p.pairs(r, it.path, 0) {
		key := it.path + "." + e.key
		if !slices.Contains(known, e.key) {
			p.unknown(e, it.path, known)
			continue
		}
		if isNull(p.resolve(e.v)) {
			continue
		}
		if custom != nil && custom(e) {
			continue
		}
		if slices.Contains(lists, e.key) {
			l := p.strList(e.v, key, true)
			if l == nil {
				it.bad[e.key] = true
				continue
			}
			it.lists[e.key], it.node[e.key] = l, e.k
			continue
		}
		s, ok := p.str(e.v, key)
		switch {
		case !ok:
			it.bad[e.key] = true
		case strings.TrimSpace(s) != "":
			it.val[e.key], it.node[e.key] = s, e.v
		}
	}
	return true
}

func validSecret(s string) bool {
	b64, ok := strings.CutPrefix(s, "whsec_")
	if !ok {
		return false
	}
	raw, err := base64.StdEncoding.DecodeString(b64)
	return err == nil && len(raw) >= 16
}

func validDomain(s string) bool {
	if len(s) > 253 || strings.HasPrefix(s, ".") || strings.HasSuffix(s, ".") || !strings.Contains(s, ".") {
		return false
	}
	for label := range strings.SplitSeq(s, ".") {
		if label == "" || len(label) > 63 || label[0] == '-' || label[len(label)-1] == '-' {
			return false
		}
		for i := 0; i < len(label); i++ {
			c := label[i]
			if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-') {
				return false
			}
		}
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
	if l, dup := first[name]; dup {
		p.add(n.Line, it.path+".name", fmt.Sprintf("duplicate %s name %s (first at line %d)", what, show(n), l))
		return false
	}
	first[name] = n.Line
	return true
}

// checkType checks that an item's type is one of types.
func (p *parser) checkType(it *item, what string, types []string) bool {
	if it.bad["type"] {
		return false
	}
	n, ok := it.node["type"]
	if !ok {
		p.add(it.line, it.path+".type", "is required (one of "+strings.Join(types, ", ")+")")
		return false
	}
	if !slices.Contains(types, it.val["type"]) {
		p.add(n.Line, it.path+".type", fmt.Sprintf("unknown %s type %s (supported: %s)", what, show(n), strings.Join(types, ", ")))
		return false
	}
	return true
}

// checkKeys reports required keys that are missing and keys the type does
// not use.
func (p *parser) checkKeys(it *item, typ string, common, required, optional []string) bool {
	ok := true
	for _, k := range required {
		if !it.has(k) && !it.bad[k] {
			p.add(it.line, it.path+"."+k, "is required for type "+typ)
			ok = false
		}
	}
	keys := make([]string, 0, len(it.node))
	for k := range it.node {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if !slices.Contains(common, k) && !slices.Contains(required, k) && !slices.Contains(optional, k) {
			p.add(it.node[k].Line, it.path+"."+k, "is not used by type "+typ)
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
	return true
}

// kv is one entry of a mapping.
