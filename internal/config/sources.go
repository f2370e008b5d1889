package config

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/andybalholm/cascadia"
	"go.yaml.in/yaml/v3"
)

var (
	sourceKeys = []string{"name", "type", "company", "url", "domain", "teams", "interface", "board", "tenant", "site", "schedule", "links", "max_pages", "selectors",
		"allow_shrink", "remove_after", "max_shrink", "allow_private"}
	selectorKeys = []string{"item", "title", "link", "location", "team", "next", "description"}
)

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
