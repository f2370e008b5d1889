package greenhouse

import "testing"

// A board answering a JSON array (review s16 R7) is told so, without Go's
// type names.
func TestArrayAnswerSaidPlainly(t *testing.T) {
	_, err := decodeList([]byte(`[]`))
	want := `invalid JSON: the answer is a JSON array, not an object with "jobs" (body starts "[]")`
	if err == nil || err.Error() != want {
		t.Errorf("got %v\nwant %s", err, want)
	}
}
