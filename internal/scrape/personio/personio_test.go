package personio

import (
	"context"
	"errors"
	"net/http"
	"reflect"
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/config"
	"github.com/careers-watcher/careers-watcher/internal/model"
	"github.com/careers-watcher/careers-watcher/internal/scrape"
	"github.com/careers-watcher/careers-watcher/internal/scrape/scrapetest"
)

func client(attempts int) *scrape.Client { return scrapetest.Client(attempts, nil) }

// server answers /xml with what answer returns and counts those requests.
func server(t *testing.T, answer http.HandlerFunc) *scrapetest.Server {
	return scrapetest.Serve(t, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/xml" {
			http.NotFound(w, r)
			return
		}
		answer(w, r)
	})
}

func serve(body string) func(w http.ResponseWriter, r *http.Request) {
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/xml; charset=UTF-8")
		w.Write([]byte(body))
	}
}

func adapter(t *testing.T, base string, c *scrape.Client) *Personio {
	t.Helper()
	return scrapetest.NewSource(t, New, config.Source{Name: "acme-jobs", Type: "personio", URL: base, Settings: &scrape.Board{Board: "acme"}}, c)
}

// TestDecodeGolden: what the decode makes of the real fixture, whole.
func TestDecodeGolden(t *testing.T) {
	scrapetest.Decoded(t, "personio", "personio.xml", adapter(t, "https://acme.jobs.personio.de", client(1)).decodeList)
}

func TestNew(t *testing.T) {
	a, err := New(config.Source{Name: "x", Settings: &scrape.Board{Board: "Acme"}}, client(1))
	if err != nil || a.listURL() != "https://acme.jobs.personio.de/xml" {
		t.Fatalf("default host: %v %v", a, err)
	}
	a, err = New(config.Source{Name: "x", URL: "https://acme.jobs.personio.com/", Settings: &scrape.Board{Board: "acme"}}, client(1))
	if err != nil || a.listURL() != "https://acme.jobs.personio.com/xml" {
		t.Fatalf("url override: %v %v", a, err)
	}
	if _, err := New(config.Source{Name: "x"}, client(1)); err == nil || !strings.Contains(err.Error(), "board is required") {
		t.Fatalf("no board: %v", err)
	}
	if _, err := New(config.Source{Name: "x", Settings: &scrape.Board{Board: "a.b"}}, client(1)); err == nil {
		t.Fatal("a board that is no slug was accepted as a host name")
	}
}

// The real feed lists one position twice (and, as trimmed, without
// descriptions): one posting.
func TestRealFixture(t *testing.T) {
	b := scrapetest.Fixture(t, "personio.xml")
	var accept string
	srv := server(t, func(w http.ResponseWriter, r *http.Request) {
		accept = r.Header.Get("Accept")
		w.Write(b)
	})
	a := adapter(t, srv.URL, client(1))
	raws, err := a.List(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	want := model.Raw{
		ID:             "1834171",
		Title:          "Staff Software Engineer, Data Platform",
		URL:            srv.URL + "/job/1834171",
		Team:           "Product and Tech",
		Locations:      []string{"Munich", "Berlin"},
		EmploymentType: "permanent, full-time",
		Posted:         "2024-11-13",
		Complete:       true,
	}
	if len(raws) != 1 || !reflect.DeepEqual(raws[0], want) {
		t.Fatalf("got  %+v\nwant [%+v]", raws, want)
	}
	if srv.Requests() != 1 || !strings.Contains(accept, "xml") {
		t.Fatalf("%d requests, accept %q", srv.Requests(), accept)
	}
	if d, err := a.Detail(context.Background(), raws[0]); err != nil || !reflect.DeepEqual(d, raws[0]) || srv.Requests() != 1 {
		t.Fatalf("detail: %+v %v", d, err)
	}
}

func TestDescriptionsAndOffices(t *testing.T) {
	srv := server(t, serve(`<?xml version="1.0" encoding="UTF-8"?>
<workzag-jobs>
  <position>
    <id> 42 </id>
    <office>Berlin</office>
    <additionalOffices><office>Remote</office><office>Berlin</office></additionalOffices>
    <department></department>
    <recruitingCategory>Engineering</recruitingCategory>
    <name>Data Engineer (m/w/d)</name>
    <jobDescriptions>
      <jobDescription><name>Your mission</name><value><![CDATA[<ul><li>Build pipelines in Spark.</li></ul>]]></value></jobDescription>
      <jobDescription><name>Empty</name><value><![CDATA[]]></value></jobDescription>
      <jobDescription><name>Your profile &amp; skills</name><value><![CDATA[<ul><li>3+ years of Python &amp; SQL</li></ul>]]></value></jobDescription>
    </jobDescriptions>
    <employmentType>intern</employmentType>
    <schedule>part-time</schedule>
    <createdAt>2026-02-03T09:00:00+01:00</createdAt>
  </position>
  <position>
    <id>42</id>
    <office>Hamburg</office>
    <name>Data Engineer (m/w/d)</name>
  </position>
  <position>
    <id>43</id>
    <name>Office Manager</name>
  </position>
</workzag-jobs>`))
	raws, err := adapter(t, srv.URL, client(1)).List(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(raws) != 2 {
		t.Fatalf("got %d postings, want 2", len(raws))
	}
	r := raws[0]
	if r.ID != "42" || r.Team != "Engineering" || r.EmploymentType != "intern, part-time" || r.Posted != "2026-02-03" ||
		!reflect.DeepEqual(r.Locations, []string{"Berlin", "Remote", "Hamburg"}) || r.URL != srv.URL+"/job/42" {
		t.Errorf("first: %+v", r)
	}
	wantDesc := "<h2>Your mission</h2>\n<ul><li>Build pipelines in Spark.</li></ul>\n" +
		"<h2>Your profile &amp; skills</h2>\n<ul><li>3+ years of Python &amp; SQL</li></ul>"
	if r.DescriptionHTML != wantDesc {
		t.Errorf("description:\n got %q\nwant %q", r.DescriptionHTML, wantDesc)
	}
	if o := raws[1]; o.ID != "43" || o.Team != "" || o.Locations != nil || o.Posted != "" || o.DescriptionHTML != "" || !o.Complete {
		t.Errorf("second: %+v", o)
	}
}

func TestListFailures(t *testing.T) {
	scrapetest.CheckListFailures(t, `personio: board "acme": `, func(t *testing.T, status int, body string, tries int) scrapetest.Listing {
		srv := server(t, scrapetest.Body(status, body))
		raws, err := adapter(t, srv.URL, client(tries)).List(context.Background())
		return scrapetest.Listing{Raws: raws, Err: err, Requests: srv.Requests(), Mention: srv.URL + "/xml"}
	}, []scrapetest.Failure{
		{Name: "server error after retries", Status: 500, Body: "oops", Tries: 2, Want: "status 500", Requests: 2},
		{Name: "rate limited", Status: 429, Body: "", Tries: 2, Want: "status 429", Requests: 2},
		{Name: "html page with 200", Status: 200, Body: "<!DOCTYPE html>\n<html><head><title>Personio</title></head><body>Not here</body></html>", Tries: 2, Want: "invalid XML", Requests: 1},
		{Name: "body cut short", Status: 200, Body: "<?xml version='1.0' encoding='UTF-8'?>\n<workzag-jobs><position><id>1</id><name>A</na", Tries: 2, Want: "invalid XML", Requests: 1},
		{Name: "json", Status: 200, Body: `{"jobs": []}`, Tries: 2, Want: "invalid XML", Requests: 1},
		{Name: "empty body", Status: 200, Body: "", Tries: 2, Want: "invalid XML", Requests: 1},
		{Name: "position without id", Status: 200, Body: "<workzag-jobs><position><id>1</id></position><position><name>B</name></position></workzag-jobs>", Tries: 2, Want: "position 2: no id", Requests: 1},
	})
}

func TestBoardNotFound(t *testing.T) {
	srv := server(t, func(w http.ResponseWriter, r *http.Request) { http.NotFound(w, r) })
	_, err := adapter(t, srv.URL, client(3)).List(context.Background())
	if err == nil || err.Error() != `personio: board "acme": not found (404)` {
		t.Fatalf("err = %v", err)
	}
	if srv.Requests() != 1 {
		t.Fatalf("a 404 was retried: %d requests", srv.Requests())
	}
}

func TestEmptyFeed(t *testing.T) {
	srv := server(t, serve(`<?xml version="1.0" encoding="UTF-8"?><workzag-jobs></workzag-jobs>`))
	raws, err := adapter(t, srv.URL, client(1)).List(context.Background())
	if err != nil || len(raws) != 0 {
		t.Fatalf("got %v, %v", raws, err)
	}
}

func TestLatin1Feed(t *testing.T) {
	srv := server(t, serve("<?xml version='1.0' encoding='ISO-8859-1'?><workzag-jobs><position><id>7</id><office>M\xfcnchen</office><name>K\xf6chin</name></position></workzag-jobs>"))
	raws, err := adapter(t, srv.URL, client(1)).List(context.Background())
	if err != nil || len(raws) != 1 || raws[0].Title != "Köchin" || raws[0].Locations[0] != "München" {
		t.Fatalf("got %+v, %v", raws, err)
	}
}

func TestNotModified(t *testing.T) {
	var inm []string
	srv := server(t, func(w http.ResponseWriter, r *http.Request) {
		inm = append(inm, r.Header.Get("If-None-Match"))
		if r.Header.Get("If-None-Match") == `W/"abc"` {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", `W/"abc"`)
		w.Write([]byte(`<workzag-jobs><position><id>1</id><name>A</name></position></workzag-jobs>`))
	})
	pool := scrape.NewPool(context.Background(), scrapetest.Options(1))
	v := scrape.Validators{}
	if raws, err := adapter(t, srv.URL, pool.Client(v)).List(context.Background()); err != nil || len(raws) != 1 {
		t.Fatalf("first: %v %v", raws, err)
	}
	if _, err := adapter(t, srv.URL, pool.Client(v)).List(context.Background()); !errors.Is(err, scrape.ErrNotModified) {
		t.Fatalf("second: err = %v, want ErrNotModified", err)
	}
	if !reflect.DeepEqual(inm, []string{"", `W/"abc"`}) {
		t.Fatalf("If-None-Match sent: %q", inm)
	}
}
