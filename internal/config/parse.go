package config

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"io"
	"math"
	"net/http"
	"net/mail"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/andybalholm/cascadia"
	"go.yaml.in/yaml/v3"
	"golang.org/x/net/http/httpguts"

	"github.com/careers-watcher/careers-watcher/internal/notify/filter"
	"github.com/careers-watcher/careers-watcher/internal/notify/render"
	"github.com/careers-watcher/careers-watcher/internal/redact"
)

// Parse parses, expands, defaults and validates a config. filename is only
// used in problems and to resolve a relative snapshot directory. getenv
// looks up ${VAR}s (nil: os.LookupEnv). On any problem it returns nil and an
// *Error listing all of them.
func Parse(data []byte, filename string, getenv func(string) (string, bool)) (*Config, error) {
	if getenv == nil {
		getenv = os.LookupEnv
	}
	p := &parser{file: filename}
	p.getenv = p.recordEnv(getenv)
	cfg := p.run(data)
	if len(p.probs) > 0 {
		// no message should hold a value, but none may
		red := redact.New(p.secretList())
		probs := p.sorted()
		for i := range probs {
			probs[i].Msg = red.String(probs[i].Msg)
		}
		return nil, &Error{Problems: probs}
	}
	cfg.Secrets = p.secretList()
	return cfg, nil
}

// maxSteps bounds the work on one document: aliases can make a small file
// describe an exponentially large tree.
const maxSteps = 200_000

// maxMergeDepth bounds merge keys (<<) inside merged mappings.
const maxMergeDepth = 8

type tooComplex struct{}

type parser struct {
	file   string
	getenv func(string) (string, bool)
	probs  []Problem
	steps  int
	// secrets: value -> variable, every non-empty value getenv returned
	secrets map[string]string
	// aliases counts the aliases followed: whether a document that is
	// too much work is an alias bomb or only big
	aliases int
}

func (p *parser) add(line int, key, msg string) {
	p.probs = append(p.probs, Problem{File: p.file, Line: line, Key: key, Msg: msg})
}

// sorted returns the problems in line order, without repeats (merged
// mappings can report the same problem more than once).
func (p *parser) sorted() []Problem {
	sort.SliceStable(p.probs, func(i, j int) bool { return p.probs[i].Line < p.probs[j].Line })
	out := p.probs[:0]
	seen := make(map[Problem]bool)
	for _, pr := range p.probs {
		if !seen[pr] {
			seen[pr] = true
			out = append(out, pr)
		}
	}
	return out
}

func (p *parser) step() {
	p.steps++
	if p.steps > maxSteps {
		panic(tooComplex{})
	}
}

func (p *parser) run(data []byte) (cfg *Config) {
	defer func() {
		if r := recover(); r != nil {
			if _, ok := r.(tooComplex); !ok {
				panic(r)
			}
			cfg = nil
			p.probs = nil // what was found so far is beside the point
			if p.aliases > 0 {
				p.add(1, "", "the document is too complex (too many aliases)")
			} else {
				p.add(1, "", fmt.Sprintf("the document is too large (too many nodes: more than %d)", maxSteps))
			}
		}
	}()
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := decode(dec, &doc); err != nil {
		if err == io.EOF {
			p.add(1, "", "the config is empty: expected a mapping with keys such as sources and notifiers")
		} else {
			p.yamlError(data, err)
		}
		return nil
	}
	var extra yaml.Node
	switch err := decode(dec, &extra); {
	case err == nil:
		p.add(extra.Line, "", "only one YAML document is allowed (remove the second ---)")
	case err != io.EOF:
		p.yamlError(data, err)
	}
	var root *yaml.Node
	if doc.Kind == yaml.DocumentNode && len(doc.Content) == 1 {
		root = p.resolve(doc.Content[0])
	}
	if root == nil || isNull(root) {
		p.add(1, "", "the config is empty: expected a mapping with keys such as sources and notifiers")
		return nil
	}
	if root.Kind != yaml.MappingNode {
		p.add(max(root.Line, 1), "", "the top level must be a mapping with keys such as sources and notifiers, not "+kindName(root))
		return nil
	}
	return p.config(root)
}

// decode decodes the next document; yaml must not panic on any input, but a
// validator should report, not crash.
func decode(dec *yaml.Decoder, n *yaml.Node) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("yaml: %v", r)
		}
	}()
	return dec.Decode(n)
}

var yamlLineRE = regexp.MustCompile(`^(?:yaml: )?line (\d+): `)

func (p *parser) yamlError(data []byte, err error) {
	msg := err.Error()
	line := 0
	if m := yamlLineRE.FindStringSubmatch(msg); m != nil {
		line, _ = strconv.Atoi(m[1])
		msg = msg[len(m[0]):]
	} else {
		msg = strings.TrimPrefix(msg, "yaml: ")
	}
	if line > 0 && strings.Contains(msg, "cannot start any token") {
		if lines := bytes.Split(data, []byte("\n")); line <= len(lines) && bytes.ContainsRune(lines[line-1], '\t') {
			msg += " (YAML does not allow tabs for indentation)"
		}
	}
	p.add(line, "", "invalid YAML: "+msg)
}

func (p *parser) config(root *yaml.Node) *Config {
	cfg := &Config{
		Path:      p.file,
		Snapshots: DefaultSnapshots,
		Schedule:  DefaultSchedule,
		Git:       Git{Commit: true, Author: DefaultAuthor},
		HTTP: HTTP{
			UserAgent:    DefaultUserAgent,
			Timeout:      DefaultTimeout,
			PerHostDelay: DefaultPerHostDelay,
			MaxBody:      DefaultMaxBody,
			Robots:       true,
			Retries:      DefaultRetries,
		},
		Guard:  Guard{RemoveAfter: DefaultRemoveAfter, FailAfter: DefaultFailAfter, MaxShrink: DefaultMaxShrink, ShrinkPause: DefaultShrinkPause},
		Outbox: Outbox{Expire: DefaultExpire, RetryEvery: DefaultRetryEvery, Budget: DefaultBudget, MaxPending: DefaultMaxPending, BreakAfter: DefaultBreakAfter},
	}
	sourcesLine := 0
	var refs []sourceRef
	for _, e := range p.pairs(root, "", 0) {
		key := e.key
		if isNull(p.resolve(e.v)) && key != "sources" && slices.Contains(topKeys, key) {
			continue
		}
		switch key {
		case "snapshots":
			if s, ok := p.str(e.v, key); ok {
				if s == "" {
					p.add(e.v.Line, key, "must not be empty")
				} else {
					cfg.Snapshots = s
				}
			}
		case "schedule":
			if s, ok := p.str(e.v, key); ok {
				if p.schedule(e.v, key, s) {
					cfg.Schedule = s
				}
			}
		case "git":
			p.git(e.v, &cfg.Git)
		case "http":
			p.http(e.v, &cfg.HTTP)
		case "taxonomy":
			p.taxonomy(e.v, &cfg.Taxonomy)
		case "sources":
			sourcesLine = e.k.Line
			cfg.Sources = p.sources(e.v)
		case "notifiers":
			cfg.Notifiers, refs = p.notifiers(e.v)
		case "guard":
			p.guard(e.v, &cfg.Guard)
		case "outbox":
			p.outbox(e.v, &cfg.Outbox)
		case "serve":
			p.serve(e.v, &cfg.Serve)
		default:
			p.unknown(e, "", topKeys)
		}
	}
	if len(cfg.Sources) == 0 {
		p.add(max(sourcesLine, root.Line, 1), "sources", "at least one source is required")
	}
	names := make(map[string]bool, len(cfg.Sources))
	for _, s := range cfg.Sources {
		names[s.Name] = true
	}
	for _, r := range refs {
		if !names[r.name] {
			p.add(r.line, r.key, "unknown source "+r.shown+" (not in sources)")
		}
	}
	if !filepath.IsAbs(cfg.Snapshots) {
		base := "."
		if p.file != "" {
			base = filepath.Dir(p.file)
		}
		cfg.Snapshots = filepath.Join(base, cfg.Snapshots)
	}
	if abs, err := filepath.Abs(cfg.Snapshots); err == nil {
		cfg.Snapshots = abs
	}
	return cfg
}

var (
	topKeys      = []string{"snapshots", "schedule", "git", "http", "taxonomy", "sources", "notifiers", "guard", "outbox", "serve"}
	gitKeys      = []string{"commit", "author"}
	httpKeys     = []string{"user_agent", "timeout", "per_host_delay", "max_body", "robots", "retries", "allow_private"}
	taxonomyKeys = []string{"skills"}
	skillKeys    = []string{"name", "category", "aliases"}
	sourceKeys   = []string{"name", "type", "company", "url", "domain", "teams", "interface", "board", "tenant", "site", "schedule", "links", "max_pages", "selectors",
		"allow_shrink", "remove_after", "max_shrink", "allow_private"}
	selectorKeys = []string{"item", "title", "link", "location", "team", "next", "description"}
	notifierKeys = []string{"name", "type", "sources", "events", "filter", "url", "secret", "headers", "template", "history_url", "username",
		"host", "port", "tls", "password", "auth", "from", "to", "subject", "html_template", "timeout"}
	filterKeys = []string{"title", "roles", "levels", "locations", "skills_any", "skills_all", "min_pay", "min_pay_currency"}
	guardKeys  = []string{"remove_after", "fail_after", "max_shrink", "shrink_pause"}
	outboxKeys = []string{"expire", "retry_every", "budget", "max_pending", "break_after"}
)

func (p *parser) schedule(n *yaml.Node, key, spec string) bool {
	err := ValidSchedule(spec)
	if err == nil {
		return true
	}
	msg := `must be a cron spec such as "0 */6 * * *", "@every 6h" or "CRON_TZ=Europe/Warsaw 0 9 * * 1-5"`
	if !strings.Contains(p.resolve(n).Value, "$") { // never echo what came from the environment
		msg += ": " + err.Error()
	}
	p.add(n.Line, key, msg)
	return false
}

func (p *parser) git(n *yaml.Node, g *Git) {
	for _, e := range p.mapping(n, "git", "commit and author") {
		key := "git." + e.key
		if isNull(p.resolve(e.v)) && slices.Contains(gitKeys, e.key) {
			continue
		}
		switch e.key {
		case "commit":
			if b, ok := p.boolean(e.v, key); ok {
				g.Commit = b
			}
		case "author":
			if s, ok := p.str(e.v, key); ok {
				if _, _, good := splitAuthor(s); good {
					g.Author = s
				} else {
					p.add(e.v.Line, key, `must be "Name <email>" such as "careers-watcher <watcher@localhost>"`)
				}
			}
		default:
			p.unknown(e, "git", gitKeys)
		}
	}
}

func (p *parser) http(n *yaml.Node, h *HTTP) {
	for _, e := range p.mapping(n, "http", "user_agent, timeout, per_host_delay, max_body, robots, retries and allow_private") {
		key := "http." + e.key
		if isNull(p.resolve(e.v)) && slices.Contains(httpKeys, e.key) {
			continue
		}
		switch e.key {
		case "user_agent":
			if s, ok := p.str(e.v, key); ok {
				switch {
				case strings.TrimSpace(s) == "":
					p.add(e.v.Line, key, "must not be empty")
				case strings.ContainsAny(s, "\r\n\x00"):
					p.add(e.v.Line, key, "must be a single line")
				default:
					h.UserAgent = s
				}
			}
		case "timeout":
			if d, ok := p.duration(e.v, key); ok {
				h.Timeout = d
			}
		case "per_host_delay":
			if d, ok := p.duration(e.v, key); ok {
				h.PerHostDelay = d
			}
		case "max_body":
			if s, ok := p.str(e.v, key); ok {
				size, err := parseSize(s)
				switch {
				case err != nil:
					p.add(e.v.Line, key, "must be a size such as 10MB, 512KB, 1GB or a number of bytes (units are binary: 1KB = 1024 bytes)")
				case size <= 0:
					p.add(e.v.Line, key, "must be greater than 0")
				default:
					h.MaxBody = size
				}
			}
		case "robots":
			if b, ok := p.boolean(e.v, key); ok {
				h.Robots = b
			}
		case "allow_private":
			if b, ok := p.boolean(e.v, key); ok {
				h.AllowPrivate = b
			}
		case "retries":
			if i, ok := p.integer(e.v, key); ok {
				if i < 1 || i > 10 {
					p.add(e.v.Line, key, "must be between 1 and 10 (total attempts per request)")
				} else {
					h.Retries = int(i)
				}
			}
		default:
			p.unknown(e, "http", httpKeys)
		}
	}
}

func (p *parser) guard(n *yaml.Node, g *Guard) {
	for _, e := range p.mapping(n, "guard", "remove_after, fail_after, max_shrink and shrink_pause") {
		key := "guard." + e.key
		if isNull(p.resolve(e.v)) && slices.Contains(guardKeys, e.key) {
			continue
		}
		switch e.key {
		case "remove_after":
			if i, ok := p.runs(e.v, key); ok {
				g.RemoveAfter = i
			}
		case "fail_after":
			if i, ok := p.runs(e.v, key); ok {
				g.FailAfter = i
			}
		case "max_shrink":
			if f, ok := p.share(e.v, key); ok {
				g.MaxShrink = f
			}
		case "shrink_pause":
			if d, ok := p.duration(e.v, key); ok {
				g.ShrinkPause = d
			}
		default:
			p.unknown(e, "guard", guardKeys)
		}
	}
}

func (p *parser) outbox(n *yaml.Node, o *Outbox) {
	for _, e := range p.mapping(n, "outbox", "expire, retry_every, budget, max_pending and break_after") {
		key := "outbox." + e.key
		if isNull(p.resolve(e.v)) && slices.Contains(outboxKeys, e.key) {
			continue
		}
		switch e.key {
		case "expire":
			if d, ok := p.duration(e.v, key); ok {
				o.Expire = d
			}
		case "retry_every":
			if d, ok := p.duration(e.v, key); ok {
				o.RetryEvery = d
			}
		case "budget":
			if d, ok := p.duration(e.v, key); ok {
				o.Budget = d
			}
		case "max_pending":
			if i, ok := p.integer(e.v, key); ok {
				if i < 1 || i > 10_000_000 {
					p.add(e.v.Line, key, "must be from 1 to 10000000")
				} else {
					o.MaxPending = int(i)
				}
			}
		case "break_after":
			if i, ok := p.runs(e.v, key); ok {
				o.BreakAfter = i
			}
		default:
			p.unknown(e, "outbox", outboxKeys)
		}
	}
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

func (p *parser) taxonomy(n *yaml.Node, t *Taxonomy) {
	for _, e := range p.mapping(n, "taxonomy", "skills") {
		switch e.key {
		case "skills":
			t.Skills = p.skills(e.v, "taxonomy.skills")
		default:
			p.unknown(e, "taxonomy", taxonomyKeys)
		}
	}
}

func (p *parser) skills(n *yaml.Node, path string) []Skill {
	var out []Skill
	first := make(map[string]int)
	for i, item := range p.sequence(n, path) {
		ipath := fmt.Sprintf("%s[%d]", path, i)
		var s Skill
		nameLine, nameNode := item.Line, item
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
			case "aliases":
				s.Aliases = p.strList(e.v, key, true)
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
		out = append(out, s)
	}
	return out
}

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

func (p *parser) sources(n *yaml.Node) []Source {
	var out []Source
	first := make(map[string]int)
	for i, node := range p.sequence(n, "sources") {
		it := newItem(fmt.Sprintf("sources[%d]", i), node.Line)
		var maxPages, removeAfter int
		var maxShrink float64
		var allowShrink, allowPrivate bool
		var sel Selectors
		ok := p.fields(node, it, sourceKeys, []string{"teams"}, func(e kv) bool {
			key := it.path + "." + e.key
			switch e.key {
			case "allow_shrink":
				var good bool
				if allowShrink, good = p.boolean(e.v, key); !good {
					it.bad[e.key] = true
				}
			case "allow_private":
				var good bool
				if allowPrivate, good = p.boolean(e.v, key); !good {
					it.bad[e.key] = true
				}
			case "remove_after":
				var good bool
				if removeAfter, good = p.runs(e.v, key); !good {
					it.bad[e.key] = true
				}
			case "max_shrink":
				var good bool
				if maxShrink, good = p.share(e.v, key); !good {
					it.bad[e.key] = true
				}
			case "max_pages":
				it.node[e.key] = e.v
				i, good := p.integer(e.v, key)
				switch {
				case !good:
					it.bad[e.key] = true
				case i < 1 || i > MaxPagesLimit:
					p.add(e.v.Line, key, fmt.Sprintf("must be between 1 and %d", MaxPagesLimit))
					it.bad[e.key] = true
				default:
					maxPages = int(i)
				}
			case "selectors":
				it.node[e.key] = e.k
				var good bool
				if sel, good = p.selectors(e.v, e.k.Line, key); !good {
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
		s := Source{
			Line: it.line, Name: it.val["name"], Type: it.val["type"], Company: it.val["company"],
			URL: it.val["url"], Domain: it.val["domain"], Teams: it.lists["teams"], Interface: it.val["interface"], Board: it.val["board"],
			Tenant: it.val["tenant"], Site: it.val["site"], Schedule: it.val["schedule"],
			Links: it.val["links"], MaxPages: maxPages, Selectors: sel,
			AllowShrink: allowShrink, RemoveAfter: removeAfter, MaxShrink: maxShrink,
			AllowPrivate: allowPrivate,
		}
		// Each check reports its own problems; the item is kept either way for
		// the checks across items (Parse returns no Config on any problem).
		p.checkName(it, "source", first)
		if p.checkType(it, "source", SourceTypes) {
			var required, optional []string
			switch s.Type {
			case "eightfold":
				required, optional = []string{"url", "domain"}, []string{"teams", "interface"}
			case "workday":
				required = []string{"url", "tenant", "site"}
			case "jsonld", "auto":
				required, optional = []string{"url"}, []string{"links", "max_pages"}
			case "html":
				required, optional = []string{"url", "selectors"}, []string{"max_pages"}
			default: // the board platforms
				required, optional = []string{"board"}, []string{"url"}
			}
			p.checkKeys(it, s.Type, []string{"name", "type", "company", "schedule", "allow_shrink", "remove_after", "max_shrink", "allow_private"}, required, optional)
		}
		if it.has("url") {
			p.checkURL(it, "url")
		}
		if it.has("domain") && !validDomain(s.Domain) {
			p.add(it.node["domain"].Line, it.path+".domain", "must be a domain name such as netflix.com (no scheme or path)")
		}
		if it.has("interface") && !slices.Contains(EightfoldInterfaces, s.Interface) {
			p.add(it.node["interface"].Line, it.path+".interface", "must be one of "+strings.Join(EightfoldInterfaces, ", "))
		}
		if it.has("board") && strings.ContainsAny(s.Board, "/?# \t\r\n") {
			p.add(it.node["board"].Line, it.path+".board", "must be the board's slug (no spaces, slashes, ? or #)")
		}
		if it.has("schedule") {
			p.schedule(it.node["schedule"], it.path+".schedule", s.Schedule)
		}
		if it.has("links") {
			if _, err := regexp.Compile(s.Links); err != nil {
				msg := "must be a regular expression (RE2 syntax) such as '/careers/job/\\d+'"
				if !strings.Contains(p.resolve(it.node["links"]).Value, "$") { // never echo what came from the environment
					msg += ": " + err.Error()
				}
				p.add(it.node["links"].Line, it.path+".links", msg)
			}
		}
		out = append(out, s)
	}
	return out
}

// selectors reads an html source's CSS selectors; ok is false when a
// problem was reported.
func (p *parser) selectors(n *yaml.Node, line int, path string) (Selectors, bool) {
	var s Selectors
	dst := map[string]*string{
		"item": &s.Item, "title": &s.Title, "link": &s.Link, "location": &s.Location,
		"team": &s.Team, "next": &s.Next, "description": &s.Description,
	}
	r := p.resolve(n)
	if r.Kind != yaml.MappingNode {
		p.add(n.Line, path, "must be a mapping with item, title, link, location, team, next and description, not "+kindName(r))
		return s, false
	}
	ok := true
	bad := map[string]bool{}
	var descLine int
	for _, e := range p.pairs(r, path, 0) {
		key := path + "." + e.key
		d, known := dst[e.key]
		if !known {
			p.unknown(e, path, selectorKeys)
			ok = false
			continue
		}
		if isNull(p.resolve(e.v)) {
			continue
		}
		v, good := p.str(e.v, key)
		if !good {
			ok, bad[e.key] = false, true
			continue
		}
		v = strings.TrimSpace(v)
		if v == "" {
			continue
		}
		if _, err := cascadia.Compile(v); err != nil {
			msg := "must be a CSS selector such as 'li.job' or 'a[href]'"
			if !strings.Contains(p.resolve(e.v).Value, "$") {
				msg += ": " + err.Error()
			}
			p.add(e.v.Line, key, msg)
			ok, bad[e.key] = false, true
			continue
		}
		*d = v
		if e.key == "description" {
			descLine = e.v.Line
		}
	}
	for _, k := range []string{"item", "title"} {
		if *dst[k] == "" && !bad[k] {
			p.add(line, path+"."+k, "is required")
			ok = false
		}
	}
	if s.Description != "" && s.Link == "" && !bad["link"] {
		p.add(descLine, path+".description", "needs selectors.link: the description is read from each posting's page")
		ok = false
	}
	return s, ok
}

type sourceRef struct {
	line        int
	key         string
	name, shown string
}

var reservedHeaders = []string{"Content-Type", "Content-Length", "Host", "Webhook-Id", "Webhook-Timestamp", "Webhook-Signature"}

func (p *parser) notifiers(n *yaml.Node) ([]Notifier, []sourceRef) {
	var out []Notifier
	var refs []sourceRef
	first := make(map[string]int)
	for i, node := range p.sequence(n, "notifiers") {
		it := newItem(fmt.Sprintf("notifiers[%d]", i), node.Line)
		var headers map[string]string
		var events, srcs []string
		var flt filter.Filter
		var port int
		var timeout time.Duration
		var toNode *yaml.Node
		ok := p.fields(node, it, notifierKeys, nil, func(e kv) bool {
			key := it.path + "." + e.key
			switch e.key {
			case "headers":
				h, ok := p.headers(e.v, key)
				headers = h
				if !ok {
					it.bad[e.key] = true
				} else if len(h) > 0 {
					it.node[e.key] = e.k
				}
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
			case "port":
				it.node[e.key] = e.v
				v, good := p.integer(e.v, key)
				switch {
				case !good:
					it.bad[e.key] = true
				case v < 1 || v > 65535:
					p.add(e.v.Line, key, "must be between 1 and 65535")
					it.bad[e.key] = true
				default:
					port = int(v)
				}
			case "timeout":
				it.node[e.key] = e.v
				var good bool
				if timeout, good = p.duration(e.v, key); !good {
					it.bad[e.key] = true
				}
			case "to":
				l := p.strList(e.v, key, true)
				if l == nil {
					it.bad[e.key] = true
				} else {
					it.lists[e.key], it.node[e.key], toNode = l, e.k, p.resolve(e.v)
				}
			default:
				return false
			}
			return true
		})
		if !ok {
			continue
		}
		nt := Notifier{
			Line: it.line, Name: it.val["name"], Type: it.val["type"], URL: it.val["url"],
			Secret: it.val["secret"], Headers: headers, Sources: srcs, Events: events, Filter: flt,
			Template: it.val["template"], HistoryURL: it.val["history_url"], Username: it.val["username"],
			Host: strings.TrimSpace(it.val["host"]), Port: port, TLS: strings.ToLower(strings.TrimSpace(it.val["tls"])),
			Password: it.val["password"], Auth: strings.ToLower(strings.TrimSpace(it.val["auth"])), From: it.val["from"],
			To: it.lists["to"], Subject: it.val["subject"], HTMLTemplate: it.val["html_template"], Timeout: timeout,
		}
		p.checkName(it, "notifier", first)
		if p.checkType(it, "notifier", NotifierTypes) {
			var required, optional []string
			switch nt.Type {
			case "webhook":
				required, optional = []string{"url"}, []string{"secret", "headers"}
			case "slack", "teams":
				required, optional = []string{"url"}, []string{"template", "history_url"}
			case "discord":
				required, optional = []string{"url"}, []string{"username", "template", "history_url"}
			case "email":
				required = []string{"host", "from", "to"}
				optional = []string{"port", "tls", "username", "password", "auth", "subject", "template", "html_template", "history_url", "timeout"}
			}
			if p.checkKeys(it, nt.Type, []string{"name", "type", "sources", "events", "filter"}, required, optional) {
				p.checkChannel(it, nt, toNode)
			}
		}
		if it.has("url") {
			p.checkURL(it, "url")
		}
		if it.has("secret") && !validSecret(nt.Secret) {
			p.add(it.node["secret"].Line, it.path+".secret", `must be "whsec_" followed by the base64 (standard encoding) of at least 16 random bytes`)
		}
		out = append(out, nt)
	}
	return out, refs
}

// checkChannel checks the keys of the chat and mail channels. Secrets
// (password) and URLs are never echoed.
func (p *parser) checkChannel(it *item, nt Notifier, toNode *yaml.Node) {
	line := func(k string) int { return it.node[k].Line }
	if it.has("history_url") {
		p.checkURL(it, "history_url")
	}
	tmpl := func(k string, html bool) {
		if !it.has(k) {
			return
		}
		var err error
		if html {
			_, err = render.ParseHTML("t", it.val[k])
		} else {
			_, err = render.ParseText("t", it.val[k])
		}
		if err == nil {
			return
		}
		msg := "must be a Go template over the digest (see docs/notifications.md)"
		if !fromEnv(p.resolve(it.node[k])) {
			msg += ": " + templateError(err)
		}
		p.add(line(k), it.path+"."+k, msg)
	}
	tmpl("template", false)
	tmpl("subject", false)
	tmpl("html_template", true)
	if it.has("username") && (strings.ContainsAny(nt.Username, "\r\n\x00") || (nt.Type == "discord" && utf8.RuneCountInString(nt.Username) > 80)) {
		msg := "must be a single line"
		if nt.Type == "discord" {
			msg = "must be a single line of at most 80 characters"
		}
		p.add(line("username"), it.path+".username", msg)
	}
	if nt.Type != "email" {
		return
	}
	if it.has("host") && strings.ContainsAny(nt.Host, " \t\r\n/:@") {
		p.add(line("host"), it.path+".host", "must be a host name such as smtp.example.com (no scheme, port or user)")
	}
	if it.has("tls") && !slices.Contains([]string{"starttls", "tls", "none"}, nt.TLS) {
		p.add(line("tls"), it.path+".tls", "must be starttls, tls or none")
	}
	if it.has("auth") && !slices.Contains([]string{"plain", "login", "cram-md5", "scram-sha-256"}, nt.Auth) {
		p.add(line("auth"), it.path+".auth", "must be plain, login, cram-md5 or scram-sha-256")
	}
	if (it.has("password") || it.has("auth")) && !it.has("username") && !it.bad["username"] {
		k := "password"
		if !it.has(k) {
			k = "auth"
		}
		p.add(line(k), it.path+"."+k, "needs username")
	}
	if it.has("from") {
		if _, err := mail.ParseAddress(nt.From); err != nil {
			p.add(line("from"), it.path+".from", "invalid address "+show(p.resolve(it.node["from"]))+` (use "Name <addr@example.com>" or addr@example.com)`)
		}
	}
	if it.has("to") && len(nt.To) == 0 {
		p.add(line("to"), it.path+".to", "must list at least one address")
	}
	if it.has("to") {
		for j, a := range nt.To {
			if _, err := mail.ParseAddress(a); err != nil {
				item := p.resolve(toNode.Content[j])
				p.add(item.Line, fmt.Sprintf("%s.to[%d]", it.path, j), "invalid address "+show(item)+` (use "Name <addr@example.com>" or addr@example.com)`)
			}
		}
	}
}

// filter reads a notifier's content filter; each condition is checked by
// compiling it with internal/notify/filter. ok is false when a problem was
// reported.
func (p *parser) filter(n *yaml.Node, path string) (filter.Filter, bool) {
	var f filter.Filter
	r := p.resolve(n)
	if r.Kind != yaml.MappingNode {
		p.add(n.Line, path, "must be a mapping with "+strings.Join(filterKeys, ", ")+", not "+kindName(r))
		return f, false
	}
	ok := true
	var payLine int
	for _, e := range p.pairs(r, path, 0) {
		key := path + "." + e.key
		if !slices.Contains(filterKeys, e.key) {
			p.unknown(e, path, filterKeys)
			ok = false
			continue
		}
		v := p.resolve(e.v)
		if isNull(v) {
			continue
		}
		switch e.key {
		case "title":
			s, good := p.str(e.v, key)
			if !good {
				ok = false
				continue
			}
			if strings.TrimSpace(s) == "" {
				continue
			}
			if _, err := regexp.Compile(s); err != nil {
				msg := "must be a regular expression (RE2 syntax) such as '(?i)machine learning'"
				if !fromEnv(v) {
					msg += ": " + err.Error()
				}
				p.add(e.v.Line, key, msg)
				ok = false
				continue
			}
			f.TitleRegex = s
		case "roles", "locations", "skills_any", "skills_all":
			l := p.strList(e.v, key, true)
			if l == nil {
				ok = false
				continue
			}
			switch e.key {
			case "roles":
				f.Roles = l
			case "locations":
				f.Locations = l
			case "skills_any":
				f.SkillsAny = l
			case "skills_all":
				f.SkillsAll = l
			}
		case "levels":
			l := p.strList(e.v, key, true)
			if l == nil {
				ok = false
				continue
			}
			for j, lv := range l {
				if _, err := (filter.Filter{Levels: []string{lv}}).Compile(); err != nil {
					item := p.resolve(v.Content[j])
					msg := "invalid level"
					if !fromEnv(item) {
						msg += " " + strings.TrimPrefix(err.Error(), "filter: levels[0]: ")
					}
					p.add(item.Line, fmt.Sprintf("%s[%d]", key, j), msg+" (use L5, L5+, L4-L6 or a word such as Senior)")
					ok = false
				}
			}
			f.Levels = l
		case "min_pay":
			s, good := p.str(e.v, key)
			if !good {
				ok = false
				continue
			}
			x, err := strconv.ParseFloat(strings.ReplaceAll(strings.TrimSpace(s), "_", ""), 64)
			if err != nil || math.IsNaN(x) || math.IsInf(x, 0) || x < 0 {
				p.add(e.v.Line, key, "must be a number of at least 0, such as 150000 (yearly, in min_pay_currency)")
				ok = false
				continue
			}
			f.MinPay, payLine = x, e.k.Line
		case "min_pay_currency":
			s, good := p.str(e.v, key)
			if !good {
				ok = false
				continue
			}
			if _, err := (filter.Filter{MinPayCurrency: s}).Compile(); err != nil || strings.TrimSpace(s) == "" {
				p.add(e.v.Line, key, "must be an ISO 4217 currency code such as USD")
				ok = false
				continue
			}
			f.MinPayCurrency = strings.ToUpper(strings.TrimSpace(s))
		}
	}
	if f.MinPay > 0 && f.MinPayCurrency == "" && ok {
		p.add(payLine, path+".min_pay_currency", "is required with min_pay (an ISO 4217 code such as USD)")
		ok = false
	}
	if ok {
		if _, err := f.Compile(); err != nil {
			p.add(n.Line, path, "invalid filter")
			ok = false
		}
	}
	return f, ok
}

// fromEnv reports whether a scalar was written with a ${VAR}: its value
// must not reach a message.
func fromEnv(n *yaml.Node) bool { return strings.Contains(n.Value, "${") }

var templateErrRE = regexp.MustCompile(`^template t: template: t:(\d+):(?:\d+:)? ?`)

// templateError shortens a template parse error to "line N: what".
func templateError(err error) string {
	msg := err.Error()
	if m := templateErrRE.FindStringSubmatch(msg); m != nil {
		return "line " + m[1] + ": " + msg[len(m[0]):]
	}
	return strings.TrimPrefix(msg, "template t: ")
}

func (p *parser) headers(n *yaml.Node, path string) (map[string]string, bool) {
	ok := true
	h := make(map[string]string)
	first := make(map[string]int)
	for _, e := range p.mapping(n, path, "header names and values") {
		key := path + "." + e.key
		canon := http.CanonicalHeaderKey(e.key)
		switch {
		case !httpguts.ValidHeaderFieldName(e.key):
			p.add(e.k.Line, key, "is not a valid HTTP header name")
			ok = false
			continue
		case slices.Contains(reservedHeaders, canon):
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
		h[e.key] = v
	}
	return h, ok
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
		s, problems := expand(r.Value, p.getenv)
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
