package jsonld

import (
	"encoding/json"
	"slices"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// Page URLs lose tracking tags (gh_src, ...) and session ids (review F4,
// F14): a URL id stored under the earlier rule reads as today's id
// (CurrentID, for the runner to keep the stored one), an identifier is no
// URL id.
func TestCurrentIDOfEarlierURLIDs(t *testing.T) {
	j := &JSONLD{name: "s"}
	for stored, want := range map[string]string{
		"x.example/c?gh_src=li":                       "x.example/c",
		"x.example/job/1;jsessionid=AB12CD34?lang=en": "x.example/job/1?lang=en",
		"127.0.0.1:8080/job?id=3&PHPSESSID=k2mf0d9l3": "127.0.0.1:8080/job?id=3",
		"x.example/job?id=3":                          "x.example/job?id=3",
		"x.example/job/1":                             "x.example/job/1",
		"R-1":                                         "R-1",
		"REQ?gh_src=li":                               "REQ?gh_src=li",
	} {
		if got := j.CurrentID(stored); got != want {
			t.Errorf("CurrentID(%q) = %q, want %q", stored, got, want)
		}
	}
	if got := StableURL("https://X.example/job/1;jsessionid=AB12CD34/?gh_src=li&b=2"); got != "x.example/job/1?b=2" {
		t.Errorf("StableURL = %q", got)
	}
}

// An id memory saved before the rule change knows pages by the digest of
// their earlier StableURL (with gh_src): the posting that owns a shared
// identifier keeps it after the upgrade, and the one known by its URL
// stays so. Earlier the owner was not recognised and both took URL ids,
// renaming the owner (a false removed and added).
func TestIDMemoryFromBeforeTheRuleChange(t *testing.T) {
	old, _ := json.Marshal(idState{
		Owners: map[string]string{"R-1": digest("x.example/a?gh_src=li")},
		URLIDs: []string{digest("x.example/c?gh_src=li")},
	})
	a := model.Raw{RequisitionID: "R-1", URL: "https://x.example/a?gh_src=li", Title: "A"}
	c := model.Raw{RequisitionID: "R-1", URL: "https://x.example/c?gh_src=li", Title: "C"}
	j := &JSONLD{name: "s"}
	j.LoadState(old)
	for run := 1; run <= 2; run++ {
		if got := assign(t, j, a, c); !eq(got, []string{"R-1", "x.example/c"}) {
			t.Fatalf("run %d after the upgrade: ids %v, want [R-1 x.example/c]", run, got)
		}
	}
	// a posting page of an earlier memory is found by its earlier key
	s := idState{Pages: map[string][]string{digest("x.example/job/2;jsessionid=AB12CD34"): {"J-2"}}}
	if got := s.page("https://x.example/job/2;jsessionid=AB12CD34"); !slices.Equal(got, []string{"J-2"}) {
		t.Errorf("page of an earlier memory: %v", got)
	}
}
