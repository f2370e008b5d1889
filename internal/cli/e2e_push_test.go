package cli

import (
	"net/http"
	"net/http/cgi"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"

	"github.com/careers-watcher/careers-watcher/internal/scrape/eightfold/fake"
)

const pushToken = "ghp_pushTokenThatMustNeverBeLogged42"

// gitRemote is a bare repository served over smart HTTP (git http-backend)
// that wants the token as the basic-auth password, and answers 503 while
// down is set.
type gitRemote struct {
	*httptest.Server
	bare     string
	down     atomic.Bool
	badAuths atomic.Int32
}

func newGitRemote(t *testing.T) *gitRemote {
	t.Helper()
	gitBin, err := exec.LookPath("git")
	if err != nil {
		t.Skip("no git binary for the stand-in remote (git http-backend)")
	}
	root := t.TempDir()
	rm := &gitRemote{bare: filepath.Join(root, "snaps.git")}
	for _, args := range [][]string{{"init", "--bare", "-b", "main", rm.bare}, {"-C", rm.bare, "config", "http.receivepack", "true"}} {
		if out, err := exec.Command(gitBin, args...).CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	backend := &cgi.Handler{Path: gitBin, Args: []string{"http-backend"}, Env: []string{"GIT_PROJECT_ROOT=" + root, "GIT_HTTP_EXPORT_ALL=1"}}
	rm.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if rm.down.Load() {
			http.Error(w, "down for maintenance", http.StatusServiceUnavailable)
			return
		}
		if _, pw, ok := r.BasicAuth(); !ok || pw != pushToken {
			rm.badAuths.Add(1)
			w.Header().Set("WWW-Authenticate", `Basic realm="git"`)
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		backend.ServeHTTP(w, r)
	}))
	t.Cleanup(rm.Close)
	return rm
}

// head is the remote's main branch ("" when it has none).
func (rm *gitRemote) head(t *testing.T) string {
	t.Helper()
	repo, err := git.PlainOpen(rm.bare)
	if err != nil {
		t.Fatal(err)
	}
	ref, err := repo.Reference(plumbing.NewBranchReferenceName("main"), true)
	if err != nil {
		return ""
	}
	return ref.Hash().String()
}

func TestRunPushesToARemote(t *testing.T) {
	t.Parallel()
	e := newEnv(t, []fake.Job{netflixJob(1), netflixJob(2)})
	rm := newGitRemote(t)
	setenv(t, "TEST_GIT_TOKEN", pushToken) // a name no other test uses
	b, err := os.ReadFile(e.cfg)
	if err != nil {
		t.Fatal(err)
	}
	withPush := strings.Replace(string(b), "git:\n", "git:\n  push:\n    remote: "+rm.URL+"/snaps.git\n    token: ${TEST_GIT_TOKEN}\n    retries: 2\n", 1)
	if err := os.WriteFile(e.cfg, []byte(withPush), 0o644); err != nil {
		t.Fatal(err)
	}
	secretFree := func(what, s string) {
		t.Helper()
		if strings.Contains(s, pushToken) {
			t.Fatalf("%s holds the push token:\n%s", what, s)
		}
	}

	// 1. The remote is down: the run commits, the push fails (exit 1), the
	// commit stays.
	rm.down.Store(true)
	code, stdout, stderr := e.run(t, "run")
	if code != ExitFailed || !strings.Contains(stderr, "git push") || !strings.Contains(stderr, "pushed by the next run") {
		t.Fatalf("push to a remote that is down: exit %d\n%s", code, stderr)
	}
	secretFree("stdout", stdout)
	secretFree("stderr", stderr)
	t.Logf("failed push:\n%s", stderr)
	first, _ := e.head(t)
	if rm.head(t) != "" {
		t.Fatal("the remote has a branch after a failed push")
	}
	if code, out, errs := e.run(t, "status"); code != 0 || !strings.Contains(out, "git: 1 commit not pushed") {
		t.Fatalf("status after a failed push: exit %d\n%s%s", code, out, errs)
	}

	// 2. Still down, and the board changes: a second commit, both kept.
	e.nf.SetJobs([]fake.Job{netflixJob(1), netflixJob(2), netflixJob(3)})
	code, stdout, stderr = e.run(t, "run")
	if code != ExitFailed {
		t.Fatalf("second run: exit %d\n%s", code, stderr)
	}
	secretFree("stderr", stderr+stdout)
	second, _ := e.head(t)
	if second == first {
		t.Fatal("the second run made no commit")
	}
	if code, out, _ := e.run(t, "status"); code != 0 || !strings.Contains(out, "git: 2 commits not pushed") {
		t.Fatalf("status: %s", out)
	}

	// 3. The remote is back: the next run (no change of its own) pushes
	// both commits.
	rm.down.Store(false)
	code, stdout, stderr = e.run(t, "run")
	if code != 0 {
		t.Fatalf("run with the remote back: exit %d\n%s", code, stderr)
	}
	secretFree("stderr", stderr+stdout)
	if got := rm.head(t); got != second {
		t.Fatalf("remote main is %q, want the local HEAD %s", got, second)
	}
	remote, err := git.PlainOpen(rm.bare)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := remote.CommitObject(plumbing.NewHash(first)); err != nil {
		t.Fatalf("the first commit did not reach the remote: %v", err)
	}
	if code, out, _ := e.run(t, "status"); code != 0 || !strings.Contains(out, "git: 0 commits not pushed") {
		t.Fatalf("status after the push: %s", out)
	}
	// the credentials never reach the repository's files
	cfgFile, _ := os.ReadFile(filepath.Join(e.dir, "snaps", ".git", "config"))
	secretFree(".git/config", string(cfgFile))

	// 4. A wrong token: refused, reported without the token.
	setenv(t, "TEST_GIT_TOKEN", "ghp_wrongTokenAlsoNeverLogged000")
	e.nf.SetJobs([]fake.Job{netflixJob(1), netflixJob(3)})
	code, stdout, stderr = e.run(t, "run")
	if code != ExitFailed || rm.badAuths.Load() == 0 || strings.Contains(stderr+stdout, "ghp_wrongTokenAlsoNeverLogged000") {
		t.Fatalf("wrong token: exit %d, refused %d times\n%s", code, rm.badAuths.Load(), stderr)
	}
	t.Logf("refused push:\n%s", stderr)
	if rm.head(t) != second {
		t.Fatal("the remote moved on a refused push")
	}
}
