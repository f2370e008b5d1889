package redact

import (
	"strings"
	"testing"
)

// Review s25 R1: the cut guard looks for the secret's written forms; a
// board that echoes a passphrase with its spaces as character references
// ("violet&#32;ocean&#32;...", which the redactor reads and masks whole)
// splits it into tokens at each ';', and a cut inside it keeps the first
// words: the masked text shows none of the secret, its cut shows the
// start.
func TestReview25_CutOfAnEntityEscapedPassphrase(t *testing.T) {
	secret := "violet ocean window lantern"
	r := New([]Secret{{Name: "PASSPHRASE", Value: secret}})
	text := "title: violet&#32;ocean&#32;window&#32;lantern and more words here"
	if got := r.String(text); strings.Contains(got, "violet") {
		t.Fatalf("the whole text is not masked: %q", got)
	}
	for _, n := range []int{30, 40, 45} {
		if got := r.String(Cut(text, n)); strings.Contains(got, "violet") {
			t.Errorf("Cut(text, %d), redacted, shows the passphrase's start: %q", n, got)
		}
		if got := r.String(CutBytes(text, n)); strings.Contains(got, "violet") {
			t.Errorf("CutBytes(text, %d), redacted, shows the passphrase's start: %q", n, got)
		}
	}
}
