package greenhouse

import (
	"fmt"
	"math"
	"testing"
)

// TestTeamIsTheFirstDepartmentS17: the team is the first department the
// board lists, as stored postings have it (the sorted-order rule tried for
// review s17 F18 would have reported every such posting changed once at
// the upgrade).
func TestTeamIsTheFirstDepartmentS17(t *testing.T) {
	for _, tc := range []struct{ deps, want string }{
		{`[{"name":"Data"},{"name":"Eng"}]`, "Data"},
		{`[{"name":"Eng"},{"name":"Data"}]`, "Eng"},
		{`[{"name":" "},{"name":"Zeta "}]`, ""},
		{`[{"name":"Sales"}]`, "Sales"},
		{`[]`, ""},
	} {
		body := fmt.Sprintf(`{"jobs":[{"id":1,"title":"T","departments":%s}]}`, tc.deps)
		rs, err := decodeList([]byte(body))
		if err != nil {
			t.Fatal(err)
		}
		if rs[0].Team != tc.want {
			t.Errorf("departments %s: team %q, want %q", tc.deps, rs[0].Team, tc.want)
		}
	}
}

// TestEmploymentTypeFromListS17: a metadata value given as a list (a
// multi-select custom field) is read as its items (review s17 F18).
func TestEmploymentTypeFromListS17(t *testing.T) {
	for _, tc := range []struct{ value, want string }{
		{`"Full-time"`, "Full-time"},
		{`["Full-time"]`, "Full-time"},
		{`[" Full-time ", "Full-time"]`, "Full-time"},
		{`["Part-time","Contract"]`, "Contract, Part-time"},
		{`["Contract","Part-time"]`, "Contract, Part-time"},
		{`[1, null]`, ""},
		{`null`, ""},
	} {
		body := fmt.Sprintf(`{"jobs":[{"id":1,"title":"T","metadata":[{"name":"Employment Type","value":%s}]}]}`, tc.value)
		rs, err := decodeList([]byte(body))
		if err != nil {
			t.Fatal(err)
		}
		if rs[0].EmploymentType != tc.want {
			t.Errorf("value %s: employment type %q, want %q", tc.value, rs[0].EmploymentType, tc.want)
		}
	}
}

// TestImplausiblePostedDateS17: a first_published of year 0001 or 9999 is
// no posting date (review s17 F12).
func TestImplausiblePostedDateS17(t *testing.T) {
	for in, want := range map[string]string{
		"0001-01-01T00:00:00+01:00": "",
		"9999-12-31T23:59:59-12:00": "",
		"2026-11-01T23:30:00-05:00": "2026-11-02",
	} {
		rs, err := decodeList([]byte(`{"jobs":[{"id":1,"title":"T","first_published":"` + in + `"}]}`))
		if err != nil {
			t.Fatal(err)
		}
		if rs[0].Posted != want {
			t.Errorf("first_published %s: posted %q, want %q", in, rs[0].Posted, want)
		}
	}
}

// TestPayMinAboveMaxS17: a pay range with min above max is NaN (dropped by
// the pipeline with a warning), not swapped into another range (review s17
// F11); cents as European text read right.
func TestPayMinAboveMaxS17(t *testing.T) {
	rs, err := decodeList([]byte(`{"jobs":[{"id":1,"title":"T","pay_input_ranges":[
		{"min_cents":10000000,"max_cents":5000000,"currency_type":"USD"},
		{"min_cents":"5.000.000","max_cents":"10.000.000,00","currency_type":"EUR"}]}]}`))
	if err != nil {
		t.Fatal(err)
	}
	s := rs[0].Salary
	if len(s) != 2 || !math.IsNaN(s[0].Min) || !math.IsNaN(s[0].Max) || s[1].Min != 50000 || s[1].Max != 100000 {
		t.Errorf("salary %+v", s)
	}
}
