package config

import (
	"net/url"
	"strings"
)

// expand replaces ${VAR} and ${VAR:-default} in s with values from getenv
// and $$ with a single $. Any other $ is kept as is. As in the shell, the
// default applies when VAR is unset or empty; it is taken literally (no
// nested references) up to the first }. The messages returned name
// variables, never their values.
//
// In a URL (a value with "://", or one that starts with a reference: a
// base URL from the environment), a variable's value that lands inside a
// query parameter's value (after '?' and a '=', before '&' or '#') is
// written query-escaped (url.QueryEscape), so that the server reads the
// value itself: a key with '+' (base64) would otherwise reach it with a
// space, '&' or '#' would cut it. A default, and a value anywhere else (a
// whole query "?${Q}", a path, a host), is written as is.
//
// A value that lands in a URL's user-info (https://${USER}:${PASS}@host/:
// in the authority, before an '@' the rest of the URL as written has
// before its path) is percent-escaped but for the unreserved bytes, so
// that '@', ':', '/', '+' or '%' in a password neither end the user-info
// nor change a byte: the server reads the value itself. When the
// user-info has no ':' of its own (https://${CREDS}@host/), the value's
// first ':' is kept: it separates the user from the password.
func expand(s string, getenv func(string) (string, bool)) (string, []string) {
	if !strings.Contains(s, "$") {
		return s, nil
	}
	var b strings.Builder
	var problems []string
	var q queryPos
	q.url = strings.Contains(s, "://") || strings.HasPrefix(s, "${")
	for i := 0; i < len(s); {
		c := s[i]
		if c != '$' || i+1 == len(s) {
			b.WriteByte(c)
			q.see(c)
			i++
			continue
		}
		switch s[i+1] {
		case '$':
			b.WriteByte('$')
			i += 2
		case '{':
			end := strings.IndexByte(s[i+2:], '}')
			if end < 0 {
				problems = append(problems, "unterminated ${ (write $$ for a literal $)")
				return b.String(), problems
			}
			inner := s[i+2 : i+2+end]
			i += 2 + end + 1
			name, def, hasDef := strings.Cut(inner, ":-")
			if !validVarName(name) {
				problems = append(problems, "invalid variable reference ${"+inner+"} (use ${NAME} or ${NAME:-default}; $$ for a literal $)")
				continue
			}
			v, ok := getenv(name)
			switch {
			case hasDef && v == "":
				v = def
			case !ok:
				problems = append(problems, "${"+name+"} is not set")
			case q.inValue():
				v = url.QueryEscape(v)
			case q.inAuthority():
				if at, colon := userInfoAhead(s[i:]); at {
					v = escapeUserInfo(v, !colon && !q.colon)
				}
			}
			b.WriteString(v)
			for j := 0; j < len(v); j++ {
				q.see(v[j])
			}
		default:
			b.WriteByte('$')
			q.see('$')
			i++
		}
	}
	return b.String(), problems
}

// queryPos follows where in a URL the text written so far ends: in its
// authority (and whether an '@' or a ':' came there), in its query, and
// there inside a parameter's value.
type queryPos struct {
	url, query, value, fragment bool
	// scheme counts the bytes of "://" seen in a row (3: in the
	// authority; 4: past it)
	scheme    int
	at, colon bool // in the authority: an '@' seen; a ':' seen before any '@'
}

func (q *queryPos) see(c byte) {
	if !q.url || q.fragment {
		return
	}
	switch q.scheme {
	case 0, 1, 2:
		switch {
		case c == ':' && q.scheme == 0:
			q.scheme = 1
		case c == '/' && q.scheme > 0:
			q.scheme++
		default:
			q.scheme = 0
		}
	case 3:
		switch c {
		case '/', '?', '#':
			q.scheme = 4
		case '@':
			q.at, q.colon = true, false
		case ':':
			if !q.at {
				q.colon = true
			}
		}
	}
	switch {
	case c == '#':
		q.fragment, q.query, q.value = true, false, false
	case c == '?' && !q.query:
		q.query = true
	case c == '&' && q.query:
		q.value = false
	case c == '=' && q.query:
		q.value = true
	}
}

func (q *queryPos) inValue() bool { return q.query && q.value }

// inAuthority: after "://", before the path, query or fragment, and before
// any '@' (a host or port follows one).
func (q *queryPos) inAuthority() bool { return q.scheme == 3 && !q.at }

// userInfoAhead reads rest, the text as written after a reference in a
// URL's authority: at, whether an '@' comes before the authority ends (the
// reference is in the user-info), and colon, whether a ':' comes before
// that '@'. The references in rest are skipped, not read.
func userInfoAhead(rest string) (at, colon bool) {
	for i := 0; i < len(rest); i++ {
		switch rest[i] {
		case '$':
			if i+1 < len(rest) && rest[i+1] == '{' {
				end := strings.IndexByte(rest[i:], '}')
				if end < 0 {
					return false, false
				}
				i += end
			} else if i+1 < len(rest) && rest[i+1] == '$' {
				i++
			}
		case '@':
			return true, colon
		case ':':
			colon = true
		case '/', '?', '#':
			return false, false
		}
	}
	return false, false
}

// escapeUserInfo percent-escapes every byte of v but the unreserved ones
// (RFC 3986: letters, digits, '-', '.', '_', '~'); keepColon keeps the
// first ':' as it is.
func escapeUserInfo(v string, keepColon bool) string {
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(v); i++ {
		c := v[i]
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9', c == '-', c == '.', c == '_', c == '~':
			b.WriteByte(c)
		case c == ':' && keepColon:
			b.WriteByte(c)
			keepColon = false
		default:
			b.WriteByte('%')
			b.WriteByte(hex[c>>4])
			b.WriteByte(hex[c&15])
		}
	}
	return b.String()
}

func validVarName(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '_', c >= 'A' && c <= 'Z', c >= 'a' && c <= 'z':
		case c >= '0' && c <= '9' && i > 0:
		default:
			return false
		}
	}
	return true
}

// bareVar is the name of the first $NAME in s written without braces (a
// shell's or compose's way), which expand keeps as written: "" when none.
// $$ is a literal $ and never starts one.
func bareVar(s string) string {
	for i := 0; i+1 < len(s); i++ {
		if s[i] != '$' {
			continue
		}
		if s[i+1] == '$' {
			i++
			continue
		}
		j := i + 1
		for j < len(s) && (s[j] == '_' || s[j] >= 'A' && s[j] <= 'Z' || s[j] >= 'a' && s[j] <= 'z' || j > i+1 && s[j] >= '0' && s[j] <= '9') {
			j++
		}
		if j > i+1 {
			return s[i+1 : j]
		}
	}
	return ""
}

// secretKey reports whether key holds a credential (a token, a secret, a
// password, a header's value): a value that is a $NAME kept as written
// would make the credential the variable's name, which anyone reading the
// config knows (an error), and no message shows such a value.
func secretKey(key string) bool {
	last := key[strings.LastIndexByte(key, '.')+1:]
	switch strings.ToLower(last) {
	case "token", "secret", "password", "api_key", "apikey":
		return true
	}
	return strings.Contains(key, ".headers.") || strings.Contains(key, ".headers[")
}
