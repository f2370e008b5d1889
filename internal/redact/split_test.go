package redact

import (
	"encoding/json"
	"strings"
	"testing"
)

// Review s16 R1: a board echoes a key it was sent with a character inside
// it that every view drops (a soft hyphen, a bidi control, a zero-width
// space, a control character, invalid UTF-8): the posting mask finds it
// there too, in the text and in the text's canonical JSON.
func TestPostingMaskFindsSplitSecrets(t *testing.T) {
	const key = "supersecretkey123"
	m := NewPostingMask([]Secret{{Name: "GH_KEY", Value: key}})
	for _, sep := range []string{"\u00ad", "\u202a", "\u200b", "\u2066", "\x01", "\x7f", "\ufffd", "\xff", "\u00ad\u200b"} {
		for _, title := range []string{"Data Engineer super" + sep + "secretkey123", "x" + "supersecret" + sep + "key123" + " and " + key} {
			got := m.String(title)
			if strings.Contains(clean(got), key) || !strings.Contains(got, "[redacted:GH_KEY]") {
				t.Errorf("split by %q: String(%q) = %q", sep, title, got)
			}
			b, err := json.Marshal(map[string]string{"title": title})
			if err != nil {
				t.Fatal(err)
			}
			out := m.Bytes(b)
			var back map[string]string
			if err := json.Unmarshal(out, &back); err != nil {
				t.Fatalf("split by %q: masked JSON %s: %v", sep, out, err)
			}
			if strings.Contains(clean(back["title"]), key) {
				t.Errorf("split by %q: Bytes(%s) = %s", sep, b, out)
			}
		}
	}
	// What a view keeps is not ignorable: a letter between the bytes is
	// another text, kept as it is; a text without the key as well. (A
	// space between them is the key with a space put in, masked since
	// review s17 F3: whitespace_s17_test.go.)
	for _, s := range []string{"superXsecretkey123", "a\u00adb", `say "super\\u0001" please`} {
		if got := m.String(s); got != s {
			t.Errorf("String(%q) = %q, want it unchanged", s, got)
		}
	}
}

// clean is what the views do with a text (diff.Clean, mdtext.Plain: the
// characters they drop).
func clean(s string) string {
	var b strings.Builder
	for _, r := range s {
		if !ignorable(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}
