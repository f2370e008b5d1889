package cli

import (
	"bytes"
	"strings"
	"testing"
)

// Review s20 F14: "--title -- --json" took "--" as the title (and still
// applied --json). A flag that takes a value followed by "--" is a usage
// mistake, as one followed by a flag is; "--title=--" stays a value.
func TestFlagFollowedByDoubleDashIsAUsageMistakeS21(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"postings", "--title", "--", "--json"}, "watcher postings: --title needs a value, and -- ends the flags"},
		{[]string{"run", "--source", "--"}, "watcher run: --source needs a value, and -- ends the flags"},
	} {
		var stdout, stderr bytes.Buffer
		code := Main(c.args, &stdout, &stderr)
		if code != ExitUsage || !strings.HasPrefix(stderr.String(), c.want) || stdout.Len() != 0 {
			t.Errorf("%q: exit %d, stderr %q; want exit 2 and %q", c.args, code, stderr.String(), c.want)
		}
	}
	var stdout, stderr bytes.Buffer
	Main([]string{"postings", "-c", "/nonexistent/config.yaml", "--title=--"}, &stdout, &stderr)
	if strings.Contains(stderr.String(), "ends the flags") {
		t.Errorf("--title=--: %q", stderr.String())
	}
}

// Review s20 F14: "postings --level bogus" (or L99, or Sr) listed nothing
// and exited 0, while "--level L5-L3" was a usage mistake: a typo looked
// like "no postings". A level no posting can have is a usage mistake now,
// naming the flag (and the level word meant, for a spelling the
// normalizer reads as one); the levels a posting can have still pass.
func TestPostingsLevelNoPostingCanHaveIsAUsageMistakeS21(t *testing.T) {
	for _, c := range []struct{ level, want string }{
		{"bogus", `--level "bogus": not a level`},
		{"L99", `--level "L99": not a level`},
		{"L9+", `--level "L9+": not a level`},
		{"L1-L2", `--level "L1-L2": not a level`},
		{"Sr", `--level "Sr": not a level (did you mean "Senior"?)`},
	} {
		var stdout, stderr bytes.Buffer
		code := Main([]string{"postings", "-c", "/nonexistent/config.yaml", "--level", c.level}, &stdout, &stderr)
		if code != ExitUsage || !strings.HasPrefix(stderr.String(), "watcher postings: "+c.want) || stdout.Len() != 0 {
			t.Errorf("--level %s: exit %d, stderr %q; want exit 2 and %q", c.level, code, stderr.String(), c.want)
		}
	}
	for _, level := range []string{"L5", "l5", "L5+", "L2-L4", "L8-L12", "Senior", "senior staff", "II", "VP"} {
		var stdout, stderr bytes.Buffer
		Main([]string{"postings", "-c", "/nonexistent/config.yaml", "--level", level}, &stdout, &stderr)
		if strings.Contains(stderr.String(), "--level") {
			t.Errorf("--level %s: %q", level, stderr.String())
		}
	}
}
