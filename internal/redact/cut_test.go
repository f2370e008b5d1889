package redact

import (
	"bytes"
	"fmt"
	"net/url"
	"strings"
	"testing"
)

// TestWriterMasksCutSecrets: text cut short ("…") right after the start of
// a secret, in any of its forms, is masked by the writer of output; a
// start shorter than MinLen and text not followed by "…" stay; String and
// Bytes (posting data) do not mask cut text.
func TestWriterMasksCutSecrets(t *testing.T) {
	r := New([]Secret{{Name: "HOOK", Value: "hooktoken_abc123"}, {Name: "KEY", Value: "s3cr&t/key+x"}})
	cases := []struct{ in, want string }{
		{"title group hooktoken_a… -> Senior", "title group [redacted:HOOK]… -> Senior"},
		{"a hooktoken_abc12…", "a [redacted:HOOK]…"},
		{"xhook… and hooktoken_ab…", "x[redacted:HOOK]… and [redacted:HOOK]…"},
		{"full hooktoken_abc123… stays masked whole", "full [redacted:HOOK]… stays masked whole"},
		{"q=" + url.QueryEscape("s3cr&t/key+x")[:9] + "…", "q=[redacted:KEY]…"}, // s3cr%26t%2
		{"hoo… short, kept", "hoo… short, kept"},
		{"hooktoken_a without a cut, kept", "hooktoken_a without a cut, kept"},
		{"Data Engineer…", "Data Engineer…"},
		{"…", "…"},
	}
	for _, c := range cases {
		var b bytes.Buffer
		fmt.Fprint(r.Writer(&b), c.in)
		if b.String() != c.want {
			t.Errorf("writer of %q wrote %q, want %q", c.in, b.String(), c.want)
		}
	}
	if s := "group hooktoken_a…"; r.String(s) != s || string(r.Bytes([]byte(s))) != s {
		t.Errorf("String/Bytes masked a cut secret in %q: posting data is not rewritten so", s)
	}
	// every cut of the secret from MinLen bytes on
	for n := MinLen; n < len("hooktoken_abc123"); n++ {
		var b bytes.Buffer
		fmt.Fprint(r.Writer(&b), "v "+"hooktoken_abc123"[:n]+"…")
		if strings.Contains(b.String(), "hook") {
			t.Errorf("cut at %d: %q", n, b.String())
		}
	}
}
