package snapshot

import (
	"reflect"
	"testing"
)

// Same compares every stored field: a field added to Index without a
// comparison in Same fails here (each field is changed in turn by
// reflection).
func TestIndexSameSeesEveryField(t *testing.T) {
	base := func() Index {
		return Index{Normalizer: "n1", Generation: 2, Failures: 1, Incidents: 3,
			Postings: map[string]Entry{"a": {Stamp: "s", Hash: "h"}}}
	}
	if a, b := base(), base(); !a.Same(b) {
		t.Fatal("equal indexes not Same")
	}
	typ := reflect.TypeFor[Index]()
	for i := range typ.NumField() {
		f := typ.Field(i)
		if f.Tag.Get("json") == "-" {
			continue // not stored
		}
		if f.Name == "PostedUTC" || f.Name == "Names" {
			continue // not compared, by design (see Index)
		}
		a, b := base(), base()
		v := reflect.ValueOf(&b).Elem().Field(i)
		switch v.Kind() {
		case reflect.String:
			v.SetString(v.String() + "x")
		case reflect.Int:
			v.SetInt(v.Int() + 1)
		case reflect.Bool:
			v.SetBool(!v.Bool())
		case reflect.Map:
			v.Set(reflect.ValueOf(map[string]Entry{"a": {Stamp: "s", Hash: "other"}}))
		case reflect.Pointer: // *bool: nil against a value, and one value against the other
			no := false
			v.Set(reflect.ValueOf(&no))
			if a.Same(b) {
				t.Errorf("indexes that differ in %s (nil, false) are Same", f.Name)
			}
			a2, tr := base(), true
			reflect.ValueOf(&a2).Elem().Field(i).Set(reflect.ValueOf(&tr))
			a = a2
		default:
			t.Fatalf("field %s of kind %s: teach this test (and Index.Same) about it", f.Name, v.Kind())
		}
		if a.Same(b) {
			t.Errorf("indexes that differ in %s are Same", f.Name)
		}
	}
	a, b := base(), base()
	b.Rebuilt = true
	if !a.Same(b) {
		t.Error("Rebuilt (never stored) made indexes differ")
	}
}

// Notified: the index's record when it has one; an index written before
// the record was kept (nil) reads the rule of its time, a streak that
// reached failAfter having notified (review s29 F5).
func TestIndexNotifiedReadsTheRecordOrTheOldRule(t *testing.T) {
	yes, no := true, false
	for _, c := range []struct {
		idx       Index
		failAfter int
		want      bool
	}{
		{Index{Failures: 3}, 3, true},
		{Index{Failures: 2}, 3, false},
		{Index{}, 0, false},
		{Index{Failures: 5, FailedNotified: &no}, 1, false},
		{Index{Failures: 1, FailedNotified: &yes}, 3, true},
	} {
		if got := c.idx.Notified(c.failAfter); got != c.want {
			t.Errorf("%+v fail_after %d: Notified %v, want %v", c.idx, c.failAfter, got, c.want)
		}
	}
}
