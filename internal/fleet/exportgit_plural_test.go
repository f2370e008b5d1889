package fleet

import "testing"

// The export commit's subject counts in words that agree with the count:
// "1 source", not "1 sources".
func TestExportCountsAgree(t *testing.T) {
	for n, want := range map[int]string{0: "0 sources", 1: "1 source", 2: "2 sources"} {
		if got := plural(n, "source"); got != want {
			t.Errorf("plural(%d) = %q, want %q", n, got, want)
		}
	}
}
