package cli

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/spf13/pflag"
)

// usageNames are the names a usage line gives a command's flags: -c for
// --config, the shorthand when there is one, --NAME otherwise; help and
// the log flags (every command's) are left out.
func usageNames(t *testing.T, command string) []string {
	t.Helper()
	cmd, _, err := newRoot().Find([]string{command})
	if err != nil || cmd.Name() != command {
		t.Fatalf("no command %q: %v", command, err)
	}
	var out []string
	cmd.Flags().VisitAll(func(f *pflag.Flag) {
		switch {
		case f.Name == "help" || f.Name == "log-level" || f.Name == "log-format":
		case f.Shorthand != "":
			out = append(out, "-"+f.Shorthand)
		default:
			out = append(out, "--"+f.Name)
		}
	})
	if len(out) == 0 {
		t.Fatalf("command %q has no flags", command)
	}
	return out
}

// The usage line of `help run` and `help daemon` names every flag of the
// command, --profile DIR included, and so does the README's synopsis of
// run, daemon and postings wherever it gives one.
func TestUsageLinesNameEveryFlag(t *testing.T) {
	t.Parallel()
	for _, command := range []string{"run", "daemon", "postings"} {
		code, stdout, _ := call("help", command)
		if code != ExitOK {
			t.Fatalf("help %s: exit %d", command, code)
		}
		_, rest, ok := strings.Cut(stdout, "Usage:\n  watcher "+command+" ")
		usage, _, _ := strings.Cut(rest, "\n")
		if !ok {
			t.Fatalf("help %s has no usage line:\n%s", command, stdout)
		}
		for _, f := range usageNames(t, command) {
			if !strings.Contains(usage, f) {
				t.Errorf("the usage line of help %s lacks %s: %s", command, f, usage)
			}
		}
	}
	for _, command := range []string{"run", "daemon"} {
		_, stdout, _ := call("help", command)
		if !strings.Contains(stdout, " [--profile DIR]\n") {
			t.Errorf("help %s: the usage line does not end in [--profile DIR]:\n%s", command, stdout)
		}
	}
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, command := range []string{"run", "daemon", "postings"} {
		// "    watcher postings [-c FILE] ...", and its lines that go on
		// with "[" under it
		re := regexp.MustCompile(`(?m)^    watcher ` + command + ` +(\[.*(?:\n {10,}\[.*)*)`)
		found := re.FindAllStringSubmatch(string(readme), -1)
		if len(found) == 0 {
			t.Fatalf("README gives no synopsis of %s", command)
		}
		for _, m := range found {
			for _, f := range usageNames(t, command) {
				if !regexp.MustCompile(regexp.QuoteMeta(f) + `\b`).MatchString(m[1]) {
					t.Errorf("README's synopsis of %s lacks %s:\n%s", command, f, m[0])
				}
			}
		}
	}
}
