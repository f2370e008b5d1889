package normalize

import (
	"reflect"
	"testing"
)

// Session 20 (issue 9): seniority words of other boards: the Latin
// American "Semi Senior" is mid-level (not Senior), "Entry-level" is
// Junior; "SSR" stays no level (server-side rendering in a title).
func TestLevelsOfOtherBoardsS20(t *testing.T) {
	tests := []struct {
		title string
		want  []string
	}{
		{"Desarrollador Semi Senior", []string{"Mid"}},
		{"Desarrollador Semi-Senior Java", []string{"Mid"}},
		{"Entry-level Analyst", []string{"Junior"}},
		{"Entry Level Software Engineer", []string{"Junior"}},
		{"Frontend Engineer (React, SSR)", nil},
		{"Senior / Staff Fullstack Engineer", []string{"Senior", "Staff"}},
	}
	for _, tt := range tests {
		got := Levels(tt.title)
		if len(got) == 0 && len(tt.want) == 0 {
			continue
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Levels(%q) = %v, want %v", tt.title, got, tt.want)
		}
	}
}

// "I" written as a bar between the parts of a title is no level (dev
// document quincey-text-senior-office-entwickler-und-tester-mit-kenntnissen-in-invar);
// a Roman "I" after the job's words still is.
func TestLevelIAsABarS20(t *testing.T) {
	tests := []struct {
		title string
		want  []string
	}{
		{"Senior Office Entwickler und Tester mit Kenntnissen in Invaris I ID-126 I QUINCEY", []string{"Senior"}},
		{"Software Engineer I", []string{"I"}},
		{"Data Analyst I - Marketing", []string{"I"}},
	}
	for _, tt := range tests {
		if got := Levels(tt.title); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Levels(%q) = %v, want %v", tt.title, got, tt.want)
		}
	}
}
