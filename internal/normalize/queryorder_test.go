package normalize

import "testing"

// Review s17 F22: a query url.ParseQuery refuses (a ';' inside a pair, a
// bad escape) gives one id whatever the order of its pairs, and whatever
// the case of its escapes; different pairs still give different ids.
func TestQueryIDOfUnparsableQueryIgnoresOrder(t *testing.T) {
	for _, pair := range [][2]string{
		{"b=1;x&a=2", "a=2&b=1;x"},
		{"q=%zz&id=7&utm_source=x", "id=7&q=%zz"},
		{"a=%c3%bc;1&z=1", "z=1&a=%C3%BC;1"},
	} {
		if a, b := QueryID(pair[0]), QueryID(pair[1]); a != b {
			t.Errorf("QueryID(%q) = %q, QueryID(%q) = %q; want one id", pair[0], a, pair[1], b)
		}
	}
	if QueryID("a=1;x&b=2") == QueryID("a=1;y&b=2") {
		t.Error("different pairs share an id")
	}
}

// Verify s17 F22: the same link with such a query's pairs in another
// order is the same link (no url change reported, the stored spelling
// kept).
func TestSameLinkOfUnparsableQueryIgnoresOrder(t *testing.T) {
	if !SameLink("https://a.example/c?q=%zz&r=1", "https://a.example/c?r=1&q=%zz") {
		t.Error("a reordered unparsable query is another link")
	}
	if SameLink("https://a.example/c?q=%zz&r=1", "https://a.example/c?q=%zz&r=2") {
		t.Error("another pair is the same link")
	}
}
