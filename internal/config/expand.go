package config

import "strings"

// expand replaces ${VAR} and ${VAR:-default} in s with values from getenv
// and $$ with a single $. Any other $ is kept as is. As in the shell, the
// default applies when VAR is unset or empty; it is taken literally (no
// nested references) up to the first }. The messages returned name
// variables, never their values.
func expand(s string, getenv func(string) (string, bool)) (string, []string) {
	if !strings.Contains(s, "$") {
		return s, nil
	}
	var b strings.Builder
	var problems []string
	for i := 0; i < len(s); {
		c := s[i]
		if c != '$' || i+1 == len(s) {
			b.WriteByte(c)
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
			}
			b.WriteString(v)
		default:
			b.WriteByte('$')
			i++
		}
	}
	return b.String(), problems
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
