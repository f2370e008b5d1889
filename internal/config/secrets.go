package config

import (
	"slices"
	"sort"
	"strings"

	"github.com/careers-watcher/careers-watcher/internal/redact"
)

// A value a ${VAR} brings in from the environment is taken for a secret
// (an API key in a source URL, a webhook token, a password): the Redactor
// built from them hides them in every output. A default written in the
// file (${VAR:-default}) is no secret: it is in the file already.
//
// The rule is by key: a value substituted into a key that holds no
// credential by what it means (plainKeys: the snapshot folder, a schedule,
// a name, a type, a number, a duration, a switch; a source's company; the
// keys a source type marks Plain: a board's slug, a tenant, a domain,
// selectors, which the board itself shows) is not registered, so that a
// container's paths and schedules, and a board's names, read as they are
// in logs, messages and snapshots (review s33 F4: "board: ${BOARD}" with
// BOARD the source's name renamed the source "[redacted:BOARD]"
// everywhere). Every other key is
// secret-bearing: URLs, headers, tokens, passwords, the user agent, and
// every key a channel owns. Secrets are values, not keys: a value that
// also comes into a secret-bearing key is hidden everywhere, in the plain
// key's output too.

// plainKeys are the key paths, list indexes written [], whose values hold
// no credential.
var plainKeys = map[string]bool{
	"snapshots": true, "schedule": true, "jitter": true, "store": true,
	"git.commit": true, "git.repository": true, "git.push.branch": true, "git.push.retries": true,
	"http.timeout": true, "http.source_budget": true, "http.per_host_delay": true, "http.max_body": true, "http.robots": true,
	"http.retries": true, "http.allow_private": true,
	"guard.remove_after": true, "guard.fail_after": true, "guard.max_shrink": true, "guard.shrink_pause": true,
	"outbox.expire": true, "outbox.retry_every": true, "outbox.budget": true, "outbox.max_pending": true,
	"outbox.break_after":     true,
	"taxonomy.skills[].name": true, "taxonomy.skills[].category": true, "taxonomy.skills[].aliases[]": true,
	"sources[].name": true, "sources[].type": true, "sources[].schedule": true,
	"sources[].allow_shrink": true, "sources[].remove_after": true, "sources[].max_shrink": true,
	"sources[].allow_private": true,
	"notifiers[].name":        true, "notifiers[].type": true, "notifiers[].events[]": true, "notifiers[].sources[]": true,
}

// plainKey reports whether the value of key (a key path such as
// sources[2].schedule) holds no credential.
func plainKey(key string) bool {
	if !strings.Contains(key, "[") {
		return plainKeys[key]
	}
	var b strings.Builder
	for i := 0; i < len(key); i++ {
		b.WriteByte(key[i])
		if key[i] == '[' {
			for i+1 < len(key) && key[i+1] >= '0' && key[i+1] <= '9' {
				i++
			}
		}
	}
	return plainKeys[b.String()]
}

// envFor is the lookup of the ${VAR}s in the value of key: it remembers
// each value it reads as a secret unless key is a plain key.
func (p *parser) envFor(key string) func(string) (string, bool) {
	if plainKey(key) || p.plainSourceKey(key) {
		return p.env
	}
	return p.getenv
}

// plainSourceKey reports whether key (sources[N].KEY, or a part of it such
// as sources[N].selectors.item) is a source's company or a key that every
// source type taking it marks Plain (never a URL or headers).
func (p *parser) plainSourceKey(key string) bool {
	rest, ok := strings.CutPrefix(key, "sources[")
	if !ok {
		return false
	}
	i := strings.Index(rest, "].")
	if i < 0 {
		return false
	}
	name := rest[i+2:]
	if j := strings.IndexAny(name, ".["); j >= 0 {
		name = name[:j]
	}
	switch name {
	case "company":
		return true
	case "url":
		return false
	}
	if p.plainNames == nil {
		// once per parse, not per key of a fleet's thousands of sources
		p.plainNames = map[string]bool{}
		for _, kd := range p.plugins.Sources {
			for _, k := range kd.Keys {
				plain := k.Plain && k.Shape != URL && k.Shape != Headers
				if was, seen := p.plainNames[k.Name]; seen {
					plain = plain && was
				}
				p.plainNames[k.Name] = plain
			}
		}
	}
	return p.plainNames[name]
}

// recordEnv wraps getenv so that the parser remembers each value it read.
func (p *parser) recordEnv(getenv func(string) (string, bool)) func(string) (string, bool) {
	return func(name string) (string, bool) {
		v, ok := getenv(name)
		if ok && v != "" {
			if p.secrets == nil {
				p.secrets = map[string]string{}
			}
			p.secrets[v] = name
		}
		return v, ok
	}
}

// secretList is what recordEnv collected, in a fixed order.
func (p *parser) secretList() []redact.Secret {
	var out []redact.Secret
	for v, name := range p.secrets {
		out = append(out, redact.Secret{Name: name, Value: v})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Value < out[j].Value })
	return out
}

// notNames drops the secrets whose value is the name of a source or a
// notifier: names are plain keys, written in the clear in the config and
// shown in every output and route, so masking them hides nothing and
// breaks the dashboard's links (review s33 F4).
func notNames(secrets []redact.Secret, c *Config) []redact.Secret {
	names := map[string]bool{}
	for _, s := range c.Sources {
		names[s.Name] = true
	}
	for _, n := range c.Notifiers {
		names[n.Name] = true
	}
	return slices.DeleteFunc(secrets, func(s redact.Secret) bool { return names[s.Value] })
}

// withPushAuth adds to secrets the Basic-auth forms (redact.BasicAuth) of
// the push token when it came from the environment: a git server may echo
// the Authorization header it refused.
func withPushAuth(secrets []redact.Secret, push GitPush) []redact.Secret {
	for _, s := range secrets {
		if push.Token != "" && s.Value == push.Token {
			user := push.Username
			if user == "" {
				user = "x-access-token" // as gitrepo's push sends it
			}
			return append(secrets, redact.BasicAuth(s.Name, user, push.Token)...)
		}
	}
	return secrets
}

// Redactor hides the config's secrets (see redact.MinLen for the values it
// leaves alone).
func (c *Config) Redactor() *redact.Redactor {
	if c == nil {
		return redact.New(nil)
	}
	return redact.New(c.Secrets)
}
