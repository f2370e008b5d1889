package normalize

import "testing"

// TestMoreSessionIDsS17: ASP.NET, classic ASP, ColdFusion and shop-engine
// session ids and ASP.NET cookieless path segments are stripped from links
// like jsessionid (review s17 F21); a short sid stays (F5: may be an id).
func TestMoreSessionIDsS17(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"https://b.example/jobs/1?ASP.NET_SessionId=abc", "https://b.example/jobs/1"},
		{"https://b.example/jobs/1?asp.net_sessionid=def&id=4", "https://b.example/jobs/1?id=4"},
		{"https://b.example/jobs/2?CFID=1&CFTOKEN=2&req=9", "https://b.example/jobs/2?req=9"},
		{"https://b.example/jobs/2?ASPSESSIONIDQACTDQBR=KJHGFDSA", "https://b.example/jobs/2"},
		{"https://b.example/p?BV_SessionID=x&zenid=y&osCsid=z&p=1", "https://b.example/p?p=1"},
		{"https://b.example/(S(lit3py55t21z5v55vlm25s55))/jobs/view.aspx?id=80", "https://b.example/jobs/view.aspx?id=80"},
		{"https://b.example/(X(1)S(abcdpy55t21z5v55vlm25s55))/jobs/view.aspx?id=80", "https://b.example/jobs/view.aspx?id=80"},
		{"https://b.example/app/(A(anon1)S(s2)F(f3))/view.aspx", "https://b.example/app/view.aspx"},
		{"https://b.example/%28S%28lit3py55%29%29/view.aspx", "https://b.example/view.aspx"},
		// not sessions
		{"https://b.example/jobs/47?sid=abc", "https://b.example/jobs/47?sid=abc"},
		{"https://b.example/wiki/Foo_(bar)", "https://b.example/wiki/Foo_(bar)"},
		{"https://b.example/(team)/jobs", "https://b.example/(team)/jobs"},
		{"https://b.example/(S(a)/b)/jobs", "https://b.example/(S(a)/b)/jobs"},
	} {
		if got := CleanURL(tc.in); got != tc.want {
			t.Errorf("CleanURL(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	if got := StripSessionPath("/(S(x1))/a;CFID=3/b"); got != "/a/b" {
		t.Errorf("StripSessionPath: %q", got)
	}
	if !Session("sid", "Zq8xk2LmP0aB9cDe7fGh") || Session("sid", "47") {
		t.Error("sid: a token is a session id, a short value is not")
	}
}
