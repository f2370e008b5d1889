package corpus

import (
	"context"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// writeCase makes a one-document testdata folder: docs/<slug>.<ext> with
// body, labels/<slug>.yaml with the label (its doc and provenance filled).
func writeCase(t *testing.T, slug, ext string, body []byte, label string) string {
	t.Helper()
	dir := t.TempDir()
	for _, d := range []string{"docs", "labels"} {
		if err := os.MkdirAll(filepath.Join(dir, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "docs", slug+"."+ext), body, 0o644); err != nil {
		t.Fatal(err)
	}
	head := "doc: " + slug + "." + ext + "\ncompany: Acme\nprovenance: {repo: o/r, path: p, commit: 0123456789abcdef0123456789abcdef01234567, licence: MIT}\n"
	if err := os.WriteFile(filepath.Join(dir, "labels", slug+".yaml"), []byte(head+label), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

func fixture(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "scrape", path))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

const posting = `    language: en
    role: Other
`

// TestRawsThroughEveryAdapter reads a document of every format through its
// adapter, as the corpus does: list answers (the scrape packages' real
// fixtures), one-posting detail answers, pages and text.
func TestRawsThroughEveryAdapter(t *testing.T) {
	tests := []struct {
		name, format, ext string
		body              []byte
		id, title         string
		desc              string // a word the description must hold ("" : none expected)
		extra             string // more label keys
	}{
		{"greenhouse list", "greenhouse", "json", fixture(t, "greenhouse/testdata/greenhouse.json"), "8636903002", "Customer Data Scientist - Experimentation", "", ""},
		{"lever list", "lever", "json", fixture(t, "lever/testdata/lever.json"), "5d54d69b-e940-452e-b892-1170aa60f095", "(1099 Contract) Salesforce for Nonprofits: Solution Architect", "", ""},
		{"ashby list", "ashby", "json", fixture(t, "ashby/testdata/ashby.json"), "fc2f1f85-46a0-4a31-b165-683e39c07c04", "Senior Site Reliability Engineer", "", ""},
		{"recruitee list", "recruitee", "json", fixture(t, "recruitee/testdata/recruitee.json"), "2697184", "Partner Development Representative (f/m/d) - Berlin, Germany", "", ""},
		{"recruitee one offer", "recruitee", "json", []byte(`{"offer": {"id": 7, "title": "Data Engineer", "slug": "data-engineer", "careers_url": "https://acme.recruitee.com/o/data-engineer", "description": "<p>We use dbt.</p>", "requirements": "", "locations": [], "city": "Berlin", "country_code": "DE", "status": "published"}}`), "7", "Data Engineer", "dbt", ""},
		{"workable list", "workable", "json", fixture(t, "workable/testdata/workable.json"), "DD136DD7E7", "Business Analyst - Spanish Speaking", "", ""},
		{"workable job with description", "workable", "json", []byte(`{"jobs": [{"title": "Data Engineer", "shortcode": "AB12", "url": "https://apply.workable.com/j/AB12", "city": "Athens", "country": "Greece", "description": "<p>Airflow daily.</p>", "requirements": "<ul><li>Python</li></ul>"}]}`), "AB12", "Data Engineer", "Airflow", ""},
		{"personio feed", "personio", "xml", fixture(t, "personio/testdata/personio.xml"), "1834171", "Staff Software Engineer, Data Platform", "", ""},
		{"smartrecruiters list", "smartrecruiters", "json", fixture(t, "smartrecruiters/testdata/smartrecruiters.json"), "743999671674844", "CNA / LPN - Consistent Hours. Start Next Week.", "", ""},
		{"smartrecruiters one posting with its job ad", "smartrecruiters", "json", []byte(`{"id": "42", "name": "Data Analyst", "location": {"city": "Warsaw", "country": "pl"}, "jobAd": {"sections": {"jobDescription": {"title": "Job Description", "text": "<p>Looker every day.</p>"}, "qualifications": {"title": "Qualifications", "text": "<ul><li>SQL</li></ul>"}}}}`), "42", "Data Analyst", "Looker", ""},
		{"workday list", "workday", "json", fixture(t, "workday/testdata/workday.json"), "JR354232", "Solution Architect / Senior Solution Architect - PubSec - SLED/NGO", "", ""},
		{"workday one detail", "workday", "json", []byte(`{"jobPostingInfo": {"title": "Data Engineer II", "jobDescription": "<p>Snowflake and dbt.</p>", "location": "Chicago, IL", "jobReqId": "R-77", "externalUrl": "https://acme.wd1.myworkdayjobs.com/en-US/Careers/job/Chicago-IL/Data-Engineer-II_R-77", "timeType": "Full time"}}`), "R-77", "Data Engineer II", "Snowflake", ""},
		{"eightfold list", "eightfold", "json", fixture(t, "eightfold/testdata/eightfold.json"), "1099555326551", "Supply Planner, Bromine S&OP", "", ""},
		{"eightfold one position", "eightfold", "json", []byte(`{"id": 5, "name": "ML Engineer", "location": "Zurich, Switzerland", "job_description": "<p>PyTorch at scale.</p>"}`), "5", "ML Engineer", "PyTorch", ""},
		{"jsonld page", "jsonld", "html", fixture(t, "jsonld/testdata/own.html"), "B-2", "Product Designer", "Figma", ""},
		{"html page", "html", "html", []byte(`<html><body><div class="job"><h1>Platform Engineer</h1><span class="loc">Oslo, Norway</span><a class="self" href="/jobs/1">apply</a><div class="desc"><p>Terraform and Go.</p></div></div></body></html>`), "html-page", "Platform Engineer", "Terraform",
			"raw: {selectors: {item: div.job, title: h1, link: a.self, location: .loc, description: .desc}}\n"},
		{"html posting page", "html", "html", []byte(`<html><body><h1>Lead Designer</h1><main><p>Figma daily.</p></main></body></html>`), "html-posting-page", "Lead Designer", "Figma",
			"raw: {locations: [Remote], selectors: {description: main}}\n"},
		{"text", "text", "txt", []byte("We need Kotlin.\n"), "text-1", "Android Engineer", "Kotlin", "raw: {locations: [Remote - Spain]}\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			slug := strings.ReplaceAll(tt.name, " ", "-")
			if tt.format == "html" || tt.format == "text" {
				slug = tt.id
			}
			label := "format: " + tt.format + "\n" + tt.extra + "postings:\n  - id: \"" + tt.id + "\"\n    title: " + strconv.Quote(tt.title) + "\n" + posting
			dir := writeCase(t, slug, tt.ext, tt.body, label)
			labels, errs := Load(dir)
			if len(errs) > 0 || len(labels) != 1 {
				t.Fatalf("load: %v", errs)
			}
			raws, err := Raws(context.Background(), dir, labels[0])
			if err != nil {
				t.Fatal(err)
			}
			r, ok := raws[tt.id]
			if !ok {
				t.Fatalf("no raw posting %s: %+v", tt.id, raws)
			}
			if strings.Join(strings.Fields(r.Title), " ") != tt.title {
				t.Errorf("title %q, want %q", r.Title, tt.title)
			}
			if tt.desc != "" && !strings.Contains(r.DescriptionHTML+r.DescriptionText, tt.desc) {
				t.Errorf("description %q lacks %q (complete %v)", r.DescriptionHTML+r.DescriptionText, tt.desc, r.Complete)
			}
		})
	}
}

func TestRawsMissingPostingIsAnError(t *testing.T) {
	dir := writeCase(t, "gh", "json", fixture(t, "greenhouse/testdata/greenhouse.json"),
		"format: greenhouse\npostings:\n  - id: \"999\"\n"+posting)
	labels, errs := Load(dir)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	_, err := Raws(context.Background(), dir, labels[0])
	if err == nil || !strings.Contains(err.Error(), `gh.yaml: the greenhouse adapter returns no posting with id "999" (it returns "8636903002"`) {
		t.Fatalf("got %v", err)
	}
}

func TestLoadChecksTheProtocol(t *testing.T) {
	for _, tt := range []struct{ label, want string }{
		{"format: monster\npostings:\n  - id: \"1\"\n" + posting, `format "monster": unknown`},
		{"format: greenhouse\nprovenance: {repo: o/r}\npostings:\n  - id: \"1\"\n" + posting, "provenance.commit: missing"},
		{"format: greenhouse\nprovenance: {repo: o/r, path: p, commit: abc, licence: MIT}\npostings:\n  - id: \"1\"\n" + posting, `provenance.commit "abc": not 40`},
		{"format: greenhouse\npostings:\n  - id: \"1\"\n    language: english\n    role: Other\n", `language "english" is not an ISO 639-1 code`},
		{"format: greenhouse\npostings:\n  - id: \"1\"\n    language: en\n    role: Wizard\n", `role "Wizard" is not one of the protocol's`},
		{"format: greenhouse\npostings:\n  - id: \"1\"\n" + posting + "    salary: [{min: 10, max: 5, currency: USD, period: year}]\n", "salary"},
		{"format: greenhouse\npostings:\n  - id: \"1\"\n" + posting + "    colour: red\n", "field colour not found"},
		{"format: text\npostings:\n  - id: \"1\"\n    title: X\n" + posting, "raw: missing"},
		{"format: text\nraw: {locations: [Stanford, CA]}\npostings:\n  - id: \"1\"\n    title: X\n" + posting, `raw.locations: "CA" after "Stanford" reads as two labels`},
		{"format: text\nraw: {locations: [Ann Arbor, MI]}\npostings:\n  - id: \"1\"\n    title: X\n" + posting, `raw.locations: "MI" after "Ann Arbor" reads as two labels`},
		{"format: html\nraw: {locations: [X]}\npostings:\n  - id: \"1\"\n    title: X\n" + posting, "raw.selectors: missing"},
		{"format: html\nraw: {selectors: {title: h1}}\npostings:\n  - id: \"1\"\n    title: X\n" + posting, "a posting's own page description"},
	} {
		dir := t.TempDir()
		os.MkdirAll(filepath.Join(dir, "labels"), 0o755)
		os.MkdirAll(filepath.Join(dir, "docs"), 0o755)
		os.WriteFile(filepath.Join(dir, "docs", "a.json"), []byte("{}"), 0o644)
		head := "doc: a.json\ncompany: Acme\n"
		if !strings.Contains(tt.label, "provenance") {
			head += "provenance: {repo: o/r, path: p, commit: 0123456789abcdef0123456789abcdef01234567, licence: MIT}\n"
		}
		os.WriteFile(filepath.Join(dir, "labels", "a.yaml"), []byte(head+tt.label), 0o644)
		_, errs := Load(dir)
		if all := errors.Join(errs...); all == nil || !strings.Contains(all.Error(), tt.want) || !strings.Contains(errs[0].Error(), "a.yaml") {
			t.Errorf("label %q: errors %v, want one naming a.yaml with %q", tt.label, errs, tt.want)
		}
	}
	// a missing document and a document labelled twice
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "labels"), 0o755)
	os.MkdirAll(filepath.Join(dir, "docs"), 0o755)
	os.WriteFile(filepath.Join(dir, "docs", "a.json"), []byte("{}"), 0o644)
	lab := "company: Acme\nformat: greenhouse\nprovenance: {repo: o/r, path: p, commit: 0123456789abcdef0123456789abcdef01234567, licence: MIT}\npostings:\n  - id: \"1\"\n" + posting
	os.WriteFile(filepath.Join(dir, "labels", "a.yaml"), []byte("doc: a.json\n"+lab), 0o644)
	os.WriteFile(filepath.Join(dir, "labels", "b.yaml"), []byte("doc: a.json\n"+lab), 0o644)
	os.WriteFile(filepath.Join(dir, "labels", "c.yaml"), []byte("doc: c.json\n"+lab), 0o644)
	os.WriteFile(filepath.Join(dir, "docs", "orphan.txt"), []byte("x"), 0o644)
	labels, errs := Load(dir)
	if len(labels) != 1 || len(errs) != 3 || !strings.Contains(errs[2].Error(), "orphan.txt: no label file names this document") ||
		!strings.Contains(errs[0].Error(), `b.yaml: doc "a.json" is already labelled by`) ||
		!strings.Contains(errs[1].Error(), `c.yaml: doc "c.json": no such file`) {
		t.Errorf("labels %d, errors %v", len(labels), errs)
	}
}

var half = flag.String("half", "", `with TestDevHalves: also print the per-posting differences of dev half "a" or "b" (by a frozen hash of the slug, HalfOf)`)

// TestDevHalves prints the skills aggregates of the two dev halves
// (DevHalves) and, with -half, the differences of that half only:
//
//	go test ./internal/corpus -run TestDevHalves -v
//	go test ./internal/corpus -run TestDevHalves -v -args -half=a
func TestDevHalves(t *testing.T) {
	e, _ := sharedEval()
	a, b := e.DevHalves()
	// by hash the halves are about equal: each between 35% and 65%
	if n := len(a) + len(b); len(a)*100 < 35*n || len(b)*100 < 35*n {
		t.Fatalf("halves of %d and %d documents", len(a), len(b))
	}
	part := map[string]string{}
	for _, l := range e.Labels {
		part[l.Slug] = PartOf(l)
	}
	for s := range a {
		if b[s] || part[s] != "dev" {
			t.Errorf("%s: in both halves or not dev", s)
		}
	}
	t.Logf("dev halves (skills):\n%s", e.HalfTable())
	if *half != "" {
		s, err := e.HalfFailures(*half)
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("dev half %s: per-posting differences\n%s", *half, s)
	}
}
