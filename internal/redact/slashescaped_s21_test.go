package redact

import (
	"fmt"
	"strings"
	"testing"
)

// TestSlashEscapedJSONIsMasked: a secret holding '/' echoed in a JSON
// string that escapes '/' as "\/" (PHP's json_encode), as given and as a
// Go-quoted excerpt of that body, is masked (review s21 F6).
func TestSlashEscapedJSONIsMasked(t *testing.T) {
	for _, secret := range []string{"Ab3/Xy9+Qw7/Rt5z", "http://127.0.0.1:18232/tok/Zq7Kp2Wm9Xv4/", "p@ss/w&rd<1>"} {
		r := New([]Secret{{Name: "K", Value: secret}})
		body := `{"error":"Invalid API key ` + strings.ReplaceAll(secret, "/", `\/`) + `"}`
		for _, text := range []string{body, fmt.Sprintf("body starts %q", body), "Notice: x\n" + body} {
			for name, got := range map[string]string{"Text": r.Text(text), "String": r.String(text)} {
				if strings.Contains(got, "Xy9+Qw7") || strings.Contains(got, "Zq7Kp2Wm9Xv4") || strings.Contains(got, "w&rd") || strings.Contains(got, `w\u0026rd`) {
					t.Errorf("%s(%q) = %q: the secret is left", name, text, got)
				}
				if !strings.Contains(got, "[redacted:K]") {
					t.Errorf("%s(%q) = %q: no mask", name, text, got)
				}
			}
		}
	}
}

// TestUnicodeEscapedJSONIsMasked: a secret echoed in JSON whose writer
// escapes + ` ' = & < > as \u00XX (.NET's System.Text.Json: capital hex)
// is masked (review s21 F6, its addendum).
func TestUnicodeEscapedJSONIsMasked(t *testing.T) {
	for _, c := range []struct{ secret, written string }{
		{"Ab3+Xy9Qw7Rt5z", `Ab3\u002BXy9Qw7Rt5z`},
		{"Ab3+Xy9Qw7Rt5z", `Ab3\u002bXy9Qw7Rt5z`},
		{"Kq9Zp3Vw8Yx2==", `Kq9Zp3Vw8Yx2\u003d\u003d`},
		{"Kq9+p3Vw8&x2==", `Kq9\u002Bp3Vw8\u0026x2==`},
		{"Kq9<p3Vw8>x2'a", `Kq9\u003Cp3Vw8\u003Ex2\u0027a`},
	} {
		r := New([]Secret{{Name: "K", Value: c.secret}})
		text := `{"error":"bad key ` + c.written + `"}`
		if got := r.Text(text); strings.Contains(got, "Vw8") || strings.Contains(got, "Xy9") {
			t.Errorf("Text(%q) = %q: the secret is left", text, got)
		}
	}
}
