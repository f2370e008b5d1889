package scrape

import "testing"

// The same publication instant written with another UTC offset is the same
// posted date (review s16 R5): the date of the instant in UTC. A date
// alone, or a time without a zone, is the date as written.
func TestDatePrefixIsTheUTCDateOfAnInstant(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"2026-07-27T23:30:00-04:00", "2026-07-28"},
		{"2026-07-28T03:30:00Z", "2026-07-28"},
		{"2026-07-28T03:30:00.123+00:00", "2026-07-28"},
		{"2026-07-28T08:30:00+09:00", "2026-07-27"},
		{"2026-07-28T08:30:00+0900", "2026-07-27"},
		{"2026-07-27 23:30:00 -0400", "2026-07-28"},
		{"2026-07-27 23:30:00-04:00", "2026-07-28"},
		{"2026-08-05 10:10:39 UTC", "2026-08-05"},
		{"2026-07-27T23:30:00", "2026-07-27"}, // no zone: as written
		{"2026-07-27", "2026-07-27"},
		{" 2026-07-27T23:30:00-04:00 ", "2026-07-28"},
		{"Posted 5 Days Ago", ""},
		{"2026-13-01T00:00:00Z", ""},
	} {
		if got := DatePrefix(c.in); got != c.want {
			t.Errorf("DatePrefix(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
