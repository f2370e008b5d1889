package htmlsel

import "testing"

// TestSessionLinksShareIDS17: links that differ only in an ASP.NET,
// ColdFusion or cookieless session have one id, and an id stored with the
// session in it reads as today's id (CurrentID), so an upgraded folder
// keeps its postings (review s17 F21).
func TestSessionLinksShareIDS17(t *testing.T) {
	for _, pair := range [][2]string{
		{"https://b.example/jobs/7?ASP.NET_SessionId=abc", "https://b.example/jobs/7?ASP.NET_SessionId=def"},
		{"https://b.example/jobs/8?CFID=1&CFTOKEN=2", "https://b.example/jobs/8?CFID=3&CFTOKEN=4"},
		{"https://b.example/(S(lit3py55t21z5v55vlm25s55))/jobs/view.aspx?id=80", "https://b.example/(S(abcdpy55t21z5v55vlm25s55))/jobs/view.aspx?id=80"},
		{"https://b.example/(S(lit3py55t21z5v55vlm25s55))/jobs/81", "https://b.example/(S(abcdpy55t21z5v55vlm25s55))/jobs/81"},
	} {
		a, b := ID(pair[0]), ID(pair[1])
		if a != b {
			t.Errorf("ids differ: %q vs %q", a, b)
		}
		h := &HTML{}
		for _, old := range []string{
			// as the earlier rule made them: the session kept
			pathQuery(pair[0]), pathQuery(pair[1]),
		} {
			if got := h.CurrentID(old); got != a {
				t.Errorf("CurrentID(%q) = %q, want %q", old, got, a)
			}
		}
	}
}

func pathQuery(link string) string {
	const host = "https://b.example"
	return link[len(host):]
}
