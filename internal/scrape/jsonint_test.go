package scrape

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestIntReadsIntegralFloats(t *testing.T) {
	for in, want := range map[string]int64{
		`1700000000000`: 1700000000000, `1700000000000.0`: 1700000000000, `1.7e12`: 1700000000000,
		`-3.00`: -3, `9223372036854775807`: 9223372036854775807, `0e5`: 0,
		`9007199254740993.0`: 9007199254740993, // beyond a float64's exact integers: read exactly
	} {
		var v struct {
			N Int `json:"n"`
		}
		if err := json.Unmarshal([]byte(`{"n":`+in+`}`), &v); err != nil || int64(v.N) != want {
			t.Errorf("%s: %d, %v; want %d", in, v.N, err, want)
		}
	}
}

func TestIntRefusesFractionsAndRange(t *testing.T) {
	for _, in := range []string{`1.5`, `1e300`, `1e1000000000`, `9223372036854775808.0`, `"12"`, `true`, `{}`} {
		var v struct {
			CreatedAt Int `json:"createdAt"`
		}
		err := json.Unmarshal([]byte(`{"createdAt":`+in+`}`), &v)
		if err == nil || !strings.Contains(err.Error(), "createdAt") {
			t.Errorf("%s: error %v, want one naming createdAt", in, err)
		}
	}
	var v struct{ N Int }
	v.N = 7
	if err := json.Unmarshal([]byte(`{"N":null}`), &v); err != nil || v.N != 7 {
		t.Errorf("null: %d, %v; want 7 kept", v.N, err)
	}
}

func TestNumberID(t *testing.T) {
	for in, want := range map[string]string{"": "", "123": "123", "123.0": "123", "1.23e2": "123", "123456789012345678901234": "123456789012345678901234"} {
		if got, err := NumberID(json.Number(in)); err != nil || got != want {
			t.Errorf("%q: %q, %v; want %q", in, got, err, want)
		}
	}
	for _, in := range []string{"1.5", "1e40"} {
		if got, err := NumberID(json.Number(in)); err == nil {
			t.Errorf("%q: %q, want an error", in, got)
		}
	}
}

func TestUnmarshalSkipsBOM(t *testing.T) {
	var v []int
	if err := Unmarshal([]byte("\xEF\xBB\xBF[1,2]"), &v); err != nil || len(v) != 2 {
		t.Errorf("%v, %v", v, err)
	}
	if err := DecodeJSON("https://x.example/a", []byte("\xEF\xBB\xBF[3]"), &v); err != nil || v[0] != 3 {
		t.Errorf("%v, %v", v, err)
	}
}
