package redact

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// TestMatcherAsReplacer: the one-pass matcher replaces what a
// strings.Replacer of the same forms (longest first) replaces, on texts
// that hold every form of every secret, forms overlapping, cut short, and
// next to each other.
func TestMatcherAsReplacer(t *testing.T) {
	secrets := append([]Secret{{Name: "INNER", Value: "1234567890ab"}, {Name: "OUTER", Value: "tok_1234567890abcdef"}}, benchSecrets...)
	r := New(secrets)
	args := make([]string, 0, 2*len(r.cuts))
	for _, c := range r.cuts {
		args = append(args, c.form, c.mask)
	}
	repl := strings.NewReplacer(args...)
	rng := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 2000; i++ {
		var b strings.Builder
		for j := rng.IntN(12); j >= 0; j-- {
			switch rng.IntN(4) {
			case 0:
				b.WriteString(r.cuts[rng.IntN(len(r.cuts))].form)
			case 1:
				f := r.cuts[rng.IntN(len(r.cuts))].form
				b.WriteString(f[:rng.IntN(len(f))])
			case 2:
				b.WriteString("x=%&<\\\"+ tok_ ")
			default:
				b.WriteByte(byte(rng.IntN(256)))
			}
		}
		s := b.String()
		// then the escaped pass, as String does: the forms of a value's
		// form-decoded reading, cut short, can make an escaped writing
		// of the value itself, which that pass masks
		want := repl.Replace(s)
		if out, ok := maskEscaped(want, r.esc); ok {
			want = string(out)
		}
		// and the markup pass: a form whose references a parser reads
		// without their ';' ("&#34q") reads as the value (review s20 F2)
		want = maskMarkups(r.m, r.wsm, want)
		if got := r.String(s); got != want {
			t.Fatalf("String(%q)\n got %q\nwant %q", s, got, want)
		}
		if got := string(r.Bytes([]byte(s))); got != want {
			t.Fatalf("Bytes(%q)\n got %q\nwant %q", s, got, want)
		}
	}
	clean := []byte("nothing secret here")
	if got := r.Bytes(clean); &got[0] != &clean[0] {
		t.Errorf("Bytes copied a text holding no secret")
	}
}
