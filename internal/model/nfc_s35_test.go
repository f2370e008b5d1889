package model

import (
	"math/rand"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

// nfcPieces are the pieces TestS35NFCAsNorm builds texts of: ASCII,
// letters and marks that compose (or compose only in some orders), marks
// that do not, Hangul jamo, a character NFC replaces, invalid and cut
// UTF-8.
var nfcPieces = []string{"a", "e", "Z", " ", "\n", "abcdefghij", "ü", "u\u0308", "\u0308", "\u0323", "\u0301\u0323",
	"\u0323\u0301", "\u0331", "\u034f", "\u1100", "\u1161", "\u11a8", "가", "\u212b", "Å", "A\u030a", "é", "中文",
	"\u0915\u093c", "\u0958", "\xff", "\xe2\x80", "\xc3", "’", "\u00a0", "\U0001d15e", "\u0f73", "\u0b47\u0b3e",
	strings.Repeat("\u0301", 31), strings.Repeat("\u0316", 40), strings.Repeat("\u0323", 29) + "a"}

// TestS35NFCAsNorm: nfc gives what norm.NFC.String gives (it returned
// that before session 35), byte for byte.
func TestS35NFCAsNorm(t *testing.T) {
	r := rand.New(rand.NewSource(35))
	texts := append([]string{""}, nfcPieces...)
	for range 100000 {
		var b strings.Builder
		for range 1 + r.Intn(12) {
			b.WriteString(nfcPieces[r.Intn(len(nfcPieces))])
			if r.Intn(3) == 0 {
				b.WriteString(strings.Repeat("x", r.Intn(20)))
			}
		}
		texts = append(texts, b.String())
	}
	for _, s := range texts {
		if got, want := nfc(s), norm.NFC.String(s); got != want {
			t.Fatalf("nfc(%+q) = %+q, want %+q", s, got, want)
		}
	}
}

func FuzzS35NFC(f *testing.F) {
	for _, p := range nfcPieces {
		f.Add("x " + p + " y")
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := nfc(s), norm.NFC.String(s); got != want {
			t.Fatalf("nfc(%+q) = %+q, want %+q", s, got, want)
		}
	})
}

func TestS35ASCIIEnd(t *testing.T) {
	for n := 0; n < 20; n++ {
		for at := 0; at <= n; at++ {
			b := []byte(strings.Repeat("a", n))
			if at < n {
				b[at] = 0x80
			}
			for from := 0; from <= at; from++ {
				if got := asciiEnd(string(b), from); got != at {
					t.Fatalf("asciiEnd(%q, %d) = %d, want %d", b, from, got, at)
				}
			}
		}
	}
}
