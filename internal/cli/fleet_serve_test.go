package cli

import (
	"context"
	"net/url"
	"os"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"
)

// TestServeAndReadersOnPostgres: with store: postgres, `watcher serve`
// reads the database: the dashboard, a source's page, a posting's page
// with its history from the versions table, the API (checked against the
// OpenAPI document), the events and the Atom feed under the events
// table's ids, /metrics and /readyz. A board publishes a title holding a
// secret of the config (database_url's password) and then changes it, so
// that a change line cuts it short: no page, and nothing status,
// postings, show or report print, holds the secret whole or cut.
func TestServeAndReadersOnPostgres(t *testing.T) {
	pgSuite(t)
	if testing.Short() {
		t.Skip("starts PostgreSQL")
	}
	const token = "zq7pwtoken_4411x"
	dsn := fleetDB(t)
	board := newFleetBoard(t, "acme")
	cfg := fleetConfig(t, dsn, "http://127.0.0.1:1/unused", map[string]string{"acme": board.URL})
	pwVar := testVar(t, "TEST_DB_PASSWORD")
	setenv(t, pwVar, token)
	yml, err := os.ReadFile(cfg)
	if err != nil {
		t.Fatal(err)
	}
	dbVar := testVar(t, "DATABASE_URL")
	withPW := strings.Replace(string(yml), "database_url: ${"+dbVar+"}", `database_url: "${`+dbVar+`}&password=${`+pwVar+`}"`, 1)
	if withPW == string(yml) {
		t.Fatal("the config has no database_url line to change")
	}
	if err := os.WriteFile(cfg, []byte(withPW), 0o644); err != nil {
		t.Fatal(err)
	}
	// a change line shows 200 characters of a long title: the secret
	// starts at the 194th, and is cut after 7 of its characters
	filler := "Data Engineer in the team of the platform group " + strings.Repeat("and more words ", 30)
	filler = filler[:193]
	long := fleetPosting(1, filler+token+" more words here and there")
	board.set(long, fleetPosting(2, "Analytics Engineer"))
	if code, stdout, stderr := runIn(t, cfg, "run"); code != 0 {
		t.Fatalf("first run: exit %d\n%s\n%s", code, stdout, stderr)
	}
	changed := fleetPosting(1, "Senior Data Engineer")
	changed.Updated = "2026-11-25T10:00:00Z"
	board.set(changed, fleetPosting(2, "Analytics Engineer"), fleetPosting(3, "Platform Engineer"))
	if code, stdout, stderr := runIn(t, cfg, "run"); code != 0 {
		t.Fatalf("second run: exit %d\n%s\n%s", code, stdout, stderr)
	}
	leaks := func(who, text string) {
		t.Helper()
		for n := 6; n <= len(token); n++ {
			if strings.Contains(text, token[:n]) {
				t.Errorf("%s shows the secret (%d of its %d characters):\n%s", who, n, len(token), text)
				return
			}
		}
	}
	// the readers: the change line of show cuts the old title
	for _, args := range [][]string{{"status"}, {"status", "--json"}, {"postings"}, {"postings", "--json"},
		{"show", "acme", "1"}, {"show", "acme", "1", "--json"}, {"report"}, {"report", "--format", "html"}} {
		code, stdout, stderr := runIn(t, cfg, args...)
		if code != 0 {
			t.Fatalf("%v: exit %d\n%s\n%s", args, code, stdout, stderr)
		}
		leaks(strings.Join(args, " "), stdout+stderr)
	}
	if _, stdout, _ := runIn(t, cfg, "show", "acme", "1"); !strings.Contains(stdout, "…") {
		t.Errorf("show printed no cut value (the test would not see a cut secret):\n%s", stdout)
	}

	// the events table's ids
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	rows, _ := conn.Query(ctx, `SELECT id FROM events ORDER BY id`)
	ids, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil || len(ids) != 4 { // 2 added; 1 changed, 1 added
		t.Fatalf("events: %v (%v), want 4", ids, err)
	}

	base := startCmd(t, &env{cfg: cfg}, "serve")
	api := newAPIChecker(t, base)
	var srcs struct {
		Sources []struct {
			Name string `json:"name"`
			Open int    `json:"open_postings"`
		} `json:"sources"`
	}
	api.check(t, base, "/api/v1/sources", 200, &srcs)
	if sources := srcs.Sources; len(sources) != 1 || sources[0].Name != "acme" || sources[0].Open != 3 {
		t.Errorf("/api/v1/sources: %+v, want acme with 3 open", sources)
	}
	var postings struct {
		Total    int `json:"total"`
		Postings []struct {
			ID    string `json:"id"`
			Title string `json:"title"`
		} `json:"postings"`
	}
	api.check(t, base, "/api/v1/sources/acme/postings", 200, &postings)
	if postings.Total != 3 || len(postings.Postings) != 3 {
		t.Errorf("/api/v1/sources/acme/postings: %+v, want 3", postings)
	}
	var detail struct {
		Open    bool `json:"open"`
		History []struct {
			Type string `json:"type"`
		} `json:"history"`
	}
	api.check(t, base, "/api/v1/sources/acme/postings/1", 200, &detail)
	if !detail.Open || len(detail.History) != 2 || detail.History[0].Type != "posting.changed" || detail.History[1].Type != "posting.added" {
		t.Errorf("/api/v1/sources/acme/postings/1: %+v, want open with changed, added", detail)
	}
	var events struct {
		Events []struct {
			ID string `json:"id"`
		} `json:"events"`
	}
	api.check(t, base, "/api/v1/events", 200, &events)
	var got []string
	for _, e := range events.Events {
		got = append(got, e.ID)
	}
	if len(got) != len(ids) || len(ids) == 0 {
		t.Errorf("/api/v1/events: ids %v, the events table has %v", got, ids)
	}
	for _, id := range got {
		if !strings.Contains(strings.Join(ids, " "), id) {
			t.Errorf("/api/v1/events: id %s is not in the events table %v", id, ids)
		}
	}
	// paged one event at a time with the answers' next cursors: the same
	// events in the same order, then no next (review s23 F17)
	var paged []string
	for before, i := "", 0; i <= len(ids); i++ {
		var page struct {
			Events []struct {
				ID string `json:"id"`
			} `json:"events"`
			Next string `json:"next"`
		}
		api.check(t, base, "/api/v1/events?limit=1&before="+url.QueryEscape(before), 200, &page)
		for _, e := range page.Events {
			paged = append(paged, e.ID)
		}
		if page.Next == "" {
			break
		}
		before = page.Next
	}
	if strings.Join(paged, " ") != strings.Join(got, " ") {
		t.Errorf("/api/v1/events paged by 1: %v, in one page: %v", paged, got)
	}
	if resp, body := get(t, base+"/api/v1/events?before=no-such-event"); resp.StatusCode != 400 {
		t.Errorf("/api/v1/events with an unknown cursor: %d %s", resp.StatusCode, body)
	}
	// a filtered feed reads the events table through the filter
	if resp, body := get(t, base+"/sources/acme/feed.atom?q=platform"); resp.StatusCode != 200 ||
		!strings.Contains(string(body), "Platform Engineer") || strings.Contains(string(body), "Analytics Engineer") {
		t.Errorf("filtered feed: %d\n%s", resp.StatusCode, body)
	}
	for path, want := range map[string]string{
		"/":                        "acme",
		"/sources/acme":            "Analytics Engineer",
		"/sources/acme/postings/1": "Senior Data Engineer",
		"/events":                  "Platform Engineer",
		"/feed.atom":               "<entry>",
		"/sources/acme/feed.atom":  "Platform Engineer",
		"/metrics":                 `watcher_open_postings{source="acme"} 3`,
		"/readyz":                  "ready",
		"/api/v1/sources/acme/postings?q=engineer": "Platform Engineer",
	} {
		resp, body := get(t, base+path)
		if resp.StatusCode != 200 || !strings.Contains(string(body), want) {
			t.Errorf("%s: %d, want %q in:\n%s", path, resp.StatusCode, want, body)
		}
		leaks(path, string(body))
	}
}
