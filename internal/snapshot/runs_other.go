//go:build !unix

package snapshot

// Without O_NOFOLLOW a run record is always replaced by a rename.
const (
	canOverwrite = false
	openNoFollow = 0
)
