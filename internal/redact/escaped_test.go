package redact

import (
	"strings"
	"testing"
)

// A board that writes a secret back in its own choice of percent-encoding
// (Python's quote: '/' kept, ':' escaped; every byte escaped; a mix of hex
// cases; escaped twice) gets it masked, whatever the encoder chose.
func TestEscapedAnyWay(t *testing.T) {
	r := New([]Secret{{Name: "API_KEY", Value: "ak/S3cr3t:KEY"}, {Name: "PASS", Value: "p a@ss word"}})
	for _, in := range []string{
		"https://h/x?next=ak/S3cr3t%3AKEY&y=1",       // Python quote()
		"https://h/x?k=%61%6b%2f%53%33cr3t%3aKEY",    // letters escaped too, mixed case
		"https://h/x?k=ak%252FS3cr3t%253aKEY",        // escaped twice, mixed
		"u=p+a%40ss%20word",                          // '+' and %20 for spaces
		`{"url":"https://h/?k=ak%2FS3cr3t:KEY&z=2"}`, // '/' escaped, ':' kept
	} {
		out := r.String(in)
		if strings.Contains(out, "S3cr3t") || strings.Contains(out, "ss%20word") || strings.Contains(out, "a%40ss") {
			t.Errorf("%s\n -> %s: not masked", in, out)
		}
		if !strings.Contains(out, "[redacted:") {
			t.Errorf("%s -> %s: no mask", in, out)
		}
		if b := string(r.Bytes([]byte(in))); b != out {
			t.Errorf("Bytes %q != String %q", b, out)
		}
	}
	// text around is kept, and a near miss is not masked
	if got := r.String("a=1&k=ak%2FS3cr3t%3AKEX&b=2"); got != "a=1&k=ak%2FS3cr3t%3AKEX&b=2" {
		t.Errorf("near miss changed: %s", got)
	}
	if got := r.String("x ak/S3cr3t%3AKEY y"); got != "x [redacted:API_KEY] y" {
		t.Errorf("got %q", got)
	}
	// a text with no '%' is left to the forms (no second pass)
	if got := r.String("100% sure"); got != "100% sure" {
		t.Errorf("got %q", got)
	}
}
