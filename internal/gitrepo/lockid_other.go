//go:build !unix

package gitrepo

import "os"

// fileIdentity: no device and inode here; a lock a watcher made is then
// told by its time alone (see RemoveLocksSince).
func fileIdentity(fi os.FileInfo) (string, bool) { return "", false }
