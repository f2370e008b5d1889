package cli

import (
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/scrape/eightfold/fake"
)

// A symbolic link committed under the snapshot folder (a shared data
// repository takes commits from others) is never written or read
// through: the run fails with an error naming the link, and what the
// link points at is untouched (review F19: .watcher/readme and
// .watcher/index were written through, a .watcher/lock link truncated
// its target).
func TestCommittedSymlinkInSnapshotFolderIsRefused(t *testing.T) {
	t.Parallel()
	jobs := []fake.Job{netflixJob(1), netflixJob(2)}
	postingFile := func(e *env) string {
		ents, err := os.ReadDir(e.snapDir())
		if err != nil {
			t.Fatal(err)
		}
		for _, en := range ents {
			if strings.HasSuffix(en.Name(), ".json") {
				return filepath.Join("netflix-data-insights", en.Name())
			}
		}
		t.Fatal("no posting file after the first run")
		return ""
	}
	cases := []struct {
		name string
		rel  func(e *env) string // the path made a link, relative to the folder
		dir  bool                // the link points at a folder (else a file)
		// before: the run must fail before it writes anything in the folder
		before bool
	}{
		{"lock", func(*env) string { return ".watcher/lock" }, false, true},
		{"run marker", func(*env) string { return ".watcher/run-in-progress" }, false, true},
		{"readme", func(*env) string { return ".watcher/readme" }, true, true},
		{"index", func(*env) string { return ".watcher/index" }, true, true},
		{"state", func(*env) string { return ".watcher/state" }, true, true},
		{"http", func(*env) string { return ".watcher/http" }, true, true},
		{"outbox", func(*env) string { return ".watcher/outbox" }, true, true},
		{"runs", func(*env) string { return ".watcher/runs" }, true, true},
		{"gitignore", func(*env) string { return ".gitignore" }, false, true},
		{"whole state folder", func(*env) string { return ".watcher" }, true, true},
		{"one index file", func(*env) string { return ".watcher/index/netflix-data-insights.json" }, false, false},
		{"posting file", postingFile, false, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			e := newEnv(t, jobs)
			if code, out, errOut := e.run(t, "run"); code != 0 {
				t.Fatalf("first run: exit %d\n%s\n%s", code, out, errOut)
			}
			snaps := filepath.Join(e.dir, "snaps")
			rel := tc.rel(e)
			link := filepath.Join(snaps, filepath.FromSlash(rel))

			// what the link points at: a folder with one file, or a file
			victim := filepath.Join(t.TempDir(), "victim")
			const content = "victim content, must stay as it is\n"
			if tc.dir {
				if err := os.MkdirAll(victim, 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(filepath.Join(victim, "keep.txt"), []byte(content), 0o644); err != nil {
					t.Fatal(err)
				}
			} else if err := os.WriteFile(victim, []byte(content), 0o644); err != nil {
				t.Fatal(err)
			}
			if err := os.RemoveAll(link); err != nil {
				t.Fatal(err)
			}
			if err := os.Symlink(victim, link); err != nil {
				t.Fatal(err)
			}
			commitLink(t, snaps, rel)
			before := linkTree(t, snaps)

			// a change, so that the run has files to write
			changed := []fake.Job{netflixJob(1), netflixJob(2), netflixJob(3)}
			changed[0].Name = "Staff Data Engineer 1 (L6)"
			changed[0].TUpdate += 100
			e.nf.SetJobs(changed)
			code, out, errOut := e.run(t, "run")
			if code == 0 {
				t.Fatalf("run with %s a symbolic link: exit 0\nstdout:\n%s\nstderr:\n%s", rel, out, errOut)
			}
			if !strings.Contains(errOut, link+" is a symbolic link: refused") {
				t.Errorf("stderr does not name the link %s:\n%s", link, errOut)
			}
			if tc.dir {
				ents, err := os.ReadDir(victim)
				if err != nil {
					t.Fatal(err)
				}
				if len(ents) != 1 || ents[0].Name() != "keep.txt" {
					var names []string
					for _, en := range ents {
						names = append(names, en.Name())
					}
					t.Errorf("files written through the link into %s: %v", victim, names)
				}
				victim = filepath.Join(victim, "keep.txt")
			}
			if b, err := os.ReadFile(victim); err != nil || string(b) != content {
				t.Errorf("the link's target %s changed: %q, %v", victim, b, err)
			}
			if fi, err := os.Lstat(link); err != nil || fi.Mode()&fs.ModeSymlink == 0 {
				t.Errorf("the link %s was replaced: %v", link, err)
			}
			if tc.before {
				after := linkTree(t, snaps)
				for p, c := range after {
					if before[p] != c {
						t.Errorf("%s written in the folder before the refusal", p)
					}
				}
				for p := range before {
					if _, ok := after[p]; !ok {
						t.Errorf("%s removed from the folder before the refusal", p)
					}
				}
			}
		})
	}
}

// commitLink commits the link at rel (as another user's pull would bring
// it), forcing it past the folder's .gitignore.
func commitLink(t *testing.T, snaps, rel string) {
	t.Helper()
	for _, args := range [][]string{
		{"add", "-A", "."},
		{"add", "-f", "--", rel},
		{"-c", "user.name=Other", "-c", "user.email=other@example.com", "commit", "-q", "--allow-empty", "-m", "a link"},
	} {
		if out, err := exec.Command("git", append([]string{"-C", snaps}, args...)...).CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v %s", args, err, out)
		}
	}
}

// linkTree is every file and link under dir (outside .git) with its content
// or target.
func linkTree(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && d.Name() == ".git" {
			return filepath.SkipDir
		}
		switch {
		case d.Type()&fs.ModeSymlink != 0:
			target, err := os.Readlink(p)
			if err != nil {
				return err
			}
			out[p] = "-> " + target
		case d.Type().IsRegular():
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			out[p] = string(b)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}
