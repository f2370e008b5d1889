package redact

import (
	"bytes"
	"errors"
	"io/fs"
	"log/slog"
	"net/url"
	"strings"
	"testing"
)

func TestRedactor(t *testing.T) {
	r := New([]Secret{
		{Name: "KEY", Value: "s3cr&t/\"key\" +x"},
		{Name: "SHORT", Value: "abc"}, // too short: left alone
		{Name: "TOKEN", Value: "tok_123456"},
		{Name: "LONGER", Value: "tok_123456789"}, // contains TOKEN: replaced whole
	})
	key := "s3cr&t/\"key\" +x"
	cases := map[string]string{
		"plain":    "https://x.example/jobs?k=" + key,
		"query":    "https://x.example/jobs?k=" + url.QueryEscape(key),
		"path":     "https://x.example/" + url.PathEscape(key) + "/jobs",
		"json":     `{"error":"` + strings.ReplaceAll(strings.ReplaceAll(key, `"`, `\"`), "&", `\u0026`) + `"}`,
		"json raw": `{"error":"` + strings.ReplaceAll(key, `"`, `\"`) + `"}`,
	}
	for name, s := range cases {
		got := r.String(s)
		if strings.Contains(got, "s3cr") || !strings.Contains(got, "[redacted:KEY]") {
			t.Errorf("%s: %q -> %q", name, s, got)
		}
	}
	if got := r.String("abc tok_123456789 tok_123456"); got != "abc [redacted:LONGER] [redacted:TOKEN]" {
		t.Errorf("got %q", got)
	}
	// slog's text handler quotes values: the quoted form is caught too
	var buf bytes.Buffer
	slog.New(slog.NewTextHandler(r.Writer(&buf), nil)).Error("failed", "url", "https://x.example/?k="+key, "error", errors.New("get "+key+": refused"))
	if strings.Contains(buf.String(), "s3cr") || strings.Count(buf.String(), "[redacted:KEY]") != 2 {
		t.Errorf("log line %q", buf.String())
	}
	buf.Reset()
	slog.New(slog.NewJSONHandler(r.Writer(&buf), nil)).Error("failed", "url", "https://x.example/?k="+key)
	if strings.Contains(buf.String(), "s3cr") {
		t.Errorf("JSON log line %q", buf.String())
	}
	// errors keep their identity
	err := r.Error(&fs.PathError{Op: "open", Path: "/x/" + key, Err: fs.ErrNotExist})
	if strings.Contains(err.Error(), "s3cr") || !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("error %v", err)
	}
	// nothing to redact: the same bytes
	b := []byte("nothing here")
	if got := r.Bytes(b); &got[0] != &b[0] {
		t.Error("Bytes copied a clean slice")
	}
	var none *Redactor
	if none.String("x") != "x" || !New(nil).Empty() || New([]Secret{{Name: "A", Value: "ab"}}).Writer(&buf) != &buf {
		t.Error("an empty redactor changes things")
	}
}

// A value written into a URL unescaped is cut at '#' by the URL parser:
// the part before it, as errors show the URL, is redacted too.
func TestFragmentCutsTheValue(t *testing.T) {
	r := New([]Secret{{Name: "KEY", Value: "TopSecretPrefix42#tail"}})
	got := r.String(`Get "http://127.0.0.1:18080/x?api_key=TopSecretPrefix42": redirects refused`)
	if strings.Contains(got, "TopSecretPrefix42") || !strings.Contains(got, "[redacted:KEY]") {
		t.Errorf("got %s", got)
	}
}
