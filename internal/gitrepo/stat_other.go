//go:build !linux

package gitrepo

import "os"

// statOf fills what is portable; git then rehashes the file once to decide
// that it is clean.
func statOf(fi os.FileInfo) fileStat {
	return fileStat{mtime: fi.ModTime(), ctime: fi.ModTime(), size: fi.Size()}
}
