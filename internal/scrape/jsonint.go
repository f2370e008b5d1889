package scrape

import (
	"encoding/json"
	"fmt"
	"math"
	"math/big"
	"reflect"
	"strconv"
	"strings"
)

// Int is a JSON integer field (an epoch timestamp, an id) that a server
// may write as a float with an integral value: 1700000000000.0 or 1.7e12
// read as 1700000000000. A fraction, a value beyond int64 or anything but
// a number is a *json.UnmarshalTypeError, which encoding/json completes
// with the field's name; null leaves the value as it was.
type Int int64

// UnmarshalJSON reads a JSON number with an integral value.
func (n *Int) UnmarshalJSON(b []byte) error {
	s := strings.TrimSpace(string(b))
	if s == "null" {
		return nil
	}
	v, err := ParseInt(s)
	if err != nil {
		what := "number " + s
		if s == "" || !strings.ContainsAny(s[:1], "-0123456789") {
			what = "non-number " + s
		}
		return &json.UnmarshalTypeError{Value: what, Type: reflect.TypeFor[int64]()}
	}
	*n = Int(v)
	return nil
}

// ParseInt reads s, a JSON number, as an int64: an integer, or a float
// whose value is one (1700000000000.0, 1.7e12), exactly; a fraction or a
// value beyond int64 is an error.
func ParseInt(s string) (int64, error) {
	if v, err := strconv.ParseInt(s, 10, 64); err == nil {
		return v, nil
	}
	// the range first: a huge exponent must not become a huge big.Rat
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsInf(f, 0) || math.IsNaN(f) || f < -0x1p63 || f > 0x1p63 {
		return 0, fmt.Errorf("%q is not an integer in range", s)
	}
	r, ok := new(big.Rat).SetString(s)
	if !ok || !r.IsInt() || !r.Num().IsInt64() {
		return 0, fmt.Errorf("%q is not an integer in range", s)
	}
	return r.Num().Int64(), nil
}

// NumberID is an id that a platform sends as a JSON number, as the
// integer's decimal digits: "" stays "", digits stay as they are (however
// long), and a float with an integral value (123.0, 1.23e2) is its
// integer ("123"), so that the same posting keeps its id. A fraction or
// an out-of-range float is an error.
func NumberID(n json.Number) (string, error) {
	s := n.String()
	if s == "" || !strings.ContainsAny(s, ".eE") {
		return s, nil
	}
	v, err := ParseInt(s)
	if err != nil {
		return "", err
	}
	return strconv.FormatInt(v, 10), nil
}

// Amount is a pay figure that a platform writes as a JSON number or as a
// string holding one ("10000000", " 1.5e5 ", or with separators as
// PayNumber reads them: "120,000", "2.000,75"). Anything else (another
// string, an object, a list, true) is no figure: NaN, which the pipeline's
// plausibility check drops with its range and a warning naming the
// posting (normalize.PlausibleSalary), so that one posting's odd figure
// never fails the whole listing. null leaves the value as it was.
type Amount float64

// UnmarshalJSON reads a number or a numeric string; it never fails.
func (a *Amount) UnmarshalJSON(b []byte) error {
	s := strings.TrimSpace(string(b))
	if s == "null" {
		return nil
	}
	if len(s) >= 2 && s[0] == '"' {
		var str string
		if json.Unmarshal([]byte(s), &str) != nil {
			*a = Amount(math.NaN())
			return nil
		}
		s = strings.TrimSpace(str)
	}
	// a JSON number: not "NaN", "Inf", "0x1p4" or "1_000"; else pay text
	// with separators ("120,000", European "2.000,75": PayNumber)
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || s == "" || !strings.ContainsAny(s[:1], "-0123456789") || !json.Valid([]byte(s)) {
		if f, _ = PayNumber(s); s == "" || strings.ContainsAny(s[:1], "-") {
			f = math.NaN()
		}
	}
	*a = Amount(f)
	return nil
}
