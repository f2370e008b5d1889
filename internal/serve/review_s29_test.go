package serve

import (
	"encoding/json"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/careers-watcher/careers-watcher/internal/model"
	"github.com/careers-watcher/careers-watcher/internal/snapshot"
)

// Review s29 F4: the time cut of the chain walk (03f05715, chainSkew)
// turns a cursor the API itself gave into a 400 once a commit of the chain
// is more than an hour older than a commit below it (a machine whose clock
// ran ahead, then was corrected; the commit time is the writer's clock).
// Paging in one process works, because the cache already walked down to
// the cursor; a server restarted between two pages (a daemon's restart, a
// second serve process) walks from the HEAD, meets the corrected commit
// first and says the cursor is off the chain. Cursors are commit hashes,
// meant to stay good across a restart.
func TestReviewS29CursorBelowAClockThatRanAheadSurvivesARestart(t *testing.T) {
	f := writeFolder(t, nil)
	st := &snapshot.Store{Dir: f.Dir}
	t0 := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	// commit times along the chain, oldest first: the third was written by
	// a clock five hours ahead
	for i, at := range []time.Duration{0, time.Hour, 6 * time.Hour, 2 * time.Hour, 3 * time.Hour} {
		id := strconv.Itoa(i)
		commitPaths(t, f, "acme: "+id, t0.Add(at), writePostings(t, st, model.Posting{ID: id, Title: "Job " + id, Role: "Software Engineer"})...)
	}
	f.eventWalk = 1 // one commit a page: each page's next is a commit
	h := New(f, "", nil).Handler()
	var nexts []string
	before := ""
	for range 10 {
		resp, body := fetch(t, h, "/api/v1/events?before="+url.QueryEscape(before))
		if resp.StatusCode != 200 {
			t.Fatalf("paging in one process: before=%q: %d %s", before, resp.StatusCode, body)
		}
		var list EventList
		if err := json.Unmarshal([]byte(body), &list); err != nil {
			t.Fatal(err)
		}
		if list.Next == "" {
			break
		}
		nexts = append(nexts, list.Next)
		before = list.Next
	}
	if len(nexts) < 4 {
		t.Fatalf("nexts %v: want one per commit below the HEAD", nexts)
	}
	// the same cursors after a restart: a new Folder of the same directory
	g, err := NewFolder(f.Dir, f.Sources)
	if err != nil {
		t.Fatal(err)
	}
	g.eventWalk = 1
	h2 := New(g, "", nil).Handler()
	for i := len(nexts) - 1; i >= 0; i-- { // a client resuming at any page
		g.chain = &chainCache{}
		if resp, body := fetch(t, h2, "/api/v1/events?before="+url.QueryEscape(nexts[i])); resp.StatusCode != 200 {
			t.Errorf("after a restart: before=%s (page %d's next): %d %s, want 200", nexts[i][:8], i+1, resp.StatusCode, body)
		}
	}
}

// Review s29 F7: the postings API's 400s for a bad parameter do not name
// the parameter: q=%ff says "title: not valid UTF-8 text" (title is the
// CLI's flag; the API has no title parameter), role/level/skill/location
// say `filter "\ufffd": ...` (the value, not which parameter), and
// currency=%ff with min_pay says "filter: min_pay_currency: ..." (the
// notifier filter's key, no parameter of this API).
func TestReviewS29PostingsErrorNamesTheParameter(t *testing.T) {
	f := writeFolder(t, []model.Posting{{ID: "1", Title: "Job", Role: "Software Engineer"}})
	h := New(f, "", nil).Handler()
	for _, c := range []struct{ query, param string }{
		{"q=%ff", "q"},
		{"role=%ff", "role"},
		{"level=%ff", "level"},
		{"skill=%ff", "skill"},
		{"location=%ff", "location"},
		{"min_pay=1&currency=%ff", "currency"},
	} {
		resp, body := fetch(t, h, "/api/v1/sources/acme/postings?"+c.query)
		if resp.StatusCode != 400 {
			t.Errorf("%s: %d, want 400", c.query, resp.StatusCode)
			continue
		}
		var e struct{ Error string }
		if err := json.Unmarshal([]byte(body), &e); err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(e.Error, c.param+":") && !strings.HasPrefix(e.Error, c.param+" ") {
			t.Errorf("%s: error %q does not open with the parameter %s", c.query, e.Error, c.param)
		}
	}
}

// Review s29 F9: the events page and the Atom feeds read the same before
// parameter as /api/v1/events (eventQuery) but answer a bad or unknown
// cursor with a 500 and an ERROR log ("request failed"): the symptom of
// review s28 F5, fixed for the API only (apiEvents maps ErrBadCursor and
// ErrNoCursor to 400; pageEvents and feed call s.internal for any error).
func TestReviewS29PagesAnswerABadCursorWith4xx(t *testing.T) {
	f := writeFolder(t, nil)
	st := &snapshot.Store{Dir: f.Dir}
	commitPaths(t, f, "acme: 1", time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC),
		writePostings(t, st, model.Posting{ID: "1", Title: "Job", Role: "Software Engineer"})...)
	h := New(f, "", nil).Handler()
	for _, path := range []string{"/events", "/feed.atom", "/sources/acme/feed.atom"} {
		for _, before := range []string{"%00", "%ff", ".", "evt_aaaaaaaaaaaaaaaaaaaaaaaaaa"} {
			if resp, body := fetch(t, h, path+"?before="+before); resp.StatusCode/100 != 4 {
				t.Errorf("%s?before=%s: %d %.80s, want a 4xx (the client's cursor is wrong)", path, before, resp.StatusCode, body)
			}
		}
	}
}

// Review s29 F10: parameters the postings API takes and silently drops:
// sort=- (a direction with no key: the default order, ascending) and
// currency without min_pay (the CLI refuses the same, `--currency "usd":
// it is the currency of --min-pay, which is not given`). A client that
// misspells its request gets an answer to another one.
func TestReviewS29PostingsRefusesParametersThatDoNothing(t *testing.T) {
	f := writeFolder(t, []model.Posting{{ID: "1", Title: "Job", Role: "Software Engineer"}})
	h := New(f, "", nil).Handler()
	for _, q := range []string{"sort=-", "currency=EUR"} {
		if resp, body := fetch(t, h, "/api/v1/sources/acme/postings?"+q); resp.StatusCode != 400 {
			t.Errorf("%s: %d %.60s, want 400", q, resp.StatusCode, body)
		}
	}
}
