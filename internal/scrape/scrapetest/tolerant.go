package scrapetest

import (
	"bytes"
	"net/http"
	"reflect"
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// BOM is the UTF-8 byte order mark some servers put before an answer.
const BOM = "\xEF\xBB\xBF"

// Altered is fix with each old of oldNew (old, new, old, new, ...)
// replaced by its new, once; the test fails when fix does not hold an old
// (the alteration would check nothing).
func Altered(t testing.TB, fix []byte, oldNew ...string) []byte {
	t.Helper()
	if len(oldNew)%2 != 0 {
		t.Fatalf("Altered: %d strings, want pairs of old and new", len(oldNew))
	}
	out := fix
	for i := 0; i < len(oldNew); i += 2 {
		if !bytes.Contains(out, []byte(oldNew[i])) {
			t.Fatalf("the fixture holds no %q to alter", oldNew[i])
		}
		out = bytes.Replace(out, []byte(oldNew[i]), []byte(oldNew[i+1]), 1)
	}
	return out
}

// ServeAt is a board host answering path with body, with the content type
// ct, as a real server would; any other path is not found. It is closed
// when the test ends.
func ServeAt(t testing.TB, path, ct string, body []byte) *Server {
	t.Helper()
	return Serve(t, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != path {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", ct)
		w.Write(body)
	})
}

// Board is a board whose listing answer a test writes: each body is served
// by a server of its own and listed through the adapter under test.
type Board struct {
	Path, ContentType string // where and how ServeAt serves a body
	// Serve serves body instead, for a board that is more than one answer
	// at one path (paged); nil: ServeAt.
	Serve func(t testing.TB, body []byte) *Server
	// List lists the board served at url.
	List func(url string) ([]model.Raw, error)
}

// Listing serves body and lists it: the server's URL, the postings and the
// error.
func (b Board) Listing(t testing.TB, body []byte) (string, []model.Raw, error) {
	t.Helper()
	var srv *Server
	if b.Serve != nil {
		srv = b.Serve(t, body)
	} else {
		srv = ServeAt(t, b.Path, b.ContentType, body)
	}
	raws, err := b.List(srv.URL)
	return srv.URL, raws, err
}

// ListsAlike fails the test unless the board lists each variant (by name)
// as it lists base: the same postings, in the same order, and no error.
// The listing of base must hold postings; it is returned.
func (b Board) ListsAlike(t testing.TB, base []byte, variants map[string][]byte) []model.Raw {
	t.Helper()
	_, want, err := b.Listing(t, base)
	if err != nil || len(want) == 0 {
		t.Fatalf("the unaltered answer: %d postings, error %v", len(want), err)
	}
	for name, body := range variants {
		_, got, err := b.Listing(t, body)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: listed %+v\nwant %+v", name, got, want)
		}
	}
	return want
}

// Fails fails the test unless listing body is an error, and no postings,
// whose message holds every one of parts, where {url} stands for the
// server's URL; what names the case.
func (b Board) Fails(t testing.TB, what string, body []byte, parts ...string) {
	t.Helper()
	url, raws, err := b.Listing(t, body)
	if err == nil || raws != nil {
		t.Errorf("%s: %d postings and error %v, want no postings and an error naming %q", what, len(raws), err, parts)
		return
	}
	for _, p := range parts {
		p = strings.ReplaceAll(p, "{url}", url)
		if !strings.Contains(err.Error(), p) {
			t.Errorf("%s: error %q does not name %q", what, err, p)
		}
	}
}
