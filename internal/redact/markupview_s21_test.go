package redact

import (
	"strings"
	"testing"
)

// Review s20 F2: the markup view read character references only up to a
// ';' within 32 bytes and ended a tag at its first '>', so forms an HTML
// parser (a browser, a feed reader) shows as the secret were left: a
// numeric or legacy named reference without ';', a long zero-padded
// reference, a '>' inside a quoted attribute value or inside a comment.
// The view now reads them as an HTML parser does, and, where that reads
// a tag otherwise, as a tag-stripping pattern does too.
func TestMarkupViewAsAParserReadsIt(t *testing.T) {
	r := New([]Secret{{Name: "KEY", Value: "AbcdefSecret42"}})
	for _, s := range []string{
		"x &#65bcdefSecret42 y",
		"x Abc&#100efSecret42 y",
		"x Abc&#00000000000000000000000000000100;efSecret42 y",
		"x Abc&#x000000000000000000000000000000064;efSecret42 y",
		"x Abc<b title='>'>defSecret42 y",
		"x Abc<b title=\">\" class = \"a>b\">defSecret42 y",
		"x Abc<!-- a > b -->defSecret42 y",
		"x Abc<!-- a > b --!>defSecret42 y",
		"x Abc<!---->defSecret42 y",
		"x Abcdef&nbspSecret42 y", // a legacy name without ';': a space between
		"x Abc&#100<b></b>efSecret42 y",
		// read as a tag-stripping pattern reads them (a tag ends at its
		// first '>'), as before: a parser reads these otherwise
		"x Abc<b title='x>defSecret42 y",
		"x Abc<!-- x >defSecret42 y",
	} {
		want := "[redacted:KEY]"
		for name, got := range map[string]string{"String": r.String(s), "Bytes": string(r.Bytes([]byte(s)))} {
			if strings.Contains(got, "Secret42") || !strings.Contains(got, want) || !strings.HasPrefix(got, "x ") || !strings.HasSuffix(got, " y") {
				t.Errorf("%s(%q) = %q", name, s, got)
			}
		}
	}
	// what a parser does not read as the secret is left as it is: a
	// reference whose digits run on (&#x41bcdef is one character, out of
	// range), a name that is no legacy one without ';', text after an
	// unclosed comment, a secret's letters in an attribute
	for _, s := range []string{
		"x &#x41bcdefSecret42 y",
		"x Abc&#x64efSecret42 y",
		"x Abc&hellipdefSecret42 y",
		"x Abc<!-- defSecret42 y",
		"x <b title='AbcdefSecret'>42</b> y",
		"R&D; AT&T; &copy2026 a<b>b</b> &#; &#x; &",
	} {
		if got := r.String(s); got != s {
			t.Errorf("String(%q) = %q; want it unchanged", s, got)
		}
	}
}
