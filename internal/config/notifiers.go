package config

import (
	"fmt"
	"net/http"
	"net/mail"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/careers-watcher/careers-watcher/internal/notify/filter"
	"github.com/careers-watcher/careers-watcher/internal/notify/render"
	"go.yaml.in/yaml/v3"
	"golang.org/x/net/http/httpguts"
)

var notifierKeys = []string{"name", "type", "sources", "events", "filter", "url", "secret", "headers", "template", "history_url", "username",
	"host", "port", "tls", "password", "auth", "from", "to", "subject", "html_template", "timeout"}

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
