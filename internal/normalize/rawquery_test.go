package normalize

import "testing"

// Review s16 R2: a link that gains or loses a campaign tag keeps the rest
// of its query as written (it was re-encoded and sorted only when a tag was
// stripped: two stored forms of one link, a false change each flip).
func TestCleanURLKeepsTheQueryAsWritten(t *testing.T) {
	plain := "https://job-boards.greenhouse.io/acme/jobs/8651132002?id=5&board=acme&q=data%20eng"
	for _, tagged := range []string{
		plain,
		plain + "&utm_source=linkedin",
		"https://job-boards.greenhouse.io/acme/jobs/8651132002?utm_source=x&id=5&gh_src=abc&board=acme&q=data%20eng#apply",
	} {
		if got := CleanURL(tagged); got != plain {
			t.Errorf("CleanURL(%q) = %q, want %q", tagged, got, plain)
		}
	}
}

// Review s16 R3: Go's query reading drops pairs with a ';' in them; an id
// made from such a query keeps it as written, so links that differ there
// are different postings.
func TestQueryIDKeepsWhatGoDrops(t *testing.T) {
	a, b := QueryID("req=101;lang=en"), QueryID("req=102;lang=en")
	if a == b || a != "req=101;lang=en" {
		t.Errorf("QueryID: %q and %q", a, b)
	}
	if got := QueryID("req=101;lang=en&utm_source=x"); got != "req=101;lang=en" {
		t.Errorf("QueryID with a tag = %q", got)
	}
	// a query Go reads whole keeps the form ids always had (keys sorted)
	if got := QueryID("b=2&a=1&utm_medium=x"); got != "a=1&b=2" {
		t.Errorf("QueryID = %q, want a=1&b=2", got)
	}
}

func TestSameLink(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want bool
	}{
		{"https://x.example/j?id=5&board=acme", "https://x.example/j?board=acme&id=5", true},
		{"https://X.example/j?q=a%20b", "https://x.example/j?q=a+b", true},
		{"https://x.example/j?id=5", "https://x.example/j?id=6", false},
		{"https://x.example/j?req=1;a", "https://x.example/j?req=2;a", false},
		{"https://x.example/j/1", "https://x.example/j/2", false},
		{"http://x.example/j", "https://x.example/j", false},
	} {
		if got := SameLink(tc.a, tc.b); got != tc.want {
			t.Errorf("SameLink(%q, %q) = %v", tc.a, tc.b, got)
		}
	}
}

// Review s16 R9: one page's link written with another escape case, or
// with an unreserved character escaped, gives the same id.
func TestCanonicalEscapes(t *testing.T) {
	for in, want := range map[string]string{
		"/jobs/z%c3%bcrich-1": "/jobs/z%C3%BCrich-1",
		"/jobs/z%C3%BCrich-1": "/jobs/z%C3%BCrich-1",
		"/jobs/%7Ejane%2d1":   "/jobs/~jane-1",
		"/a%2fb%20c":          "/a%2Fb%20c",
		"/100%":               "/100%",
		"/x%zz":               "/x%zz",
	} {
		if got := CanonicalEscapes(in); got != want {
			t.Errorf("CanonicalEscapes(%q) = %q, want %q", in, got, want)
		}
	}
}
