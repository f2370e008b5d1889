package cli

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestRunEightfoldRealFixture runs `watcher run` on a real Eightfold list
// response (Albemarle's board, from the shared careerkit fixtures) and on
// detail answers built from it.
func TestRunEightfoldRealFixture(t *testing.T) {
	t.Parallel()
	list, err := os.ReadFile("../scrape/eightfold/testdata/eightfold.json")
	if err != nil {
		t.Fatal(err)
	}
	var page struct {
		Positions []map[string]any `json:"positions"`
	}
	dec := json.NewDecoder(strings.NewReader(string(list)))
	dec.UseNumber() // ids are 13 digits
	if err := dec.Decode(&page); err != nil {
		t.Fatal(err)
	}
	details := 0
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch {
		case r.URL.Path == "/api/apply/v2/jobs" && r.URL.Query().Get("start") == "0":
			w.Write(list)
		case r.URL.Path == "/api/apply/v2/jobs":
			fmt.Fprint(w, `{"positions": []}`)
		case strings.HasPrefix(r.URL.Path, "/api/apply/v2/jobs/"):
			details++
			id := strings.TrimPrefix(r.URL.Path, "/api/apply/v2/jobs/")
			for _, p := range page.Positions {
				if fmt.Sprint(p["id"]) == id {
					d := map[string]any{}
					for k, v := range p {
						d[k] = v
					}
					d["job_description"] = "<p><strong>Qualifications</strong></p><ul><li>Bachelor's degree and 5+ years of supply chain experience with SAP and Excel.</li></ul>"
					json.NewEncoder(w).Encode(d)
					return
				}
			}
			http.NotFound(w, r)
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	yml := fmt.Sprintf("snapshots: snaps\nhttp: {per_host_delay: 1ms, retries: 1}\nsources:\n  - {name: albemarle, type: eightfold, company: Albemarle, url: %q, domain: albemarle.com}\nnotifiers:\n  - {name: console, type: stdout}\n", srv.URL)
	code, stdout, stderr, dir := runYAML(t, yml, "run")
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	ps := readPostings(t, filepath.Join(dir, "snaps"), "albemarle")
	if len(ps) != 2 || details != 2 {
		t.Fatalf("%d postings, %d details", len(ps), details)
	}
	p := ps[1]
	if p.ID != "1099555326551" || p.Title != "Supply Planner, Bromine S&OP" || p.Company != "Albemarle" ||
		p.URL != "https://albemarle.eightfold.ai/careers/job/1099555326551" || p.Team != "Supply Chain" || len(p.Locations) != 2 ||
		p.Locations[0].Country != "US" || p.Posted != "2026-08-04" || p.MinYearsExperience == nil || *p.MinYearsExperience != 5 {
		t.Fatalf("snapshot: %+v", p)
	}
	if !strings.Contains(stdout, "Supply Planner, Bromine S&OP") || !strings.Contains(stdout, "Director, Media Relations") {
		t.Fatalf("stdout lacks the added postings:\n%s", stdout)
	}
	head := headOf(t, filepath.Join(dir, "snaps"))
	code, stdout, _ = runIn(t, filepath.Join(dir, "config.yaml"), "run")
	if code != 0 || strings.TrimSpace(stdout) != "" || headOf(t, filepath.Join(dir, "snaps")) != head || details != 2 {
		t.Fatalf("second run: exit %d, details %d, stdout %q", code, details, stdout)
	}
}
