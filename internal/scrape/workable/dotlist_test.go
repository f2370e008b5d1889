package workable

import (
	"context"
	"reflect"
	"strings"
	"testing"
)

// TestDotIDsInListing: a widget answer whose shortcodes are dot segments
// ("..", "%2e%2E", ".") beside a normal one: the detail of each dot id
// fails naming it and sends nothing (the account path, the parent of
// /jobs/, is never asked for); the normal posting is listed and completed.
func TestDotIDsInListing(t *testing.T) {
	api := newAPI(t, serve(`{"jobs": [{"shortcode": "..", "title": "A"}, {"shortcode": "%2e%2E", "title": "B"},
		{"shortcode": ".", "title": "C"}, {"shortcode": "AB12", "title": "Data Engineer"}]}`))
	api.jobs["AB12"] = `{"shortcode": "AB12", "title": "Data Engineer", "description": "<p>Pipelines.</p>"}`
	a := adapter(t, api.URL, client(1))
	raws, err := a.List(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var done []string
	for _, r := range raws {
		if r.Complete {
			t.Fatalf("listing gave %s complete", r.ID)
		}
		d, err := a.Detail(context.Background(), r)
		if r.ID == "AB12" {
			if err != nil || !d.Complete || d.DescriptionHTML != "<p>Pipelines.</p>" {
				t.Errorf("detail of AB12: %+v, %v", d, err)
			}
			done = append(done, d.ID)
			continue
		}
		if err == nil || !strings.Contains(err.Error(), `workable: board "acme": job `+r.ID) || !strings.Contains(err.Error(), "dot segment") {
			t.Errorf("detail of %q: error %v, want one naming the board, the id and the dot segment", r.ID, err)
		}
	}
	if !reflect.DeepEqual(done, []string{"AB12"}) || len(raws) != 4 {
		t.Errorf("listed %d postings, completed %q", len(raws), done)
	}
	if got := api.seen(); !reflect.DeepEqual(got, []string{listPath + "?details=true", "/api/v2/accounts/acme/jobs/AB12"}) {
		t.Errorf("requests %q, want the listing and AB12's detail only", got)
	}
}
