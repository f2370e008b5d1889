package normalize

import "testing"

// Nordic "or more" before the years: "2 eller flere år erfaring" (dev:
// variant-text-designer-bergen), "3 år eller mer erfaring".
func TestNordicOrMoreYears(t *testing.T) {
	for text, want := range map[string]int{
		"Nå ser vi etter deg som har 2 eller flere år erfaring med design av digitale løsninger.": 2,
		"Du har 3 år eller mer erfaring som utvikler.":                                            3,
		"Vi søker deg med 4 eller fler års erfarenhet av Java.":                                   4,
	} {
		got := MinYears(text)
		if got == nil || *got != want {
			t.Errorf("MinYears(%q) = %v, want %d", text, got, want)
		}
	}
	if got := MinYears("Vi har 10 eller flere år på markedet."); got != nil {
		t.Errorf("the company's years: %d, want none", *got)
	}
}
