package snapshot

import (
	"strings"
	"testing"
)

// Review s29 F8: "two different ids never share a file" (DESIGN.md,
// Snapshot files) holds on Linux only: ids that differ in case alone
// ("A" and "a", "JR-12a" and "JR-12A") are plain names used as they
// are, and on a case-insensitive file system (macOS's default APFS,
// Windows, where the README's CI and clones run too) the two files are
// one: a clone of the snapshot repository checks out one over the other
// and git shows it modified. winname already keeps Windows' reserved
// names apart; case is the other Windows/macOS rule.
func TestReviewS29FileNamesDifferBeyondCase(t *testing.T) {
	for _, ids := range [][2]string{{"A", "a"}, {"JR-12a", "JR-12A"}, {"Job.X", "job.x"}} {
		a, b := PostingName(ids[0]), PostingName(ids[1])
		if strings.EqualFold(a, b) {
			t.Errorf("ids %q and %q: files %q and %q are one file where case does not count", ids[0], ids[1], a, b)
		}
	}
}
