package config

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"sort"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/careers-watcher/careers-watcher/internal/redact"
)

// Parse parses, expands, defaults and validates a config. filename is only
// used in problems and to resolve a relative snapshot directory. getenv
// looks up ${VAR}s (nil: os.LookupEnv). On any problem it returns nil and an
// *Error listing all of them.
func Parse(data []byte, filename string, getenv func(string) (string, bool), plugins Plugins) (*Config, error) {
	cfg, _, err := parse(data, filename, getenv, plugins, partsFrom)
	return cfg, err
}

// parse is Parse reading the sources list in parts from a file of
// partsFrom bytes; inParts tells whether it did.
func parse(data []byte, filename string, getenv func(string) (string, bool), plugins Plugins, partsFrom int) (_ *Config, inParts bool, _ error) {
	if getenv == nil {
		getenv = os.LookupEnv
	}
	p := newParser(filename, plugins, getenv)
	var cfg *Config
	if len(data) >= partsFrom && len(data) <= MaxSize {
		if c, ok := p.runInParts(data); ok {
			cfg, inParts = c, true
		} else {
			p = newParser(filename, plugins, getenv) // read it whole, from the start
		}
	}
	if cfg == nil {
		if len(data) >= tightGCFrom {
			defer tightGC()()
		}
		cfg = p.run(data)
	}
	if len(p.probs) > 0 {
		// no message should hold a value, but none may
		red := redact.New(p.secretList())
		probs := p.sorted()
		for i := range probs {
			probs[i].Msg = red.String(probs[i].Msg)
		}
		return nil, false, &Error{Problems: probs}
	}
	cfg.Secrets = withPushAuth(notNames(p.secretList(), cfg), cfg.Git.Push)
	cfg.readWarnings = p.warns
	return cfg, inParts, nil
}

// tightGCFrom is the size of a config from which Parse collects garbage
// more often while it runs (tightGC): a fleet's config of 10,000 sources
// (1.5 MB) is a YAML tree of about 22 MB that is garbage once read, and
// with the default GOGC the heap grew to twice it, which a quiet run of
// such a fleet kept as its peak RSS.
const tightGCFrom = 256 << 10

// tightGCPercent is the GC percentage while a large config is parsed.
const tightGCPercent = 25

// tightGC lowers the GC percentage to tightGCPercent, unless it is lower
// already (or off), and returns what puts it back.
func tightGC() (restore func()) {
	old := debug.SetGCPercent(tightGCPercent)
	if old < tightGCPercent {
		debug.SetGCPercent(old)
		return func() {}
	}
	return func() { debug.SetGCPercent(old) }
}

// minSteps bounds the work on a small document: aliases can make a small
// file describe an exponentially large tree.
const minSteps = 200_000

// stepsPerNode is how many steps a larger document may take per node of
// its tree as written, an alias counting as one node (countNodes). Without
// aliases reading a node takes one or two steps (a config of 10,000
// sources, about 130,000 nodes, takes about 250,000 steps), and sources
// sharing defaults through a merge key (<<: *defaults, a few keys and a
// list of teams) about 7.5 per node, so such configs of any size stay within
// their budget; but aliases can multiply the document at most by this
// factor. The budget grows with what the parser has already built, never
// with bytes it skips: a long comment buys no expansion.
const stepsPerNode = 16

// maxSteps bounds the work on the largest documents (MaxSize of densely
// written lists, or a large one full of aliases), while a config of 10,000
// sources takes 250,000 steps: 30,000 sources aliasing one list of 2,000
// teams (2.6 MB) are refused at this bound after about 2 s at 180 MB RSS.
const maxSteps = 4_000_000

// stepBudget is the number of steps a document of nodes nodes may take.
func stepBudget(nodes int) int { return min(maxSteps, max(minSteps, stepsPerNode*nodes)) }

// MaxSize is the largest config file Parse and Load accept (8 MB): a
// fleet's config of 10,000 sources takes about 1.5 MB, while parsing time
// and memory grow with the file (8 MB of densely written lists, refused by
// maxSteps, take 8 to 12 s and 1.1 GB).
const MaxSize = 8 << 20

var tooLargeMsg = fmt.Sprintf("the file is too large (more than %d MB; a config of 10,000 sources takes about 1.5 MB)", MaxSize>>20)

// countNodes counts the nodes of the tree under n as written: an alias is
// one node, the nodes it stands for are counted where they are written.
func countNodes(n *yaml.Node) int {
	count := 0
	stack := []*yaml.Node{n}
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		count++
		if n.Kind != yaml.AliasNode {
			stack = append(stack, n.Content...)
		}
	}
	return count
}

// maxMergeDepth bounds merge keys (<<) inside merged mappings.
const maxMergeDepth = 8

type tooComplex struct{}

type parser struct {
	file    string
	plugins Plugins
	env     func(string) (string, bool) // the environment as given
	getenv  func(string) (string, bool) // env, remembering the values as secrets (envFor)
	probs   []Problem
	steps   int
	budget  int // stepBudget of the document's nodes
	// secrets: value -> variable, every non-empty value getenv returned
	secrets map[string]string
	// plainNames: a source type key's name -> whether every type taking
	// it marks it Plain (plainSourceKey), built at its first use
	plainNames map[string]bool
	// warns: the warnings found while reading (Config.Warnings)
	warns []Warning
	// aliases counts the aliases followed: whether a document that is
	// too much work is an alias bomb or only big
	aliases int

	// runInParts: the sources list's items not yet read, the nodes read so
	// far (the budget's base), whether the sources key was read and whether
	// an item could not be read on its own
	parts       []sourcePart
	nodes       int
	partsRead   bool
	partsFailed bool

	keyLine     int         // line of the key being read (readSection)
	sourcesLine int         // line of the sources key
	refs        []sourceRef // the sources named by notifiers
}

func newParser(filename string, plugins Plugins, getenv func(string) (string, bool)) *parser {
	p := &parser{file: filename, plugins: plugins}
	p.env, p.getenv = getenv, p.recordEnv(getenv)
	return p
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
	if p.steps > p.budget {
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
				p.add(1, "", fmt.Sprintf("the document is too large (too many nodes: more than %d)", p.budget))
			}
		}
	}()
	if len(data) > MaxSize {
		p.add(0, "", tooLargeMsg)
		return nil
	}
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
	p.budget = stepBudget(countNodes(&doc))
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
	// yaml v3 names the line where the construct around the mistake starts
	// (a bad indent on line 6 is reported at the list on line 2); yaml v4's
	// parser says where the mistake is.
	if l, m, ok := syntaxProblem(data); ok {
		line, msg = l, m
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
		Git:       Git{Commit: true, Author: DefaultAuthor, Repository: RepoOwn},
		HTTP: HTTP{
			UserAgent:    DefaultUserAgent,
			Timeout:      DefaultTimeout,
			SourceBudget: DefaultSourceBudget,
			PerHostDelay: DefaultPerHostDelay,
			MaxBody:      DefaultMaxBody,
			Robots:       true,
			Retries:      DefaultRetries,
		},
		Guard:  Guard{RemoveAfter: DefaultRemoveAfter, FailAfter: DefaultFailAfter, MaxShrink: DefaultMaxShrink, ShrinkPause: DefaultShrinkPause},
		Outbox: Outbox{Expire: DefaultExpire, RetryEvery: DefaultRetryEvery, Budget: DefaultBudget, MaxPending: DefaultMaxPending, BreakAfter: DefaultBreakAfter},
	}
	readSection(p, root, "", topSection, cfg)
	p.checkStore(cfg)
	for h, l := range cfg.HTTP.Hosts {
		if l.Delay == 0 {
			l.Delay = cfg.HTTP.PerHostDelay
			cfg.HTTP.Hosts[h] = l
		}
	}
	if len(cfg.Sources) == 0 {
		p.add(max(p.sourcesLine, root.Line, 1), "sources", "at least one source is required")
	}
	names := make(map[string]bool, len(cfg.Sources))
	for _, s := range cfg.Sources {
		names[s.Name] = true
	}
	for _, r := range p.refs {
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

// topSection is the top level of the file.
var topSection = section[Config]{
	strField("snapshots", func(s string) string {
		if s == "" {
			return "must not be empty"
		}
		return ""
	}, func(c *Config) *string { return &c.Snapshots }),
	{name: "schedule", read: func(p *parser, n *yaml.Node, key string, c *Config) {
		if s, ok := p.str(n, key); ok && p.schedule(n, key, s) {
			c.Schedule = s
		}
	}},
	{name: "jitter", read: func(p *parser, n *yaml.Node, key string, c *Config) {
		// 0 (no jitter) is a value here, unlike durations that must pass
		if s, ok := p.str(n, key); ok {
			if d, err := time.ParseDuration(strings.TrimSpace(s)); err == nil && d >= 0 {
				c.Jitter, c.JitterLine = d, p.keyLine
			} else {
				p.add(n.Line, key, "must be a duration of 0 or more such as 0, 30s or 10m")
			}
		}
	}},
	{name: "git", read: func(p *parser, n *yaml.Node, key string, c *Config) { readSection(p, n, key, gitSection, &c.Git) }},
	{name: "http", read: func(p *parser, n *yaml.Node, key string, c *Config) { readSection(p, n, key, httpSection, &c.HTTP) }},
	{name: "taxonomy", read: func(p *parser, n *yaml.Node, key string, c *Config) {
		readSection(p, n, key, taxonomySection, &c.Taxonomy)
	}},
	{name: "sources", nulls: true, read: func(p *parser, n *yaml.Node, key string, c *Config) {
		p.sourcesLine = p.keyLine
		if p.parts != nil {
			c.Sources = p.sourcesInParts(n)
			return
		}
		c.Sources = p.sources(n)
	}},
	{name: "notifiers", read: func(p *parser, n *yaml.Node, key string, c *Config) {
		c.Notifiers, p.refs = p.notifiers(n)
	}},
	{name: "guard", read: func(p *parser, n *yaml.Node, key string, c *Config) { readSection(p, n, key, guardSection, &c.Guard) }},
	{name: "outbox", read: func(p *parser, n *yaml.Node, key string, c *Config) { readSection(p, n, key, outboxSection, &c.Outbox) }},
	{name: "serve", read: func(p *parser, n *yaml.Node, key string, c *Config) { p.serve(n, &c.Serve) }},
	storeFields[0], storeFields[1], // store.go
}

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
