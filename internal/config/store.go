package config

import (
	"net/url"
	"strconv"
	"strings"
	"unicode"

	"go.yaml.in/yaml/v3"
)

// Store is where the snapshots live (top-level keys store and
// database_url): the folder of files committed to git (the default), or
// a PostgreSQL database (fleet mode, issue 14; docs/fleet.md).
type Store struct {
	// Kind (store): StoreFiles or StorePostgres; "" when the key is
	// absent, which means the files.
	Kind string
	// DatabaseURL (database_url): the PostgreSQL connection string
	// (postgres://user:password@host/db or key=value pairs), required with
	// store: postgres and refused without it. A secret: write it as
	// ${DATABASE_URL}; a value written in the file is redacted from every
	// output all the same.
	DatabaseURL string
	// Line and URLLine are the lines of the two keys (0 when absent).
	Line, URLLine int
}

// Postgres says whether the store is a PostgreSQL database.
func (s Store) Postgres() bool { return s.Kind == StorePostgres }

// Store kinds.
const (
	StoreFiles    = "files"
	StorePostgres = "postgres"
)

var storeFields = []field[Config]{
	{name: "store", read: func(p *parser, n *yaml.Node, key string, c *Config) {
		s, ok := p.str(n, key)
		if !ok {
			return
		}
		switch s {
		case StoreFiles, StorePostgres:
			c.Store.Kind, c.Store.Line = s, n.Line
		default:
			msg := `must be "files" or "postgres"`
			if !strings.Contains(p.resolve(n).Value, "$") { // never echo what came from the environment
				msg += ", not " + show(p.resolve(n))
			}
			p.add(n.Line, key, msg)
		}
	}},
	{name: "database_url", read: func(p *parser, n *yaml.Node, key string, c *Config) {
		c.Store.URLLine = n.Line // present, even when its value is wrong
		s, ok := p.str(n, key)
		if !ok {
			return
		}
		if msg := checkDatabaseURL(s, p.plugins.DatabaseURL); msg != "" {
			p.add(n.Line, key, msg)
			return
		}
		c.Store.DatabaseURL = s
		p.secretValue(s, "database_url")
		if u, err := url.Parse(s); err == nil && u.User != nil {
			if pw, ok := u.User.Password(); ok {
				if weakPassword(pw, u) {
					// masked on its own, a word the watcher prints too
					// ("careers-watcher", "database") would show the
					// password by its context (review s33 F11): only
					// its forms inside a connection string are masked
					p.secretValue(u.User.Username()+":"+pw+"@", "database_url.password")
					p.secretValue(":"+url.PathEscape(pw)+"@", "database_url.password")
					// the warning does not say which rule the password
					// failed (review s33b F11: that told a log's reader
					// how weak it is)
					p.warns = append(p.warns, Warning{Line: n.Line, Msg: key + ": the password is weak: it is masked only inside the connection string (docs/fleet.md); use a long random password"})
				} else {
					p.secretValue(pw, "database_url.password")
				}
			}
		}
	}},
}

// minDBPassword is the shortest database password masked wherever it
// appears; a shorter one is masked inside connection strings only.
const minDBPassword = 12

// weakPassword says whether a database password is too weak to be masked
// on its own: shorter than minDBPassword, letters only (a word such as
// "password" or "database", which the watcher's own messages print:
// review s33b F6), or the same as the user or the database name.
func weakPassword(pw string, u *url.URL) bool {
	if len(pw) < minDBPassword || strings.IndexFunc(pw, func(r rune) bool { return !unicode.IsLetter(r) }) < 0 {
		return true
	}
	db := strings.TrimPrefix(u.Path, "/")
	return strings.EqualFold(pw, u.User.Username()) || strings.EqualFold(pw, db)
}

// checkDatabaseURL says what is wrong with a connection string, without
// quoting it; driver is the driver's own reading (Plugins.DatabaseURL),
// nil for none.
func checkDatabaseURL(s string, driver func(string) error) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return "must not be empty (set the variable it names, such as DATABASE_URL)"
	}
	if i := strings.Index(s, "://"); i >= 0 {
		switch strings.ToLower(s[:i]) {
		case "postgres", "postgresql":
		default:
			return "must be a postgres:// or postgresql:// URL, or key=value pairs such as host=/run/postgresql dbname=watcher"
		}
		u, err := url.Parse(s)
		if err != nil {
			if strings.Contains(err.Error(), "invalid port") {
				// what follows the last ':' of the host is no number: a
				// bad port, or a '/' in the password that ended the host early
				return "has an invalid port (a number from 1 to 65535 after the host, such as :5432; a '/' in the password must be written %2F)"
			}
			return "is not a valid URL (special characters in the password must be percent-encoded)"
		}
		if msg := checkPorts(u.Host); msg != "" {
			return msg
		}
	} else if !strings.Contains(s, "=") {
		return "must be a postgres:// or postgresql:// URL, or key=value pairs such as host=/run/postgresql dbname=watcher"
	}
	// the driver's own reading, as the commands that connect read it (its
	// error is not shown: it may quote the string)
	if driver == nil {
		return ""
	}
	if err := driver(s); err != nil {
		return "is not a valid PostgreSQL connection string (check its parameters, such as sslmode or pool_max_conns)"
	}
	return ""
}

// checkPorts checks the port of each host of a URL's host list
// (host:port,host:port, as the driver reads it).
func checkPorts(hosts string) string {
	for _, h := range strings.Split(hosts, ",") {
		i := strings.LastIndexByte(h, ':')
		if i < 0 || i == len(h)-1 || strings.HasSuffix(h, "]") {
			continue // no port, or a bracketed IPv6 address without one
		}
		if n, err := strconv.Atoi(h[i+1:]); err != nil || n < 1 || n > 65535 {
			return "has an invalid port (a number from 1 to 65535 after the host, such as :5432)"
		}
	}
	return ""
}

// secretValue records a value to redact even when it was written in the
// file rather than brought in by a ${VAR} (which recorded it already).
func (p *parser) secretValue(v, name string) {
	if v == "" {
		return
	}
	if p.secrets == nil {
		p.secrets = map[string]string{}
	}
	if _, ok := p.secrets[v]; !ok {
		p.secrets[v] = name
	}
}

// checkStore reports a store and database_url that do not go together.
func (p *parser) checkStore(c *Config) {
	switch {
	case c.Store.Kind == StorePostgres && c.Store.DatabaseURL == "" && c.Store.URLLine == 0:
		p.add(c.Store.Line, "store", "store: postgres needs database_url (for instance database_url: ${DATABASE_URL})")
	case !c.Store.Postgres() && c.Store.URLLine > 0:
		p.add(c.Store.URLLine, "database_url", "is read only with store: postgres (the files store needs no database)")
	}
}
