package eightfold

import (
	"context"
	"fmt"
	"net/http"
	"reflect"
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/config"
	"github.com/careers-watcher/careers-watcher/internal/model"
	"github.com/careers-watcher/careers-watcher/internal/scrape/eightfold/fake"
	"github.com/careers-watcher/careers-watcher/internal/scrape/scrapetest"
)

func adapterIn(t *testing.T, srv *fake.Server, teams []string, iface string) *Eightfold {
	t.Helper()
	return scrapetest.NewSource(t, New, config.Source{Name: "nf", Type: "eightfold", URL: srv.URL, Settings: &Config{Domain: srv.Domain, Teams: teams, Interface: iface}}, client(t, 1))
}

func TestPCSXListPagesTeamsAndCount(t *testing.T) {
	all := append(jobs(23, "Data & Insights"), jobs(5, "Studio")...)
	for i := range all[23:] {
		all[23+i].ID += 1000
	}
	srv := fake.New(t, "netflix.com", all)
	srv.SetInterfaces(fake.PCSXOnly)
	a := adapterIn(t, srv, []string{"Data & Insights", "Product"}, "pcsx")
	raws, err := a.List(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(raws) != 23 || a.Interface() != PCSX {
		t.Fatalf("got %d postings through %q, want 23 through pcsx", len(raws), a.Interface())
	}
	reqs := srv.Requests()
	if len(reqs) != 3 {
		t.Fatalf("got %d requests, want 3 pages of 10 (no apply request when pcsx is configured)", len(reqs))
	}
	for i, r := range reqs {
		if r.Path != "/api/pcsx/search" || r.Query["start"][0] != fmt.Sprint(i*10) || r.Query["num"][0] != "10" || r.Query["domain"][0] != "netflix.com" {
			t.Errorf("request %d: %s %v", i, r.Path, r.Query)
		}
		if got := r.Query["filter_department"]; len(got) != 2 || got[0] != "Data & Insights" || got[1] != "Product" {
			t.Errorf("request %d: filter_department = %q, want both teams as repeated keys", i, got)
		}
	}
	r := raws[0]
	if r.ID != "790000000000" || r.Title != "Data Engineer 0 (L5)" || !strings.HasPrefix(r.Stamp, "pcsx:1760100000:") || r.Team != "Data & Insights" ||
		r.RequisitionID != "JR00000" || r.Posted != "2025-10-09" || r.Complete || r.URL != srv.URL+"/careers/job/790000000000" ||
		r.Workplace != "onsite" || len(r.Locations) != 1 {
		t.Fatalf("raw: %+v", r)
	}
}

// pcsxServer answers the pcsx search from rows with the real envelope: ten
// from start whatever num says, count on every page; it ignores
// filter_department (a tenant whose department facet is named otherwise).
func pcsxServer(t *testing.T, rows []string, count int, page func(start int) string) *scrapetest.Server {
	return scrapetest.Serve(t, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/api/pcsx/search" {
			http.NotFound(w, r)
			return
		}
		start := 0
		fmt.Sscan(r.URL.Query().Get("start"), &start)
		if page != nil {
			if b := page(start); b != "" {
				fmt.Fprint(w, b)
				return
			}
		}
		var p []string
		for i := start; i < len(rows) && i < start+10; i++ {
			p = append(p, rows[i])
		}
		fmt.Fprintf(w, `{"status": 200, "error": {"message": "", "body": ""}, "data": {"positions": [%s], "count": %d}}`, strings.Join(p, ","), count)
	})
}

func pcsxRows(n int, dept func(i int) string) []string {
	var rows []string
	for i := 0; i < n; i++ {
		rows = append(rows, fmt.Sprintf(`{"id": %d, "name": "Job %d", "department": %q, "postedTs": 1760000000, "positionUrl": "/careers/job/%d"}`, 100+i, i, dept(i), 100+i))
	}
	return rows
}

func TestPCSXFilterIgnoredByTheServerIsAppliedHere(t *testing.T) {
	rows := pcsxRows(28, func(i int) string {
		if i%4 == 0 {
			return "Studio"
		}
		return "data & insights " // case and spaces as a tenant may write them
	})
	srv := pcsxServer(t, rows, 28, nil)
	a := scrapetest.NewSource(t, New, config.Source{Name: "x", URL: srv.URL, Settings: &Config{Domain: "d", Teams: []string{"Data & Insights"}, Interface: "pcsx"}}, client(t, 1))
	raws, err := a.List(context.Background())
	if err != nil || len(raws) != 21 {
		t.Fatalf("got %d postings, %v; want the 21 of the team out of the whole board of 28", len(raws), err)
	}
}

func TestPCSXShortListingIsAnError(t *testing.T) {
	srv := fake.New(t, "netflix.com", jobs(25, "D"))
	srv.SetInterfaces(fake.PCSXOnly)
	srv.FailList(func(start int) (int, string) {
		if start == 10 {
			return 200, `{"status": 200, "error": {"message": "", "body": ""}, "data": {"positions": [], "count": 25}}`
		}
		return 0, ""
	})
	raws, err := adapterIn(t, srv, nil, "pcsx").List(context.Background())
	if err == nil || !strings.Contains(err.Error(), "after 10 of 25 postings") || raws != nil {
		t.Fatalf("err = %v (%d postings), want an incomplete listing", err, len(raws))
	}
}

func TestPCSXFailures(t *testing.T) {
	cases := []struct{ name, body, want string }{
		{"no count", `{"status": 200, "data": {"positions": [{"id": 1, "name": "A"}]}}`, "no count"},
		{"error in the envelope", `{"status": 200, "error": {"message": "rate limited", "body": ""}, "data": {"positions": [], "count": 0}}`, "rate limited"},
		{"status in the envelope", `{"status": 500, "error": {"message": ""}, "data": null}`, "status 500"},
		{"no data", `{"status": 200, "error": {"message": "", "body": ""}}`, "no data"},
		{"html with 200", `<html><body>Please wait</body></html>`, "invalid JSON"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			srv := pcsxServer(t, nil, 0, func(int) string { return c.body })
			a := scrapetest.NewSource(t, New, config.Source{Name: "x", URL: srv.URL, Settings: &Config{Domain: "d", Interface: "pcsx"}}, client(t, 1))
			raws, err := a.List(context.Background())
			if err == nil || !strings.Contains(err.Error(), c.want) || raws != nil {
				t.Fatalf("err = %v, want one naming %q", err, c.want)
			}
		})
	}
}

func TestPCSXEmptyBoardIsEmpty(t *testing.T) {
	srv := pcsxServer(t, nil, 0, nil)
	a := scrapetest.NewSource(t, New, config.Source{Name: "x", URL: srv.URL, Settings: &Config{Domain: "d", Interface: "pcsx"}}, client(t, 1))
	raws, err := a.List(context.Background())
	if err != nil || len(raws) != 0 {
		t.Fatalf("got %d, %v", len(raws), err)
	}
}

// The tenant refuses the interface tried first: the adapter switches, in
// either direction, and says so; a refusal is never an empty board.
func TestRefusalsSwitchBothWays(t *testing.T) {
	cases := []struct {
		name      string
		allow     string
		status    int    // apply refusal status (PCSXOnly)
		state     string // saved state
		want      string
		refusedIn string
	}{
		{"apply refused with 403, no state", fake.PCSXOnly, 403, "", PCSX, fake.ApplyOnly},
		{"apply refused with 200, no state", fake.PCSXOnly, 200, "", PCSX, fake.ApplyOnly},
		{"apply refused, state apply", fake.PCSXOnly, 403, `{"interface":"apply"}`, PCSX, fake.ApplyOnly},
		{"pcsx refused, state pcsx", fake.ApplyOnly, 0, `{"interface":"pcsx"}`, Apply, fake.PCSXOnly},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			srv := fake.New(t, "netflix.com", jobs(12, "Data & Insights"))
			srv.SetInterfaces(c.allow)
			if c.status != 0 {
				srv.SetApplyRefusalStatus(c.status)
			}
			a := adapterIn(t, srv, []string{"Data & Insights"}, "")
			if c.state != "" {
				a.LoadState([]byte(c.state))
			}
			raws, err := a.List(context.Background())
			if err != nil || len(raws) != 12 {
				t.Fatalf("got %d postings, %v", len(raws), err)
			}
			if a.Interface() != c.want || !a.Reshaped() || string(a.SaveState()) != `{"interface":"`+c.want+`"}` {
				t.Fatalf("interface %q, reshaped %v, state %s", a.Interface(), a.Reshaped(), a.SaveState())
			}
			if l, _ := srv.CountIn(c.refusedIn); l != 1 {
				t.Fatalf("%d list requests to the refused interface, want 1", l)
			}
			d, err := a.Detail(context.Background(), raws[3])
			if err != nil || d.DescriptionHTML != "<p>Job 3</p>" || !d.Complete || d.Stamp != raws[3].Stamp {
				t.Fatalf("detail through %s: %+v, %v", c.want, d, err)
			}
			if _, n := srv.CountIn(c.refusedIn); n != 0 {
				t.Fatalf("%d detail requests to the refused interface", n)
			}
		})
	}
}

// The next run starts with the remembered interface: no request to the
// refused one, and no reshaping.
func TestRememberedInterfaceIsUsedFirst(t *testing.T) {
	srv := fake.New(t, "netflix.com", jobs(15, "D"))
	srv.SetInterfaces(fake.PCSXOnly)
	first := adapterIn(t, srv, nil, "")
	if _, err := first.List(context.Background()); err != nil {
		t.Fatal(err)
	}
	al, _ := srv.CountIn(fake.ApplyOnly)
	pl, _ := srv.CountIn(fake.PCSXOnly)
	if al != 1 || pl != 2 {
		t.Fatalf("first run: %d apply, %d pcsx list requests; want 1 refused and 2 pages", al, pl)
	}
	next := adapterIn(t, srv, nil, "")
	next.LoadState(first.SaveState())
	raws, err := next.List(context.Background())
	if err != nil || len(raws) != 15 {
		t.Fatal(len(raws), err)
	}
	al2, _ := srv.CountIn(fake.ApplyOnly)
	pl2, _ := srv.CountIn(fake.PCSXOnly)
	if al2 != al || pl2 != pl+2 || next.Reshaped() {
		t.Fatalf("second run: %d apply, %d pcsx list requests, reshaped %v; want none to apply and 2 pages of pcsx", al2-al, pl2-pl, next.Reshaped())
	}
	// A state it cannot read is no state: apply first again.
	again := adapterIn(t, srv, nil, "")
	again.LoadState([]byte("{not json"))
	if _, err := again.List(context.Background()); err != nil || !again.Reshaped() {
		t.Fatalf("err %v, reshaped %v", err, again.Reshaped())
	}
}

func TestConfiguredInterfaceIsNotSwitched(t *testing.T) {
	srv := fake.New(t, "netflix.com", jobs(3, "D"))
	srv.SetInterfaces(fake.PCSXOnly)
	a := adapterIn(t, srv, nil, "apply")
	raws, err := a.List(context.Background())
	if err == nil || raws != nil || !strings.Contains(err.Error(), "Not authorized for PCSX") || !strings.Contains(err.Error(), "interface: apply is configured") {
		t.Fatalf("err = %v", err)
	}
	if l, _ := srv.CountIn(fake.PCSXOnly); l != 0 || a.SaveState() != nil {
		t.Fatalf("%d pcsx requests, state %s", l, a.SaveState())
	}
}

// Other failures are not refusals: no switch, the source fails.
func TestOtherFailuresDoNotSwitch(t *testing.T) {
	for _, c := range []struct {
		status int
		body   string
	}{
		{403, `<html>Access denied</html>`},
		{403, `{"message": "Forbidden"}`},
		{404, `{"message": "Not authorized for PCSX"}`},
		{200, `<html><body>Something went wrong</body></html>`},
	} {
		srv := fake.New(t, "netflix.com", jobs(3, "D"))
		srv.FailList(func(int) (int, string) { return c.status, c.body })
		a := adapterIn(t, srv, nil, "")
		raws, err := a.List(context.Background())
		if err == nil || raws != nil {
			t.Fatalf("%d %s: err = %v", c.status, c.body, err)
		}
		if l, _ := srv.CountIn(fake.PCSXOnly); l != 0 {
			t.Fatalf("%d %s: switched to pcsx on %v", c.status, c.body, err)
		}
	}
}

func TestBothRefusedIsAnError(t *testing.T) {
	srv := scrapetest.Serve(t, func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(403)
		if strings.HasPrefix(r.URL.Path, "/api/pcsx/") {
			fmt.Fprint(w, fake.PCSXRefusal)
		} else {
			fmt.Fprint(w, fake.ApplyRefusal)
		}
	})
	a := scrapetest.NewSource(t, New, config.Source{Name: "x", URL: srv.URL, Settings: &Config{Domain: "d"}}, client(t, 1))
	raws, err := a.List(context.Background())
	if err == nil || raws != nil || !strings.Contains(err.Error(), "neither listing interface answers") {
		t.Fatalf("err = %v", err)
	}
}

// The same posting read through either interface is the same model.Raw
// but for the stamp: a tenant that switches produces no change.
func TestBothInterfacesGiveTheSamePostings(t *testing.T) {
	js := jobs(12, "Data & Insights")
	js[4].Locations = append(js[4].Locations, "USA - Remote")
	js[5].WorkLocationOption = "remote_local"
	read := func(allow, iface string) []model.Raw {
		srv := fake.New(t, "netflix.com", js)
		srv.SetInterfaces(allow)
		a, err := New(config.Source{Name: "nf", URL: srv.URL, Settings: &Config{Domain: "netflix.com", Teams: []string{"Data & Insights"}, Interface: iface}}, client(t, 1))
		if err != nil {
			t.Fatal(err)
		}
		raws, err := a.List(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		for i, r := range raws {
			if raws[i], err = a.Detail(context.Background(), r); err != nil {
				t.Fatal(err)
			}
			raws[i].Stamp = ""
			// the fake's canonical URL is the real host's in both
			// interfaces; its search's positionUrl is relative
		}
		return raws
	}
	apply, pcsx := read(fake.ApplyOnly, "apply"), read(fake.PCSXOnly, "pcsx")
	for i := range apply {
		// the apply interface's type is "" in the fake; pcsx has none
		if !reflect.DeepEqual(apply[i], pcsx[i]) {
			t.Fatalf("posting %d differs:\napply %+v\npcsx  %+v", i, apply[i], pcsx[i])
		}
	}
}

func TestPCSXStampFollowsListedFields(t *testing.T) {
	js := jobs(2, "D")
	srv := fake.New(t, "netflix.com", js)
	a := adapterIn(t, srv, nil, "pcsx")
	before, _ := a.List(context.Background())
	again, _ := a.List(context.Background())
	js[1].Name = "Senior Data Engineer 1 (L6)"
	srv.SetJobs(js)
	after, _ := a.List(context.Background())
	if before[0].Stamp != again[0].Stamp || before[0].Stamp != after[0].Stamp || before[1].Stamp == after[1].Stamp {
		t.Fatalf("stamps %q %q %q / %q %q", before[0].Stamp, again[0].Stamp, after[0].Stamp, before[1].Stamp, after[1].Stamp)
	}
}

func TestPCSXDetailFailures(t *testing.T) {
	srv := fake.New(t, "netflix.com", jobs(2, "D"))
	a := adapterIn(t, srv, nil, "pcsx")
	raws, err := a.List(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	srv.SetJobs(jobs(1, "D")) // the second is gone by the time its detail is asked
	if _, err := a.Detail(context.Background(), raws[1]); err == nil || !strings.Contains(err.Error(), "status 404") {
		t.Fatalf("err = %v", err)
	}
	if reqs := srv.Requests(); reqs[len(reqs)-1].Path != "/api/pcsx/position_details" || reqs[len(reqs)-1].Query["position_id"][0] != raws[1].ID {
		t.Fatalf("detail request %+v", reqs[len(reqs)-1])
	}
}

// TestPCSXDecodeGolden: what the decodes make of the pcsx fixtures, whole.
func TestPCSXDecodeGolden(t *testing.T) {
	e := &Eightfold{base: "https://explore.jobs.netflix.net"}
	pg, err := e.decodePCSXPage(scrapetest.Fixture(t, "pcsx_search.json"))
	if err != nil {
		t.Fatal(err)
	}
	scrapetest.Golden(t, "pcsx_search", pg.Postings)
	if pg.Total != 3 {
		t.Errorf("count %d, want 3", pg.Total)
	}
	d, err := e.decodePCSXDetail(scrapetest.Fixture(t, "pcsx_position_details.json"), "790311790101")
	if err != nil {
		t.Fatal(err)
	}
	scrapetest.Golden(t, "pcsx_position_details", d)
}

// The fixtures are in the shape the real pcsx endpoints answer (see
// testdata/README.md).
func TestPCSXFixtures(t *testing.T) {
	search := scrapetest.Fixture(t, "pcsx_search.json")
	details := scrapetest.Fixture(t, "pcsx_position_details.json")
	srv := scrapetest.Serve(t, func(w http.ResponseWriter, r *http.Request) {
		switch {
		case r.URL.Path == "/api/pcsx/search" && r.URL.Query().Get("start") == "0":
			w.Write(search)
		case r.URL.Path == "/api/pcsx/position_details" && r.URL.Query().Get("position_id") == "790311790101" && r.URL.Query().Get("hl") == "en":
			w.Write(details)
		default:
			http.NotFound(w, r)
		}
	})
	a := scrapetest.NewSource(t, New, config.Source{Name: "nf", URL: srv.URL, Settings: &Config{Domain: "netflix.com", Interface: "pcsx"}}, client(t, 1))
	raws, err := a.List(context.Background())
	if err != nil || len(raws) != 3 {
		t.Fatalf("got %d postings, %v", len(raws), err)
	}
	r := raws[0]
	if r.ID != "790311790101" || r.Title != "Analytics Engineer (L5) - Content & Studio" || len(r.Locations) != 2 || r.Team != "Data & Insights" ||
		r.RequisitionID != "JR30101" || r.Workplace != "hybrid" || r.Posted != "2026-09-18" || r.URL != srv.URL+"/careers/job/790311790101" ||
		!strings.HasPrefix(r.Stamp, "pcsx:1791158400:") || r.Complete {
		t.Fatalf("raw: %+v", r)
	}
	if raws[1].Workplace != "remote_local" || raws[2].Team != "" {
		t.Fatalf("raws: %+v %+v", raws[1], raws[2])
	}
	d, err := a.Detail(context.Background(), r)
	if err != nil || !strings.Contains(d.DescriptionHTML, "4+ years of experience with SQL") || d.URL != "https://explore.jobs.netflix.net/careers/job/790311790101" || d.Stamp != r.Stamp {
		t.Fatalf("detail: %+v, %v", d, err)
	}
}
