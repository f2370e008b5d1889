package pgtest

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"github.com/jackc/pgx/v5"
)

func TestMain(m *testing.M) { os.Exit(Main(m)) }

// TestClusterAndDatabases: the shared cluster answers on its socket only,
// not as root, and each DB is a database of its own; a template's setup
// runs once and its copies start with what it made.
func TestClusterAndDatabases(t *testing.T) {
	t.Parallel() // the shared cluster starts while TestStartStop's own does
	ctx := context.Background()
	a, b := DB(t), DB(t)
	if a == b {
		t.Fatalf("two DB calls gave the same database %s", a)
	}
	conn, err := pgx.Connect(ctx, a)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	var listen, sockets string
	if err := conn.QueryRow(ctx, "SELECT current_setting('listen_addresses'), current_setting('unix_socket_directories')").Scan(&listen, &sockets); err != nil {
		t.Fatal(err)
	}
	if listen != "" || sockets != Shared(t).SocketDir() {
		t.Errorf("listen_addresses = %q, sockets %q: want none, and only %s", listen, sockets, Shared(t).SocketDir())
	}
	if _, err := conn.Exec(ctx, "CREATE TABLE only_in_a (x int)"); err != nil {
		t.Fatal(err)
	}
	conn2, err := pgx.Connect(ctx, b)
	if err != nil {
		t.Fatal(err)
	}
	defer conn2.Close(ctx)
	var n int
	if err := conn2.QueryRow(ctx, "SELECT count(*) FROM pg_tables WHERE tablename = 'only_in_a'").Scan(&n); err != nil || n != 0 {
		t.Fatalf("database b sees a's table: n=%d err=%v", n, err)
	}

	// the server process does not run as root
	st, err := os.Stat("/proc/" + itoa(Shared(t).cmd.Process.Pid))
	if err != nil {
		t.Fatal(err)
	}
	if uid := st.Sys().(*syscall.Stat_t).Uid; os.Geteuid() == 0 && uid == 0 {
		t.Errorf("postgres runs as root")
	}

	setups := 0
	setup := func(ctx context.Context, dsn string) error {
		setups++
		c, err := pgx.Connect(ctx, dsn)
		if err != nil {
			return err
		}
		defer c.Close(ctx)
		_, err = c.Exec(ctx, "CREATE TABLE from_template (x int); INSERT INTO from_template VALUES (7)")
		return err
	}
	for range 2 {
		dsn := DBFrom(t, "tmpl_test", setup)
		c, err := pgx.Connect(ctx, dsn)
		if err != nil {
			t.Fatal(err)
		}
		var x int
		err = c.QueryRow(ctx, "SELECT x FROM from_template").Scan(&x)
		c.Close(ctx)
		if err != nil || x != 7 {
			t.Fatalf("copy of the template: x=%d err=%v", x, err)
		}
	}
	if setups != 1 {
		t.Errorf("template setup ran %d times, want 1", setups)
	}
}

// TestStartStop: a cluster of the test's own runs on a copy of the
// initdb template, stops and leaves no folder and no process behind.
func TestStartStop(t *testing.T) {
	t.Parallel() // a cluster of its own, in a folder of its own
	c := Start(t)
	dir, pid := c.SocketDir(), c.cmd.Process.Pid
	// the server runs on a copy of the initdb template, which stays as
	// initdb left it
	tmpl, err := initdbTemplate(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "data", "postmaster.pid")); err != nil {
		t.Errorf("the running cluster's data folder: %v", err)
	}
	if _, err := os.Stat(filepath.Join(tmpl, "postmaster.pid")); !os.IsNotExist(err) || !ownedByMe(filepath.Dir(tmpl)) {
		t.Errorf("the initdb template %s was started, or is not this user's alone (postmaster.pid: %v)", tmpl, err)
	}
	if err := c.Stop(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		t.Errorf("%s still there after Stop: %v", dir, err)
	}
	if err := syscall.Kill(pid, 0); err == nil {
		t.Errorf("postgres %d still running after Stop", pid)
	}
	if err := c.Stop(); err != nil {
		t.Errorf("second Stop: %v", err)
	}
}

func TestMissingSaysWhy(t *testing.T) {
	t.Setenv("PGTEST_BINDIR", t.TempDir())
	if why := Missing(); !strings.Contains(why, "postgresql-15") || !strings.Contains(why, "initdb") {
		t.Errorf("Missing() = %q", why)
	}
}

func itoa(i int) string { return strconv.Itoa(i) }
