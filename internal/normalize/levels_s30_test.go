package normalize

import (
	"slices"
	"testing"
)

// Session 30 (TestRoleShapesDev): a requisition's number in a title
// ("[JR-1234]") is no Junior, and in a title written in capitals an "I"
// before a word is the Nordic "in", no level I; "Engineer I" and "Jr.
// Developer" keep theirs.
func TestLevelsOfDecoratedTitles(t *testing.T) {
	for title, want := range map[string][]string{
		"Senior Frontend Developer [JR-1234]":       {"Senior"},
		"React Native Developer (JR-55012)":         {},
		"Jr. Developer":                             {"Junior"},
		"JR Data Analyst":                           {"Junior"},
		"SJUKSKÖTERSKOR TILL UPPSALA I SOMMAR":      {},
		"SENIOR PROJEKTLEDARE TILL KNIGHTEC I UMEÅ": {"Senior"},
		"SOFTWARE ENGINEER I":                       {"I"},
		"Software Engineer I":                       {"I"},
		"DATA ANALYST I (REMOTE)":                   {"I"},
	} {
		if got := Levels(title); !slices.Equal(got, want) {
			t.Errorf("Levels(%q) = %v, want %v", title, got, want)
		}
	}
}
