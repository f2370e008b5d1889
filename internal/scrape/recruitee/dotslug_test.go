package recruitee

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/scrape/scrapetest"
)

// TestDotSlugsInListing: the real offers answer whose second offer has no
// careers_url and the slug "..", plus a copy of it (id 3) with the slug
// "%2e%2E": their links would be /o/.. (the board's page), so they are
// listed without one and fail at their detail naming the board, the offer
// and the slug; the first offer is kept whole, and an offer with a dot
// slug but a careers_url keeps that link (no link is made from the slug).
func TestDotSlugsInListing(t *testing.T) {
	var answer map[string][]map[string]any
	if err := json.Unmarshal(fixture(t), &answer); err != nil {
		t.Fatal(err)
	}
	offers := answer["offers"]
	second := offers[1]
	delete(second, "careers_url")
	second["slug"] = ".."
	copied := map[string]any{}
	for k, v := range second {
		copied[k] = v
	}
	copied["id"], copied["slug"] = 3, "%2e%2E"
	withURL := map[string]any{}
	for k, v := range offers[0] {
		withURL[k] = v
	}
	withURL["id"], withURL["slug"] = 4, "."
	answer["offers"] = append(offers, copied, withURL)
	body, _ := json.Marshal(answer)
	srv := server(t, func(w http.ResponseWriter, _ *http.Request) { w.Write(body) })
	a := adapter(t, srv.URL, scrapetest.Client(1, nil))
	run := scrapetest.RunDetails(t, a)
	run.Check(t, []string{"2697184", "3"}, []string{"2700825", "4"}, `recruitee: board "acme": offer {id}: slug `, "is a dot segment")
	for id, slug := range map[string]string{"2697184": `slug ".."`, "3": `slug "%2e%2E"`} {
		if err := run.Failed[id]; err == nil || !strings.Contains(err.Error(), slug) {
			t.Errorf("offer %s: error %v does not name the %s", id, err, slug)
		}
	}
	if d := run.Done["2700825"]; d.URL != "https://jobs.acme.com/o/senior-financial-accountant-fmd-berlinbrandenburg-region-germany" || d.DescriptionHTML == "" {
		t.Errorf("the first offer: %+v", d)
	}
	if d := run.Done["4"]; d.URL != "https://jobs.acme.com/o/senior-financial-accountant-fmd-berlinbrandenburg-region-germany" {
		t.Errorf("an offer with a careers_url and a dot slug: link %q", d.URL)
	}
	if n := srv.Requests(); n != 1 {
		t.Errorf("%d requests, want the listing only", n)
	}
}
