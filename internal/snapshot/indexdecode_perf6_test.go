package snapshot

import (
	"encoding/json"
	"fmt"
	"reflect"
	"testing"
)

// slowIndex is DecodeIndex as it was: encoding/json alone.
func slowIndex(b []byte) (Index, bool) {
	var idx Index
	if json.Unmarshal(b, &idx) != nil || idx.Postings == nil {
		return Index{}, false
	}
	return idx, true
}

var quickIndexSeeds = []string{
	`{"normalizer":"cf60937917d9","generation":1796281942,"incidents":1796281941,"postings":{"1":{"stamp":"1785000000:f50c","hash":"68fa","size":7162}}}`,
	"{\n \"normalizer\": \"x\",\n \"generation\": 3,\n \"failures\": 2,\n \"suspicious\": true,\n \"incidents\": -4,\n \"postings\": {\n  \"a b\": {\n   \"hash\": \"h\",\n   \"missing\": 2,\n   \"file_moved\": true,\n   \"unsaved\": false\n  }\n }\n}\n",
	`{"postings":{}}`,
	`{"failures":3,"failed_notified":true,"postings":{}}`,
	`{"failures":1,"failed_notified":false,"postings":{}}`,
	`{"failed_notified":null,"postings":{}}`,
	`{"names":1,"postings":{}}`,
	`{"names":1,"names":1,"postings":{}}`,
	`{"names":-1,"postings":{}}`,
	`{"names":1.5,"postings":{}}`,
	`{"postings":null}`,
	`{}`,
	`{"postings":{"1":{"hash":"a"},"1":{"hash":"b"}}}`,
	`{"postings":{"1":{"hash":"a","hash":"b"}}}`,
	`{"generation":1,"generation":2,"postings":{}}`,
	`{"Generation":1,"postings":{}}`,
	`{"postings":{"1":{"Hash":"a"}}}`,
	`{"postings":{"1":{"hash":"a\u0041"}}}`,
	`{"postings":{"\u0031":{"hash":"a"}}}`,
	`{"postings":{"é":{"hash":"a"}}}`,
	`{"generation":1.0,"postings":{}}`,
	`{"generation":1e3,"postings":{}}`,
	`{"generation":01,"postings":{}}`,
	`{"generation":-0,"postings":{}}`,
	`{"generation":99999999999999999999,"postings":{}}`,
	`{"suspicious":truex,"postings":{}}`,
	`{"suspicious":null,"postings":{}}`,
	`{"normalizer":null,"postings":{}}`,
	`{"postings":{}} x`,
	`{"postings":{},}`,
	`{"postings":{"1":{"size":12,"other":1}}}`,
	`{"other":{"a":[1,2]},"postings":{}}`,
	`[]`,
	``,
	`{"postings":{"1":{"stamp":"","hash":"","size":0}}}`,
}

// quickIndex answers what encoding/json answers, or leaves it to it.
func TestQuickIndexIsJSONs(t *testing.T) {
	for _, s := range quickIndexSeeds {
		checkQuickIndex(t, []byte(s))
	}
	// the encoder's own output, of every field
	notified := true
	idx := Index{Normalizer: "n1", Generation: 7, Failures: 1, Suspicious: true, Incidents: 9, FailedNotified: &notified, Postings: map[string]Entry{}}
	for i := range 50 {
		idx.Postings[fmt.Sprintf("id-%d", i)] = Entry{Stamp: fmt.Sprint(i), Hash: fmt.Sprintf("%064x", i), Missing: i % 3, FileMoved: i%5 == 0, Size: int64(i * 1000), Unsaved: i%7 == 0}
	}
	b, err := json.MarshalIndent(idx, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	got, ok := quickIndex(b)
	if !ok || !reflect.DeepEqual(got, idx) {
		t.Fatalf("quickIndex of an encoded index = %v, %v", ok, got)
	}
	checkQuickIndex(t, b)
}

func checkQuickIndex(t *testing.T, b []byte) {
	t.Helper()
	want, wok := slowIndex(b)
	if got, ok := quickIndex(b); ok && (!wok || !reflect.DeepEqual(got, want)) {
		t.Errorf("quickIndex(%q) = %+v; encoding/json: %+v, %v", b, got, want, wok)
	}
	if got, ok := DecodeIndex(b); ok != wok || !reflect.DeepEqual(got, want) {
		t.Errorf("DecodeIndex(%q) = %+v, %v; encoding/json: %+v, %v", b, got, ok, want, wok)
	}
}

func FuzzQuickIndexIsJSONs(f *testing.F) {
	for _, s := range quickIndexSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) { checkQuickIndex(t, b) })
}

func BenchmarkDecodeIndex20(b *testing.B) {
	idx := Index{Normalizer: "cf60937917d9", Generation: 1796281942, Incidents: 1796281941, Postings: map[string]Entry{}}
	for i := range 20 {
		idx.Postings[fmt.Sprintf("11000000000%02d", i)] = Entry{Stamp: fmt.Sprintf("17850%05d:f50ca2b78d14cf86", i), Hash: fmt.Sprintf("%064x", i), Size: 7162}
	}
	data, _ := json.MarshalIndent(idx, "", " ")
	b.Run("json", func(b *testing.B) {
		for range b.N {
			slowIndex(data)
		}
	})
	b.Run("quick", func(b *testing.B) {
		for range b.N {
			DecodeIndex(data)
		}
	})
}
