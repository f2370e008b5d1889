package redact

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
)

// benchSecrets are 5 secrets of the kinds a config brings in: API keys,
// a webhook token, a password with characters every escaping rewrites.
var benchSecrets = []Secret{
	{Name: "GH_KEY", Value: "ghk_8f3a9c2e71d04b5a"},
	{Name: "SLACK", Value: "T0000/B0000/XXXXXXXXXXXXXXXXXXXXXXXX"},
	{Name: "PG_PW", Value: "p@ss w0rd&<more>+\"q\""},
	{Name: "TOKEN", Value: "tok_1234567890abcdef"},
	{Name: "HOOK", Value: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"},
}

// benchText is about 10 KB of log lines, one in 20 holding a secret.
func benchText() string {
	var b strings.Builder
	for i := 0; b.Len() < 10*1024; i++ {
		line := fmt.Sprintf("time=2026-12-02T07:00:%02dZ level=INFO msg=\"fetched page\" source=acme-%d url=https://boards-api.greenhouse.io/v1/boards/acme/jobs?page=%d status=200 postings=%d\n", i%60, i, i, i*3)
		if i%20 == 7 {
			line = fmt.Sprintf("time=2026-12-02T07:00:%02dZ level=WARN msg=\"retry\" url=https://api.example/x?key=%s\n", i%60, benchSecrets[(i/20)%5].Value)
		}
		b.WriteString(line)
	}
	return b.String()
}

// BenchmarkMask10KB: masking a 10 KB text with 5 secrets, the way each
// output path does (Output: logs, stdout, errors).
//
//	go test ./internal/redact -run '^$' -bench Mask10KB -benchmem
func BenchmarkMask10KB(b *testing.B) {
	r := New(benchSecrets)
	text := []byte(benchText())
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		_ = r.Output(text)
	}
}

// BenchmarkMask10KBClean: the common case, a text holding no secret.
func BenchmarkMask10KBClean(b *testing.B) {
	r := New(benchSecrets)
	text := []byte(strings.Repeat("time=2026-12-02T07:00:00Z level=INFO msg=\"fetched page\" source=acme status=200 postings=42\n", 110))
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		_ = r.Output(text)
	}
}

// BenchmarkNew: building a Redactor of 5 secrets (once per config load).
func BenchmarkNew(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		_ = New(benchSecrets)
	}
}

// BenchmarkMask10KBReplacer is the reference: what Output did before the
// matcher, a bytes.Contains per form and then a strings.Replacer of every
// form, on the same text and forms (the numbers of one run compare; on a
// loaded machine the absolute ones do not).
func BenchmarkMask10KBReplacer(b *testing.B) {
	r := New(benchSecrets)
	args := make([]string, 0, 2*len(r.cuts))
	olds := make([][]byte, 0, len(r.cuts))
	for _, c := range r.cuts {
		args = append(args, c.form, c.mask)
		olds = append(olds, []byte(c.form))
	}
	repl := strings.NewReplacer(args...)
	for _, clean := range []bool{false, true} {
		text := []byte(benchText())
		if clean {
			text = []byte(strings.Repeat("time=2026-12-02T07:00:00Z level=INFO msg=\"fetched page\" source=acme status=200 postings=42\n", 110))
		}
		b.Run(map[bool]string{false: "secrets", true: "clean"}[clean], func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			for b.Loop() {
				for _, o := range olds {
					if bytes.Contains(text, o) {
						_ = []byte(repl.Replace(string(text)))
						break
					}
				}
			}
		})
	}
}

// BenchmarkMaskBackslashRun: a text holding a run of 40,000 backslashes
// (a description quoting a quoted path, an attacker's answer): the
// escaped pass reads each run once (it was quadratic: 1 s; review s22b R3).
func BenchmarkMaskBackslashRun(b *testing.B) {
	r := New([]Secret{{Name: "K", Value: "AbCd+EfGh/IjKl="}})
	text := "x " + strings.Repeat(`\`, 40_000) + " y"
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		r.String(text)
	}
}
