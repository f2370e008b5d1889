package oracle

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
	"github.com/careers-watcher/careers-watcher/internal/scrape"
	"github.com/careers-watcher/careers-watcher/internal/scrape/scrapetest"
)

func TestDecodeListGolden(t *testing.T) {
	p, err := decodeList(scrapetest.Fixture(t, "oracle_orc.json"))
	if err != nil {
		t.Fatal(err)
	}
	scrapetest.Golden(t, "oracle_orc", p.Raws)
	if p.Total != -1 || len(p.Raws) != 2 {
		t.Fatalf("total %d, %d postings", p.Total, len(p.Raws))
	}
	r := p.Raws[1]
	if r.ID != "26876" || r.Posted != "2026-08-07" || len(r.Locations) != 5 || r.Locations[0] != "SAN FRANCISCO, CA, United States" ||
		r.Locations[4] != "IRVINE, CA, United States" || r.Complete || r.Stamp == "" || r.Stamp == p.Raws[0].Stamp {
		t.Fatalf("raw: %+v", r)
	}
}

func TestDecodeDetailGolden(t *testing.T) {
	r, err := decodeDetail(scrapetest.Fixture(t, "oracle_orc_detail.json"))
	if err != nil {
		t.Fatal(err)
	}
	scrapetest.Golden(t, "oracle_orc_detail", []model.Raw{r})
	want := "<p>Lead enterprise systems delivery.</p>\n<h3>Responsibilities</h3>\n<ul><li>Own the implementation roadmap.</li></ul>\n" +
		"<h3>Qualifications</h3>\n<p>Five years of CRM delivery experience.</p>"
	if r.ID != "2026001760" || r.DescriptionHTML != want || r.Workplace != "Hybrid" || r.Posted != "2026-08-19" || !r.Complete {
		t.Fatalf("raw: %+v", r)
	}
	// the real answer wraps the requisition in items
	wrapped := append(append([]byte(`{"items": [`), scrapetest.Fixture(t, "oracle_orc_detail.json")...), []byte(`], "count": 1}`)...)
	w, err := decodeDetail(wrapped)
	if err != nil || fmt.Sprintf("%+v", w) != fmt.Sprintf("%+v", r) {
		t.Fatalf("wrapped: %+v, %v", w, err)
	}
	// only a short description: it stands in
	s, err := decodeDetail([]byte(`{"items": [{"Id": "1", "ShortDescriptionStr": "<p>short</p>", "JobSchedule": "Full time"}]}`))
	if err != nil || s.DescriptionHTML != "<p>short</p>" || s.EmploymentType != "Full time" {
		t.Fatalf("short: %+v, %v", s, err)
	}
}

// site serves a fake Oracle site: list pages cut from reqs by the finder's
// offset and limit (at most cap a page), details from details by Id.
type site struct {
	mu       sync.Mutex
	reqs     []map[string]any
	total    bool // send TotalJobsCount
	pageCap  int
	details  map[string]string
	listHits int
	detHits  int
	listBody func(offset int) (int, string) // overrides the list answer when not nil
}

func (s *site) serve(t *testing.T) *scrapetest.Server {
	return scrapetest.Serve(t, func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		defer s.mu.Unlock()
		// url.Query drops pairs with a ";" (Go 1.17+): read the raw query
		q := map[string]string{}
		for _, kv := range strings.Split(r.URL.RawQuery, "&") {
			k, v, _ := strings.Cut(kv, "=")
			v, _ = url.QueryUnescape(v)
			q[k] = v
		}
		finder := q["finder"]
		params := map[string]string{}
		name, rest, _ := strings.Cut(finder, ";")
		for _, kv := range strings.Split(rest, ",") {
			k, v, _ := strings.Cut(kv, "=")
			params[k] = v
		}
		switch r.URL.Path {
		case "/hcmRestApi/resources/latest/recruitingCEJobRequisitions":
			s.listHits++
			if name != "findReqs" || params["siteNumber"] != "CX" || q["onlyData"] != "true" {
				http.NotFound(w, r)
				return
			}
			offset, _ := strconv.Atoi(params["offset"])
			limit, _ := strconv.Atoi(params["limit"])
			if s.listBody != nil {
				scrapetest.Body(s.listBody(offset))(w, r)
				return
			}
			if s.pageCap > 0 && limit > s.pageCap {
				limit = s.pageCap
			}
			end := min(offset+limit, len(s.reqs))
			page := []map[string]any{}
			if offset < len(s.reqs) {
				page = s.reqs[offset:end]
			}
			item := map[string]any{"requisitionList": page}
			if s.total {
				item["TotalJobsCount"] = len(s.reqs)
			}
			json.NewEncoder(w).Encode(map[string]any{"items": []any{item}, "count": 1, "hasMore": false})
		case "/hcmRestApi/resources/latest/recruitingCEJobRequisitionDetails":
			s.detHits++
			id := strings.Trim(params["Id"], `"`)
			if name != "ById" || params["siteNumber"] != "CX" || q["expand"] != "all" {
				http.NotFound(w, r)
				return
			}
			body, ok := s.details[id]
			if !ok {
				fmt.Fprint(w, `{"items": [], "count": 0, "hasMore": false}`)
				return
			}
			if body == "500" {
				w.WriteHeader(500)
				return
			}
			fmt.Fprintf(w, `{"items": [%s], "count": 1}`, body)
		default:
			http.NotFound(w, r)
		}
	})
}

func fixtureReqs(t *testing.T) []map[string]any {
	var lr struct {
		Items []struct {
			RequisitionList []map[string]any `json:"requisitionList"`
		} `json:"items"`
	}
	if err := json.Unmarshal(scrapetest.Fixture(t, "oracle_orc.json"), &lr); err != nil {
		t.Fatal(err)
	}
	return lr.Items[0].RequisitionList
}

// fixtureDetail is the detail fixture answering for id: the careerkit
// project sanitized the list and the detail separately, so their ids differ.
func fixtureDetail(t *testing.T, id string) string {
	return strings.Replace(string(scrapetest.Fixture(t, "oracle_orc_detail.json")), `"2026001760"`, strconv.Quote(id), 1)
}

func adapter(t *testing.T, base string, attempts int) *Adapter {
	t.Helper()
	return scrapetest.NewBoard(t, New, "acme", Config{URL: base + "/hcmUI/CandidateExperience/en/sites/CX/", Site: "CX"}, attempts)
}

func TestListAndDetailOnTheFixture(t *testing.T) {
	s := &site{reqs: fixtureReqs(t), details: map[string]string{}}
	srv := s.serve(t)
	s.details["26876"] = fixtureDetail(t, "26876")
	a := adapter(t, srv.URL, 1)
	raws, err := a.List(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	// no TotalJobsCount: the listing ends at the empty second page
	if len(raws) != 2 || s.listHits != 2 {
		t.Fatalf("%d postings in %d requests", len(raws), s.listHits)
	}
	want, _ := decodeList(scrapetest.Fixture(t, "oracle_orc.json"))
	for i := range want.Raws {
		want.Raws[i].URL = srv.URL + "/hcmUI/CandidateExperience/en/sites/CX/job/" + want.Raws[i].ID
	}
	if fmt.Sprintf("%+v", raws) != fmt.Sprintf("%+v", want.Raws) {
		t.Fatalf("list:\n got %+v\nwant %+v", raws, want.Raws)
	}
	d, err := a.Detail(context.Background(), raws[1])
	if err != nil {
		t.Fatal(err)
	}
	// the list's identity, stamp, locations and date stand; the detail adds the text
	if d.ID != "26876" || d.Stamp != raws[1].Stamp || d.URL != raws[1].URL || len(d.Locations) != 5 || d.Posted != "2026-08-07" ||
		d.Workplace != "Hybrid" || !strings.HasPrefix(d.DescriptionHTML, "<p>Lead enterprise systems delivery.</p>") || !d.Complete {
		t.Fatalf("detail: %+v", d)
	}
}

func many(n int) []map[string]any {
	out := make([]map[string]any, n)
	for i := range out {
		out[i] = map[string]any{"Id": strconv.Itoa(1000 + i), "Title": fmt.Sprintf("Job %d", i), "PostedDate": "2026-08-01",
			"PrimaryLocation": "Austin, TX, United States", "secondaryLocations": []any{}}
	}
	return out
}

func TestPagingToTheTotal(t *testing.T) {
	s := &site{reqs: many(2*PageSize + 7), total: true}
	raws, err := adapter(t, s.serve(t).URL, 1).List(context.Background())
	if err != nil || len(raws) != 2*PageSize+7 || s.listHits != 3 {
		t.Fatalf("%d postings in %d requests, %v", len(raws), s.listHits, err)
	}
}

func TestPagingWhenTheServerCapsThePage(t *testing.T) {
	s := &site{reqs: many(60), total: true, pageCap: 25}
	raws, err := adapter(t, s.serve(t).URL, 1).List(context.Background())
	if err != nil || len(raws) != 60 || s.listHits != 3 {
		t.Fatalf("%d postings in %d requests, %v", len(raws), s.listHits, err)
	}
	ids := map[string]bool{}
	for _, r := range raws {
		ids[r.ID] = true
	}
	if len(ids) != 60 {
		t.Fatalf("%d distinct ids", len(ids))
	}
}

func TestShortListingIsAnError(t *testing.T) {
	reqs := many(150)
	cases := []struct {
		name string
		body func(offset int) (int, string)
		want string
	}{
		{"empty page before the total", func(offset int) (int, string) {
			page := reqs[:PageSize]
			if offset > 0 {
				page = []map[string]any{}
			}
			b, _ := json.Marshal(map[string]any{"items": []any{map[string]any{"TotalJobsCount": 150, "requisitionList": page}}})
			return 200, string(b)
		}, "list page 2 is empty after 100 of 150 postings: listing incomplete"},
		{"page repeats", func(offset int) (int, string) {
			b, _ := json.Marshal(map[string]any{"items": []any{map[string]any{"TotalJobsCount": 150, "requisitionList": reqs[:PageSize]}}})
			return 200, string(b)
		}, "list page 2 repeats earlier postings"},
		{"total changes", func(offset int) (int, string) {
			total, page := 150, reqs[:PageSize]
			if offset > 0 {
				total, page = 149, reqs[PageSize:]
			}
			b, _ := json.Marshal(map[string]any{"items": []any{map[string]any{"TotalJobsCount": total, "requisitionList": page}}})
			return 200, string(b)
		}, "the total changed from 150 to 149"},
		{"error page on page 2", func(offset int) (int, string) {
			if offset > 0 {
				return 200, "<html><body>Service unavailable</body></html>"
			}
			b, _ := json.Marshal(map[string]any{"items": []any{map[string]any{"TotalJobsCount": 150, "requisitionList": reqs[:PageSize]}}})
			return 200, string(b)
		}, "list page 2: " + "http"},
		{"server error names the page", func(int) (int, string) { return 503, "busy" }, "list page 1: http://127.0.0.1:"},
		{"server error names the status", func(int) (int, string) { return 503, "busy" }, "status 503"},
		{"no requisitionList", func(int) (int, string) { return 200, `{"items": [{"TotalJobsCount": 3}]}` }, "no requisitionList in items[0]"},
		{"no items", func(int) (int, string) { return 200, `{"title": "Error"}` }, "no items in the response"},
		{"requisition without id", func(int) (int, string) { return 200, `{"items": [{"requisitionList": [{"Title": "A"}]}]}` }, `requisition 1 ("A") has no Id`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := &site{listBody: c.body}
			_, err := adapter(t, s.serve(t).URL, 2).List(context.Background())
			if err == nil || !strings.Contains(err.Error(), c.want) || !strings.HasPrefix(err.Error(), `oracle: board "http://127.0.0.1:`) {
				t.Fatalf("error %v, want one naming the board and %q", err, c.want)
			}
		})
	}
}

func TestDetailFailures(t *testing.T) {
	s := &site{reqs: many(1), details: map[string]string{
		"1000": "500",
		"1001": fixtureDetail(t, "999"),
		"1002": `{"Id": "1002", "Title": "No text"}`,
	}}
	a := adapter(t, s.serve(t).URL, 2)
	cases := map[string]string{
		"1000": "status 500",
		"1001": "detail answered for requisition 999",
		"1002": "no description in the detail",
		"1003": "no requisition in items (closed or not on this site)",
	}
	for id, want := range cases {
		r := model.Raw{ID: id, Title: "x"}
		got, err := a.Detail(context.Background(), r)
		if err == nil || !strings.Contains(err.Error(), want) || !strings.Contains(err.Error(), "posting "+id+": ") || got.Complete {
			t.Fatalf("%s: %v, want %q", id, err, want)
		}
	}
}

func TestConfig(t *testing.T) {
	for cfg, want := range map[Config]string{
		{}:                             `oracle: source "x": url and site are required`,
		{URL: "https://a.example"}:     `oracle: source "x": site (the siteNumber) is required`,
		{Site: "CX"}:                   `oracle: source "x": url is required`,
		{URL: "a.example", Site: "CX"}: `oracle: source "x": url "a.example" is not an http(s) URL`,
	} {
		if _, err := New("x", cfg, scrapetest.Client(1, scrape.Validators{})); err == nil || err.Error() != want {
			t.Fatalf("%+v: %v", cfg, err)
		}
	}
	a := scrapetest.NewBoard(t, New, "x", Config{URL: "https://ejov.fa.ca2.oraclecloud.com/hcmUI/CandidateExperience/en/sites/CX/", Site: "CX_1"}, 1)
	if got := a.listURL(200); got != "https://ejov.fa.ca2.oraclecloud.com/hcmRestApi/resources/latest/recruitingCEJobRequisitions?onlyData=true&expand=requisitionList.secondaryLocations&finder=findReqs;siteNumber=CX_1,limit=100,offset=200,sortBy=POSTING_DATES_DESC" {
		t.Fatal(got)
	}
	if got := a.detailURL("25587"); got != `https://ejov.fa.ca2.oraclecloud.com/hcmRestApi/resources/latest/recruitingCEJobRequisitionDetails?onlyData=true&expand=all&finder=ById;Id=%2225587%22,siteNumber=CX_1` {
		t.Fatal(got)
	}
	if got := a.PostingURL("25587"); got != "https://ejov.fa.ca2.oraclecloud.com/hcmUI/CandidateExperience/en/sites/CX_1/job/25587" {
		t.Fatal(got)
	}
}
