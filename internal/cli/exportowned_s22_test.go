package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// The runner's recovery commits only the watcher's own files since
// 27346a3 (review s22 F9: an ignored .env was committed and pushed), but
// export-git's own recovery (fleet.ExportGit, after an export that
// stopped: its run marker is there) still passes repo.ChangedSince("") —
// every file of the folder that differs from HEAD, ignored files included
// — to the commit: the user's ignored .env.local goes into the history.
func TestExportGitRecoveryCommitsOnlyOwnFiles(t *testing.T) {
	pgSuite(t)
	dsn := fleetDB(t)
	board := newFleetBoard(t, "acme")
	cfg := fleetConfig(t, dsn, "http://127.0.0.1:1/unused", map[string]string{"acme": board.URL})
	mirror := filepath.Join(filepath.Dir(cfg), "mirror")
	git := func(args ...string) string {
		t.Helper()
		out, err := exec.Command("git", append([]string{"-C", mirror}, args...)...).CombinedOutput()
		if err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
		return string(out)
	}
	board.set(fleetPosting(1, "Data Engineer"))
	if code, out, errs := runIn(t, cfg, "run"); code != 0 {
		t.Fatalf("run: %d\n%s\n%s", code, out, errs)
	}
	if code, out, errs := runIn(t, cfg, "export-git", "--to", mirror); code != 0 {
		t.Fatalf("export-git: %d\n%s\n%s", code, out, errs)
	}
	ign, _ := os.ReadFile(filepath.Join(mirror, ".gitignore"))
	os.WriteFile(filepath.Join(mirror, ".gitignore"), append(ign, ".env.local\n"...), 0o644)
	git("-c", "user.name=u", "-c", "user.email=u@example.com", "commit", "-qam", "ignore my secrets")
	os.WriteFile(filepath.Join(mirror, ".env.local"), []byte("TOKEN=hunter2hunter2\n"), 0o600)
	// an export that stopped after writing (its marker left)
	os.WriteFile(filepath.Join(mirror, ".watcher", "run-in-progress"), []byte("1\n"), 0o644)
	board.set(fleetPosting(1, "Data Engineer"), fleetPosting(2, "Analyst"))
	if code, out, errs := runIn(t, cfg, "run"); code != 0 {
		t.Fatalf("run: %d\n%s\n%s", code, out, errs)
	}
	if code, out, errs := runIn(t, cfg, "export-git", "--to", mirror); code != 0 {
		t.Fatalf("export-git: %d\n%s\n%s", code, out, errs)
	}
	if tree := git("log", "--name-only", "--format=", "-2"); strings.Contains(tree, ".env.local") {
		t.Errorf("the ignored .env.local was committed by export-git's recovery:\n%s", tree)
	}
}
