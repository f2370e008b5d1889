package cli

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
)

// TestExportGit: `watcher export-git` mirrors the database into a snapshot
// folder committed to git, in the files store's format: after each of two
// runs on the database (two postings; then one changed, one removed, one
// added), the export's posting files and README are byte for byte those a
// files-store run on the same board writes; each export is one commit, an
// export with nothing new makes none, and the folder's repository is
// clean. A files-store config is refused.
func TestExportGit(t *testing.T) {
	pgSuite(t)
	if testing.Short() {
		t.Skip("starts PostgreSQL")
	}
	dsn := fleetDB(t)
	board := newFleetBoard(t, "acme")
	cfg := fleetConfig(t, dsn, "http://127.0.0.1:1/unused", map[string]string{"acme": board.URL})
	dir := filepath.Dir(cfg)
	mirror := filepath.Join(dir, "mirror")
	files := filepath.Join(dir, "files.yaml")
	yml := fmt.Sprintf("snapshots: snaps\nhttp: {per_host_delay: 1ms, retries: 1, timeout: 5s}\nguard: {remove_after: 1, shrink_pause: 1ms}\ngit: {commit: true}\n"+
		"sources:\n  - {name: acme, type: greenhouse, company: Acme, board: acme, url: %q}\n", board.URL)
	if err := os.WriteFile(files, []byte(yml), 0o644); err != nil {
		t.Fatal(err)
	}
	// the folder's posting files and README, by name
	folder := func(root string) map[string]string {
		out := map[string]string{}
		ents, err := os.ReadDir(filepath.Join(root, "acme"))
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range ents {
			b, err := os.ReadFile(filepath.Join(root, "acme", e.Name()))
			if err != nil {
				t.Fatal(err)
			}
			out[e.Name()] = string(b)
		}
		return out
	}
	same := func(step string) {
		t.Helper()
		got, want := folder(mirror), folder(filepath.Join(dir, "snaps"))
		var names []string
		for n := range want {
			names = append(names, n)
		}
		sort.Strings(names)
		if len(got) != len(want) || len(names) < 2 {
			t.Fatalf("%s: the export has %d files, a files-store run %d (%v)", step, len(got), len(want), names)
		}
		for _, n := range names {
			if got[n] != want[n] {
				t.Fatalf("%s: %s differs from the files store's:\n%s\n---\n%s", step, n, got[n], want[n])
			}
		}
	}
	git := func(args ...string) string {
		t.Helper()
		out, err := exec.Command("git", append([]string{"-C", mirror}, args...)...).CombinedOutput()
		if err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
		return string(out)
	}
	step := func(name, want string) {
		t.Helper()
		for _, c := range []string{cfg, files} {
			if code, stdout, stderr := runIn(t, c, "run"); code != 0 {
				t.Fatalf("%s: run -c %s: exit %d\n%s\n%s", name, filepath.Base(c), code, stdout, stderr)
			}
		}
		code, stdout, stderr := runIn(t, cfg, "export-git", "--to", mirror)
		if code != 0 || !regexp.MustCompile(want).MatchString(stdout) {
			t.Fatalf("%s: export-git: exit %d\n%s\n%s", name, code, stdout, stderr)
		}
		same(name)
	}

	board.set(fleetPosting(1, "Data Engineer"), fleetPosting(2, "Analytics Engineer"))
	step("first", `^1 source exported: 2 posting files written, 0 removed; commit [0-9a-f]{12}\n$`)
	changed := fleetPosting(1, "Senior Data Engineer")
	changed.Updated = "2026-11-25T10:00:00Z"
	board.set(changed, fleetPosting(3, "Platform Engineer"))
	step("second", `^1 source exported: 2 posting files written, 1 removed; commit [0-9a-f]{12}\n$`)
	if _, err := os.Stat(filepath.Join(mirror, "acme", "2.json")); err == nil {
		t.Fatal("the removed posting's file is still there")
	}
	if code, stdout, _ := runIn(t, cfg, "export-git", "--to", mirror); code != 0 || stdout != "1 source exported: nothing changed\n" {
		t.Fatalf("an export with nothing new: exit %d, %q", code, stdout)
	}
	if log := git("log", "--format=%s"); strings.Count(log, "\n") != 2 || !strings.Contains(log, "watcher: export from the database (1 source: 2 files written, 1 removed)") {
		t.Fatalf("git log:\n%s", log)
	}
	if st := git("status", "--porcelain"); st != "" {
		t.Fatalf("the mirror's work tree is not clean:\n%s", st)
	}
	git("fsck", "--strict")
	if code, _, stderr := runIn(t, files, "export-git"); code != ExitUsage || !strings.Contains(stderr, "export-git is for store: postgres") {
		t.Fatalf("export-git with the files store: exit %d, %s", code, stderr)
	}
}
