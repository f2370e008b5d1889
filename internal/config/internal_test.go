package config

import (
	"reflect"
	"testing"
)

func env(vars map[string]string) func(string) (string, bool) {
	return func(k string) (string, bool) {
		v, ok := vars[k]
		return v, ok
	}
}

func TestParseSize(t *testing.T) {
	tests := []struct {
		in   string
		want int64
		ok   bool
	}{
		{"0", 0, true}, {"1048576", 1 << 20, true}, {"10MB", 10 << 20, true}, {"512KB", 512 << 10, true},
		{"1GB", 1 << 30, true}, {"1 gib", 1 << 30, true}, {"7B", 7, true}, {"3k", 3 << 10, true},
		{"", 0, false}, {"MB", 0, false}, {"1.5MB", 0, false}, {"10XB", 0, false}, {"-1", 0, false},
		{"9223372036854775807GB", 0, false}, {"99999999999999999999", 0, false},
	}
	for _, tt := range tests {
		got, err := parseSize(tt.in)
		if (err == nil) != tt.ok || got != tt.want {
			t.Errorf("parseSize(%q) = %d, %v; want %d, ok=%v", tt.in, got, err, tt.want, tt.ok)
		}
	}
}

func TestExpand(t *testing.T) {
	vars := env(map[string]string{"A": "alpha", "EMPTY": "", "B_2": "beta"})
	tests := []struct {
		in, want string
		problems []string
	}{
		{"plain", "plain", nil},
		{"${A}", "alpha", nil},
		{"x-${A}-${B_2}-y", "x-alpha-beta-y", nil},
		{"${MISSING:-dflt}", "dflt", nil},
		{"${EMPTY:-dflt}", "dflt", nil},
		{"${A:-dflt}", "alpha", nil},
		{"${MISSING:-}", "", nil},
		{"${EMPTY}", "", nil},
		{"$$", "$", nil},
		{"$${A}", "${A}", nil},
		{"cost $5 and $", "cost $5 and $", nil},
		{"$A", "$A", nil},
		{"${MISSING}", "", []string{"${MISSING} is not set"}},
		{"${M1}${M2}", "", []string{"${M1} is not set", "${M2} is not set"}},
		{"${1BAD}", "", []string{"invalid variable reference ${1BAD} (use ${NAME} or ${NAME:-default}; $$ for a literal $)"}},
		{"${}", "", []string{"invalid variable reference ${} (use ${NAME} or ${NAME:-default}; $$ for a literal $)"}},
		{"a${A", "a", []string{"unterminated ${ (write $$ for a literal $)"}},
	}
	for _, tt := range tests {
		got, problems := expand(tt.in, vars)
		if got != tt.want || !reflect.DeepEqual(problems, tt.problems) {
			t.Errorf("expand(%q) = %q, %q; want %q, %q", tt.in, got, problems, tt.want, tt.problems)
		}
	}
}
