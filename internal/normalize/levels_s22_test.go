package normalize

import (
	"slices"
	"testing"
)

// TestLevelForms_s22: combined and foreign level words (issue 9 item 5).
func TestLevelForms_s22(t *testing.T) {
	tests := []struct {
		title string
		want  []string
	}{
		{"Software Engineer (II-III)", []string{"II", "III"}},
		{"Data Analyst (I/II)", []string{"I", "II"}},
		{"Software Engineer II/III", []string{"II", "III"}},
		{"Staff/Principal Software Engineer", []string{"Staff", "Principal"}},
		{"Sr./Lead Data Engineer", []string{"Senior", "Lead"}},
		{"Working Student (m/f/d) Software Engineering", []string{"Intern"}},
		{"Teamleiter Softwareentwicklung (m/w/d)", []string{"Lead"}},
		{"Teamleitung IT-Support (m/w/d)", []string{"Lead"}},
		// unchanged (dev labels): a site or project manager's job noun is no level
		{"Bauleiter Elektrosanierung (m/w/d)", []string{}},
		{"Projektleiter Customer Service (w/m/d)", []string{}},
		// "I" as a bar between parts (dev quincey-text-...)
		{"Senior Office Entwickler und Tester mit Kenntnissen in Invaris I ID-126 I QUINCEY", []string{"Senior"}},
		{"Engineer (Infrastructure)", []string{}},
	}
	for _, tt := range tests {
		if got := Levels(tt.title); !slices.Equal(got, tt.want) {
			t.Errorf("Levels(%q) = %v, want %v", tt.title, got, tt.want)
		}
	}
}
