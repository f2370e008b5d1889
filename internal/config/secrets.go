package config

import (
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
// a name, a type, a number, a duration, a switch) is not registered, so
// that a container's paths and schedules read as they are in logs and
// messages. Every other key is secret-bearing: URLs, headers, tokens,
// passwords, the user agent, a source's company (shown where a board's
// own name would be), and every key a source type or channel owns
// (board, tenant, selectors, ...), since config does not know what those
// mean. Secrets are values, not keys: a value that also comes into a
// secret-bearing key is hidden everywhere, in the plain key's output too.

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
	if plainKey(key) {
		return p.env
	}
	return p.getenv
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
