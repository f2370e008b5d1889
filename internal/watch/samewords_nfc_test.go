package watch

import "testing"

// A description stored decomposed (NFD: "e" + combining acute) and read
// again composed (NFC) has the same words: the interface switch or the
// upgrade that compares them reports no change.
func TestSameWordsNFC(t *testing.T) {
	if !sameWords("Caf\u0065\u0301 team, Z\u0075\u0308rich", "café team. Zürich") {
		t.Error("NFD and NFC forms of one text compared as different words")
	}
	if sameWords("café team", "cafe team") {
		t.Error("an accent dropped compared as the same word")
	}
}

// A placeholder posted date stored under older rules (0001-01-01,
// 9999-12-31) that today's rules read as none is the same posting at the
// upgrade; a real date dropped is not.
func TestSamePostedPlaceholderDates(t *testing.T) {
	for _, a := range []string{"0001-01-01", "9999-12-31"} {
		if !samePosted(a, "", false) {
			t.Errorf("samePosted(%q, \"\") = false", a)
		}
	}
	if samePosted("2026-11-01", "", true) {
		t.Error("a real date dropped compared as the same")
	}
}
