package scrape

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// A JSON answer of another shape than expected (review s16 R7) is said in
// the answer's terms, without Go's type names, by the shared decode
// (Unmarshal, and DecodeJobs through it), so every adapter gets it.
func TestWrongShapeSaidPlainly(t *testing.T) {
	type item struct {
		ID    string  `json:"id"`
		Count int     `json:"count"`
		Pay   float64 `json:"pay"`
	}
	jobs := func(body string) error {
		_, err := DecodeJobs([]byte(body), func(i int, it item) (model.Raw, bool, error) { return model.Raw{ID: it.ID}, true, nil })
		return err
	}
	cases := []struct {
		name string
		err  error
		want string
	}{
		{"array for the jobs object", jobs(`[]`), `invalid JSON: the answer is a JSON array, not an object with "jobs" (body starts "[]")`},
		{"string for the jobs object", jobs(`"maintenance"`), `invalid JSON: the answer is a JSON string, not an object with "jobs"`},
		{"object for the jobs list", jobs(`{"jobs": {"id": "1"}}`), `invalid JSON: "jobs" is a JSON object, not an array`},
		{"number for a string", jobs(`{"jobs": [{"id": 7}]}`), `invalid JSON: "jobs.id" is a number, not a string`},
		{"fraction for a whole number", jobs(`{"jobs": [{"id": "a", "count": 1.5}]}`), `invalid JSON: "jobs.count" is the number 1.5, not a whole number`},
		{"object for a list", Unmarshal([]byte(`{"ok": false}`), new([]item)), `invalid JSON: the answer is a JSON object, not an array`},
		{"many keys", Unmarshal([]byte(`[1]`), new(item)), `invalid JSON: the answer is a JSON array, not an object with "id", "count", "pay"`},
	}
	for _, c := range cases {
		if c.err == nil {
			t.Errorf("%s: no error", c.name)
			continue
		}
		msg := c.err.Error()
		if !strings.HasPrefix(msg, c.want) {
			t.Errorf("%s:\n got %s\nwant %s...", c.name, msg, c.want)
		}
		if strings.Contains(msg, "Go ") || strings.Contains(msg, "struct") || strings.Contains(msg, "scrape.") {
			t.Errorf("%s: Go internals in %q", c.name, msg)
		}
		var te *json.UnmarshalTypeError
		if !errors.As(c.err, &te) {
			t.Errorf("%s: the decode error is not wrapped", c.name)
		}
	}
	// a syntax error still says what it says
	if err := Unmarshal([]byte(`<html>`), new(item)); err == nil || !strings.Contains(err.Error(), "invalid JSON: invalid character '<'") {
		t.Errorf("syntax error: %v", err)
	}
}

// DecodeJSON (Eightfold's decoder) names a wrong shape as Unmarshal does.
func TestDecodeJSONNamesTheShape(t *testing.T) {
	var v struct {
		Positions []struct{ ID int64 } `json:"positions"`
	}
	err := DecodeJSON("https://x.example/api", []byte(`[]`), &v)
	if err == nil || !strings.Contains(err.Error(), `https://x.example/api: invalid JSON: the answer is a JSON array, not an object with "positions"`) {
		t.Fatalf("DecodeJSON: %v", err)
	}
}
