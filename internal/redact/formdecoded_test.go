package redact

import (
	"encoding/json"
	"net/url"
	"strings"
	"testing"
)

// A secret written unescaped into a URL query is read by the server
// form-decoded ('+' a space, %XX a byte); a board that echoes it so is
// masked in every written form (F2: "Sup3r Secret/Key=42" reached the
// snapshots, commits and events).
func TestFormDecodedValueMasked(t *testing.T) {
	for _, tc := range []struct{ value, decoded string }{
		{"Sup3r+Secret/Key=42", "Sup3r Secret/Key=42"},
		{"tok%2Ben+de%41", "tok+en deA"},
		{"bad%zz+esc", "bad%zz esc"}, // no valid reading: '+' alone
	} {
		r := New([]Secret{{Name: "KEY", Value: tc.value}})
		j, _ := json.Marshal(tc.decoded)
		for _, written := range []string{tc.decoded, string(j[1 : len(j)-1]), url.QueryEscape(tc.decoded), url.PathEscape(tc.decoded)} {
			text := "the key is " + written + ", echoed"
			if out := r.String(text); strings.Contains(out, written) || !strings.Contains(out, "[redacted:KEY]") {
				t.Errorf("secret %q, echoed %q: %q", tc.value, written, out)
			}
			if out := string(r.Output([]byte(text))); strings.Contains(out, written) {
				t.Errorf("Output: secret %q, echoed %q: %q", tc.value, written, out)
			}
		}
	}
	// a value without '+' or '%' has no other reading: nothing else masked
	r := New([]Secret{{Name: "KEY", Value: "plain_value/x=1"}})
	if out := r.String("plain value/x=1"); out != "plain value/x=1" {
		t.Fatalf("masked %q", out)
	}
}

// config writes a ${VAR} in a URL query parameter's value query-escaped:
// the secret is still one the board was sent, and masked in its postings.
func TestSentSecretsQueryEscaped(t *testing.T) {
	s := []Secret{{Name: "KEY", Value: "Sup3r+Secret/Key=42"}, {Name: "OTHER", Value: "never+sent/xyz"}}
	got := SentSecrets(s, []string{"http://127.0.0.1:8080/?api_key=" + url.QueryEscape(s[0].Value)})
	if len(got) != 1 || got[0].Name != "KEY" {
		t.Fatalf("sent: %v", got)
	}
	m := NewPostingMask(got)
	if out := m.String("echo: Sup3r Secret/Key=42 and Sup3r+Secret/Key=42"); strings.Contains(out, "Secret") {
		t.Fatalf("posting text: %q", out)
	}
}
