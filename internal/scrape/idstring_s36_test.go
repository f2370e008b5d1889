package scrape

import (
	"encoding/json"
	"math/rand/v2"
	"strings"
	"testing"
)

// idStringReference is IDString before its shortcut for plain integers.
func idStringReference(raw json.RawMessage) string {
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return strings.TrimSpace(s)
	}
	var n json.Number
	if json.Unmarshal(raw, &n) == nil {
		return n.String()
	}
	return ""
}

// TestS36IDStringAsReference holds IDString to the two decodes it did for
// every id: on integers written in every way, numbers that are not plain
// integers, strings, and random bytes of an id's alphabet.
func TestS36IDStringAsReference(t *testing.T) {
	t.Parallel()
	cases := []string{"0", "-0", "7", "-7", "1099555326551", "00", "01", "-01", "-", "", " 1", "1 ", "1.0", "1e3",
		"99999999999999999999999", "+1", "0x10", `"12"`, `" 12 "`, `"a\u0062"`, "null", "true", "[1]", "{}", "1-", "--1", "1\n"}
	rng := rand.New(rand.NewPCG(36, 5))
	const alphabet = "0123456789-+.eE \"x\\n"
	for range 100000 {
		b := make([]byte, rng.IntN(8))
		for i := range b {
			b[i] = alphabet[rng.IntN(len(alphabet))]
		}
		cases = append(cases, string(b))
	}
	plain := 0
	for _, c := range cases {
		if plainIDNumber([]byte(c)) {
			plain++
		}
		if got, want := IDString(json.RawMessage(c)), idStringReference(json.RawMessage(c)); got != want {
			t.Fatalf("IDString(%q) = %q, want %q", c, got, want)
		}
	}
	if plain < 1000 {
		t.Errorf("only %d plain integers among the cases", plain)
	}
}

// BenchmarkIDString reads a numeric id as list pages and detail answers
// send it.
func BenchmarkIDString(b *testing.B) {
	raw := json.RawMessage("1099555326551")
	b.ReportAllocs()
	for b.Loop() {
		if IDString(raw) == "" {
			b.Fatal("no id")
		}
	}
}
