package config_test

import (
	"strings"
	"testing"
)

// TestTabIndentLine: a tab that indents line N is reported at line N, not
// at the line before, whose value the YAML scanner was reading.
func TestTabIndentLine(t *testing.T) {
	for _, tc := range []struct {
		yaml string
		want string
	}{
		{"sources:\n  - name: a\n    type: greenhouse\n\tboard: x\n",
			"config.yaml:4: invalid YAML: found a tab character that violates indentation"},
		{"sources:\n  - name: a\n    type: greenhouse\n    board: x\n  - name: b\n\ttype: lever\n",
			"config.yaml:6: invalid YAML: found a tab character that violates indentation"},
		{"sources:\n\t- name: a\n",
			"config.yaml:2: invalid YAML: found character that cannot start any token (YAML does not allow tabs for indentation)"},
	} {
		_, err := parse([]byte(tc.yaml), "config.yaml", env(nil))
		if err == nil {
			t.Fatalf("%q parsed", tc.yaml)
		}
		if got := strings.TrimSpace(err.Error()); got != tc.want {
			t.Errorf("%q:\n got %s\nwant %s", tc.yaml, got, tc.want)
		}
	}
}
