// Package pgtest starts throw-away PostgreSQL 15 clusters for tests, from
// the Debian binaries (/usr/lib/postgresql/15/bin, or $PGTEST_BINDIR):
// a copy of a data folder initdb made (once per machine, kept in the
// system's temporary folder as pgtest-initdb-UID-KEY) in a temporary
// folder, the server listening only on a unix socket in that folder (no
// TCP), run as the user nobody when the test runs as root (PostgreSQL
// refuses root), stopped afterwards.
//
// One cluster per test package: call Main from TestMain and DB (or
// DBFrom) in each test for a fresh database of its own. Start gives a test
// a cluster of its own, stopped by its Cleanup.
//
// When the binaries are missing the tests skip, saying why; under CI=true
// they fail instead, so that CI never passes without running them.
package pgtest

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/careers-watcher/careers-watcher/internal/testtmp"
	"github.com/jackc/pgx/v5"
)

// DefaultBinDir holds the Debian package postgresql-15's server binaries.
const DefaultBinDir = "/usr/lib/postgresql/15/bin"

// StartTimeout bounds initdb plus the server's start; StopTimeout is how
// long its shutdown may take before the server is killed.
var (
	StartTimeout = 2 * time.Minute
	StopTimeout  = 15 * time.Second
)

// BinDir is $PGTEST_BINDIR when set, else DefaultBinDir.
func BinDir() string {
	if d := os.Getenv("PGTEST_BINDIR"); d != "" {
		return d
	}
	return DefaultBinDir
}

// Missing says why no cluster can be started here ("" when one can).
func Missing() string {
	for _, b := range []string{"initdb", "postgres"} {
		p := filepath.Join(BinDir(), b)
		if fi, err := os.Stat(p); err != nil || fi.IsDir() || fi.Mode()&0o111 == 0 {
			return fmt.Sprintf("PostgreSQL 15 server binary %s not found (install the Debian package postgresql-15, or set $PGTEST_BINDIR)", p)
		}
	}
	return ""
}

// inCI is true under CI=true: a missing PostgreSQL fails instead of skipping.
func inCI() bool { return os.Getenv("CI") == "true" }

// Cluster is one running PostgreSQL server.
type Cluster struct {
	dir     string // socket folder, the data folder inside it
	cmd     *exec.Cmd
	exited  chan struct{}
	stopped atomic.Bool

	mu        sync.Mutex
	templates map[string]*template
	n         atomic.Int64
}

type template struct {
	once sync.Once
	err  error
}

// SocketDir is the folder of the server's unix socket.
func (c *Cluster) SocketDir() string { return c.dir }

// DSN is the URL of database db on the cluster, as the superuser postgres
// over the unix socket (postgres:///db?host=/tmp/...&user=postgres).
func (c *Cluster) DSN(db string) string {
	u := url.URL{Scheme: "postgres", Path: "/" + db}
	q := url.Values{}
	q.Set("host", c.dir)
	q.Set("user", "postgres")
	q.Set("sslmode", "disable")
	u.RawQuery = q.Encode()
	return u.String()
}

// Start starts a cluster of the test's own, stopped by tb.Cleanup. It skips
// the test (fails it under CI=true) when the binaries are missing.
func Start(tb testing.TB) *Cluster {
	tb.Helper()
	requireBinaries(tb)
	c, err := start()
	if err != nil {
		tb.Fatalf("pgtest: %v", err)
	}
	tb.Cleanup(func() {
		if err := c.Stop(); err != nil {
			tb.Errorf("pgtest: %v", err)
		}
	})
	return c
}

func requireBinaries(tb testing.TB) {
	tb.Helper()
	if why := Missing(); why != "" {
		if inCI() {
			tb.Fatalf("pgtest: %s; CI=true, so this is a failure, not a skip", why)
		}
		tb.Skipf("pgtest: %s; skipped outside CI (CI=true makes this a failure)", why)
	}
}

// runAs is the user the server runs as: nobody when this process is root
// (initdb and postgres refuse root), else this process's user (nil).
func runAs() (*syscall.Credential, error) {
	if os.Geteuid() != 0 {
		return nil, nil
	}
	u, err := user.Lookup("nobody")
	if err != nil {
		return nil, fmt.Errorf("running as root and there is no user nobody to run PostgreSQL as: %w", err)
	}
	uid, err1 := strconv.ParseUint(u.Uid, 10, 32)
	gid, err2 := strconv.ParseUint(u.Gid, 10, 32)
	if err := errors.Join(err1, err2); err != nil {
		return nil, fmt.Errorf("user nobody: %w", err)
	}
	return &syscall.Credential{Uid: uint32(uid), Gid: uint32(gid), Groups: []uint32{}}, nil
}

func start() (*Cluster, error) {
	cred, err := runAs()
	if err != nil {
		return nil, err
	}
	// Directly under the system's temporary folder (world-searchable), not
	// in a test's 0700 TempDir, so that nobody can reach it; short, as a
	// socket path must be under 108 bytes.
	dir, err := os.MkdirTemp("", "pgtest-")
	if err != nil {
		return nil, fmt.Errorf("temporary folder: %w", err)
	}
	fail := func(err error) (*Cluster, error) {
		os.RemoveAll(dir)
		return nil, err
	}
	if cred != nil {
		if err := os.Chown(dir, int(cred.Uid), int(cred.Gid)); err != nil {
			return fail(fmt.Errorf("chown %s to nobody: %w", dir, err))
		}
	}
	data := filepath.Join(dir, "data")
	ctx, cancel := context.WithTimeout(context.Background(), StartTimeout)
	defer cancel()

	tmpl, err := initdbTemplate(ctx, cred)
	if err != nil {
		return fail(err)
	}
	if err := copyTree(tmpl, data, cred); err != nil {
		return fail(fmt.Errorf("copy the initdb template %s to %s: %w", tmpl, data, err))
	}

	logPath := filepath.Join(dir, "server.log")
	logf, err := os.OpenFile(logPath, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
	if err != nil {
		return fail(fmt.Errorf("server log: %w", err))
	}
	defer logf.Close()
	// Durability is off: the cluster is thrown away.
	cmd := exec.Command(filepath.Join(BinDir(), "postgres"),
		"-D", data, "-k", dir, "-p", "5432",
		"-c", "listen_addresses=",
		"-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off",
		"-c", "max_connections=200")
	cmd.Env = env()
	cmd.Stdout, cmd.Stderr = logf, logf
	// SIGQUIT (immediate shutdown) when this process dies without
	// stopping it; set after the change of user, so it survives it.
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: cred, Pdeathsig: syscall.SIGQUIT, Setpgid: true}
	if err := cmd.Start(); err != nil {
		return fail(fmt.Errorf("start postgres: %w", err))
	}
	c := &Cluster{dir: dir, cmd: cmd, exited: make(chan struct{}), templates: map[string]*template{}}
	go func() { cmd.Wait(); close(c.exited) }()

	for {
		conn, err := pgx.Connect(ctx, c.DSN("postgres"))
		if err == nil {
			conn.Close(ctx)
			return c, nil
		}
		select {
		case <-c.exited:
			log, _ := os.ReadFile(logPath)
			os.RemoveAll(dir)
			return nil, fmt.Errorf("postgres exited at start (%v)\n%s", cmd.ProcessState, tail(log))
		case <-ctx.Done():
			log, _ := os.ReadFile(logPath)
			c.Stop()
			return nil, fmt.Errorf("postgres not ready after %s: %w\n%s", StartTimeout, err, tail(log))
		case <-time.After(50 * time.Millisecond):
		}
	}
}

// initdbArgs are initdb's arguments after -D: the template's key includes
// them.
var initdbArgs = []string{"-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync", "--no-instructions"}

// initdbTemplate returns the data folder of a cluster that initdb made and
// no server ever ran on, made once per machine and kept in the system's
// temporary folder (pgtest-initdb-UID-KEY, KEY from the binaries' paths,
// sizes and times and initdb's arguments); each cluster starts from a
// copy of it, which is much cheaper than running initdb for each (it
// bootstraps the catalog in several single-user server runs). Packages
// testing in parallel may each make one: the first rename wins.
func initdbTemplate(ctx context.Context, cred *syscall.Credential) (string, error) {
	key := strings.Join(initdbArgs, " ")
	for _, b := range []string{"initdb", "postgres"} {
		p := filepath.Join(BinDir(), b)
		fi, err := os.Stat(p)
		if err != nil {
			return "", fmt.Errorf("initdb template: %w", err)
		}
		key += fmt.Sprintf("|%s %d %d", p, fi.Size(), fi.ModTime().UnixNano())
	}
	final := filepath.Join(os.TempDir(), fmt.Sprintf("pgtest-initdb-%d-%s", os.Geteuid(), shortHash(key)))
	data := filepath.Join(final, "data")
	if fi, err := os.Stat(filepath.Join(data, "PG_VERSION")); err == nil && fi.Mode().IsRegular() && ownedByMe(final) {
		return data, nil
	}
	tmp, err := os.MkdirTemp(os.TempDir(), "pgtest-initdb-new-")
	if err != nil {
		return "", fmt.Errorf("initdb template: %w", err)
	}
	defer os.RemoveAll(tmp) // left only when the rename did not take it
	if err := os.Chmod(tmp, 0o755); err != nil {
		return "", fmt.Errorf("initdb template: %w", err)
	}
	if cred != nil {
		if err := os.Chown(tmp, int(cred.Uid), int(cred.Gid)); err != nil {
			return "", fmt.Errorf("initdb template: chown %s to nobody: %w", tmp, err)
		}
	}
	initdb := exec.CommandContext(ctx, filepath.Join(BinDir(), "initdb"), append([]string{"-D", filepath.Join(tmp, "data")}, initdbArgs...)...)
	initdb.Env = env()
	initdb.SysProcAttr = &syscall.SysProcAttr{Credential: cred}
	if out, err := initdb.CombinedOutput(); err != nil {
		return "", fmt.Errorf("initdb %s: %w\n%s", filepath.Join(tmp, "data"), err, tail(out))
	}
	if cred != nil { // the folder is this process's (checked above), its data nobody's
		if err := os.Chown(tmp, os.Geteuid(), os.Getegid()); err != nil {
			return "", fmt.Errorf("initdb template: %w", err)
		}
	}
	if err := os.Rename(tmp, final); err != nil {
		// another package's test made it first (the rename of a folder
		// onto a folder that is not empty fails)
		if _, statErr := os.Stat(filepath.Join(data, "PG_VERSION")); statErr != nil || !ownedByMe(final) {
			return "", fmt.Errorf("initdb template: %w", err)
		}
	}
	return data, nil
}

// shortHash is the first 16 hex digits of s's SHA-256.
func shortHash(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:8])
}

// ownedByMe: dir belongs to this process's user and only it may write
// there (the system's temporary folder is everybody's).
func ownedByMe(dir string) bool {
	fi, err := os.Lstat(dir)
	if err != nil || !fi.IsDir() {
		return false
	}
	st, ok := fi.Sys().(*syscall.Stat_t)
	return ok && int(st.Uid) == os.Geteuid() && fi.Mode().Perm()&0o022 == 0
}

// copyTree copies the folder src to dst (which must not exist): folders,
// regular files and symbolic links, with their permissions, owned by cred's
// user when cred is not nil.
func copyTree(src, dst string, cred *syscall.Credential) error {
	return filepath.WalkDir(src, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, p)
		if err != nil {
			return err
		}
		to := filepath.Join(dst, rel)
		fi, err := d.Info()
		if err != nil {
			return err
		}
		switch {
		case d.IsDir():
			if err := os.Mkdir(to, fi.Mode().Perm()); err != nil {
				return err
			}
		case d.Type()&os.ModeSymlink != 0:
			target, err := os.Readlink(p)
			if err != nil {
				return err
			}
			if err := os.Symlink(target, to); err != nil {
				return err
			}
		case d.Type().IsRegular():
			if err := copyFile(p, to, fi.Mode().Perm()); err != nil {
				return err
			}
		default:
			return fmt.Errorf("%s: not a folder, file or link", p)
		}
		if cred != nil {
			return os.Lchown(to, int(cred.Uid), int(cred.Gid))
		}
		return nil
	})
}

func copyFile(src, dst string, perm os.FileMode) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_CREATE|os.O_EXCL|os.O_WRONLY, perm)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

func env() []string {
	return append(os.Environ(), "LC_ALL=C", "LANG=C", "TZ=UTC")
}

// tail is the last lines of a log, for an error.
func tail(b []byte) string {
	lines := strings.Split(strings.TrimRight(string(b), "\n"), "\n")
	if len(lines) > 20 {
		lines = lines[len(lines)-20:]
	}
	return strings.Join(lines, "\n")
}

// Stop shuts the server down (immediate shutdown, SIGQUIT: no shutdown
// checkpoint, the cluster is thrown away; killed after StopTimeout) and
// removes its folder. Safe to call more than once.
func (c *Cluster) Stop() error {
	if c == nil || !c.stopped.CompareAndSwap(false, true) {
		return nil
	}
	defer os.RemoveAll(c.dir)
	_ = c.cmd.Process.Signal(syscall.SIGQUIT)
	select {
	case <-c.exited:
		return nil
	case <-time.After(StopTimeout):
	}
	_ = syscall.Kill(-c.cmd.Process.Pid, syscall.SIGKILL) // its process group: the backends too
	<-c.exited
	return fmt.Errorf("postgres in %s did not stop within %s; killed", c.dir, StopTimeout)
}

// NewDB creates an empty database (from template1) and returns its DSN.
func (c *Cluster) NewDB(tb testing.TB) string {
	tb.Helper()
	return c.createFrom(tb, "template1")
}

// NewDBFrom creates a database from the template name, which setup builds
// once per cluster (for instance: runs the migrations), and returns its
// DSN. Copying a template is much faster than migrating every database.
func (c *Cluster) NewDBFrom(tb testing.TB, name string, setup func(ctx context.Context, dsn string) error) string {
	tb.Helper()
	c.mu.Lock()
	tp := c.templates[name]
	if tp == nil {
		tp = &template{}
		c.templates[name] = tp
	}
	c.mu.Unlock()
	tp.once.Do(func() {
		ctx, cancel := context.WithTimeout(context.Background(), StartTimeout)
		defer cancel()
		if tp.err = c.exec(ctx, "CREATE DATABASE "+pgx.Identifier{name}.Sanitize()); tp.err != nil {
			return
		}
		if err := setup(ctx, c.DSN(name)); err != nil {
			tp.err = fmt.Errorf("template %s: %w", name, err)
		}
	})
	if tp.err != nil {
		tb.Fatalf("pgtest: %v", tp.err)
	}
	return c.createFrom(tb, name)
}

func (c *Cluster) createFrom(tb testing.TB, tmpl string) string {
	tb.Helper()
	name := fmt.Sprintf("t%d_%s", c.n.Add(1), sanitize(tb.Name()))
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	// FILE_COPY copies the template's files (with fsync off, its two
	// checkpoints are cheap): about half the time of the default
	// WAL_LOG, which writes the whole template through the WAL.
	if err := c.exec(ctx, fmt.Sprintf("CREATE DATABASE %s TEMPLATE %s STRATEGY FILE_COPY",
		pgx.Identifier{name}.Sanitize(), pgx.Identifier{tmpl}.Sanitize())); err != nil {
		tb.Fatalf("pgtest: %v", err)
	}
	return c.DSN(name)
}

// sanitize keeps a test's name readable in a database name (at most 63 bytes).
func sanitize(s string) string {
	b := []byte(strings.ToLower(s))
	for i, ch := range b {
		if !(ch >= 'a' && ch <= 'z' || ch >= '0' && ch <= '9') {
			b[i] = '_'
		}
	}
	if len(b) > 40 {
		b = b[:40]
	}
	return string(b)
}

func (c *Cluster) exec(ctx context.Context, sql string) error {
	conn, err := pgx.Connect(ctx, c.DSN("postgres"))
	if err != nil {
		return fmt.Errorf("connect: %w", err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, sql); err != nil {
		return fmt.Errorf("%s: %w", sql, err)
	}
	return nil
}

// The package's shared cluster, started by the first DB call and stopped
// by Main.
var (
	shared     *Cluster
	sharedErr  error
	sharedOnce sync.Once
	sharedMu   sync.Mutex
)

// Main runs the package's tests (call it from TestMain), with their
// temporary folders and clusters in memory when the machine has room there
// (internal/testtmp), and stops the shared cluster afterwards, if a test
// started it.
//
//	func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }
func Main(m *testing.M) int {
	testtmp.Use() // the clusters and the tests' folders in memory, when it can
	code := m.Run()
	sharedMu.Lock()
	defer sharedMu.Unlock()
	if err := shared.Stop(); err != nil {
		fmt.Fprintf(os.Stderr, "pgtest: %v\n", err)
		if code == 0 {
			code = 1
		}
	}
	return code
}

// Shared is the package's cluster, started on first use (skips or fails
// the test as Start does when that is not possible).
func Shared(tb testing.TB) *Cluster {
	tb.Helper()
	requireBinaries(tb)
	sharedMu.Lock()
	defer sharedMu.Unlock()
	sharedOnce.Do(func() { shared, sharedErr = start() })
	if sharedErr != nil {
		tb.Fatalf("pgtest: %v", sharedErr)
	}
	return shared
}

// DB is a fresh, empty database on the package's cluster (its DSN).
func DB(tb testing.TB) string {
	tb.Helper()
	return Shared(tb).NewDB(tb)
}

// DBFrom is a fresh database copied from the template name on the
// package's cluster, which setup builds once (see Cluster.NewDBFrom).
func DBFrom(tb testing.TB, name string, setup func(ctx context.Context, dsn string) error) string {
	tb.Helper()
	return Shared(tb).NewDBFrom(tb, name, setup)
}
