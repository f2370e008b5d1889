package cli

import (
	"bytes"
	"strings"
	"testing"
)

// A flag given a value it cannot take is one line naming the command and
// the flag and what it takes, without Go's parse error; exit 2.
func TestFlagValueErrorIsPlain(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"postings", "--min-pay", "abc"}, `watcher postings: --min-pay: "abc" is not a number`},
		{[]string{"run", "--wait", "abc"}, `watcher run: --wait: "abc" is not a duration such as 90s, 10m or 1h30m`},
		{[]string{"postings", "--json=maybe"}, `watcher postings: --json: "maybe" is not true or false`},
	} {
		var stdout, stderr bytes.Buffer
		code := Main(tc.args, &stdout, &stderr)
		if code != ExitUsage {
			t.Errorf("%v: exit %d, want %d", tc.args, code, ExitUsage)
		}
		first, _, _ := strings.Cut(stderr.String(), "\n")
		if first != tc.want {
			t.Errorf("%v: stderr starts %q, want %q", tc.args, first, tc.want)
		}
		for _, jargon := range []string{"strconv", "ParseFloat", "invalid syntax", "time:", "invalid argument"} {
			if strings.Contains(stderr.String(), jargon) {
				t.Errorf("%v: stderr has %q:\n%s", tc.args, jargon, stderr.String())
			}
		}
	}
}
