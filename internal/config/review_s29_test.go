package config_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/config"
)

// Review s29 F6: `watcher validate` prints "one line per problem" (the
// contract scripts parse), but a key holding a line break is printed as
// it is: a config (a pull request to a shared config repository, say)
// can add a line such as "config.yaml:99: fake problem" to validate's
// output, or hide part of a line behind a carriage return. The same for
// a header name (notifiers[0].headers."X-A\r\nB").
func TestReviewS29ProblemIsOneLine(t *testing.T) {
	for _, yml := range []string{
		"sources:\n  - {name: a, type: lever, board: acme, \"x\\nconfig.yaml:99: fake problem\": 1}\n",
		"\"top\\rkey\": 2\nsources:\n  - {name: a, type: lever, board: acme}\n",
		"sources:\n  - {name: a, type: lever, board: acme}\nnotifiers:\n  - {name: w, type: webhook, url: \"http://example.com/\", headers: {\"X-A\\r\\nB\": v}}\n",
	} {
		_, err := parse([]byte(yml), "config.yaml", env(nil))
		var perr *config.Error
		if !errors.As(err, &perr) {
			t.Fatalf("%q: error %v, want problems", yml, err)
		}
		for _, p := range perr.Problems {
			if s := p.String(); strings.ContainsAny(s, "\r\n") {
				t.Errorf("problem %q spans more than one line", s)
			}
		}
	}
}
