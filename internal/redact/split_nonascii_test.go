package redact

import (
	"encoding/json"
	"strings"
	"testing"
)

// Review s17 F1: a secret with a character outside ASCII ("é", "ü", a
// CJK letter), split by a character the views drop, is masked like an
// ASCII one: the split form used to keep only the lead byte of each
// multi-byte rune, never matching the secret.
func TestPostingMaskFindsSplitNonASCIISecrets(t *testing.T) {
	for _, key := range []string{"s3cr3t-é-Tok42xyz", "Zürich-Passwort-99", "秘密のキー-abc123"} {
		m := NewPostingMask([]Secret{{Name: "KEY", Value: key}})
		runes := []rune(key)
		for _, sep := range []string{"\u00ad", "\u2060", "\ufffd", "\u202e", "\x07"} {
			for _, at := range []int{3, len(runes) - 2} {
				split := string(runes[:at]) + sep + string(runes[at:])
				title := "Data Engineer " + split
				if got := m.String(title); strings.Contains(clean(got), key) || !strings.Contains(got, "[redacted:KEY]") {
					t.Errorf("%q split by %q: String = %q", key, sep, got)
				}
				b, err := json.Marshal(map[string]string{"title": title})
				if err != nil {
					t.Fatal(err)
				}
				var back map[string]string
				if err := json.Unmarshal(m.Bytes(b), &back); err != nil {
					t.Fatal(err)
				}
				if strings.Contains(clean(back["title"]), key) {
					t.Errorf("%q split by %q: Bytes kept it: %q", key, sep, back["title"])
				}
			}
		}
		// the text around keeps its own non-ASCII letters
		if got := m.String("Café\u00ad Zürich"); got != "Café\u00ad Zürich" {
			t.Errorf("a text without the key: %q", got)
		}
	}
}
