package watch

import (
	"encoding/json"
	"fmt"
	"reflect"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/scrape"
)

var validatorSeeds = []string{
	`{}`,
	`null`,
	`{"a":{}}`,
	`{"http://x/?a=1\u0026b=\u003c2\u003e":{"etag":"\"t\\\/1\"","last_modified":"Mon, 02 Jan 2006 15:04:05 GMT"}}`,
	`{"u":{"digest":"ab","next":"10"},"listing:":{"digest":"cd"}}`,
	`{"u":{"digest":"ab"},"u":{"digest":"cd"}}`, // a URL twice: the last (encoding/json)
	`{"u":{"digest":"ab","digest":"cd"}}`,       // a key twice
	`{"u":{"ETag":"x"}}`,                        // another case
	`{"u":{"other":"x"}}`,                       // an unknown key
	`{"u":{"etag":null}}`,                       // null
	`{"u":null}`,                                // null
	`{"u":{"etag":1}}`,                          // a number
	`{"u":{"etag":"é"}}`,                        // not ASCII
	`{"u":{"etag":"\u00e9"}}`,                   // an escape beyond ASCII
	`{"u":{"etag":"\u0001"}}`,                   // a control byte
	`{"u":{"etag":"\n"}}`,                       // an escaped newline
	`{"u":{"etag":"a"}} x`,                      // trailing data
	`{"u":{"etag":"a"},}`,                       // a trailing comma
	`{"u":{"etag":"a"}`,                         // cut short
	"{\"u\":{\"etag\":\"a\tb\"}}",               // a raw tab
	`[]`,
}

// decodeValidators gives json.Unmarshal's result (into an empty
// scrape.Validators) for every document, the quick path or not, and the
// quick path takes the watcher's own files.
func TestDecodeValidatorsIsJSONs(t *testing.T) {
	for _, s := range validatorSeeds {
		checkValidators(t, []byte(s))
	}
	v := scrape.Validators{}
	for i := range 30 {
		u := fmt.Sprintf("http://127.0.0.1:8080/api/apply/v2/jobs?domain=b-%d.example&num=10&start=%d<>", i, i*10)
		v[u] = scrape.Validator{ETag: fmt.Sprintf(`W/"%x"`, i), LastModified: "Mon, 02 Jan 2006 15:04:05 GMT", Digest: fmt.Sprintf("%064x", i), Next: fmt.Sprint(i + 1)}
	}
	v[listedKey] = scrape.Validator{Digest: "a90a28c5"}
	b, err := json.MarshalIndent(v, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	got, ok := quickValidators(append(b, '\n'))
	if !ok || !reflect.DeepEqual(got, v) {
		t.Fatalf("quickValidators of the watcher's own file = %v, %v", ok, got)
	}
	checkValidators(t, b)
}

func checkValidators(t *testing.T, b []byte) {
	t.Helper()
	want := scrape.Validators{}
	werr := json.Unmarshal(b, &want)
	if got, ok := quickValidators(b); ok && (werr != nil || !reflect.DeepEqual(got, want)) {
		t.Errorf("quickValidators(%q) = %+v; encoding/json: %+v, %v", b, got, want, werr)
	}
	got, ok := decodeValidators(b)
	if ok != (werr == nil) || ok && !reflect.DeepEqual(got, want) {
		t.Errorf("decodeValidators(%q) = %+v, %v; encoding/json: %+v, %v", b, got, ok, want, werr)
	}
}

func FuzzDecodeValidatorsIsJSONs(f *testing.F) {
	for _, s := range validatorSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) { checkValidators(t, b) })
}
