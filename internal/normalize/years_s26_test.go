package normalize

import "testing"

// A list whose line breaks were lost: the next item's capitalised opener
// ends the clause of the years, so a preference marker of that item does
// not make the years a preference (dev jr-mediastream-devops-engineer). A
// marker in the years' own clause still does.
func TestYearsClauseEndsAtALostItemS26(t *testing.T) {
	tests := []struct {
		text string
		want int // -1: no minimum
	}{
		{"Qualifications: 3+ years of overall professional experience in Linux System Administration Experience as a Release / DevOps engineer will be a plus Understanding of DevOps principles", 3},
		{"5+ years of experience with Go is a plus", -1},
		{"3+ years of Experience with Go would be a plus", -1},
		{"2+ years building data pipelines in Python Knowledge of Airflow is a bonus", 2},
	}
	for _, tt := range tests {
		got := MinYears(tt.text)
		if tt.want < 0 && got != nil || tt.want >= 0 && (got == nil || *got != tt.want) {
			g := -1
			if got != nil {
				g = *got
			}
			t.Errorf("MinYears(%.70q) = %d, want %d", tt.text, g, tt.want)
		}
	}
}
