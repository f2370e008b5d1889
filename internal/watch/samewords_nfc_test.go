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
