package mdtext

import "testing"

func TestEscape(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Software Engineer (L5)", "Software Engineer (L5)"},
		{"a | b", `a \| b`},
		{"[x](http://e.com)", `\[x\](http://e.com)`},
		{"`code`", "\\`code\\`"},
		{"<script>alert(1)</script>", `\<script\>alert(1)\</script\>`},
		{"*bold* _it_ ~~s~~", `\*bold\* \_it\_ \~\~s\~\~`},
		{"line1\nline2\r\n\tline3", "line1 line2 line3"},
		{"Data &amp; AI", `Data \&amp; AI`},
		{"$x^2$", `\$x^2\$`},
		{"# heading", `\# heading`},
		{"- item", `\- item`},
		{"---", `\---`},
		{"+1", "+1"},
		{"-25.0 pp", "-25.0 pp"},
		{"1. first", `1\. first`},
		{"2026-W06", "2026-W06"},
		{"12.5%", "12.5%"},
		{`back\slash`, `back\\slash`},
		{"bidi\u202Eevil\u200b", "bidievil"},
		{"![img](x)", `\!\[img\](x)`},
	} {
		if got := Text(c.in); got != c.want {
			t.Errorf("Text(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	for _, c := range []struct{ in, want string }{
		{"https://jobs.example.com/a?b=c&d=e#f", "https://jobs.example.com/a?b=c&d=e#f"},
		{"https://e.com/a b)c|d<e>`f", "https://e.com/a%20b%29c%7Cd%3Ce%3E%60f"},
		{"https://e.com/é", "https://e.com/%C3%A9"},
		{"javascript:alert(1)", ""},
		{"JavaScript:alert(1)", ""},
		{"data:text/html,x", ""},
		{"//e.com/x", ""},
		{"ftp://e.com/x", ""},
		{"", ""},
	} {
		if got := URL(c.in); got != c.want {
			t.Errorf("URL(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
