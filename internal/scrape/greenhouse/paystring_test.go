package greenhouse

import (
	"math"
	"strings"
	"testing"
)

// One posting's pay figure written as a JSON string (review s16 R10) no
// longer fails the whole board: a numeric string is read as the number, and
// a figure that is no number is NaN, the range the pipeline drops with a
// warning naming the posting (watch's plausiblePay); the other postings and
// the stamp are read as ever.
func TestPayFigureAsString(t *testing.T) {
	body := `{"jobs": [
 {"id": 1, "title": "A", "updated_at": "2026-07-01T10:00:00Z", "content": "&lt;p&gt;a&lt;/p&gt;",
  "pay_input_ranges": [{"min_cents": "10000000", "max_cents": " 15000000 ", "currency_type": "USD", "title": "Base"}]},
 {"id": 2, "title": "B", "updated_at": "2026-07-01T10:00:00Z", "content": "&lt;p&gt;b&lt;/p&gt;",
  "pay_input_ranges": [{"min_cents": "ten million", "max_cents": {"v": 1}, "currency_type": "USD"},
                       {"min_cents": 9000000, "max_cents": 9500000, "currency_type": "USD"}]},
 {"id": 3, "title": "C", "updated_at": "2026-07-01T10:00:00Z", "content": "&lt;p&gt;c&lt;/p&gt;",
  "pay_input_ranges": [{"min_cents": "NaN", "max_cents": "0x1p4", "currency_type": "USD"}]}]}`
	got, err := decodeList([]byte(body))
	if err != nil {
		t.Fatalf("decode: %v", err)
	}
	if len(got) != 3 {
		t.Fatalf("%d postings, want 3", len(got))
	}
	if s := got[0].Salary; len(s) != 1 || s[0].Min != 100000 || s[0].Max != 150000 || s[0].Currency != "USD" {
		t.Errorf("numeric strings: %+v, want 100000-150000 USD", s)
	}
	if s := got[1].Salary; len(s) != 2 || !math.IsNaN(s[0].Min) || !math.IsNaN(s[0].Max) || s[1].Min != 90000 || s[1].Max != 95000 {
		t.Errorf("a figure that is no number: %+v, want NaN (dropped later) and the other range as it was", s)
	}
	if s := got[2].Salary; len(s) != 1 || !math.IsNaN(s[0].Min) || !math.IsNaN(s[0].Max) {
		t.Errorf("\"NaN\" and a hex float: %+v, want no figure", s)
	}
	for _, r := range got {
		if !strings.HasPrefix(r.Stamp, "2026-07-01T10:00:00Z:") {
			t.Errorf("posting %s: stamp %q has no digest of the listing", r.ID, r.Stamp)
		}
	}
}
