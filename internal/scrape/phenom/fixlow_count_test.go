package phenom

import (
	"bytes"
	"testing"
)

// hits, totalHits and status written as floats with integral values read
// as the integers (scrape.Int, as ids); the old *int fields failed the
// page.
func TestDecodeListFloatCounts(t *testing.T) {
	fix := fixture(t)
	body := fix
	for _, r := range [][2]string{{`"hits":10`, `"hits":10.0`}, {`"totalHits":52`, `"totalHits":5.2e1`}, {`"status":200`, `"status":200.0`}} {
		next := bytes.Replace(body, []byte(r[0]), []byte(r[1]), 1)
		if bytes.Equal(next, body) {
			t.Fatalf("the fixture has no %s", r[0])
		}
		body = next
	}
	p, err := decodeList(body)
	if err != nil {
		t.Fatal(err)
	}
	if p.Total != 52 || p.Hits != 10 || len(p.Raws) != 2 {
		t.Fatalf("total %d hits %d, %d postings; want 52, 10, 2", p.Total, p.Hits, len(p.Raws))
	}
}
