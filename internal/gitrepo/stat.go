package gitrepo

import (
	"syscall"
	"time"
)

var syscallENOTDIR = syscall.ENOTDIR

// fileStat is the stat data git keeps in an index entry.
type fileStat struct {
	mtime, ctime time.Time
	dev, ino     uint32
	uid, gid     uint32
	size         int64
}
