package normalize

import (
	"reflect"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// The runners of the table tests whose cases are real titles and labels
// (with the forms written for a test beside them): each case is an input
// and what it must give.

// checkRoles checks Role of each title of cases against its role.
func checkRoles(t *testing.T, cases map[string]string) {
	t.Helper()
	for title, want := range cases {
		if got := Role(title); got != want {
			t.Errorf("Role(%q) = %q, want %q", title, got, want)
		}
	}
}

// checkLocation checks Location of each label of cases against its place.
func checkLocation(t *testing.T, cases map[string]model.Location) {
	t.Helper()
	for label, want := range cases {
		if got := Location(label); got != want {
			t.Errorf("Location(%q) = %+v, want %+v", label, got, want)
		}
	}
}

// checkLocations checks Locations of each label of cases against its places.
func checkLocations(t *testing.T, cases map[string][]model.Location) {
	t.Helper()
	for label, want := range cases {
		if got := Locations(label); !reflect.DeepEqual(got, want) {
			t.Errorf("Locations(%q) = %+v, want %+v", label, got, want)
		}
	}
}

// checkMinYears checks MinYears of each text of cases against its years
// (-1: none, nil).
func checkMinYears(t *testing.T, cases map[string]int) {
	t.Helper()
	for text, want := range cases {
		got := MinYears(text)
		if want < 0 {
			if got != nil {
				t.Errorf("MinYears(%q) = %d, want nil", text, *got)
			}
			continue
		}
		if got == nil || *got != want {
			t.Errorf("MinYears(%q) = %v, want %d", text, got, want)
		}
	}
}
