package scrape

import (
	"math/rand/v2"
	"net/url"
	"testing"
)

// canonicalQuery is what u.Query().Encode() makes of a query, whether it
// takes the shortcut or not.
func TestCanonicalQuery(t *testing.T) {
	cases := []string{
		"domain=board-3.example&num=10&start=0",
		"Teams=Data+%26+Insights&domain=netflix.com&num=10&start=10",
		"start=0&num=10&domain=x",
		"a=1&a=2&b=3",
		"a=2&b=3&a=1",
		"a=1&&b=2",
		"a",
		"a=",
		"=a",
		"a=b=c",
		"a=%41",
		"a=x+y",
		"a;b=1",
		"k=v~._-",
		"b=1&a=2",
		"A=1&a=2",
		"a=1&A=2",
		"q=caf%C3%A9",
		"q=%zz",
	}
	r := rand.New(rand.NewPCG(1, 2))
	const alphabet = "abAB09-._~=&+%;/ ?"
	for range 20000 {
		b := make([]byte, r.IntN(12))
		for i := range b {
			b[i] = alphabet[r.IntN(len(alphabet))]
		}
		cases = append(cases, string(b))
	}
	for _, raw := range cases {
		if raw == "" {
			continue
		}
		q, _ := url.ParseQuery(raw)
		if got, want := canonicalQuery(raw), q.Encode(); got != want {
			t.Fatalf("canonicalQuery(%q) = %q, want %q", raw, got, want)
		}
	}
	if !isCanonicalQuery("domain=board-3.example&num=10&start=0") {
		t.Error("an Encode()d query of plain values does not take the shortcut")
	}
}
