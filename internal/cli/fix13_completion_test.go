package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCompletionUnsetVar: a ${VAR} of config.yaml unset in the shell that
// completes (a secret only the service's environment has) still lets
// --source and notify test complete the names written in the file (the
// config did not load, and nothing was offered).
func TestCompletionUnsetVar(t *testing.T) {
	t.Parallel()
	const unset = "WATCHER_FIX13_NEVER_SET_TOKEN"
	if _, ok := os.LookupEnv(unset); ok {
		t.Skip(unset + " is set")
	}
	path := filepath.Join(t.TempDir(), "config.yaml")
	yaml := "snapshots: snaps\nsources:\n  - name: alpha\n    type: greenhouse\n    board: ${" + unset + "}\n  - {name: beta, type: lever, board: b}\n  - name: ${" + unset + "}\n    type: lever\n    board: c\n" +
		"notifiers:\n  - name: team-hook\n    type: webhook\n    url: https://hooks.example/x\n    secret: ${" + unset + "}\n"
	if err := os.WriteFile(path, []byte(yaml), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		args []string
		want []string
	}{
		{[]string{"__complete", "run", "-c", path, "--source", ""}, []string{"alpha", "beta"}},
		{[]string{"__complete", "report", "-c", path, "--source", ""}, []string{"alpha", "beta"}},
		{[]string{"__complete", "notify", "test", "-c", path, ""}, []string{"team-hook"}},
	} {
		var out, errb bytes.Buffer
		if code := Main(tc.args, &out, &errb); code != ExitOK {
			t.Fatalf("%q: exit %d: %s", tc.args, code, errb.String())
		}
		var got []string
		for _, l := range strings.Split(out.String(), "\n") {
			if l != "" && !strings.HasPrefix(l, ":") {
				got = append(got, l)
			}
		}
		if strings.Join(got, " ") != strings.Join(tc.want, " ") {
			t.Errorf("%q: completions %q, want %q", tc.args, got, tc.want)
		}
	}
}
