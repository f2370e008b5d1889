package jsonld

import "testing"

// TestSessionURLsShareIDS17: page URLs that differ only in an ASP.NET,
// ColdFusion or cookieless session are one id, and a URL id stored with
// the session reads as today's (CurrentID) (review s17 F21).
func TestSessionURLsShareIDS17(t *testing.T) {
	for _, pair := range [][2]string{
		{"https://b.example/jobs/7?ASP.NET_SessionId=abc", "https://b.example/jobs/7?ASP.NET_SessionId=def"},
		{"https://b.example/jobs/8?CFID=1&CFTOKEN=2", "https://b.example/jobs/8?CFID=3&CFTOKEN=4"},
		{"https://b.example/(S(lit3py55t21z5v55vlm25s55))/jobs/81", "https://b.example/(S(abcdpy55t21z5v55vlm25s55))/jobs/81"},
	} {
		a, b := StableURL(pair[0]), StableURL(pair[1])
		if a != b {
			t.Errorf("ids differ: %q vs %q", a, b)
		}
		j := &JSONLD{}
		for _, old := range []string{pair[0][len("https://"):], pair[1][len("https://"):]} {
			if got := j.CurrentID(old); got != a {
				t.Errorf("CurrentID(%q) = %q, want %q", old, got, a)
			}
		}
	}
}
