package lever

import "testing"

// A pay figure written as a JSON string (review s16 R10, as Greenhouse's)
// is read as its number instead of failing the whole board.
func TestPayFigureAsString(t *testing.T) {
	body := `[{"id": "a1", "text": "Data Engineer", "hostedUrl": "https://jobs.lever.co/x/a1", "createdAt": 1751364000000,
  "salaryRange": {"min": "100000", "max": "150000", "currency": "USD", "interval": "per-year-salary"}},
 {"id": "b2", "text": "Analyst", "hostedUrl": "https://jobs.lever.co/x/b2", "createdAt": 1751364000000,
  "salaryRange": {"min": 90000, "max": 95000, "currency": "USD", "interval": "per-year-salary"}}]`
	got, err := decodePage([]byte(body))
	if err != nil {
		t.Fatalf("decode: %v", err)
	}
	if len(got) != 2 {
		t.Fatalf("%d postings, want 2", len(got))
	}
	for i, want := range [][2]float64{{100000, 150000}, {90000, 95000}} {
		if s := got[i].Salary; len(s) != 1 || s[0].Min != want[0] || s[0].Max != want[1] {
			t.Errorf("posting %d: %+v, want %v", i, s, want)
		}
	}
}
