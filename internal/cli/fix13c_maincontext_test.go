package cli

import (
	"bytes"
	"context"
	"testing"
)

// TestMainContextIsMain: the tests' mainContext is what Main runs: nil
// args are no args (not the test binary's os.Args), and a usage mistake
// is reported in Main's words with Main's exit code.
func TestMainContextIsMain(t *testing.T) {
	for _, args := range [][]string{nil, {"--no-such-flag"}, {"version"}} {
		var mo, me, co, ce bytes.Buffer
		mc := Main(args, &mo, &me)
		cc := mainContext(context.Background(), args, &co, &ce)
		if mc != cc || mo.String() != co.String() || me.String() != ce.String() {
			t.Errorf("args %q: Main %d %q %q, mainContext %d %q %q", args, mc, mo.String(), me.String(), cc, co.String(), ce.String())
		}
	}
}
