package ashby

import (
	"strings"
	"testing"
)

// A pay figure written as a JSON string (review s16 R10, as Greenhouse's)
// is read as its number instead of failing the whole board.
func TestPayFigureAsString(t *testing.T) {
	body := `{"jobs": [{"id": "a1", "title": "Data Engineer", "jobUrl": "https://jobs.ashbyhq.com/x/a1", "publishedAt": "2026-07-01T10:00:00Z",
  "descriptionPlain": "SQL", "compensation": {"summaryComponents": [
   {"compensationType": "Salary", "interval": "1 YEAR", "currencyCode": "USD", "minValue": "100000", "maxValue": "150000"}]}}]}`
	got, err := decodeList([]byte(body))
	if err != nil {
		t.Fatalf("decode: %v", err)
	}
	if len(got) != 1 {
		t.Fatalf("%d postings, want 1", len(got))
	}
	if s := got[0].Salary; len(s) != 1 || s[0].Min != 100000 || s[0].Max != 150000 || !strings.EqualFold(s[0].Currency, "USD") {
		t.Errorf("%+v, want USD 100000-150000", s)
	}
}
