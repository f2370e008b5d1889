package gitrepo

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestPushToALocalBareRepository pushes to a bare repository by path and by
// a remote's name; a remote that is not there keeps the commits unpushed,
// and the next push sends them all.
func TestPushToALocalBareRepository(t *testing.T) {
	t.Parallel()
	needGit(t) // go-git's file transport runs git-receive-pack
	root := t.TempDir()
	bare := filepath.Join(root, "remote.git")
	git(t, root, "init", "--bare", "-b", "main", bare)
	dir := filepath.Join(root, "work")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	r := mustOpen(t, dir)
	ctx := context.Background()

	if h, err := r.Push(ctx, PushOptions{Remote: bare}); err != nil || h != "" {
		t.Fatalf("push of an unborn branch: %q, %v", h, err)
	}
	writeFile(t, filepath.Join(dir, "a.json"), "{}\n")
	first, _ := mustCommit(t, r, []string{"a.json"}, "first")
	if n, err := r.Unpushed(""); err != nil || n != 1 {
		t.Fatalf("Unpushed before any push: %d, %v", n, err)
	}

	// a remote that is not there: an error, the commit stays unpushed
	missing := filepath.Join(root, "missing.git")
	if _, err := r.Push(ctx, PushOptions{Remote: missing}); err == nil || !strings.Contains(err.Error(), missing) {
		t.Fatalf("push to a missing remote: %v", err)
	}
	writeFile(t, filepath.Join(dir, "b.json"), "{}\n")
	second, _ := mustCommit(t, r, []string{"b.json"}, "second")
	if n, err := r.Unpushed(""); err != nil || n != 2 {
		t.Fatalf("Unpushed after a failed push: %d, %v", n, err)
	}
	if n, ok, err := UnpushedIn(dir, ""); err != nil || !ok || n != 2 {
		t.Fatalf("UnpushedIn: %d, %v, %v", n, ok, err)
	}

	h, err := r.Push(ctx, PushOptions{Remote: bare})
	if err != nil || h != second {
		t.Fatalf("push: %q, %v; want %s", h, err, second)
	}
	if got := git(t, bare, "rev-parse", "main"); got != second {
		t.Fatalf("remote main %s, want %s", got, second)
	}
	if got := git(t, bare, "rev-parse", "main~1"); got != first {
		t.Fatalf("remote main~1 %s, want %s", got, first)
	}
	if n, err := r.Unpushed(""); err != nil || n != 0 {
		t.Fatalf("Unpushed after the push: %d, %v", n, err)
	}
	// nothing new: up to date is no error
	if _, err := r.Push(ctx, PushOptions{Remote: bare}); err != nil {
		t.Fatalf("push with nothing new: %v", err)
	}

	// by a remote's name, to another branch name given explicitly
	git(t, dir, "remote", "add", "origin", bare)
	writeFile(t, filepath.Join(dir, "c.json"), "{}\n")
	third, _ := mustCommit(t, r, []string{"c.json"}, "third")
	if h, err := r.Push(ctx, PushOptions{Remote: "origin", Branch: "main"}); err != nil || h != third {
		t.Fatalf("push to origin: %q, %v", h, err)
	}
	if got := git(t, bare, "rev-parse", "main"); got != third {
		t.Fatalf("remote main %s, want %s", got, third)
	}
	if _, err := r.Push(ctx, PushOptions{Remote: "nowhere"}); err == nil || !strings.Contains(err.Error(), `"nowhere"`) {
		t.Fatalf("push to an unknown remote name: %v", err)
	}
}

func TestRedactURL(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"https://user:s3cret@example.com/r.git": "https://user:xxxxx@example.com/r.git",
		"https://example.com/r.git":             "https://example.com/r.git",
		"git@example.com:me/r.git":              "git@example.com:me/r.git",
		"origin":                                "origin",
	} {
		if got := RedactURL(in); got != want {
			t.Errorf("RedactURL(%q) = %q, want %q", in, got, want)
		}
	}
}
