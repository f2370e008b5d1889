package config

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"
)

// Plug-ins own their configuration. A source type or a channel is a Kind:
// the keys it takes besides the common ones, their shapes and whether they
// are required, and a typed config the keys are decoded into. Parse walks
// the YAML (shapes, ${VAR}s, unknown keys, required keys, keys a type does
// not use, with file, line and key path) and hands each item's own keys to
// its Kind: they are decoded into Kind.New()'s value with yaml.Node.Decode
// (yaml tags name the keys), whose Validate, if it has one, checks what the
// values mean and reports through a Check, which knows every key's line.
//
// The build's kinds reach Parse as a Plugins value, listed once by the
// packages that own the lists (scrape/platforms, watch for the channels).

// Plugins are the source types and channels a build knows, in the order
// they are listed (the order of "supported: ..." in problems).
type Plugins struct {
	Sources  []Kind
	Channels []Kind
	// DatabaseURL reads store.database_url as the commands that connect
	// read it (the PostgreSQL driver's own parser), so that a parameter
	// the runtime would refuse is a config problem with its line; nil:
	// only the checks of the config itself. Its error may quote the
	// string: it is never shown. (The build's list gives the driver's;
	// the config package does not import the driver, so that a test
	// binary of a source type or channel does not link it.)
	DatabaseURL func(string) error
}

// Kind is one source type or channel as the config reads it.
type Kind struct {
	Type string // the value of the type key: greenhouse, slack, ...
	// Keys are the keys of this type besides the common ones (for sources
	// the common url key is listed here too, to say whether it is required).
	// Two kinds that take the same key give it the same shape.
	Keys []Key
	// New returns the typed config, holding its defaults, that the keys are
	// decoded into (a pointer to a struct with yaml tags); nil: the type has
	// no keys of its own. A value with a Validate(*Check) method is checked
	// with it after decoding.
	New func() any
}

// Shape is what a key's value must look like.
type Shape int

// The shapes of a key's value.
const (
	String   Shape = iota // a string (numbers and booleans as written); ${VAR}s expanded
	List                  // a list of non-empty strings
	Int                   // a whole number from Key.Min to Key.Max
	Duration              // a duration greater than 0, such as 30s
	URL                   // an http or https URL without a user or password; never echoed
	Map                   // a mapping of Key.Sub keys to strings
	Headers               // HTTP header names to single-line values; Key.Reserved ones refused
	Bool                  // true or false
	Runs                  // a number of runs in a row: 1 to 100
	Share                 // a share greater than 0 and at most 1: 0.5 or "50%"
)

// Key is one key of a kind.
type Key struct {
	Name     string
	Shape    Shape
	Required bool
	Min, Max int64    // Int
	Sub      []string // Map: its keys, in the order problems list them
	Reserved []string // Headers: names the channel sets itself (canonical form)
	// Always: a channel's value is checked whenever it is given, even when
	// the notifier's type or other keys are wrong (the others are checked
	// once those are right). Source keys are always checked.
	Always bool
	// Plain: a source type's key whose value holds no credential (a
	// board's slug, a tenant, a domain, selectors: what the board itself
	// shows): its ${VAR}s are no secrets. A key not marked Plain is
	// secret-bearing (a URL, a sitemap, a links pattern, any key added
	// later), and so is every key of a channel. A URL or headers key is
	// never plain.
	Plain bool
}

// Validator is implemented by a typed config that checks what its values
// mean once they are decoded.
type Validator interface {
	Validate(c *Check)
}

// Check is what a Validate method reports through: it knows the file, the
// item's key path and the line of every key of the item.
type Check struct {
	p  *parser
	it *item
}

// Has reports whether key (such as "board", "selectors.link" or "to") was
// given with a value. An empty list counts as given.
func (c *Check) Has(key string) bool {
	if c.it.has(key) {
		return true
	}
	_, ok := c.it.raw[key]
	return ok
}

// Bad reports whether key had a problem already (its value was not
// decoded): a Validate should not call it missing.
func (c *Check) Bad(key string) bool { return c.it.bad[key] }

// Problem reports msg about key (a key of the item, "selectors.item" or
// "to[2]") at the line of its value; a key not given is reported at the
// line of the key it is part of, else of the item.
func (c *Check) Problem(key, msg string) {
	c.p.add(c.line(key), c.it.path+"."+key, msg)
}

func (c *Check) line(key string) int {
	for k := key; k != ""; {
		if n, ok := c.it.raw[k]; ok {
			return n.Line
		}
		if n, ok := c.it.node[k]; ok {
			return n.Line
		}
		i := strings.LastIndexAny(k, ".[")
		if i < 0 {
			break
		}
		k = k[:i]
	}
	return c.it.line
}

// Shown is the value of key as written in the file, quoted: before ${VAR}
// expansion, so that a value from the environment never reaches a message.
func (c *Check) Shown(key string) string {
	if secretKey(key) {
		return "(a credential: not shown)"
	}
	if n, ok := c.it.raw[key]; ok {
		return show(n)
	}
	return `""`
}

// FromEnv reports whether the value of key was written with a ${VAR}: a
// message must then not show what the value holds (an error quoting it).
func (c *Check) FromEnv(key string) bool {
	n, ok := c.it.raw[key]
	return ok && strings.Contains(n.Value, "$")
}

// union is the keys of the common keys and of every kind, each once, in
// order: the first kind to take a key gives its shape.
type union struct {
	names []string
	keys  map[string]Key
	owner map[string]string // the type of the kind that takes a key first; "" for a common key
}

func newUnion(common []Key, kinds []Kind, tail []Key) union {
	u := union{keys: map[string]Key{}, owner: map[string]string{}}
	add := func(k Key, owner string) {
		if _, ok := u.keys[k.Name]; !ok {
			u.keys[k.Name], u.owner[k.Name] = k, owner
			u.names = append(u.names, k.Name)
		}
	}
	for _, k := range common {
		add(k, "")
	}
	for _, kd := range kinds {
		for _, k := range kd.Keys {
			add(k, kd.Type)
		}
	}
	for _, k := range tail {
		add(k, "")
	}
	return u
}

func kindTypes(kinds []Kind) []string {
	out := make([]string, len(kinds))
	for i, k := range kinds {
		out[i] = k.Type
	}
	return out
}

func findKind(kinds []Kind, typ string) (Kind, bool) {
	i := slices.IndexFunc(kinds, func(k Kind) bool { return k.Type == typ })
	if i < 0 {
		return Kind{}, false
	}
	return kinds[i], true
}

// readKey reads the value of one key of an item by its shape into it:
// it.clean holds the value as a node for decoding, it.node the node whose
// line the key is reported at, it.raw the values as written.
func (p *parser) readKey(it *item, e kv, k Key) {
	key := it.path + "." + e.key
	switch k.Shape {
	case List:
		l := p.strList(e.v, key, true)
		if l == nil {
			it.bad[e.key] = true
			return
		}
		seq := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
		for j, s := range l {
			seq.Content = append(seq.Content, strNode(s))
			it.raw[fmt.Sprintf("%s[%d]", e.key, j)] = p.resolve(p.resolve(e.v).Content[j])
		}
		it.clean[e.key], it.node[e.key] = seq, e.k
	case Int, Duration, Bool, Runs, Share:
		it.node[e.key] = e.v
		c, ok := p.scalar(k, e.v, key)
		if !ok {
			it.bad[e.key] = true
			return
		}
		it.clean[e.key] = c
	case Map:
		p.readMap(it, e, k)
	case Headers:
		h, ok := p.headers(e.v, key, k.Reserved)
		if !ok {
			it.bad[e.key] = true
		}
		if ok && len(h.names) > 0 {
			m := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
			for _, name := range h.names {
				m.Content = append(m.Content, strNode(name), strNode(h.values[name]))
			}
			it.clean[e.key], it.node[e.key] = m, e.k
		}
	default: // String, URL
		s, ok := p.str(e.v, key)
		switch {
		case !ok:
			it.bad[e.key] = true
		case strings.TrimSpace(s) != "":
			r := p.resolve(e.v)
			it.val[e.key], it.node[e.key], it.raw[e.key] = s, e.v, r
			if r.Value == s && r.Kind == yaml.ScalarNode && r.ShortTag() == "!!str" {
				// the string as written decodes as itself: no copy (a
				// fleet's config has tens of thousands)
				it.clean[e.key] = r
			} else {
				it.clean[e.key] = strNode(s)
			}
		}
	}
}

// scalar reads a value of a scalar shape other than String, as a node
// tagged for decoding; ok is false when a problem was reported.
func (p *parser) scalar(k Key, n *yaml.Node, key string) (*yaml.Node, bool) {
	var tag, v string
	ok := false
	switch k.Shape {
	case Int:
		var i int64
		if i, ok = p.integer(n, key); ok && (i < k.Min || i > k.Max) {
			p.add(n.Line, key, fmt.Sprintf("must be between %d and %d", k.Min, k.Max))
			ok = false
		}
		tag, v = "!!int", strconv.FormatInt(i, 10)
	case Duration:
		var d time.Duration
		d, ok = p.duration(n, key)
		tag, v = "!!str", d.String()
	case Bool:
		var b bool
		b, ok = p.boolean(n, key)
		tag, v = "!!bool", strconv.FormatBool(b)
	case Runs:
		var i int
		i, ok = p.runs(n, key)
		tag, v = "!!int", strconv.Itoa(i)
	case Share:
		var f float64
		f, ok = p.share(n, key)
		tag, v = "!!float", strconv.FormatFloat(f, 'g', -1, 64)
	}
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: tag, Value: v}, ok
}

// readMap reads a mapping of k.Sub keys to strings (trimmed; empty ones
// left out).
func (p *parser) readMap(it *item, e kv, k Key) {
	path := it.path + "." + e.key
	it.node[e.key] = e.k // given, even when its value is not a mapping
	r := p.resolve(e.v)
	if r.Kind != yaml.MappingNode {
		p.add(e.v.Line, path, "must be a mapping with "+andList(k.Sub)+", not "+kindName(r))
		it.bad[e.key] = true
		return
	}
	m := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
	for _, s := range p.pairs(r, path, 0) {
		if !slices.Contains(k.Sub, s.key) {
			p.unknown(s, path, k.Sub)
			it.bad[e.key+"."+s.key] = true
			continue
		}
		if isNull(p.resolve(s.v)) {
			continue
		}
		v, good := p.str(s.v, path+"."+s.key)
		if !good {
			it.bad[e.key+"."+s.key] = true
			continue
		}
		if v = strings.TrimSpace(v); v == "" {
			continue
		}
		it.raw[e.key+"."+s.key] = p.resolve(s.v)
		m.Content = append(m.Content, strNode(s.key), strNode(v))
	}
	it.clean[e.key] = m
}

// settings decodes the kind's keys of it into the kind's typed config and
// validates them; keys, when not nil, limits them to those.
func (p *parser) settings(it *item, kd Kind, keys []string) any {
	if kd.New == nil {
		return nil
	}
	v := kd.New()
	m := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
	for _, k := range kd.Keys {
		if n, ok := it.clean[k.Name]; ok && (keys == nil || slices.Contains(keys, k.Name)) {
			m.Content = append(m.Content, strNode(k.Name), n)
		}
	}
	if err := m.Decode(v); err != nil {
		// the shapes were checked: this is a kind whose yaml tags do not
		// match its Keys
		p.add(it.line, it.path, fmt.Sprintf("type %s: %v", kd.Type, err))
		return nil
	}
	if val, ok := v.(Validator); ok {
		val.Validate(&Check{p: p, it: it})
	}
	return v
}

// validateForeign checks the values of the keys given to a source that
// its type does not take (all of them when the type is unknown) with the
// kind that takes each first, so that a wrong value is reported beside "is
// not used by type": a domain that is no domain name, a selector that does
// not compile.
// only, when not nil, limits the keys checked.
func (p *parser) validateForeign(it *item, own Kind, found bool, kinds []Kind, all union, only func(Key) bool) {
	for _, kd := range kinds {
		if found && kd.Type == own.Type {
			continue
		}
		var keys []string
		for _, k := range kd.Keys {
			_, given := it.clean[k.Name]
			ownKey := found && slices.ContainsFunc(own.Keys, func(o Key) bool { return o.Name == k.Name })
			if given && !ownKey && all.owner[k.Name] == kd.Type && (only == nil || only(k)) {
				keys = append(keys, k.Name)
			}
		}
		if len(keys) > 0 {
			p.settings(it, kd, keys)
		}
	}
}

func strNode(s string) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s}
}

// andList joins "a, b and c".
func andList(k []string) string {
	if len(k) <= 1 {
		return strings.Join(k, "")
	}
	return strings.Join(k[:len(k)-1], ", ") + " and " + k[len(k)-1]
}

// SettingsOf is the typed config T held in a Source's or Notifier's
// Settings (a *T, as Kind.New made it), or T's zero value when it holds
// none: an adapter or channel made by hand, as tests do, may leave it out.
func SettingsOf[T any](settings any) T {
	if c, ok := settings.(*T); ok && c != nil {
		return *c
	}
	var zero T
	return zero
}
