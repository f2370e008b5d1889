package greenhouse

import "testing"

// first_published written with another offset (the account's time zone
// changed, or the API answers in UTC) is the same posted date (review s16
// R5).
func TestPostedIsTheUTCDate(t *testing.T) {
	for _, fp := range []string{"2026-07-27T23:30:00-04:00", "2026-07-28T03:30:00Z", "2026-07-28T05:30:00+02:00"} {
		got, err := decodeList([]byte(`{"jobs": [{"id": 1, "title": "A", "first_published": "` + fp + `", "content": "x"}]}`))
		if err != nil || len(got) != 1 {
			t.Fatalf("%s: %v", fp, err)
		}
		if got[0].Posted != "2026-07-28" {
			t.Errorf("first_published %s: posted %q, want 2026-07-28", fp, got[0].Posted)
		}
	}
}
