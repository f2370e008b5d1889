package redact

import (
	"bytes"
	"fmt"
	"net/url"
	"strings"
	"testing"
	"unicode/utf8"
)

// The writer of output masks secrets, never text that merely ends like
// the start of one before "…": that would tell whoever wrote the text (a
// board's title) whether it starts like a secret, one guess at a time
// (review s23 F1). Only a correct guess would be masked, so every guess
// must come out as written.
func TestOutputIsNoPrefixOracle(t *testing.T) {
	const secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
	r := New([]Secret{{Name: "HOOK", Value: secret}, {Name: "URL", Value: "https://hooks.example/T01/B02/Zq9secret"}})
	for _, guess := range []string{"whsec_", "whsec_M", "whsec_Mf", "whsec_MfK", "whsec_MfA", secret[:len(secret)-1], "https://hooks.example/T01/B02/Z", "https://hooks.example/T01/B02/A"} {
		text := "Eng " + guess + Ellipsis + " (Berlin)"
		var b bytes.Buffer
		fmt.Fprint(r.Writer(&b), text)
		if b.String() != text || r.Text(text) != text {
			t.Errorf("%q came out as %q: the output tells the guess", text, b.String())
		}
	}
	if out := r.Text("Eng " + secret + " x"); out != "Eng [redacted:HOOK] x" {
		t.Errorf("a whole secret: %q", out)
	}
}

// Cut keeps at most n runes, never ends inside a token, and so never shows
// the start of a secret the value held whole, in any form without
// delimiters (a URL, base64, an escaped writing).
func TestCutNeverShowsAPartOfAToken(t *testing.T) {
	cases := []struct {
		in   string
		n    int
		want string
	}{
		{"Senior Data Engineer", 30, "Senior Data Engineer"},
		{"Senior Data Engineer", 20, "Senior Data Engineer"},
		{"Senior Data Engineer", 19, "Senior Data…"},
		{"Senior Data Engineer", 13, "Senior Data…"},
		{"Senior Data Engineer", 12, "Senior Data…"},
		{"Senior Data Engineer", 11, "Senior…"},
		{"Engineer", 5, "…"},
		{"a (hooktoken_abc123) b", 12, "a (…"},
		{`{"error":"bad key sk_live_abc"}`, 24, `{"error":"bad key…`},
		{"x", 0, ""},
		{"Ärger über Öl", 9, "Ärger…"},
	}
	for _, c := range cases {
		if got := Cut(c.in, c.n); got != c.want {
			t.Errorf("Cut(%q, %d) = %q, want %q", c.in, c.n, got, c.want)
		}
		if got := Cut(c.in, c.n); utf8.RuneCountInString(got) > max(c.n, 0) {
			t.Errorf("Cut(%q, %d) = %q: longer than %d runes", c.in, c.n, got, c.n)
		}
	}
	for _, secret := range []string{"hooktoken_abc123", "s3cr&t/key+x", "AbCd+EfGh/IjKl=MnOp", "https://hooks.slack.com/services/T0/B0/XyZ"} {
		for _, form := range []string{secret, url.QueryEscape(secret), url.PathEscape(secret), fmt.Sprintf("%q", secret)[1 : len(secret)+1]} {
			for _, text := range []string{"title group " + form + " more words", `body {"t":"` + form + `"} end`, "q=" + form + "&x=1"} {
				for n := 1; n <= len(text)+1; n++ {
					for _, got := range []string{Cut(text, n), CutBytes(text, n)} {
						if !strings.Contains(text[:min(n, len(text))], form) && strings.Contains(got, form[:min(MinLen, len(form))]) {
							t.Fatalf("cut %d of %q: %q shows the start of %q", n, text, got, form)
						}
					}
				}
			}
		}
	}
}

func TestCutBytesKeepsRunesWhole(t *testing.T) {
	s := "Straße Größe"
	for n := 0; n <= len(s)+1; n++ {
		got := CutBytes(s, n)
		if !utf8.ValidString(got) || len(strings.TrimSuffix(got, Ellipsis)) > n {
			t.Errorf("CutBytes(%q, %d) = %q", s, n, got)
		}
	}
}
