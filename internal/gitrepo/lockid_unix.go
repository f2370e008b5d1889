//go:build unix

package gitrepo

import (
	"fmt"
	"os"
	"syscall"
)

// fileIdentity is a file's device and inode, which tell one lock file from
// another made at the same path later (see tookLock).
func fileIdentity(fi os.FileInfo) (string, bool) {
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok {
		return "", false
	}
	return fmt.Sprintf("%d %d", uint64(st.Dev), uint64(st.Ino)), true
}
