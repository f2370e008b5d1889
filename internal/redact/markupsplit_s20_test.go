package redact

import (
	"strings"
	"testing"
)

// A secret split by a space a view shows (a character reference of one,
// a tag and a space) is masked as the same secret split by a plain space
// is (review s20 F1): "&nbsp;" is the commonest reference in boards' HTML.
func TestSplitByMarkupSpace(t *testing.T) {
	r := New([]Secret{{Name: "KEY", Value: "AbcdefSecret42"}})
	for _, s := range []string{
		"x Abcdef Secret42 y", // as before
		"x Abcdef&nbsp;Secret42 y",
		"x Abcdef&#32;Secret42 y",
		"x Abcdef<br/> Secret42 y",
		"x Abc<b>def</b> Secret42 y",
		"x Abcde<br>\nfSecret42 y",
		"x Ab&nbsp;cdefSecret42 y",
		"x AbcdefSecr&nbsp;et42 y",
	} {
		for name, got := range map[string]string{"String": r.String(s), "Bytes": string(r.Bytes([]byte(s)))} {
			if strings.Contains(got, "Secret42") || !strings.Contains(got, "[redacted:KEY]") || !strings.HasPrefix(got, "x ") || !strings.HasSuffix(got, " y") {
				t.Errorf("%s(%q) = %q", name, s, got)
			}
		}
	}
	// ordinary markup with no secret is left as it is
	for _, s := range []string{"Abcdef&nbsp;and Secret 42", "<p>Abcdef</p> <p>Other</p>"} {
		if got := r.String(s); got != s {
			t.Errorf("String(%q) = %q", s, got)
		}
	}
}
