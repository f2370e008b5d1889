package snapshot

// FailedNow reports whether the failed run that left idx's failure streak
// where it is notified source.failed: the streak reached fail_after (once;
// later failures of the same streak notify nothing).
func (idx Index) FailedNow(failAfter int) bool { return idx.Failures == failAfter }

// Notified reports whether the failure streak idx holds (before this
// run's failure) has had its source.failed: the index's record
// (FailedNotified), or, in an index written before the record was kept,
// the rule then, the streak having reached failAfter.
func (idx Index) Notified(failAfter int) bool {
	if idx.FailedNotified != nil {
		return *idx.FailedNotified
	}
	return idx.Failures > 0 && idx.Failures >= failAfter
}
