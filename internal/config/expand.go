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
// query, and there inside a parameter's value.
type queryPos struct {
	url, query, value, fragment bool
}

func (q *queryPos) see(c byte) {
	if !q.url || q.fragment {
		return
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
