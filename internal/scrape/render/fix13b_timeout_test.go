package render_test

import (
	"testing"
	"time"
)

// settleTimeout is a render_timeout for a test that checks what a page
// did, not how fast it did it: the time left before the test binary's
// deadline, less a margin to report a failure in, so that a loaded
// machine (a browser starting slowly beside other builds) does not turn a
// slow page into "did not settle within render_timeout". A page that
// settles or is refused returns at once, whatever the timeout.
func settleTimeout(t *testing.T) time.Duration {
	const floor, margin = 10 * time.Second, 30 * time.Second
	d, ok := t.Deadline()
	if !ok {
		return 10 * time.Minute
	}
	if left := time.Until(d) - margin; left > floor {
		return left
	}
	return floor
}
