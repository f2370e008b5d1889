package serve

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// A page past the last answers no postings and the page asked for, so
// that a client paging until an empty page stops (review s23 F6).
func TestAPIPagePastTheEndIsEmpty(t *testing.T) {
	var ps []model.Posting
	for _, id := range []string{"a", "b", "c", "d", "e"} {
		ps = append(ps, model.Posting{ID: id, Title: "Job " + id})
	}
	h := New(writeFolder(t, ps), "", nil).Handler()
	for _, c := range []struct {
		page, want, n int
	}{{3, 3, 1}, {7, 7, 0}} {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/api/v1/sources/acme/postings?per_page=2&page="+string(rune('0'+c.page)), nil))
		var got PostingList
		if rec.Code != http.StatusOK || json.Unmarshal(rec.Body.Bytes(), &got) != nil {
			t.Fatalf("page %d: %d %s", c.page, rec.Code, rec.Body)
		}
		if got.Page.Page != c.want || len(got.Postings) != c.n || got.Pages != 3 || got.Total != 5 {
			t.Errorf("page %d: page %d, %d postings, pages %d, total %d; want page %d, %d postings", c.page, got.Page.Page, len(got.Postings), got.Pages, got.Total, c.want, c.n)
		}
	}
}
