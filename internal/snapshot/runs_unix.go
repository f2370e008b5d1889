//go:build unix

package snapshot

import "syscall"

// A run record is overwritten in place only when the open can refuse a
// symbolic link at its name.
const (
	canOverwrite = true
	openNoFollow = syscall.O_NOFOLLOW
)
