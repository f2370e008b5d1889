package report

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/careers-watcher/careers-watcher/internal/gitrepo"
	"github.com/careers-watcher/careers-watcher/internal/snapshot"
)

func TestTrendWeeksAndTotals(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	r := f.build(t, nil)
	tr := r.Trend
	if !tr.Available {
		t.Fatalf("trend not available; notes %v", r.Notes)
	}
	want := []Week{
		{Week: "2026-W06", Start: "2026-02-02", Opened: 2, Closed: 1},
		{Week: "2026-W07", Start: "2026-02-09"},
		{Week: "2026-W08", Start: "2026-02-16", Opened: 2, Closed: 1},
		{Week: "2026-W09", Start: "2026-02-23"},
		{Week: "2026-W10", Start: "2026-03-02", Opened: 1, Closed: 1},
	}
	if !reflect.DeepEqual(tr.Weeks, want) {
		t.Errorf("weeks\n got %+v\nwant %+v", tr.Weeks, want)
	}
	if tr.Opened != 5 || tr.Closed != 3 || tr.Start != 6 || tr.End != 8 || tr.Commits != 5 {
		t.Errorf("opened %d closed %d start %d end %d commits %d; want 5 3 6 8 5", tr.Opened, tr.Closed, tr.Start, tr.End, tr.Commits)
	}
	wantSrc := []TrendSource{
		{Source: "acme", Start: fixtureSince, Opened: 3, Closed: 2, StartPostings: 4, EndPostings: 5},
		{Source: "globex", Start: fixtureSince, Opened: 1, Closed: 1, StartPostings: 1, EndPostings: 1},
		// the folder appeared in the window: its first commit is the baseline
		{Source: "initech", Start: day(3, 3, 9), Opened: 1, Closed: 0, StartPostings: 1, EndPostings: 2},
	}
	if !reflect.DeepEqual(tr.Sources, wantSrc) {
		t.Errorf("sources\n got %+v\nwant %+v", tr.Sources, wantSrc)
	}
	// Only the old versions of removed (a4, a3, g1) and changed (a2) files
	// are read; HEAD's files equal the work tree's and are not read.
	if tr.blobReads != 4 {
		t.Errorf("read %d blobs, want 4", tr.blobReads)
	}
}

func TestTrendSkillsRisingFalling(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	tr := f.build(t, nil).Trend
	// start (6 postings): Python 4, SQL 3, PyTorch 2, Go Kubernetes Spark
	// Tableau Java Kafka "Computer Vision" 1; end (8): Python 4, Go 3, SQL
	// Kubernetes Spark Airflow PyTorch 2, "Causal Inference" "Computer
	// Vision" 1.
	rising := names(tr.Rising, func(s SkillTrend) string { return s.Skill })
	falling := names(tr.Falling, func(s SkillTrend) string { return s.Skill })
	// Only a move past one posting's share of the smaller count (1/6)
	// counts: Causal Inference (0 -> 1 of 8), Java, Kafka, Tableau (1 of 6
	// -> 0) and the shares moved by the count alone (Python 4 of 6 -> 4 of
	// 8, exactly 1/6) are no trend.
	if want := []string{"Airflow", "Go"}; !reflect.DeepEqual(rising, want) {
		t.Errorf("rising %v, want %v", rising, want)
	}
	if want := []string{"SQL"}; !reflect.DeepEqual(falling, want) {
		t.Errorf("falling %v, want %v", falling, want)
	}
	goTrend := tr.Rising[1]
	if want := (SkillTrend{Skill: "Go", Category: "language", StartPostings: 1, StartShare: 0.1667, EndPostings: 3, EndShare: 0.375, Change: 0.2083}); goTrend != want {
		t.Errorf("Go: %+v, want %+v", goTrend, want)
	}
	sql := tr.Falling[0]
	if want := (SkillTrend{Skill: "SQL", Category: "language", StartPostings: 3, StartShare: 0.5, EndPostings: 2, EndShare: 0.25, Change: -0.25}); sql != want {
		t.Errorf("SQL: %+v, want %+v", sql, want)
	}
}

func names[T any](s []T, f func(T) string) []string {
	out := []string{}
	for _, v := range s {
		out = append(out, f(v))
	}
	return out
}

func countsOf(cs []Count) map[string]int {
	m := map[string]int{}
	for _, c := range cs {
		m[c.Name] = c.Postings
	}
	return m
}

func TestTablesOfOpenPostings(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	r := f.build(t, nil)
	if r.Open != 8 {
		t.Fatalf("open %d, want 8", r.Open)
	}
	if got, want := names(r.Roles, func(c Count) string { return c.Name }),
		[]string{"Software Engineer", "Data Engineer", "Data Scientist", "Machine Learning Engineer", "Research Scientist"}; !reflect.DeepEqual(got, want) {
		t.Errorf("roles order %v, want %v", got, want)
	}
	if got, want := countsOf(r.Roles), map[string]int{"Software Engineer": 3, "Data Engineer": 2, "Machine Learning Engineer": 1, "Data Scientist": 1, "Research Scientist": 1}; !reflect.DeepEqual(got, want) {
		t.Errorf("roles %v, want %v", got, want)
	}
	// a5 is L5/L6: it counts in both; a6 has no level
	if got, want := r.Levels, []Count{
		{"L4", 3, 0.375}, {"L5", 2, 0.25}, {"L6", 2, 0.25}, {"Senior", 1, 0.125}, {"(none)", 1, 0.125},
	}; !reflect.DeepEqual(got, want) {
		t.Errorf("levels %v, want %v", got, want)
	}
	if got, want := countsOf(r.Teams), map[string]int{"Payments": 1, "Data Platform": 1, "Platform": 1, "ML Platform": 1,
		"Data & <b>Insights</b>": 1, "Research": 1, "TPS Reports": 1, "(none)": 1}; !reflect.DeepEqual(got, want) {
		t.Errorf("teams %v, want %v", got, want)
	}
	if got, want := countsOf(r.Countries), map[string]int{"US": 4, "GB": 1, "DE": 1, "CA": 2, "(none)": 1}; !reflect.DeepEqual(got, want) {
		t.Errorf("countries %v, want %v", got, want)
	}
	if got, want := countsOf(r.Cities), map[string]int{"Los Gatos, California, US": 2, "London, England, GB": 1,
		"New York, New York, US": 1, "Berlin, DE": 1, "Toronto, Ontario, CA": 2}; !reflect.DeepEqual(got, want) {
		t.Errorf("cities %v, want %v", got, want)
	}
	if r.Remote != 2 {
		t.Errorf("remote %d, want 2", r.Remote)
	}
	if got, want := r.Workplaces, []Count{{"onsite", 1, 0.125}, {"hybrid", 2, 0.25}, {"remote", 1, 0.125}, {"(unspecified)", 4, 0.5}}; !reflect.DeepEqual(got, want) {
		t.Errorf("workplaces %v, want %v", got, want)
	}

	var lang SkillCategory
	for _, c := range r.SkillCategories {
		if c.Category == "language" {
			lang = c
		}
	}
	// Python: a2 a6 g2 i1 required; Go: a1 a5 i2 required; SQL: a1 a2
	wantLang := SkillCategory{Category: "language", Postings: 7, Share: 0.875, Skills: []SkillDemand{
		{Skill: "Python", Postings: 4, Share: 0.5, Required: 4},
		{Skill: "Go", Postings: 3, Share: 0.375, Required: 3},
		{Skill: "SQL", Postings: 2, Share: 0.25, Required: 2},
	}}
	if !reflect.DeepEqual(lang, wantLang) {
		t.Errorf("language\n got %+v\nwant %+v", lang, wantLang)
	}
	if got := r.SkillCategories[0].Category; got != "language" {
		t.Errorf("first category %q, want language", got)
	}
	var airflow SkillDemand
	for _, c := range r.SkillCategories {
		for _, s := range c.Skills {
			if s.Skill == "Airflow" {
				airflow = s
			}
		}
	}
	if want := (SkillDemand{Skill: "Airflow", Postings: 2, Share: 0.25, Required: 1, Preferred: 1}); airflow != want {
		t.Errorf("Airflow %+v, want %+v", airflow, want)
	}
}

func TestPayTables(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	r := f.build(t, nil)
	find := func(rows []PayRow, role, level, cur string) *PayRow {
		for i := range rows {
			if rows[i].Role == role && rows[i].Level == level && rows[i].Currency == cur {
				return &rows[i]
			}
		}
		return nil
	}
	// Software Engineer USD/year: a1 150-200k, a5 160-210k
	se := find(r.Pay.ByRole, "Software Engineer", "", "USD")
	if se == nil || se.Period != "year" || se.Postings != 2 || se.Ranges != 2 ||
		se.Min != (Stats{150000, 155000, 160000}) || se.Max != (Stats{200000, 205000, 210000}) || se.Yearly != nil {
		t.Errorf("Software Engineer USD: %+v", se)
	}
	// a5 (L5/L6) counts in L5 and L6
	l6 := find(r.Pay.ByRoleLevel, "Software Engineer", "L6", "USD")
	if l6 == nil || l6.Postings != 1 || l6.Min != (Stats{160000, 160000, 160000}) {
		t.Errorf("Software Engineer L6 USD: %+v", l6)
	}
	if gbp := find(r.Pay.ByRoleLevel, "Software Engineer", "L5", "GBP"); gbp == nil || gbp.Max != (Stats{120000, 120000, 120000}) {
		t.Errorf("Software Engineer L5 GBP: %+v", gbp)
	}
	// hourly and monthly rows keep their period and get a labelled yearly equivalent
	hr := find(r.Pay.ByRole, "Machine Learning Engineer", "", "USD")
	if hr == nil || hr.Period != "hour" || hr.Min.Median != 80 || hr.Yearly == nil || hr.Yearly.Factor != 2080 || hr.Yearly.Max.Median != 208000 {
		t.Errorf("Machine Learning Engineer USD/hour: %+v %+v", hr, hr.Yearly)
	}
	mo := find(r.Pay.ByRoleLevel, "Software Engineer", "L4", "CAD")
	if mo == nil || mo.Period != "month" || mo.Yearly == nil || mo.Yearly.Min.Min != 60000 {
		t.Errorf("Software Engineer L4 CAD/month: %+v", mo)
	}
	if len(r.Pay.ByRole) != 6 {
		t.Errorf("%d rows by role, want 6: %+v", len(r.Pay.ByRole), r.Pay.ByRole)
	}
}

func TestSinceBoundsTheWalk(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	// from W08 on: C3 (+a6 +a7 -a3), C5 (-g1, initech baseline), C6 (+i2);
	// the start is C2's state (acme 4, globex 2) plus initech's baseline (1)
	r := f.build(t, func(o *Options) { o.Since = day(2, 16, 0) })
	tr := r.Trend
	if tr.Opened != 3 || tr.Closed != 2 || tr.Commits != 3 || tr.Start != 7 || len(tr.Weeks) != 3 {
		t.Errorf("opened %d closed %d commits %d start %d weeks %d; want 3 2 3 7 3", tr.Opened, tr.Closed, tr.Commits, tr.Start, len(tr.Weeks))
	}
	if tr.blobReads != 2 { // a3, g1
		t.Errorf("read %d blobs, want 2", tr.blobReads)
	}
	// a window with no commit: nothing opened, start == end
	r = f.build(t, func(o *Options) { o.Since = day(3, 4, 10) })
	if tr := r.Trend; tr.Opened != 0 || tr.Closed != 0 || tr.Start != tr.End || tr.blobReads != 0 || len(tr.Rising)+len(tr.Falling) != 0 {
		t.Errorf("empty window: %+v", tr)
	}
}

func TestSourcesFilter(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	r := f.build(t, func(o *Options) { o.Sources = []string{"globex"} })
	if r.Open != 1 || len(r.Sources) != 1 || r.Sources[0].Name != "globex" {
		t.Fatalf("open %d sources %+v", r.Open, r.Sources)
	}
	if tr := r.Trend; tr.Opened != 1 || tr.Closed != 1 || tr.Start != 1 || tr.End != 1 {
		t.Errorf("globex trend %+v", tr)
	}
	for _, bad := range []string{"nope", "../x", ".watcher"} {
		if _, err := Build(Options{SnapshotDir: f.dir, Sources: []string{bad}, Now: fixtureNow}); err == nil {
			t.Errorf("source %q: no error", bad)
		}
	}
}

func TestUncommittedFilesCountOnlyInTables(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	extra := f.ps["a1"]
	extra.ID, extra.Title = "a9", "Uncommitted"
	f.write(t, extra)
	changed := a2v2(f.ps["a2"])
	changed.Skills.Required = append(changed.Skills.Required, "Java")
	f.write(t, changed)
	r := f.build(t, nil)
	if r.Open != 9 {
		t.Errorf("open %d, want 9", r.Open)
	}
	if tr := r.Trend; tr.End != 8 || tr.Opened != 5 {
		t.Errorf("trend end %d opened %d, want 8 5", tr.End, tr.Opened)
	}
	// a2 differs from HEAD: read from git (1) + the four of the walk
	if r.Trend.blobReads != 5 {
		t.Errorf("read %d blobs, want 5", r.Trend.blobReads)
	}
}

func TestNoRepository(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	f := &fixture{dir: dir, ps: fixturePostings()}
	f.write(t, f.ps["a1"])
	// an unrelated file and a dot folder are not sources or postings
	if err := os.MkdirAll(filepath.Join(dir, ".watcher", "index"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "acme", "README.md"), []byte("# acme\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "acme", "broken.json"), []byte("{"), 0o644); err != nil {
		t.Fatal(err)
	}
	r, err := Build(Options{SnapshotDir: dir, Now: fixtureNow, Category: testCategory})
	if err != nil {
		t.Fatal(err)
	}
	if r.Open != 1 || r.Trend.Available {
		t.Errorf("open %d, trend available %v", r.Open, r.Trend.Available)
	}
	if !r.Since.Equal(fixtureNow.Add(-DefaultWindow)) {
		t.Errorf("since %v", r.Since)
	}
	notes := strings.Join(r.Notes, "\n")
	if !strings.Contains(notes, "broken.json") || !strings.Contains(notes, "no git repository") {
		t.Errorf("notes %q", notes)
	}
	var sb strings.Builder
	for _, w := range []func() error{
		func() error { return r.WriteText(&sb) }, func() error { return r.WriteMarkdown(&sb) },
		func() error { return r.WriteJSON(&sb) }, func() error { return r.WriteHTML(&sb) },
	} {
		if err := w(); err != nil {
			t.Fatal(err)
		}
	}
}

func TestEmptySnapshotDirectory(t *testing.T) {
	t.Parallel()
	r, err := Build(Options{SnapshotDir: t.TempDir(), Now: fixtureNow, Since: fixtureSince})
	if err != nil {
		t.Fatal(err)
	}
	var sb strings.Builder
	for _, w := range []func() error{
		func() error { return r.WriteText(&sb) }, func() error { return r.WriteMarkdown(&sb) },
		func() error { return r.WriteJSON(&sb) }, func() error { return r.WriteHTML(&sb) },
	} {
		if err := w(); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := Build(Options{SnapshotDir: t.TempDir(), Now: fixtureNow, Since: fixtureNow.Add(time.Hour)}); err == nil {
		t.Error("since after now: no error")
	}
}

func TestISOWeeks(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		t          time.Time
		week, from string
	}{
		{time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), "2026-W01", "2025-12-29"},
		{time.Date(2025, 12, 29, 0, 0, 0, 0, time.UTC), "2026-W01", "2025-12-29"},
		{time.Date(2027, 1, 3, 23, 59, 0, 0, time.UTC), "2026-W53", "2026-12-28"},
		{time.Date(2026, 3, 8, 23, 30, 0, 0, time.FixedZone("x", -3600)), "2026-W11", "2026-03-09"}, // UTC Monday
	} {
		w, m := isoWeek(c.t)
		if w != c.week || m != c.from {
			t.Errorf("%v: %s %s, want %s %s", c.t, w, m, c.week, c.from)
		}
	}
	if n := len(weeks(time.Date(2025, 12, 1, 0, 0, 0, 0, time.UTC), time.Date(2026, 2, 1, 0, 0, 0, 0, time.UTC))); n != 9 {
		t.Errorf("%d weeks, want 9", n)
	}
}

func TestSnapshotDirAtRepoRoot(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	repo, err := gitrepo.Open(root)
	if err != nil {
		t.Fatal(err)
	}
	f := &fixture{root: root, dir: root, repo: repo, ps: fixturePostings()}
	f.commit(t, day(1, 5, 9), "acme: 2 added", f.write(t, f.ps["a1"]), f.write(t, f.ps["a2"]))
	f.commit(t, day(2, 10, 9), "acme: 1 added, 1 removed", f.write(t, f.ps["a3"]), f.remove(t, "acme", "a1"))
	for _, repoRoot := range []string{"", root} {
		r := f.build(t, func(o *Options) { o.RepoRoot = repoRoot })
		tr := r.Trend
		if r.Open != 2 || !tr.Available || tr.Opened != 1 || tr.Closed != 1 || tr.Start != 2 || tr.End != 2 {
			t.Errorf("repo root %q: open %d trend %+v notes %v", repoRoot, r.Open, tr, r.Notes)
		}
	}
	got, err := (&snapshot.Store{Dir: root}).Postings("acme")
	if err != nil || len(got) != 2 || got[0].ID != "a2" || got[1].ID != "a3" {
		t.Errorf("Postings: %v %+v", err, got)
	}
}
