// Package testtmp puts the temporary folders of a package's tests on a
// memory file system (/dev/shm) when the machine has one with room, for the
// tests and every process they start (through $TMPDIR). The watcher makes
// each snapshot, index and outbox file durable (fsync, syncfs); on a disk
// that is most of the time and the system CPU of the tests that run it, and
// none of them can tell a disk from memory (no test cuts the power). It is
// for tests only: nothing the watcher builds imports it.
//
// A $TMPDIR that is set already is kept (TMPDIR=/tmp go test ./... runs the
// tests on the disk), and so is the system's folder when /dev/shm is
// missing, not a memory file system, or has less than MinFree free (a
// container's is often 64 MB).
package testtmp

import (
	"fmt"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// Shm is where the folder goes; MinFree is the free space it needs there.
var (
	Shm           = "/dev/shm"
	MinFree int64 = 2 << 30
)

// tmpfsMagic is TMPFS_MAGIC, the f_type statfs reports for tmpfs.
const tmpfsMagic = 0x01021994

// Main runs the package's tests (call it from TestMain) with their
// temporary folders in memory when Use can put them there.
func Main(m *testing.M) int {
	Use()
	return m.Run()
}

// Use sets $TMPDIR to Shm/careers-watcher-tests-UID (made once and kept:
// the tests' own folders in it are removed by their cleanups, and
// internal/pgtest keeps its initdb template there as in /tmp) and returns
// the folder, or "" when it leaves $TMPDIR as it was. The folder is 0755,
// as /tmp is searchable, so that PostgreSQL run as nobody reaches its
// socket folder (internal/pgtest); t.TempDir makes 0700 folders in it.
func Use() string {
	if _, set := os.LookupEnv("TMPDIR"); set {
		return ""
	}
	var st syscall.Statfs_t
	if err := syscall.Statfs(Shm, &st); err != nil || st.Type != tmpfsMagic || int64(st.Bavail)*int64(st.Bsize) < MinFree {
		return ""
	}
	dir := filepath.Join(Shm, fmt.Sprintf("careers-watcher-tests-%d", os.Geteuid()))
	if err := os.Mkdir(dir, 0o755); err != nil && !os.IsExist(err) {
		return ""
	}
	// another user's folder, a link or one others may write to: not ours
	fi, err := os.Lstat(dir)
	if err != nil || !fi.IsDir() || fi.Mode().Perm()&0o022 != 0 {
		return ""
	}
	if s, ok := fi.Sys().(*syscall.Stat_t); !ok || int(s.Uid) != os.Geteuid() {
		return ""
	}
	if err := os.Setenv("TMPDIR", dir); err != nil {
		return ""
	}
	return dir
}
