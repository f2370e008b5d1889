package redact

import (
	"strings"
	"testing"
)

// Review s25b R1: Head keeps n bytes and as many more as the longest
// guarded form, as written; the same form written with character
// references ("violet&#32;ocean&#32;...") is longer than that, so a head
// taken for a cut (scrape's error snippet: CutBytes(Head(b, 60), 60))
// does not hold the escaped secret whole when it starts a little before
// the cut: the guard does not see it and the cut shows its first words.
func TestReview25b_HeadTooShortForAnEntityEscapedPassphrase(t *testing.T) {
	secret := "violet ocean window lantern river stone"
	r := New([]Secret{{Name: "PASSPHRASE", Value: secret}})
	body := strings.Repeat("x", 37) + " error: violet&#x00020;ocean&#x00020;window&#x00020;lantern&#x00020;river&#x00020;stone and more words here"
	if got := r.String(body); strings.Contains(got, "violet") {
		t.Fatalf("the whole body is not masked: %q", got)
	}
	if got := r.String(CutBytes(body, 60)); strings.Contains(got, "violet") {
		t.Fatalf("CutBytes of the whole body shows the passphrase's start: %q", got)
	}
	got := r.String(CutBytes(string(Head([]byte(body), 60)), 60))
	if strings.Contains(got, "violet") {
		t.Fatalf("CutBytes(Head(body, 60), 60), redacted, shows the passphrase's start: %q", got)
	}
}

// Review s25b R2: the Redactor finds a secret in the text as it reads
// with tags dropped either way (a tag ending at its first '>', or where
// an HTML parser ends it, past quoted '>'), but the cut guard's markup
// view is the parsed one only: a passphrase split by a tag whose quoted
// attribute holds a '>' ("violet<b x='> ocean window lantern'>") is masked
// whole in the text, and a cut inside it shows its first three words.
func TestReview25b_CutGuardMissesTheNaiveTagView(t *testing.T) {
	secret := "violet ocean window lantern"
	r := New([]Secret{{Name: "PASSPHRASE", Value: secret}})
	text := "title: violet<b x='> ocean window lantern'> and more words here to cut"
	if got := r.String(text); strings.Contains(got, "violet") {
		t.Fatalf("the whole text is not masked: %q", got)
	}
	for _, n := range []int{30, 38} {
		if got := r.String(Cut(text, n)); strings.Contains(got, "violet") {
			t.Errorf("Cut(text, %d), redacted, shows the passphrase's start: %q", n, got)
		}
	}
}
