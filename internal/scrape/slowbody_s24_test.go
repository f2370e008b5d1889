package scrape

import (
	"strings"
	"testing"
)

// A board whose answer begins and then trickles (a byte now and then, the
// body never done within http.timeout) is asked once per run, not once per
// attempt of the retry policy: each attempt would cost the whole timeout
// again (review s24 F3). The error names the URL and says why.
// (slowBodyOnce, slowbody_s25_test.go, checks the one request.)
func TestSlowBodyIsNotRetried(t *testing.T) {
	url, err := slowBodyOnce(t, false)
	if !strings.Contains(err.Error(), url+"/api/jobs: the body of the answer did not arrive within http.timeout") {
		t.Errorf("error = %v", err)
	}
}
