package watch

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
	"time"

	"github.com/careers-watcher/careers-watcher/internal/scrape/eightfold/fake"
)

// Review s25b B1: the detail loop walks the listing in its order every
// run, so a board whose postings carry no stamp (html with
// selectors.description, workable, jsonld links) asks the same first
// details every run; once the budget is spent at the same place each run,
// a new posting listed after it is never recorded, though the log says
// "fetched next run". Here the first posting's page takes longer than the
// whole budget (the request itself is never cut short) and the second,
// new one, is fast: it must be recorded within a few runs.
func TestReview25b_BudgetStarvesStamplessPostingsAfterTheCut(t *testing.T) {
	var second atomic.Bool // the listing shows the new posting
	var bAsked atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		switch r.URL.Path {
		case "/jobs":
			io.WriteString(w, `<html><body><ul><li><a href="/jobs/a">Data Engineer</a></li>`)
			if second.Load() {
				io.WriteString(w, `<li><a href="/jobs/b">Site Reliability Engineer</a></li>`)
			}
			io.WriteString(w, "</ul></body></html>")
		case "/jobs/a":
			// a board that answers this page slowly: the request takes more
			// than the source's whole budget
			time.Sleep(400 * time.Millisecond)
			io.WriteString(w, `<html><body><div class="d">SQL and Python</div></body></html>`)
		case "/jobs/b":
			bAsked.Add(1)
			io.WriteString(w, `<html><body><div class="d">Kubernetes and Go</div></body></html>`)
		default:
			http.NotFound(w, r)
		}
	}))
	t.Cleanup(srv.Close)
	cfg := parseConfig(t, t.TempDir(), fmt.Sprintf(`snapshots: snaps
http: {per_host_delay: 1ms, retries: 1, source_budget: 300ms}
sources:
  - {name: board, type: html, url: %q, selectors: {item: li, title: a, link: a, description: div.d}}
`, srv.URL+"/jobs"), nil)
	r := quietRunner(t, cfg, Options{})
	if res := run(t, r, cfg); res.Sources[0].Added != 1 {
		t.Fatalf("first run: %+v", res.Sources[0])
	}
	second.Store(true)
	added := 0
	for i := 0; i < 4 && added == 0; i++ {
		added = run(t, r, cfg).Sources[0].Added
	}
	if added != 1 {
		t.Fatalf("the new posting listed after the slow one was never recorded in 4 runs (its page asked %d times): every run spends the budget on the same first detail", bAsked.Load())
	}
}

// Review s25b B2: the shrink guard's second fetch of a source makes a new
// client with a new budget, so one run of a source may take twice
// http.source_budget in requests (and the pause between): a poll of a
// slow board whose listing shrank runs past --poll-timeout (30m against
// 2 x 20m), which the budget was set below to avoid (docs/fleet.md).
// Here the first fetch spends the budget; the guard's fetch, in the same
// run, still sends its listing request.
func TestReview25b_ShrinkGuardRefetchGetsAFreshBudget(t *testing.T) {
	nf := fake.New(t, "netflix.com", []fake.Job{job(1), job(2), job(3)})
	cfg := parseConfig(t, t.TempDir(), fmt.Sprintf("snapshots: snaps\nguard: {shrink_pause: 1ms}\nhttp: {per_host_delay: 1ms, retries: 1, source_budget: 1h}\nsources:\n  - {name: nf, type: eightfold, url: %q, domain: netflix.com}\n", nf.URL), nil)
	r := quietRunner(t, cfg, Options{})
	if res := run(t, r, cfg); res.Sources[0].Added != 3 {
		t.Fatalf("first run: %+v", res.Sources[0])
	}
	nf.SetJobs(nil) // an empty listing: the guard fetches it again
	cfg.HTTP.SourceBudget = time.Nanosecond
	before, _ := nf.Count()
	if _, err := r.Run(context.Background(), cfg.Sources); err != nil {
		t.Fatal(err)
	}
	after, _ := nf.Count()
	if n := after - before; n != 1 {
		t.Fatalf("%d listing requests in one run whose source's budget was spent by the first: the guard's fetch had a budget of its own", n)
	}
}

// Review s25b B3: a run under new normalizer rules asks every posting's
// detail again (the stamp shortcut needs the index's normalizer to be the
// running one); the postings whose detail it could not ask (the budget
// spent, or a detail failure) are kept with their old stamp, but the
// index is saved under the new version, so the next run keeps them by
// their stamp: they are never built under the new rules until the board
// changes them. A slow board's upgrade thus leaves every posting after
// the budget's cut on the old rules, silently (fetch.go's comment says
// "so the next run asks again").
func TestReview25b_UpgradeRunCutByTheBudgetNeverRebuildsTheRest(t *testing.T) {
	nf := fake.New(t, "netflix.com", []fake.Job{job(1), job(2), job(3)})
	cfg := parseConfig(t, t.TempDir(), fmt.Sprintf("snapshots: snaps\nhttp: {per_host_delay: 1ms, retries: 1, source_budget: 1h}\nsources:\n  - {name: nf, type: eightfold, url: %q, domain: netflix.com}\n", nf.URL), nil)
	r := quietRunner(t, cfg, Options{})
	if res := run(t, r, cfg); res.Sources[0].Added != 3 {
		t.Fatalf("first run: %+v", res.Sources[0])
	}
	idx, err := r.store.LoadIndex("nf")
	if err != nil {
		t.Fatal(err)
	}
	idx.Normalizer = "0000000000000000" // new rules since
	if _, err := r.store.SaveIndex("nf", idx); err != nil {
		t.Fatal(err)
	}
	// the upgrade run: the listing is read, then the budget is spent
	cfg.HTTP.SourceBudget = time.Nanosecond
	if sr := run(t, r, cfg).Sources[0]; sr.DetailFailures != 3 {
		t.Fatalf("upgrade run with its budget spent: %+v", sr)
	}
	// the next run, with time to spare, must build them under the new rules
	cfg.HTTP.SourceBudget = time.Hour
	before := detailRequests(nf)
	run(t, r, cfg)
	if n := detailRequests(nf) - before; n != 3 {
		t.Fatalf("%d of 3 postings asked again after an upgrade run that could not ask them: they stay on the old rules", n)
	}
}

// Review s25b B4: the shrink guard counts the run's items, and a new
// posting whose detail the spent budget left unasked is no item: a board
// that replaced its postings (new ids for the same jobs, a reorganised
// board) and answers slowly is held as a listing that "came back empty"
// or "shrank", a source.suspicious incident is sent, nothing is written,
// and the next run, cut at the same place, does the same: the listing
// itself never shrank.
func TestReview25b_BudgetCutIsReadAsAShrunkListing(t *testing.T) {
	nf := fake.New(t, "netflix.com", jobs(10))
	cfg := parseConfig(t, t.TempDir(), fmt.Sprintf("snapshots: snaps\nguard: {shrink_pause: 1ms}\nhttp: {per_host_delay: 1ms, retries: 1, source_budget: 1h}\nsources:\n  - {name: nf, type: eightfold, url: %q, domain: netflix.com}\n", nf.URL), nil)
	r := quietRunner(t, cfg, Options{})
	if res := run(t, r, cfg); res.Sources[0].Added != 10 {
		t.Fatalf("first run: %+v", res.Sources[0])
	}
	renumbered := make([]fake.Job, 10)
	for i := range renumbered {
		renumbered[i] = job(i + 101) // ten postings still, under new ids
	}
	nf.SetJobs(renumbered)
	cfg.HTTP.SourceBudget = time.Nanosecond // the listing is read, no detail
	res, err := r.Run(context.Background(), cfg.Sources)
	if err != nil {
		t.Fatal(err)
	}
	if sr := res.Sources[0]; sr.Suspicious {
		t.Fatalf("a listing of 10 postings whose new postings' details the budget left unasked is held as shrunk: %v", sr.Err)
	}
}

// Review s25b B1b: a jsonld links source reads its posting pages in its
// listing; on its first run (no id memory) one page not read fails the
// source, so a board whose posting pages take longer in total than the
// budget fails every run at the same page and never records a posting
// (without the budget it was slow, and recorded them all).
func TestReview25b_BudgetFailsAJSONLDLinksBoardForGood(t *testing.T) {
	page := func(ident, title string) string {
		return fmt.Sprintf(`<html><head><script type="application/ld+json">{"@type":"JobPosting","identifier":%q,"title":%q,"description":"<p>Requirements: SQL and Python.</p>"}</script></head></html>`, ident, title)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		switch r.URL.Path {
		case "/careers":
			io.WriteString(w, `<html><body><a href="/careers/job/1">1</a><a href="/careers/job/2">2</a></body></html>`)
		case "/careers/job/1":
			time.Sleep(400 * time.Millisecond) // slower than the whole budget
			io.WriteString(w, page("J-1", "Analyst"))
		case "/careers/job/2":
			io.WriteString(w, page("J-2", "Engineer"))
		default:
			http.NotFound(w, r)
		}
	}))
	t.Cleanup(srv.Close)
	cfg := parseConfig(t, t.TempDir(), fmt.Sprintf(`snapshots: snaps
http: {per_host_delay: 1ms, retries: 1, source_budget: 300ms}
sources:
  - {name: lk, type: jsonld, url: %q, links: "/careers/job/\\d+"}
`, srv.URL+"/careers"), nil)
	r := quietRunner(t, cfg, Options{})
	added := 0
	var last error
	for i := 0; i < 3 && added < 2; i++ {
		res, err := r.Run(context.Background(), cfg.Sources)
		if err != nil {
			t.Fatal(err)
		}
		added += res.Sources[0].Added
		last = res.Sources[0].Err
	}
	if added < 2 {
		t.Fatalf("%d of 2 postings recorded in 3 runs; last error: %v", added, last)
	}
}
