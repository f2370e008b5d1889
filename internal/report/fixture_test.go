package report

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/careers-watcher/careers-watcher/internal/gitrepo"
	"github.com/careers-watcher/careers-watcher/internal/model"
)

// The fixture: a git repository whose work tree holds the snapshot
// directory "snapshots" (so the source folders are not at the root), with
// three sources and a history over seven weeks:
//
//	C0 2026-01-20 (W04, before the window): acme a1 a2 a3 a4, globex g1
//	C1 2026-02-03 (W06): acme +a5 -a4
//	C2 2026-02-05 (W06): acme ~a2 (adds Airflow), globex +g2
//	C3 2026-02-18 (W08): acme +a6 +a7 -a3
//	C4 2026-02-20 (W08): a file outside the snapshots only
//	C5 2026-03-03 (W10): globex -g1; initech created with i1 (its baseline)
//	C6 2026-03-04 (W10): initech +i2
//
// The window is 2026-02-02 (Monday of W06) to 2026-03-04 12:00.

var (
	fixtureSince = time.Date(2026, 2, 2, 0, 0, 0, 0, time.UTC)
	fixtureNow   = time.Date(2026, 3, 4, 12, 0, 0, 0, time.UTC)
)

// testCategories stand in for the taxonomy, so that the expected output
// does not move when the taxonomy does.
var testCategories = map[string]string{
	"Go": "language", "Python": "language", "Java": "language", "SQL": "language",
	"Spark": "data", "Airflow": "data", "Kafka": "data", "Tableau": "data",
	"PyTorch": "ml-framework", "Kubernetes": "infrastructure",
	"Causal Inference": "ml-discipline", "Computer Vision": "ml-discipline",
}

func testCategory(s string) string { return testCategories[s] }

func years(n int) *int { return &n }

func fixturePostings() map[string]model.Posting {
	usd := func(lo, hi float64, per string) model.Salary {
		return model.Salary{Min: lo, Max: hi, Currency: "USD", Period: per}
	}
	losGatos := model.Location{City: "Los Gatos", Region: "California", Country: "US"}
	ps := []model.Posting{
		{ID: "a1", Source: "acme", Company: "Acme", Title: "Software Engineer (L5), Payments", URL: "https://jobs.example.com/acme/a1",
			Role: "Software Engineer", Levels: []string{"L5"}, Team: "Payments", Locations: []model.Location{losGatos}, Workplace: "onsite",
			Salary: []model.Salary{usd(150000, 200000, "year")},
			Skills: model.Skills{Required: []string{"Go", "SQL"}, Preferred: []string{"Kubernetes"}}, MinYearsExperience: years(5)},
		{ID: "a2", Source: "acme", Company: "Acme", Title: "Data Engineer (L4)", URL: "https://jobs.example.com/acme/a2",
			Role: "Data Engineer", Levels: []string{"L4"}, Team: "Data Platform", Locations: []model.Location{{Country: "US", Remote: true}}, Workplace: "remote",
			Salary: []model.Salary{usd(120000, 160000, "year")},
			Skills: model.Skills{Required: []string{"Python", "SQL", "Spark"}}},
		{ID: "a3", Source: "acme", Company: "Acme", Title: "Data Scientist (L5)", URL: "https://jobs.example.com/acme/a3",
			Role: "Data Scientist", Levels: []string{"L5"}, Team: "Data Platform", Locations: []model.Location{losGatos},
			Skills: model.Skills{Required: []string{"Python", "SQL"}, Mentioned: []string{"Tableau"}}},
		{ID: "a4", Source: "acme", Company: "Acme", Title: "Software Engineer (L6)", URL: "https://jobs.example.com/acme/a4",
			Role: "Software Engineer", Levels: []string{"L6"}, Team: "Payments", Locations: []model.Location{losGatos},
			Skills: model.Skills{Required: []string{"Java"}, Preferred: []string{"Kafka"}}},
		{ID: "a5", Source: "acme", Company: "Acme", Title: "Software Engineer (L5/L6), Platform", URL: "https://jobs.example.com/acme/a5",
			Role: "Software Engineer", Levels: []string{"L5", "L6"}, Team: "Platform",
			Locations: []model.Location{{City: "London", Region: "England", Country: "GB"}, losGatos}, Workplace: "hybrid",
			Salary: []model.Salary{usd(160000, 210000, "year"), {Min: 90000, Max: 120000, Currency: "GBP", Period: "year"}},
			Skills: model.Skills{Required: []string{"Go", "Kubernetes"}}},
		{ID: "a6", Source: "acme", Company: "Acme", Title: "Machine Learning Engineer, Contract", URL: "https://jobs.example.com/acme/a6",
			Role: "Machine Learning Engineer", Levels: []string{}, Team: "ML Platform",
			Locations: []model.Location{{City: "New York", Region: "New York", Country: "US"}}, Workplace: "hybrid", EmploymentType: "contract",
			Salary: []model.Salary{usd(80, 100, "hour")},
			Skills: model.Skills{Required: []string{"Python", "PyTorch"}}},
		{ID: "a7", Source: "acme", Company: "Acme",
			Title: "Data Engineer <script>alert('x')</script> | `rm -rf` [click](javascript:alert(1)) *now*\nsecond line",
			URL:   "javascript:alert(1)",
			Role:  "Data Engineer", Levels: []string{"L4"}, Team: "Data & <b>Insights</b>",
			Locations: []model.Location{{Name: "Remote | <i>anywhere</i>", Remote: true}},
			Salary:    []model.Salary{usd(130000, 150000, "year")},
			Skills:    model.Skills{Required: []string{"Spark"}, Preferred: []string{"Airflow"}}},
		{ID: "g1", Source: "globex", Company: "Globex", Title: "ML Engineer (L5)", URL: "https://jobs.example.com/globex/g1",
			Role: "Machine Learning Engineer", Levels: []string{"L5"}, Team: "Research",
			Locations: []model.Location{{City: "Berlin", Country: "DE"}},
			Skills:    model.Skills{Required: []string{"Python", "PyTorch"}}},
		{ID: "g2", Source: "globex", Company: "Globex", Title: "Data Scientist, Experimentation", URL: "https://jobs.example.com/globex/g2",
			Role: "Data Scientist", Levels: []string{"Senior"}, Team: "Research",
			Locations: []model.Location{{City: "Berlin", Country: "DE"}},
			Salary:    []model.Salary{{Min: 85000, Max: 95000, Currency: "EUR", Period: "year"}},
			Skills:    model.Skills{Required: []string{"Python", "Causal Inference"}}},
		{ID: "i1", Source: "initech", Company: "Initech", Title: "Research Scientist (L6)", URL: "https://jobs.example.com/initech/i1",
			Role: "Research Scientist", Levels: []string{"L6"}, Team: "",
			Locations: []model.Location{{City: "Toronto", Region: "Ontario", Country: "CA"}},
			Skills:    model.Skills{Required: []string{"Python", "PyTorch"}, Mentioned: []string{"Computer Vision"}}},
		{ID: "i2", Source: "initech", Company: "Initech", Title: "Software Engineer (L4)", URL: "https://jobs.example.com/initech/i2",
			Role: "Software Engineer", Levels: []string{"L4"}, Team: "TPS Reports",
			Locations: []model.Location{{City: "Toronto", Region: "Ontario", Country: "CA"}},
			Salary:    []model.Salary{{Min: 5000, Max: 6000, Currency: "CAD", Period: "month"}},
			Skills:    model.Skills{Required: []string{"Go"}}},
	}
	out := map[string]model.Posting{}
	for _, p := range ps {
		p.Canonical()
		out[p.ID] = p
	}
	return out
}

// a2v2 is a2 after C2: it also asks for Airflow.
func a2v2(p model.Posting) model.Posting {
	p.Skills.Required = []string{"Airflow", "Python", "SQL", "Spark"}
	return p
}

type fixture struct {
	root string // work tree
	dir  string // snapshot directory
	repo *gitrepo.Repo
	ps   map[string]model.Posting
}

func (f *fixture) write(t *testing.T, p model.Posting) string {
	t.Helper()
	b, err := model.Encode(p)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(f.dir, p.Source, p.ID+".json")
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func (f *fixture) remove(t *testing.T, source, id string) string {
	t.Helper()
	path := filepath.Join(f.dir, source, id+".json")
	if err := os.Remove(path); err != nil {
		t.Fatal(err)
	}
	return path
}

func (f *fixture) commit(t *testing.T, when time.Time, msg string, paths ...string) {
	t.Helper()
	_, ok, err := f.repo.Commit(paths, msg, gitrepo.Author{Name: "careers-watcher", Email: "watcher@localhost"}, when)
	if err != nil {
		t.Fatal(err)
	}
	if !ok {
		t.Fatalf("commit %q made no commit", msg)
	}
}

func day(m time.Month, d, h int) time.Time { return time.Date(2026, m, d, h, 0, 0, 0, time.UTC) }

// newFixture builds the repository described above.
func newFixture(t *testing.T) *fixture {
	t.Helper()
	root := t.TempDir()
	repo, err := gitrepo.Open(root)
	if err != nil {
		t.Fatal(err)
	}
	f := &fixture{root: root, dir: filepath.Join(root, "snapshots"), repo: repo, ps: fixturePostings()}
	w := func(id string) string { return f.write(t, f.ps[id]) }

	f.commit(t, day(1, 20, 9), "acme: 4 added; globex: 1 added", w("a1"), w("a2"), w("a3"), w("a4"), w("g1"))
	f.commit(t, day(2, 3, 9), "acme: 1 added, 1 removed", w("a5"), f.remove(t, "acme", "a4"))
	f.commit(t, day(2, 5, 9), "acme: 1 changed; globex: 1 added", f.write(t, a2v2(f.ps["a2"])), w("g2"))
	f.commit(t, day(2, 18, 9), "acme: 2 added, 1 removed", w("a6"), w("a7"), f.remove(t, "acme", "a3"))
	other := filepath.Join(root, "NOTES.md")
	if err := os.WriteFile(other, []byte("not a snapshot\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	f.commit(t, day(2, 20, 9), "notes", other)
	f.commit(t, day(3, 3, 9), "globex: 1 removed; initech: 1 added", f.remove(t, "globex", "g1"), w("i1"))
	f.commit(t, day(3, 4, 8), "initech: 1 added", w("i2"))
	return f
}

func (f *fixture) build(t *testing.T, mod func(*Options)) *Report {
	t.Helper()
	opts := Options{SnapshotDir: f.dir, Since: fixtureSince, Now: fixtureNow, Category: testCategory}
	if mod != nil {
		mod(&opts)
	}
	r, err := Build(opts)
	if err != nil {
		t.Fatal(err)
	}
	return r
}
