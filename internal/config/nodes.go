package config

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"
)

type kv struct {
	k, v *yaml.Node
	key  string
}

// mapping returns the entries of n, which must be a mapping (null: no
// entries); what names the expected keys in the problem.
func (p *parser) mapping(n *yaml.Node, path, what string) []kv {
	r := p.resolve(n)
	if isNull(r) {
		return nil
	}
	if r.Kind != yaml.MappingNode {
		p.add(n.Line, path, "must be a mapping with "+what+", not "+kindName(r))
		return nil
	}
	return p.pairs(r, path, 0)
}

// pairs returns the entries of mapping n with merge keys (<<) applied:
// entries written in n win over merged ones, earlier merged mappings over
// later ones. Duplicate and non-scalar keys are reported.
func (p *parser) pairs(n *yaml.Node, path string, depth int) []kv {
	var out, merged []kv
	seen := make(map[string]int)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := p.resolve(n.Content[i]), n.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			p.add(k.Line, path, "keys must be plain strings, not "+kindName(k))
			continue
		}
		if k.ShortTag() == "!!merge" {
			merged = append(merged, p.merge(v, path, depth)...)
			continue
		}
		if i := strings.IndexByte(k.Value, 0); i >= 0 {
			// a "\0" escape in a quoted key: named here, then read
			// without it, so that no "is required" hides the cause
			p.add(k.Line, join(path, strconv.Quote(k.Value)), nulMessage("key", i))
			k = &yaml.Node{Kind: k.Kind, Tag: k.Tag, Line: k.Line, Column: k.Column, Value: strings.ReplaceAll(k.Value, "\x00", "")}
		}
		if l, dup := seen[k.Value]; dup {
			p.add(k.Line, join(path, k.Value), fmt.Sprintf("duplicate key (first at line %d)", l))
			continue
		}
		seen[k.Value] = k.Line
		out = append(out, kv{k: k, v: v, key: k.Value})
	}
	for _, e := range merged {
		if _, dup := seen[e.key]; !dup {
			seen[e.key] = e.k.Line
			out = append(out, e)
		}
	}
	return out
}

func (p *parser) merge(v *yaml.Node, path string, depth int) []kv {
	if depth >= maxMergeDepth {
		p.add(v.Line, path, "merge keys (<<) nested too deeply")
		return nil
	}
	r := p.resolve(v)
	switch r.Kind {
	case yaml.MappingNode:
		return p.pairs(r, path, depth+1)
	case yaml.SequenceNode:
		var out []kv
		for _, m := range r.Content {
			mr := p.resolve(m)
			if mr.Kind != yaml.MappingNode {
				p.add(m.Line, path, "a merge key (<<) takes a mapping or a list of mappings")
				continue
			}
			out = append(out, p.pairs(mr, path, depth+1)...)
		}
		return out
	}
	p.add(v.Line, path, "a merge key (<<) takes a mapping or a list of mappings")
	return nil
}

// sequence returns the items of n, which must be a list (null: none).
func (p *parser) sequence(n *yaml.Node, path string) []*yaml.Node {
	r := p.resolve(n)
	if isNull(r) {
		return nil
	}
	if r.Kind != yaml.SequenceNode {
		p.add(n.Line, path, "must be a list, not "+kindName(r))
		return nil
	}
	return r.Content
}

func (p *parser) unknown(e kv, path string, known []string) {
	msg := "unknown key"
	best, bestD := "", 3
	for _, k := range known {
		if d := distance(strings.ToLower(e.key), k); d < bestD {
			best, bestD = k, d
		}
	}
	if best != "" {
		msg += fmt.Sprintf(" (did you mean %s?)", best)
	} else {
		msg += " (known keys: " + strings.Join(known, ", ") + ")"
	}
	p.add(e.k.Line, join(path, e.key), msg)
}

// str reads a string: ${VAR}s are expanded in string scalars; numbers and
// booleans are taken as written; null is "". ok is false when a problem was
// reported.
func (p *parser) str(n *yaml.Node, key string) (string, bool) {
	r := p.resolve(n)
	if r.Kind != yaml.ScalarNode {
		p.add(n.Line, key, "must be a string, not "+kindName(r))
		return "", false
	}
	switch r.ShortTag() {
	case "!!null":
		return "", true
	case "!!str":
		if i := strings.IndexByte(r.Value, 0); i >= 0 {
			p.add(n.Line, key, nulMessage("value", i))
			return "", false
		}
		s, problems := expand(r.Value, p.envFor(key))
		if name := bareVar(r.Value); name != "" && len(problems) == 0 && !strings.Contains(key, "template") {
			// The name is shown only when it is the whole value: inside a
			// longer one (a password "Pa$sword1") it is part of what may
			// be a credential.
			whole := r.Value == "$"+name
			msg := "a $ followed by a name is kept as written, not read from the environment: write ${NAME} for a variable, $$ for a literal $"
			if whole {
				msg = "$" + name + " is kept as written, not read from the environment: write ${" + name + "} for the variable, $$ for a literal $"
			}
			if whole && secretKey(key) {
				// the credential would be the variable's name, which
				// anyone reading the config knows
				problems = append(problems, msg)
			} else {
				p.warns = append(p.warns, Warning{Line: n.Line, Msg: key + ": " + msg})
			}
		}
		for _, msg := range problems {
			p.add(n.Line, key, msg)
		}
		return s, len(problems) == 0
	case "!!int", "!!float", "!!bool", "!!timestamp":
		return r.Value, true
	}
	p.add(n.Line, key, "unsupported tag "+r.Tag)
	return "", false
}

func (p *parser) boolean(n *yaml.Node, key string) (bool, bool) {
	s, ok := p.str(n, key)
	if !ok {
		return false, false
	}
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "true":
		return true, true
	case "false":
		return false, true
	}
	p.add(n.Line, key, "must be true or false")
	return false, false
}

func (p *parser) integer(n *yaml.Node, key string) (int64, bool) {
	s, ok := p.str(n, key)
	if !ok {
		return 0, false
	}
	i, err := strconv.ParseInt(strings.TrimSpace(s), 0, 64)
	if err != nil {
		p.add(n.Line, key, "must be a whole number")
		return 0, false
	}
	return i, true
}

func (p *parser) duration(n *yaml.Node, key string) (time.Duration, bool) {
	s, ok := p.str(n, key)
	if !ok {
		return 0, false
	}
	d, err := time.ParseDuration(strings.TrimSpace(s))
	if err != nil {
		p.add(n.Line, key, "must be a duration such as 30s, 1m or 1h30m")
		return 0, false
	}
	if d <= 0 {
		p.add(n.Line, key, "must be greater than 0")
		return 0, false
	}
	return d, true
}

// strList reads a list of strings (null: nil). nonEmpty reports empty items.
// It returns nil when anything was wrong.
func (p *parser) strList(n *yaml.Node, key string, nonEmpty bool) []string {
	r := p.resolve(n)
	if isNull(r) {
		return nil
	}
	if r.Kind != yaml.SequenceNode {
		p.add(n.Line, key, "must be a list such as [a, b], not "+kindName(r))
		return nil
	}
	out := make([]string, 0, len(r.Content))
	ok := true
	for i, item := range r.Content {
		ikey := fmt.Sprintf("%s[%d]", key, i)
		s, good := p.str(item, ikey)
		if !good {
			ok = false
			continue
		}
		if nonEmpty && strings.TrimSpace(s) == "" {
			p.add(item.Line, ikey, "must not be empty")
			ok = false
			continue
		}
		out = append(out, s)
	}
	if !ok {
		return nil
	}
	return out
}

func (p *parser) resolve(n *yaml.Node) *yaml.Node {
	for i := 0; n.Kind == yaml.AliasNode; i++ {
		p.aliases++
		p.step()
		if n.Alias == nil || i > 100 {
			return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!null", Line: n.Line, Column: n.Column}
		}
		n = n.Alias
	}
	p.step()
	return n
}

func isNull(n *yaml.Node) bool {
	return n.Kind == 0 || n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null"
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		if n.ShortTag() == "!!null" {
			return "empty"
		}
		return "a single value"
	}
	return "empty"
}

// nulMessage names a NUL byte (a "\0" escape in a quoted scalar) in a
// key or value as written in the file, and where it is.
func nulMessage(what string, at int) string {
	return fmt.Sprintf("the %s has a NUL byte (\\x00) at byte %d: remove its escape (\\0, \\x00 or \\u0000)", what, at+1)
}

// show quotes a scalar as written in the file, before ${VAR} expansion, so
// that values from the environment never reach a message.
func show(n *yaml.Node) string {
	v := n.Value
	if len(v) > 80 {
		v = v[:77] + "..."
	}
	return strconv.Quote(v)
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// distance is the Levenshtein distance of two short strings.
func distance(a, b string) int {
	if len(a) > 64 || len(b) > 64 {
		return 1 << 30
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
