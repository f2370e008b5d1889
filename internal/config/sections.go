package config

import (
	"fmt"
	"math"
	"net/netip"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"
)

// The sections of the top level (git, http, guard, outbox, taxonomy) are
// key tables: one row per key names it and says how its value is read.
// One loop (readSection) walks every section, so unknown keys, nulls and
// wrong shapes are reported the same way everywhere.

// field is one key of a section that fills a T.
type field[T any] struct {
	name string
	// read checks the value of key (its path, such as guard.max_shrink) and
	// stores it in t; a problem is reported and t left as it was.
	read func(p *parser, n *yaml.Node, key string, t *T)
	// nulls: a null value is read too (else it means the default).
	nulls bool
}

// section is a mapping of fields.
type section[T any] []field[T]

func (s section[T]) keys() []string {
	out := make([]string, len(s))
	for i, f := range s {
		out[i] = f.name
	}
	return out
}

// what lists the keys for a problem: "a, b and c".
func (s section[T]) what() string {
	k := s.keys()
	if len(k) == 1 {
		return k[0]
	}
	return strings.Join(k[:len(k)-1], ", ") + " and " + k[len(k)-1]
}

// readSection reads the mapping n (path: its key path, "" for the top
// level) into t.
func readSection[T any](p *parser, n *yaml.Node, path string, s section[T], t *T) {
	var entries []kv
	if path == "" {
		entries = p.pairs(n, "", 0)
	} else {
		entries = p.mapping(n, path, s.what())
	}
	for _, e := range entries {
		i := slices.IndexFunc(s, func(f field[T]) bool { return f.name == e.key })
		if i < 0 {
			p.unknown(e, path, s.keys())
			continue
		}
		if !s[i].nulls && isNull(p.resolve(e.v)) {
			continue
		}
		p.keyLine = e.k.Line
		s[i].read(p, e.v, join(path, e.key), t)
	}
}

// Field constructors for the common kinds of value.

func boolField[T any](name string, dst func(*T) *bool) field[T] {
	return field[T]{name: name, read: func(p *parser, n *yaml.Node, key string, t *T) {
		if b, ok := p.boolean(n, key); ok {
			*dst(t) = b
		}
	}}
}

func durationField[T any](name string, dst func(*T) *time.Duration) field[T] {
	return field[T]{name: name, read: func(p *parser, n *yaml.Node, key string, t *T) {
		if d, ok := p.duration(n, key); ok {
			*dst(t) = d
		}
	}}
}

func runsField[T any](name string, dst func(*T) *int) field[T] {
	return field[T]{name: name, read: func(p *parser, n *yaml.Node, key string, t *T) {
		if i, ok := p.runs(n, key); ok {
			*dst(t) = i
		}
	}}
}

// intField reads a whole number from lo to hi; msg is the problem of one
// out of range.
func intField[T any](name string, lo, hi int64, msg string, dst func(*T) *int) field[T] {
	return field[T]{name: name, read: func(p *parser, n *yaml.Node, key string, t *T) {
		if i, ok := p.integer(n, key); ok {
			if i < lo || i > hi {
				p.add(n.Line, key, msg)
			} else {
				*dst(t) = int(i)
			}
		}
	}}
}

// strField reads a string and checks it with check, which returns the
// problem ("" when the value is good).
func strField[T any](name string, check func(string) string, dst func(*T) *string) field[T] {
	return field[T]{name: name, read: func(p *parser, n *yaml.Node, key string, t *T) {
		if s, ok := p.str(n, key); ok {
			if msg := check(s); msg != "" {
				p.add(n.Line, key, msg)
			} else {
				*dst(t) = s
			}
		}
	}}
}

// authorField reads git.author ("Name <email>"); gitSection refuses a
// ${VAR} in it first.
var authorField = strField("author", func(s string) string {
	if _, _, good := splitAuthor(s); !good {
		return `must be "Name <email>" such as "careers-watcher <watcher@localhost>"`
	}
	return ""
}, func(g *Git) *string { return &g.Author })

// refersToEnv reports whether s, a value as written, holds a ${VAR}
// reference, read as expand reads it: "$$" is a literal "$", so "$${" is
// a literal "${", no reference (fromEnv's plain search took it for one).
func refersToEnv(s string) bool {
	for i := 0; i+1 < len(s); i++ {
		if s[i] != '$' {
			continue
		}
		switch s[i+1] {
		case '$':
			i++ // "$$": a literal $, the next one read past
		case '{':
			return true
		}
	}
	return false
}

var gitSection = section[Git]{
	boolField("commit", func(g *Git) *bool { return &g.Commit }),
	{name: "author", read: func(p *parser, n *yaml.Node, key string, g *Git) {
		if r := p.resolve(n); r.Kind == yaml.ScalarNode && refersToEnv(r.Value) {
			// DESIGN invariant 8: no value from the environment in any
			// commit, and the author is written into every one
			p.add(n.Line, key, "must not take a ${VAR}: the author is written into every commit, where no value from the environment may appear (write the name and email in the config)")
			return
		}
		authorField.read(p, n, key, g)
	}},
	strField("repository", func(s string) string {
		if s != RepoOwn && s != RepoEnclosing {
			return `must be "own" (the snapshot folder's own repository) or "enclosing" (the repository that holds the snapshot folder)`
		}
		return ""
	}, func(g *Git) *string { return &g.Repository }),
	{name: "push", read: func(p *parser, n *yaml.Node, key string, g *Git) {
		readSection(p, n, key, pushSection, &g.Push)
		switch {
		case g.Push.Remote == "":
			p.add(n.Line, key+".remote", "is required (a remote name such as origin, or a URL)")
		case g.Push.Token != "" && g.Push.SSHKey != "":
			p.add(n.Line, key, "token (HTTPS) and ssh_key (SSH) exclude each other")
		case g.Push.Token != "" && !strings.HasPrefix(g.Push.Remote, "https://") && !strings.HasPrefix(g.Push.Remote, "http://"):
			p.add(n.Line, key+".token", "needs an https:// remote URL")
		case g.Push.Token != "" && strings.HasPrefix(g.Push.Remote, "http://") && !loopbackURL(g.Push.Remote):
			p.add(n.Line, key+".token", "needs an https:// remote URL: over http:// the token would cross the network in clear text (http:// is accepted only for a loopback address)")
		}
	}},
}

// loopbackURL reports whether the host of raw is localhost or a loopback
// address (where a plain http:// remote does not leave the machine).
func loopbackURL(raw string) bool {
	u, err := url.Parse(raw)
	if err != nil {
		return false
	}
	h := u.Hostname()
	if strings.EqualFold(h, "localhost") {
		return true
	}
	ip, err := netip.ParseAddr(h)
	return err == nil && ip.IsLoopback()
}

var pushSection = section[GitPush]{
	strField("remote", func(s string) string {
		if strings.TrimSpace(s) == "" || strings.ContainsAny(s, "\r\n\x00") {
			return "must be a remote name such as origin or a URL on one line"
		}
		return ""
	}, func(g *GitPush) *string { return &g.Remote }),
	strField("branch", func(s string) string {
		if s == "" || strings.ContainsAny(s, " ~^:?*[\\\r\n\x00") || strings.HasPrefix(s, "-") {
			return "must be a branch name such as main"
		}
		return ""
	}, func(g *GitPush) *string { return &g.Branch }),
	strField("username", func(string) string { return "" }, func(g *GitPush) *string { return &g.Username }),
	strField("token", func(string) string { return "" }, func(g *GitPush) *string { return &g.Token }),
	strField("ssh_key", func(s string) string {
		if !strings.Contains(s, "PRIVATE KEY") {
			return "must be a PEM private key (its text, such as ${GIT_SSH_KEY})"
		}
		return ""
	}, func(g *GitPush) *string { return &g.SSHKey }),
	intField("retries", 1, 10, "must be between 1 and 10 (total attempts of a push)", func(g *GitPush) *int { return &g.Retries }),
}

var httpSection = section[HTTP]{
	strField("user_agent", func(s string) string {
		switch {
		case strings.TrimSpace(s) == "":
			return "must not be empty"
		case strings.ContainsAny(s, "\r\n\x00"):
			return "must be a single line"
		}
		return ""
	}, func(h *HTTP) *string { return &h.UserAgent }),
	durationField("timeout", func(h *HTTP) *time.Duration { return &h.Timeout }),
	durationField("source_budget", func(h *HTTP) *time.Duration { return &h.SourceBudget }),
	durationField("per_host_delay", func(h *HTTP) *time.Duration { return &h.PerHostDelay }),
	{name: "max_body", read: func(p *parser, n *yaml.Node, key string, h *HTTP) {
		if s, ok := p.str(n, key); ok {
			size, err := parseSize(s)
			switch {
			case err != nil:
				p.add(n.Line, key, "must be a size such as 10MB, 512KB, 1GB or a number of bytes (units are binary: 1KB = 1024 bytes)")
			case size <= 0:
				p.add(n.Line, key, "must be greater than 0")
			default:
				h.MaxBody = size
			}
		}
	}},
	boolField("robots", func(h *HTTP) *bool { return &h.Robots }),
	intField("retries", 1, 10, "must be between 1 and 10 (total attempts per request)", func(h *HTTP) *int { return &h.Retries }),
	boolField("allow_private", func(h *HTTP) *bool { return &h.AllowPrivate }),
	{name: "hosts", read: func(p *parser, n *yaml.Node, key string, h *HTTP) { h.Hosts = p.hosts(n, key) }},
}

var hostSection = section[HostLimit]{
	durationField("delay", func(h *HostLimit) *time.Duration { return &h.Delay }),
	intField("concurrency", 1, MaxHostConcurrency, fmt.Sprintf("must be from 1 to %d (requests in flight to the host)", MaxHostConcurrency),
		func(h *HostLimit) *int { return &h.Concurrency }),
}

// hosts reads http.hosts: host name (or host:port) -> delay and
// concurrency. A missing delay is filled in from per_host_delay once the
// whole http section is read (see config).
func (p *parser) hosts(n *yaml.Node, path string) map[string]HostLimit {
	entries := p.mapping(n, path, "host names such as boards-api.greenhouse.io")
	if len(entries) == 0 {
		return nil
	}
	out := make(map[string]HostLimit, len(entries))
	first := make(map[string]int)
	for _, e := range entries {
		key := join(path, e.key)
		host := strings.ToLower(strings.TrimSpace(e.key))
		if msg := checkHost(host); msg != "" {
			p.add(e.k.Line, key, msg)
			continue
		}
		if l, dup := first[host]; dup {
			p.add(e.k.Line, key, fmt.Sprintf("duplicate host (first at line %d)", l))
			continue
		}
		first[host] = e.k.Line
		if r := p.resolve(e.v); isNull(r) || r.Kind != yaml.MappingNode {
			p.add(e.v.Line, key, "must be a mapping with delay and concurrency, not "+kindName(r))
			continue
		}
		limit := HostLimit{Concurrency: 1}
		readSection(p, e.v, key, hostSection, &limit)
		out[host] = limit
	}
	return out
}

// checkHost returns the problem with a key of http.hosts ("" when good): a
// host name or IP address, optionally with a port, nothing else.
func checkHost(h string) string {
	const form = "must be a host name such as boards-api.greenhouse.io, optionally with a port (host:8080); no scheme or path"
	if h == "" || strings.ContainsAny(h, "/?#@ \t") {
		return form
	}
	u, err := url.Parse("http://" + h)
	if err != nil || u.Host != h || u.Hostname() == "" {
		return form
	}
	if port := u.Port(); port != "" {
		if n, err := strconv.Atoi(port); err != nil || n < 1 || n > 65535 {
			return "port must be from 1 to 65535"
		}
	} else if strings.HasSuffix(h, ":") {
		return form
	}
	return ""
}

var guardSection = section[Guard]{
	runsField("remove_after", func(g *Guard) *int { return &g.RemoveAfter }),
	runsField("fail_after", func(g *Guard) *int { return &g.FailAfter }),
	{name: "max_shrink", read: func(p *parser, n *yaml.Node, key string, g *Guard) {
		if f, ok := p.share(n, key); ok {
			g.MaxShrink = f
		}
	}},
	durationField("shrink_pause", func(g *Guard) *time.Duration { return &g.ShrinkPause }),
}

var outboxSection = section[Outbox]{
	durationField("expire", func(o *Outbox) *time.Duration { return &o.Expire }),
	durationField("retry_every", func(o *Outbox) *time.Duration { return &o.RetryEvery }),
	durationField("budget", func(o *Outbox) *time.Duration { return &o.Budget }),
	intField("max_pending", 1, 10_000_000, "must be from 1 to 10000000", func(o *Outbox) *int { return &o.MaxPending }),
	runsField("break_after", func(o *Outbox) *int { return &o.BreakAfter }),
}

var taxonomySection = section[Taxonomy]{
	{name: "skills", nulls: true, read: func(p *parser, n *yaml.Node, key string, t *Taxonomy) {
		t.Skills = p.skills(n, key)
	}},
}

// runs reads a number of runs in a row: a whole number from 1 to 100.
func (p *parser) runs(n *yaml.Node, key string) (int, bool) {
	i, ok := p.integer(n, key)
	if !ok {
		return 0, false
	}
	if i < 1 || i > 100 {
		p.add(n.Line, key, "must be between 1 and 100 (runs in a row)")
		return 0, false
	}
	return int(i), true
}

// share reads a share of a listing: 0.5 or "50%", greater than 0 and at
// most 1.
func (p *parser) share(n *yaml.Node, key string) (float64, bool) {
	s, ok := p.str(n, key)
	if !ok {
		return 0, false
	}
	s = strings.TrimSpace(s)
	div := 1.0
	if t, pct := strings.CutSuffix(s, "%"); pct {
		s, div = strings.TrimSpace(t), 100
	}
	f, err := strconv.ParseFloat(s, 64)
	if err == nil {
		f /= div
	}
	if err != nil || math.IsNaN(f) || f <= 0 || f > 1 {
		p.add(n.Line, key, `must be a share greater than 0 and at most 1, such as 0.5 or "50%"`)
		return 0, false
	}
	return f, true
}

var skillKeys = []string{"name", "category", "aliases"}

func (p *parser) skills(n *yaml.Node, path string) []Skill {
	var out []Skill
	var at []skillAt
	problems := len(p.probs)
	first := make(map[string]int)
	for i, item := range p.sequence(n, path) {
		ipath := fmt.Sprintf("%s[%d]", path, i)
		var s Skill
		nameLine, nameNode := item.Line, item
		where := skillAt{path: ipath, line: item.Line}
		if r := p.resolve(item); r.Kind != yaml.MappingNode {
			p.add(item.Line, ipath, "must be a mapping with name, category and aliases, not "+kindName(r))
			continue
		}
		for _, e := range p.mapping(item, ipath, "name, category and aliases") {
			key := ipath + "." + e.key
			switch e.key {
			case "name":
				s.Name, _ = p.str(e.v, key)
				s.Name = strings.TrimSpace(s.Name)
				nameLine, nameNode = e.v.Line, p.resolve(e.v)
			case "category":
				s.Category, _ = p.str(e.v, key)
				where.category = e.v.Line
			case "aliases":
				s.Aliases = p.strList(e.v, key, true)
				if r := p.resolve(e.v); r.Kind == yaml.SequenceNode {
					for _, a := range r.Content {
						where.aliases = append(where.aliases, a.Line)
					}
				}
			default:
				p.unknown(e, ipath, skillKeys)
			}
		}
		if s.Name == "" {
			p.add(item.Line, ipath+".name", "is required")
			continue
		}
		fold := strings.ToLower(s.Name)
		if l, dup := first[fold]; dup {
			p.add(nameLine, ipath+".name", fmt.Sprintf("duplicate skill %s (first at line %d)", show(nameNode), l))
			continue
		}
		first[fold] = nameLine
		where.name = nameLine
		out = append(out, s)
		at = append(at, where)
	}
	if len(p.probs) == problems && len(out) > 0 {
		p.checkTaxonomy(out, at)
	}
	return out
}
