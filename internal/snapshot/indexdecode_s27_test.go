package snapshot

import (
	"encoding/json"
	"fmt"
	"reflect"
	"testing"
)

// The index's keys are compared in the document, never copied: decoding
// allocates each posting's id, stamp and hash and the map, not its keys
// (six strings a posting before), and gives json.Unmarshal's result.
func TestQuickIndexCopiesNoKeys(t *testing.T) {
	const n = 64
	idx := Index{Normalizer: "517578b73090", Generation: 3, Failures: 1, Postings: map[string]Entry{}}
	for i := range n {
		idx.Postings[fmt.Sprint(1100004980000+i)] = Entry{Stamp: "2026-11-01T00:00:00Z", Hash: "0123456789abcdef", Size: int64(7000 + i), Missing: i % 2}
	}
	b, err := json.MarshalIndent(idx, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	got, ok := quickIndex(b)
	if !ok {
		t.Fatal("quickIndex refused the watcher's own layout")
	}
	var want Index
	if err := json.Unmarshal(b, &want); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("quickIndex = %+v, want %+v", got, want)
	}
	if allocs := testing.AllocsPerRun(20, func() { quickIndex(b) }); allocs >= 4*n {
		t.Errorf("quickIndex of %d postings: %v allocations, want fewer than %d (3 strings a posting and the map)", n, allocs, 4*n)
	}
}
