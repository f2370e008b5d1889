package serve

import (
	"encoding/json"
	"net/http"
	"testing"
)

// The API reads a posting whose key is a dot segment at
// /api/v1/sources/{name}/postings/?id=.. (its path form would be resolved
// away by the client's URL parser); without an id it is no posting.
func TestAPIDotKeyByQuery(t *testing.T) {
	h := dotKeyHandler(t, "..", "p1")
	for target, want := range map[string]string{
		"/api/v1/sources/acme/postings/?id=..": "Dot dot job",
		"/api/v1/sources/acme/postings/p1":     "Plain job",
		"/api/v1/sources/acme/postings/?id=p1": "Plain job",
	} {
		resp, body := fetch(t, h, target)
		if resp.StatusCode != http.StatusOK {
			t.Errorf("%s: %d\n%s", target, resp.StatusCode, body)
			continue
		}
		var d struct {
			Posting struct{ Title string } `json:"posting"`
		}
		if err := json.Unmarshal([]byte(body), &d); err != nil || d.Posting.Title != want {
			t.Errorf("%s: title %q (%v), want %q\n%s", target, d.Posting.Title, err, want, body)
		}
	}
	if resp, _ := fetch(t, h, "/api/v1/sources/acme/postings/"); resp.StatusCode != http.StatusNotFound {
		t.Errorf("postings/ without id: %d, want 404", resp.StatusCode)
	}
}
