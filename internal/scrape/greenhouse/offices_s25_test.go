package greenhouse

import (
	"context"
	"strings"
	"testing"
)

// A remote office with no address beside a location label of towns is one
// more label (the shape of a real board: Gong's "Austin | Chicago | New
// York City | Salt Lake City | San Francisco" with the office "Remote
// (US)"); an office with an address, or a label that names remote work
// already, adds nothing.
func TestRemoteOfficeBesideTownsS25(t *testing.T) {
	body := `{"jobs": [
		{"id": 1, "title": "A", "location": {"name": "Austin | Chicago | New York City"},
		 "offices": [{"id": 4001764006, "name": "Remote (US)", "location": null, "child_ids": [], "parent_id": 4001755006}]},
		{"id": 2, "title": "B", "location": {"name": "New York, New York"},
		 "offices": [{"id": 4092783004, "name": "Remote", "location": "New York, New York, United States"}]},
		{"id": 3, "title": "C", "location": {"name": "Remote - United States"},
		 "offices": [{"name": "United States - Remote", "location": null}]},
		{"id": 4, "title": "D", "location": {"name": "Berlin"}, "offices": [{"name": "Berlin", "location": null}]}
	]}`
	srv := serve(t, 200, body)
	raws, err := adapter(t, srv.URL, 1).List(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"Austin | Chicago | New York City|Remote (US)",
		"New York, New York",
		"Remote - United States",
		"Berlin",
	}
	if len(raws) != len(want) {
		t.Fatalf("got %d postings", len(raws))
	}
	for i, r := range raws {
		if got := strings.Join(r.Locations, "|"); got != want[i] || r.Workplace != "" {
			t.Errorf("posting %s: locations %q (workplace %q), want %q", r.ID, got, r.Workplace, want[i])
		}
	}
}
