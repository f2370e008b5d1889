package snapshot

// FailedNow reports whether the failed run that left idx's failure streak
// where it is notified source.failed: the streak reached fail_after (once;
// later failures of the same streak notify nothing).
func (idx Index) FailedNow(failAfter int) bool { return idx.Failures == failAfter }
