package cli

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"testing"
)

// call runs the command line and returns the exit code, stdout and stderr.
func call(args ...string) (int, string, string) {
	var out, errb bytes.Buffer
	code := Main(args, &out, &errb)
	return code, out.String(), errb.String()
}

// commandNames are the commands the top-level help lists, as their first
// words ("notify test" for notify).
var commandNames = []string{"run", "daemon", "validate", "notify test", "report", "detect", "version", "completion", "man", "help"}

// -h, --help and help CMD print the help on stdout and exit 0.
func TestHelpOnStdout(t *testing.T) {
	t.Parallel()
	for _, args := range [][]string{
		{"-h"}, {"--help"}, {"help"},
		{"run", "-h"}, {"run", "--help"}, {"help", "run"},
		{"daemon", "-h"}, {"validate", "-h"}, {"report", "-h"}, {"detect", "-h"},
		{"notify", "-h"}, {"notify", "test", "-h"}, {"help", "notify", "test"},
		{"version", "-h"}, {"completion", "-h"}, {"man", "-h"}, {"help", "help"},
		// -h wins over what else is on the line
		{"run", "--source", "x", "-h"},
	} {
		code, stdout, stderr := call(args...)
		if code != ExitOK || stdout == "" || stderr != "" {
			t.Errorf("%q: exit %d, stdout %d bytes, stderr %q", args, code, len(stdout), stderr)
		}
	}
	// the top-level help lists every command
	_, stdout, _ := call("-h")
	for _, name := range commandNames {
		if !strings.Contains(stdout, "\n  "+name+" ") && !strings.Contains(stdout, "\n  "+name+"\n") {
			t.Errorf("top-level help lacks %q:\n%s", name, stdout)
		}
	}
}

// `help run` is run's help: what it does, its usage line, examples, every
// flag with its meaning, and the exit codes.
func TestHelpRun(t *testing.T) {
	t.Parallel()
	code, stdout, stderr := call("help", "run")
	if code != ExitOK || stderr != "" {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	for _, want := range []string{
		"Usage:\n  watcher run [-c FILE] [--source NAME ...] [--allow-shrink] [--wait DURATION] [--dry-run] [--json] [--profile DIR]\n",
		"Examples:\n  watcher run\n",
		"-c, --config string", "--source stringArray", "--allow-shrink", "--wait duration", "--dry-run", "--json",
		"--log-level string", "--log-format string", "-h, --help",
		"3 the snapshot folder is in use", "130 stopped",
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("help run lacks %q:\n%s", want, stdout)
		}
	}
	if _, dashH, _ := call("run", "-h"); dashH != stdout {
		t.Errorf("run -h differs from help run:\n%s\n---\n%s", dashH, stdout)
	}
	// report keeps its flags
	_, rep, _ := call("help", "report")
	for _, want := range []string{"--source stringArray", "--since string", "--format string", "-o, --output string", "-c, --config string"} {
		if !strings.Contains(rep, want) {
			t.Errorf("help report lacks %q:\n%s", want, rep)
		}
	}
}

// Bad usage exits 2 with a message on stderr that names the command, and
// nothing on stdout.
func TestBadUsage(t *testing.T) {
	t.Parallel()
	tests := []struct {
		args []string
		want string // the start of stderr
	}{
		{[]string{"run", "--foo"}, "watcher run: unknown flag --foo\n"},
		{[]string{"run", "--foo=1", "-c", "x.yaml"}, "watcher run: unknown flag --foo\n"},
		{[]string{"validate", "-x"}, "watcher validate: unknown shorthand flag 'x' in -x\n"},
		{[]string{"report", "--allow-shrink"}, "watcher report: unknown flag --allow-shrink\n"},
		{[]string{"daemon", "--source", "a"}, "watcher daemon: unknown flag --source\n"},
		{[]string{"notify", "test", "--bar"}, "watcher notify test: unknown flag --bar\n"},
		{[]string{"run", "--wait", "soon"}, `watcher run: --wait: "soon" is not a duration`},
		{[]string{"run", "--wait"}, "watcher run: flag needs an argument: --wait\n"},
		{[]string{"run", "extra"}, `watcher run: unexpected argument "extra"`},
		{[]string{"nope"}, `watcher: unknown command "nope" for "watcher"`},
		{[]string{"--foo"}, "watcher: unknown flag --foo\n"},
		{[]string{"help", "nope"}, `watcher help: unknown command "nope"`},
		{[]string{"help", "run", "nope"}, `watcher help: unknown command "run nope"`},
		{[]string{"notify"}, `watcher notify: expected "test"`},
		{[]string{"notify", "tset"}, `watcher notify: unknown command "tset" (expected "test")`},
		{[]string{"completion"}, "watcher completion: expected one shell: bash, zsh, fish, powershell\n"},
		{[]string{"completion", "tcsh"}, "watcher completion: expected one shell"},
		{[]string{"man"}, "watcher man: expected one folder"},
		{[]string{"version", "x"}, `watcher version: unexpected argument "x"`},
		{[]string{"run", "--log-level", "loud", "-c", "x.yaml"}, `watcher run: --log-level "loud": use debug, info, warn or error`},
	}
	for _, tt := range tests {
		code, stdout, stderr := call(tt.args...)
		if code != ExitUsage || stdout != "" || !strings.HasPrefix(stderr, tt.want) {
			t.Errorf("%q: exit %d, stdout %q, stderr %q; want exit 2 and stderr starting %q", tt.args, code, stdout, stderr, tt.want)
		}
	}
	// bare `watcher`: the usage, on stderr
	code, stdout, stderr := call()
	if code != ExitUsage || stdout != "" || !strings.Contains(stderr, "usage: watcher <command>") {
		t.Errorf("no arguments: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
}

// The config is -c, --config, $WATCHER_CONFIG, else ./config.yaml.
func TestConfigDefault(t *testing.T) {
	const yml = "sources:\n  - {name: a, type: greenhouse, board: a}\n"
	dir := t.TempDir()
	named := filepath.Join(dir, "named.yaml")
	os.WriteFile(named, []byte(yml), 0o644)
	os.WriteFile(filepath.Join(dir, "config.yaml"), []byte(yml+"  - {name: b, type: lever, board: b}\n"), 0o644)
	t.Chdir(dir)
	t.Setenv("WATCHER_CONFIG", "")
	for _, tt := range []struct {
		env  string
		args []string
		want string
	}{
		{"", []string{"validate"}, "config.yaml: ok (2 sources, 0 notifiers)\n"},
		{"", []string{"validate", "-c", named}, named + ": ok (1 source, 0 notifiers)\n"},
		{"", []string{"validate", "--config", named}, named + ": ok (1 source, 0 notifiers)\n"},
		{"", []string{"validate", "--config=" + named}, named + ": ok (1 source, 0 notifiers)\n"},
		{named, []string{"validate"}, named + ": ok (1 source, 0 notifiers)\n"},
		{named, []string{"validate", "-c", "config.yaml"}, "config.yaml: ok (2 sources, 0 notifiers)\n"},
	} {
		t.Setenv("WATCHER_CONFIG", tt.env)
		code, stdout, stderr := call(tt.args...)
		if code != ExitOK || stdout != tt.want {
			t.Errorf("WATCHER_CONFIG=%q %q: exit %d, stdout %q, want %q\n%s", tt.env, tt.args, code, stdout, tt.want, stderr)
		}
	}
	t.Setenv("WATCHER_CONFIG", filepath.Join(dir, "missing.yaml"))
	if code, _, stderr := call("validate"); code != ExitUsage || !strings.Contains(stderr, "missing.yaml") {
		t.Errorf("a missing $WATCHER_CONFIG: exit %d, %s", code, stderr)
	}
}

// The completion scripts are the shells' hooks into `watcher __complete`,
// which knows the commands, flags, flag values and the config's names.
func TestCompletion(t *testing.T) {
	t.Parallel()
	for _, shell := range []string{"bash", "zsh", "fish", "powershell"} {
		code, stdout, stderr := call("completion", shell)
		if code != ExitOK || stderr != "" || len(stdout) < 1000 {
			t.Fatalf("completion %s: exit %d, %d bytes, stderr %q", shell, code, len(stdout), stderr)
		}
		for _, want := range []string{"watcher", "__complete"} {
			if !strings.Contains(stdout, want) {
				t.Errorf("completion %s lacks %q", shell, want)
			}
		}
	}
	for _, want := range []string{"# bash completion V2 for watcher", "#compdef watcher", "# fish completion for watcher"} {
		found := false
		for _, shell := range []string{"bash", "zsh", "fish"} {
			_, stdout, _ := call("completion", shell)
			found = found || strings.Contains(stdout, want)
		}
		if !found {
			t.Errorf("no script starts with %q", want)
		}
	}

	complete := func(args ...string) []string {
		t.Helper()
		code, stdout, stderr := call(append([]string{"__complete"}, args...)...)
		if code != ExitOK {
			t.Fatalf("__complete %q: exit %d, %s", args, code, stderr)
		}
		var words []string
		for _, l := range strings.Split(strings.TrimSpace(stdout), "\n") {
			if strings.HasPrefix(l, ":") { // the directive
				continue
			}
			w, _, _ := strings.Cut(l, "\t")
			words = append(words, w)
		}
		return words
	}
	cmds := complete("")
	for _, name := range commandNames {
		name, _, _ = strings.Cut(name, " ")
		if !slices.Contains(cmds, name) {
			t.Errorf("completion of a command lacks %q: %q", name, cmds)
		}
	}
	if got := complete("notify", ""); !slices.Equal(got, []string{"test"}) {
		t.Errorf("notify completes to %q", got)
	}
	runFlags := complete("run", "--")
	for _, want := range []string{"--config", "--source", "--allow-shrink", "--wait", "--log-level", "--log-format"} {
		if !slices.Contains(runFlags, want) {
			t.Errorf("run's flags complete to %q, without %q", runFlags, want)
		}
	}
	if got := complete("report", "--format", ""); !slices.Equal(got, []string{"text", "markdown", "json", "html"}) {
		t.Errorf("report --format completes to %q", got)
	}
	if got := complete("completion", ""); !slices.Equal(got, []string{"bash", "zsh", "fish", "powershell"}) {
		t.Errorf("completion completes to %q", got)
	}
	// names from the config
	dir := t.TempDir()
	cfg := filepath.Join(dir, "c.yaml")
	os.WriteFile(cfg, []byte("sources:\n  - {name: alpha, type: greenhouse, board: a}\n  - {name: beta, type: lever, board: b}\nnotifiers:\n  - {name: console, type: stdout}\n  - {name: log, type: stdout}\n"), 0o644)
	if got := complete("run", "-c", cfg, "--source", ""); !slices.Equal(got, []string{"alpha", "beta"}) {
		t.Errorf("run --source completes to %q", got)
	}
	if got := complete("report", "--config", cfg, "--source", ""); !slices.Equal(got, []string{"alpha", "beta"}) {
		t.Errorf("report --source completes to %q", got)
	}
	if got := complete("notify", "test", "console", "-c", cfg, ""); !slices.Equal(got, []string{"log"}) {
		t.Errorf("notify test completes to %q after console", got)
	}
}

// `watcher man DIR` writes a page per command from the same text as the
// help.
func TestManPages(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "man1")
	code, stdout, stderr := call("man", dir)
	if code != ExitOK || stderr != "" {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	pages, _ := filepath.Glob(filepath.Join(dir, "*.1"))
	var names []string
	for _, p := range pages {
		names = append(names, filepath.Base(p))
	}
	want := []string{"watcher-completion.1", "watcher-daemon.1", "watcher-detect.1", "watcher-export-git.1", "watcher-import-git.1", "watcher-man.1", "watcher-migrate.1", "watcher-notify-test.1",
		"watcher-notify.1", "watcher-postings.1", "watcher-probe.1", "watcher-report.1", "watcher-run.1", "watcher-serve.1", "watcher-show.1", "watcher-status.1", "watcher-validate.1", "watcher-version.1", "watcher-worker.1", "watcher.1"}
	if !slices.Equal(names, want) {
		t.Fatalf("pages %q, want %q", names, want)
	}
	if stdout != fmt.Sprintf("wrote %d man pages into %s\n", len(want), dir) {
		t.Errorf("stdout %q", stdout)
	}
	run, err := os.ReadFile(filepath.Join(dir, "watcher-run.1"))
	if err != nil {
		t.Fatal(err)
	}
	_, help, _ := call("help", "run")
	short := strings.SplitN(help, "\n", 2)[0] // the first line of run's description
	for _, want := range []string{`.TH "WATCHER-RUN" "1"`, ".SH NAME\nwatcher-run - one cycle over the sources, then exit", ".SH SYNOPSIS",
		short, ".SH OPTIONS", `\fB--allow-shrink\fP`, `\fB--wait\fP`, `\fB-c\fP, \fB--config\fP`, ".SH EXAMPLE", "watcher run --wait 10m",
		".SH SEE ALSO", `\fBwatcher(1)\fP`} {
		if !strings.Contains(string(run), want) {
			t.Errorf("watcher-run.1 lacks %q:\n%s", want, run)
		}
	}
	root, _ := os.ReadFile(filepath.Join(dir, "watcher.1"))
	for _, want := range []string{`.TH "WATCHER" "1"`, `\fBwatcher-run(1)\fP`, `\fBwatcher-notify(1)\fP`, "$WATCHER_CONFIG"} {
		if !strings.Contains(string(root), want) {
			t.Errorf("watcher.1 lacks %q:\n%s", want, root)
		}
	}
	// the header's date follows $SOURCE_DATE_EPOCH, for reproducible pages
	t.Setenv("SOURCE_DATE_EPOCH", "1767225600") // 2026-01-01
	if code, _, stderr := call("man", dir); code != ExitOK {
		t.Fatalf("exit %d %s", code, stderr)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "watcher.1")); !strings.Contains(string(b), `.TH "WATCHER" "1" "Jan 2026"`) {
		t.Errorf("SOURCE_DATE_EPOCH not used:\n%s", b)
	}
}

func TestVersionCommand(t *testing.T) {
	t.Parallel()
	code, stdout, stderr := call("version")
	if code != ExitOK || stderr != "" {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	bi, ok := debug.ReadBuildInfo()
	if want := versionText(Version, bi, ok); stdout != want {
		t.Errorf("version:\n%s\nwant:\n%s", stdout, want)
	}
	if !strings.HasPrefix(stdout, "watcher ") || !strings.Contains(stdout, "\ngo:       "+runtime.Version()+" "+runtime.GOOS+"/"+runtime.GOARCH+"\n") {
		t.Errorf("version:\n%s", stdout)
	}
	if _, flag, _ := call("--version"); flag != stdout {
		t.Errorf("--version:\n%s\nversion:\n%s", flag, stdout)
	}
}

func TestVersionText(t *testing.T) {
	t.Parallel()
	stamped := &debug.BuildInfo{
		GoVersion: "go1.26.8",
		Main:      debug.Module{Path: "github.com/careers-watcher/careers-watcher", Version: "v1.4.0"},
		Settings: []debug.BuildSetting{
			{Key: "vcs", Value: "git"},
			{Key: "vcs.revision", Value: "0123456789abcdef0123456789abcdef01234567"},
			{Key: "vcs.time", Value: "2026-11-30T10:00:00Z"},
			{Key: "vcs.modified", Value: "true"},
		},
	}
	platform := " " + runtime.GOOS + "/" + runtime.GOARCH + "\n"
	tests := []struct {
		name    string
		version string
		bi      *debug.BuildInfo
		ok      bool
		want    string
	}{
		{"module version and VCS", "dev", stamped, true, "watcher v1.4.0\nmodule:   github.com/careers-watcher/careers-watcher\n" +
			"revision: 0123456789abcdef0123456789abcdef01234567 (2026-11-30T10:00:00Z, with local changes)\ngo:       go1.26.8" + platform},
		{"-ldflags version first", "v2.0.0-rc1", stamped, true, "watcher v2.0.0-rc1\nmodule:   github.com/careers-watcher/careers-watcher\n" +
			"revision: 0123456789abcdef0123456789abcdef01234567 (2026-11-30T10:00:00Z, with local changes)\ngo:       go1.26.8" + platform},
		{"a build from a work tree", "dev", &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Path: "m", Version: "(devel)"},
			Settings: []debug.BuildSetting{{Key: "vcs.revision", Value: "abc"}, {Key: "vcs.modified", Value: "false"}}}, true,
			"watcher dev\nmodule:   m\nrevision: abc\ngo:       go1.26.8" + platform},
		{"no VCS information", "dev", &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Path: "m"}}, true,
			"watcher dev\nmodule:   m\nrevision: unknown (built without VCS information)\ngo:       go1.26.8" + platform},
		{"no build info", "", nil, false, "watcher dev\nrevision: unknown (built without VCS information)\ngo:       " + runtime.Version() + platform},
	}
	for _, tt := range tests {
		if got := versionText(tt.version, tt.bi, tt.ok); got != tt.want {
			t.Errorf("%s:\n%s\nwant:\n%s", tt.name, got, tt.want)
		}
	}
}
