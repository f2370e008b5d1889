package scrape

import (
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strings"
)

// shapeError is a JSON answer of another shape than the one expected,
// said in the answer's terms ("the answer is a JSON array, not an object
// with "jobs""), not encoding/json's ("cannot unmarshal array into Go value
// of type struct { Jobs *[]greenhouse.job ... }"). It wraps that error.
type shapeError struct {
	msg string
	err error
}

func (e *shapeError) Error() string { return e.msg }
func (e *shapeError) Unwrap() error { return e.err }

// jsonReason is err, a decode error, as a reader of the answer would say
// it: a value of the wrong type names the answer or the field and the
// two shapes. Other errors (a syntax error, which already says where)
// are returned as they are.
func jsonReason(err error) error {
	var te *json.UnmarshalTypeError
	if !errors.As(err, &te) || te.Type == nil {
		return err
	}
	where := "the answer"
	if te.Field != "" {
		where = fmt.Sprintf("%q", te.Field)
	}
	return &shapeError{msg: fmt.Sprintf("%s is %s, not %s", where, jsonValue(te.Value), goShape(te.Type)), err: err}
}

// jsonValue names the kind of JSON value encoding/json reports ("array",
// "number 1.5", ...).
func jsonValue(v string) string {
	switch {
	case v == "array" || v == "object" || v == "string":
		return "a JSON " + v
	case v == "bool":
		return "true or false"
	case v == "number":
		return "a number"
	case strings.HasPrefix(v, "number "):
		return "the number " + strings.TrimPrefix(v, "number ")
	case strings.HasPrefix(v, "non-number "):
		return strings.TrimPrefix(v, "non-number ")
	}
	return v
}

// goShape is the JSON shape a Go type decodes from: an object with its
// first keys named, an array, a string, a number.
func goShape(t reflect.Type) string {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t.Kind() {
	case reflect.Struct:
		var keys []string
		for f := range t.Fields() {
			if !f.IsExported() {
				continue
			}
			name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			if name == "-" {
				continue
			}
			if name == "" {
				name = f.Name
			}
			keys = append(keys, fmt.Sprintf("%q", name))
		}
		switch {
		case len(keys) == 0:
			return "an object"
		case len(keys) > 3:
			return "an object with " + strings.Join(keys[:3], ", ") + ", ..."
		}
		return "an object with " + strings.Join(keys, ", ")
	case reflect.Map:
		return "an object"
	case reflect.Slice, reflect.Array:
		return "an array"
	case reflect.String:
		return "a string"
	case reflect.Bool:
		return "true or false"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return "a whole number"
	case reflect.Float32, reflect.Float64:
		return "a number"
	}
	return "a " + t.Kind().String()
}
