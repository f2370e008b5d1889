package jsonld

import "testing"

// An instant written with an offset is dated in UTC, as every adapter
// dates it (scrape.DatePrefix): the same instant written by a board in
// another time zone is the same date.
func TestPostedDateIsUTC(t *testing.T) {
	for in, want := range map[string]string{
		"2026-07-27T23:30:00-04:00": "2026-07-28",
		"2026-07-28T03:30:00Z":      "2026-07-28",
		"2026-07-28T01:30:00+02:00": "2026-07-27",
		"2026-07-28T10:00:00.000Z":  "2026-07-28",
	} {
		if got := date(in); got != want {
			t.Errorf("date(%q) = %q, want %q", in, got, want)
		}
	}
}
