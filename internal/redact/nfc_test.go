package redact

import (
	"strings"
	"testing"
)

// A secret written with decomposed accents (NFD) that a board echoes
// reaches the snapshot composed (normalize reads posting text in NFC):
// the composed form is masked too.
func TestDecomposedSecretMaskedComposed(t *testing.T) {
	const nfd = "Zu\u0308rich-geheim-42" // u + combining diaeresis
	const nfc = "Z\u00fcrich-geheim-42"
	m := NewPostingMask([]Secret{{Name: "K", Value: nfd}})
	for _, s := range []string{"key " + nfd, "key " + nfc} {
		if got := m.String(s); strings.Contains(got, "geheim") {
			t.Errorf("String(%q) = %q", s, got)
		}
	}
}
