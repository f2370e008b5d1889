package normalize

import (
	"fmt"
	"testing"
)

// Session 20 (issue 9): ranges of years written with words ("between 3
// and 5 years") give their lower end, not the upper; "Experiencia mínima
// de 3 años" (the minimum before the number, the experience before it)
// and a Chinese field "工作经验3-5年" are minima (PROTOCOL.md, Years of
// experience).
func TestYearsRangesInWordsS20(t *testing.T) {
	tests := []struct {
		text string
		want int // -1: none
	}{
		{"Between 3 and 5 years of experience in backend development.", 3},
		{"Sie bringen zwischen 3 und 5 Jahren Berufserfahrung mit.", 3},
		{"Vous avez entre 2 et 4 ans d'expérience en développement.", 2},
		{"Du har mellan 3 och 5 års erfarenhet av systemutveckling.", 3},
		{"Experiencia mínima de 3 años en desarrollo backend.", 3},
		{"岗位要求：工作经验3-5年，熟悉Rust", 3},
		// unchanged: a maximum, a span not asked of the candidate
		{"Up to 2 years of experience.", -1},
		{"Our company was founded 15 years ago.", -1},
		{"3 to 5 years of experience in backend development.", 3},
	}
	for _, tt := range tests {
		got := MinYears(tt.text)
		if tt.want < 0 && got != nil || tt.want >= 0 && (got == nil || *got != tt.want) {
			t.Errorf("MinYears(%q) = %v, want %d", tt.text, s20Years(got), tt.want)
		}
	}
}

func s20Years(p *int) string {
	if p == nil {
		return "nil"
	}
	return fmt.Sprint(*p)
}

// Years that are the company's or its team's are not the candidate's
// minimum ("We are a company with over 20 years of experience", "Vi er et
// team med over 20 års erfaring"), but the candidate's stay, also when the
// company is named in the clause; a Nordic "N år eller mer" after the
// experience is a minimum, after a contract it is not.
func TestYearsOfTheCompanyAndNordicOrMoreS20(t *testing.T) {
	tests := []struct {
		text string
		want int // -1: none
	}{
		{"We are a company with over 20 years of experience in the field.", -1},
		{"Our team has 15 years of experience building products.", -1},
		{"Vi er et team med over 20 års erfaring.", -1},
		{"We have over 30 years of experience in logistics.", -1},
		{"Du har erfaring som elektriker i 2 år eller mer.", 2},
		{"Vikariat i 1 år eller mer, med mulighet for forlengelse.", -1},
		// unchanged: the candidate's years
		{"Join our team with 5+ years of experience in Python.", 5},
		{"We are looking for an engineer with 5+ years of experience.", 5},
		{"You have 3+ years of experience and will join our team.", 3},
	}
	for _, tt := range tests {
		got := MinYears(tt.text)
		if tt.want < 0 && got != nil || tt.want >= 0 && (got == nil || *got != tt.want) {
			t.Errorf("MinYears(%q) = %v, want %d", tt.text, s20Years(got), tt.want)
		}
	}
}

// "3年+ 后端开发经验": a Chinese figure with a plus before the experience.
func TestChineseYearsPlusS20(t *testing.T) {
	for text, want := range map[string]int{"3年+ 后端开发经验": 3, "岗位要求：5 年 + Go 开发经验": 5, "1-3年工作经验": 1} {
		if got := MinYears(text); got == nil || *got != want {
			t.Errorf("MinYears(%q) = %v, want %d", text, s20Years(got), want)
		}
	}
}

// Years written as an adjective of the experience ("Mind. 3-jährige
// Berufserfahrung", "mindestens dreijährige Berufserfahrung", "2-årig
// erfaring") and a plus before the number ("de +3 años") are minima;
// "mehrjährige" and a course's length ("Treårig utdanning") are none.
func TestYearAdjectivesS20(t *testing.T) {
	tests := []struct {
		text string
		want int
	}{
		{"Mind. 3-jährige Berufserfahrung in der Softwareentwicklung", 3},
		{"Sie verfügen über eine mehrjährige, mindestens dreijährige Berufserfahrung", 3},
		{"fünfjährige Projekterfahrung im SAP-Umfeld", 5},
		{"Du har 2-årig erfaring fra drift", 2},
		{"Experiencia demostrable de +3 años en desarrollo", 3},
		{"Mehrjährige Berufserfahrung in der Entwicklung", -1},
		{"Treårig utdanning innen IT", -1},
	}
	for _, tt := range tests {
		got := MinYears(tt.text)
		if tt.want < 0 && got != nil || tt.want >= 0 && (got == nil || *got != tt.want) {
			t.Errorf("MinYears(%q) = %v, want %d", tt.text, s20Years(got), tt.want)
		}
	}
}
