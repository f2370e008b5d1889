package cli

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing/object"

	"github.com/careers-watcher/careers-watcher/internal/config"
)

// fixlowCommit writes files (path relative to root -> content; "" removes
// the file) into the work tree of the repository at root and commits them.
func fixlowCommit(t *testing.T, repo *git.Repository, root string, files map[string]string) {
	t.Helper()
	wt, err := repo.Worktree()
	if err != nil {
		t.Fatal(err)
	}
	for rel, content := range files {
		p := filepath.Join(root, filepath.FromSlash(rel))
		if content == "" {
			if _, err := wt.Remove(rel); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := wt.Add(rel); err != nil {
			t.Fatal(err)
		}
	}
	sig := &object.Signature{Name: "t", Email: "t@localhost", When: time.Now()}
	if _, err := wt.Commit("test", &git.CommitOptions{Author: sig, Committer: sig}); err != nil {
		t.Fatal(err)
	}
}

// import-git's "skipped" lines name what the import read past in the
// history: a source folder that holds snapshot files in a commit and that
// no source of the config names, even one removed since; not a folder
// that is only on disk (nothing of it was in the history), nor a
// committed folder without a snapshot file, nor a dot folder. The old
// lines listed the folders on disk. Both a snapshot folder that is its
// repository's root and one inside a bigger repository.
func TestImportGitSkippedFromHistory(t *testing.T) {
	for _, sub := range []string{"", "data/snaps"} {
		root := t.TempDir()
		repo, err := git.PlainInit(root, false)
		if err != nil {
			t.Fatal(err)
		}
		dir := filepath.Join(root, filepath.FromSlash(sub))
		at := func(rel string) string { return strings.TrimPrefix(sub+"/"+rel, "/") }
		fixlowCommit(t, repo, root, map[string]string{
			at("acme/1.json"): "{}\n", at("old/5.json"): "{}\n", at("notes/README.md"): "notes\n",
			at(".watcher/index/acme.json"): "{}\n", at("kept/7.json"): "{}\n",
		})
		fixlowCommit(t, repo, root, map[string]string{at("old/5.json"): "", at("acme/2.json"): "{}\n"})
		// on disk only: never committed
		if err := os.MkdirAll(filepath.Join(dir, "local"), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "local", "9.json"), []byte("{}\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		cfg := &config.Config{Sources: []config.Source{{Name: "acme"}}}
		got, err := skippedSources(dir, cfg)
		if err != nil {
			t.Fatalf("folder %q: %v", sub, err)
		}
		if want := []string{"kept", "old"}; !slices.Equal(got, want) {
			t.Errorf("folder %q: skipped %v, want %v", sub, got, want)
		}
	}
}

// The command, on PostgreSQL (the long set): a source folder committed and
// removed since is named as skipped, a folder only on disk is not.
func TestImportGitSkippedLinesFromHistory(t *testing.T) {
	s := newImportGitSetup(t, acmeSource)
	snaps := filepath.Join(s.dir, "snaps")
	repo, err := git.PlainOpen(snaps)
	if err != nil {
		t.Fatal(err)
	}
	fixlowCommit(t, repo, snaps, map[string]string{"old/5.json": "{}\n"})
	fixlowCommit(t, repo, snaps, map[string]string{"old/5.json": ""})
	if err := os.MkdirAll(filepath.Join(snaps, "local"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(snaps, "local", "9.json"), []byte("{}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := runIn(t, s.fleet, "import-git")
	if want := "old: skipped: not a source of the config\nacme: 1 commit, 2 versions\n"; code != 0 || stdout != want {
		t.Fatalf("import-git: exit %d\nstdout %q, want %q\n%s", code, stdout, want, stderr)
	}
}

// unconfiguredFolders is the disk listing import-git used to print as
// skipped (replaced by skippedSources, which reads the history); it stays
// here, as it was, only for TestImportGitNamesUnconfiguredFolders in
// importgit_skipped_test.go, which another change owns: retire both
// together.
func unconfiguredFolders(dir string, cfg *config.Config) []string {
	des, err := os.ReadDir(dir)
	if err != nil {
		return nil
	}
	var out []string
	for _, de := range des {
		n := de.Name()
		if !de.IsDir() || strings.HasPrefix(n, ".") || slices.ContainsFunc(cfg.Sources, func(s config.Source) bool { return s.Name == n }) {
			continue
		}
		out = append(out, n)
	}
	return out
}
