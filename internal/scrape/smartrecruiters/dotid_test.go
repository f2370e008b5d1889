package smartrecruiters

import (
	"encoding/json"
	"net/http"
	"strings"
	"sync"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/scrape/scrapetest"
)

// TestDotIDsInListing: the real list answer with copies of its posting
// under the ids "..", "%2e%2E" and "." (totalFound 4): those are listed
// without a link or stamp and fail at their detail, never fetched, naming
// the board and the id; the real posting is listed and completed.
func TestDotIDsInListing(t *testing.T) {
	var page map[string]any
	if err := json.Unmarshal(scrapetest.Fixture(t, "smartrecruiters.json"), &page); err != nil {
		t.Fatal(err)
	}
	content := page["content"].([]any)
	real := content[0].(map[string]any)
	id := real["id"].(string)
	for _, dot := range []string{"..", "%2e%2E", "."} {
		c := map[string]any{}
		for k, v := range real {
			c[k] = v
		}
		c["id"] = dot
		content = append(content, c)
	}
	page["content"], page["totalFound"] = content, len(content)
	list, _ := json.Marshal(page)
	detail := map[string]any{"jobAd": map[string]any{"sections": map[string]any{"jobDescription": map[string]any{"title": "Job Description", "text": "<p>Consistent hours.</p>"}}}}
	for k, v := range real {
		detail[k] = v
	}
	detailBody, _ := json.Marshal(detail)
	const prefix = "/v1/companies/knight/postings"
	var mu sync.Mutex
	var details []string
	srv := scrapetest.Serve(t, func(w http.ResponseWriter, r *http.Request) {
		switch {
		case r.URL.Path == prefix:
			w.Write(list)
		case strings.HasPrefix(r.URL.Path, prefix+"/"):
			mu.Lock()
			details = append(details, r.URL.Path)
			mu.Unlock()
			if r.URL.Path == prefix+"/"+id {
				w.Write(detailBody)
				return
			}
			http.NotFound(w, r)
		default:
			http.NotFound(w, r)
		}
	})
	a := adapter(t, srv.URL, "knight", 1)
	raws, err := a.List(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range raws {
		if r.ID != id && (r.URL != "" || r.Stamp != "") {
			t.Errorf("dot id %q listed with link %q, stamp %q", r.ID, r.URL, r.Stamp)
		}
	}
	run := scrapetest.RunDetails(t, a)
	run.Check(t, []string{"..", "%2e%2E", "."}, []string{id}, `smartrecruiters: board "knight": posting {id}: posting id {q} is a dot segment`)
	if d := run.Done[id]; !strings.Contains(d.DescriptionHTML, "Consistent hours.") || d.URL == "" {
		t.Errorf("the real posting: %+v", d)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(details) != 1 {
		t.Errorf("detail requests %q, want the real posting's only", details)
	}
}
