package gitrepo

import (
	"os"
	"syscall"
	"time"
)

func statOf(fi os.FileInfo) fileStat {
	st := fileStat{mtime: fi.ModTime(), ctime: fi.ModTime(), size: fi.Size()}
	if s, ok := fi.Sys().(*syscall.Stat_t); ok {
		st.ctime = time.Unix(int64(s.Ctim.Sec), int64(s.Ctim.Nsec))
		st.dev = uint32(s.Dev)
		st.ino = uint32(s.Ino)
		st.uid = s.Uid
		st.gid = s.Gid
	}
	return st
}
