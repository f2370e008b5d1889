package detect

import (
	"reflect"
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/config"
	"github.com/careers-watcher/careers-watcher/internal/scrape"
	efsrc "github.com/careers-watcher/careers-watcher/internal/scrape/eightfold"
	jsonldsrc "github.com/careers-watcher/careers-watcher/internal/scrape/jsonld"
	orsrc "github.com/careers-watcher/careers-watcher/internal/scrape/oracle"
	ttsrc "github.com/careers-watcher/careers-watcher/internal/scrape/teamtailor"
	wdsrc "github.com/careers-watcher/careers-watcher/internal/scrape/workday"
)

func TestDetect(t *testing.T) {
	tests := []struct {
		url  string
		want config.Source
	}{
		// Greenhouse
		{"https://boards.greenhouse.io/amplitude", config.Source{Name: "amplitude", Type: "greenhouse", Settings: &scrape.Board{Board: "amplitude"}}},
		{"https://boards.greenhouse.io/amplitude/", config.Source{Name: "amplitude", Type: "greenhouse", Settings: &scrape.Board{Board: "amplitude"}}},
		{"https://boards.greenhouse.io/amplitude/jobs/4567?gh_src=abc#app", config.Source{Name: "amplitude", Type: "greenhouse", Settings: &scrape.Board{Board: "amplitude"}}},
		{"https://job-boards.greenhouse.io/Amplitude", config.Source{Name: "amplitude", Type: "greenhouse", Settings: &scrape.Board{Board: "Amplitude"}}},
		{"https://boards.greenhouse.io/embed/job_board?for=acme&b=https%3A%2F%2Facme.com", config.Source{Name: "acme", Type: "greenhouse", Settings: &scrape.Board{Board: "acme"}}},
		{"http://BOARDS.GREENHOUSE.IO/acme", config.Source{Name: "acme", Type: "greenhouse", Settings: &scrape.Board{Board: "acme"}}},
		// Lever
		{"https://jobs.lever.co/palantir", config.Source{Name: "palantir", Type: "lever", Settings: &scrape.Board{Board: "palantir"}}},
		{"https://jobs.lever.co/palantir/0a1b2c3d-1111-2222-3333-444455556666/apply", config.Source{Name: "palantir", Type: "lever", Settings: &scrape.Board{Board: "palantir"}}},
		{"https://jobs.eu.lever.co/acme-gmbh/", config.Source{Name: "acme-gmbh", Type: "lever", URL: LeverEU, Settings: &scrape.Board{Board: "acme-gmbh"}}},
		// Ashby
		{"https://jobs.ashbyhq.com/Notion?departmentId=x", config.Source{Name: "notion", Type: "ashby", Settings: &scrape.Board{Board: "Notion"}}},
		{"https://jobs.ashbyhq.com/ramp/6e6a0f6c-aaaa-bbbb-cccc-1234567890ab", config.Source{Name: "ramp", Type: "ashby", Settings: &scrape.Board{Board: "ramp"}}},
		// Workday
		{"https://salesforce.wd12.myworkdayjobs.com/en-US/External_Career_Site", config.Source{Name: "salesforce", Type: "workday", URL: "https://salesforce.wd12.myworkdayjobs.com", Settings: &wdsrc.Config{Tenant: "salesforce", Site: "External_Career_Site"}}},
		{"https://acme.wd5.myworkdayjobs.com/External/job/Remote/Engineer_R123", config.Source{Name: "acme", Type: "workday", URL: "https://acme.wd5.myworkdayjobs.com", Settings: &wdsrc.Config{Tenant: "acme", Site: "External"}}},
		{"https://ACME.WD1.MyWorkdayJobs.com/fr-FR/Careers/", config.Source{Name: "acme", Type: "workday", URL: "https://acme.wd1.myworkdayjobs.com", Settings: &wdsrc.Config{Tenant: "acme", Site: "Careers"}}},
		{"https://acme.wd3.myworkdayjobs.com/wday/cxs/acme/Ext/jobs", config.Source{Name: "acme", Type: "workday", URL: "https://acme.wd3.myworkdayjobs.com", Settings: &wdsrc.Config{Tenant: "acme", Site: "Ext"}}},
		// Eightfold
		{"https://albemarle.eightfold.ai/careers?domain=albemarle.com&query=engineer", config.Source{Name: "albemarle", Type: "eightfold", URL: "https://albemarle.eightfold.ai", Settings: &efsrc.Config{Domain: "albemarle.com"}}},
		{"https://acme.eightfold.ai/careers/job/123", config.Source{Name: "acme", Type: "eightfold", URL: "https://acme.eightfold.ai", Settings: &efsrc.Config{Domain: "acme.com"}}},
		// a pcsx careers page: its department facet is filter_department
		{"https://elc.eightfold.ai/careers?domain=elcompanies.com&start=0&location=Milano&sort_by=distance&filter_include_remote=1&filter_department=Marketing&filter_department=Data%20%26%20Insights",
			config.Source{Name: "elc", Type: "eightfold", URL: "https://elc.eightfold.ai", Settings: &efsrc.Config{Domain: "elcompanies.com", Teams: []string{"Marketing", "Data & Insights"}}}},
		{"https://explore.jobs.netflix.net/careers?Teams=Data%20%26%20Insights", config.Source{Name: "netflix", Type: "eightfold", URL: "https://explore.jobs.netflix.net", Settings: &efsrc.Config{Domain: "netflix.com", Teams: []string{"Data & Insights"}}}},
		{"http://explore.jobs.netflix.net/careers/job/790311790854", config.Source{Name: "netflix", Type: "eightfold", URL: "http://explore.jobs.netflix.net", Settings: &efsrc.Config{Domain: "netflix.com"}}},
		// SmartRecruiters
		{"https://jobs.smartrecruiters.com/BoschGroup/743999999999999-engineer", config.Source{Name: "boschgroup", Type: "smartrecruiters", Settings: &scrape.Board{Board: "BoschGroup"}}},
		{"https://careers.smartrecruiters.com/Visa", config.Source{Name: "visa", Type: "smartrecruiters", Settings: &scrape.Board{Board: "Visa"}}},
		// Recruitee
		{"https://acme.recruitee.com/o/data-engineer", config.Source{Name: "acme", Type: "recruitee", Settings: &scrape.Board{Board: "acme"}}},
		{"https://Acme-Labs.Recruitee.com", config.Source{Name: "acme-labs", Type: "recruitee", Settings: &scrape.Board{Board: "acme-labs"}}},
		// Workable
		{"https://apply.workable.com/zaelab/", config.Source{Name: "zaelab", Type: "workable", Settings: &scrape.Board{Board: "zaelab"}}},
		{"https://apply.workable.com/zaelab/j/ABC123DEF/", config.Source{Name: "zaelab", Type: "workable", Settings: &scrape.Board{Board: "zaelab"}}},
		// Personio
		{"https://acme.jobs.personio.de/job/12345?language=de", config.Source{Name: "acme", Type: "personio", Settings: &scrape.Board{Board: "acme"}}},
		{"https://acme.jobs.personio.com/", config.Source{Name: "acme", Type: "personio", Settings: &scrape.Board{Board: "acme"}}},
		// Teamtailor
		{"https://acme.teamtailor.com", config.Source{Name: "acme", Type: "teamtailor", Settings: &ttsrc.Config{Board: "acme"}}},
		{"https://acme.teamtailor.com/jobs/7167985-account-executive", config.Source{Name: "acme", Type: "teamtailor", Settings: &ttsrc.Config{Board: "acme"}}},
		{"https://acme.teamtailor.com/jobs.json", config.Source{Name: "acme", Type: "teamtailor", Settings: &ttsrc.Config{Board: "acme"}}},
		{"https://acme.career.teamtailor.com/jobs", config.Source{Name: "acme", Type: "teamtailor", URL: "https://acme.career.teamtailor.com", Settings: &ttsrc.Config{}}},
		// BambooHR
		{"https://acme.bamboohr.com/careers", config.Source{Name: "acme", Type: "bamboohr", Settings: &scrape.Board{Board: "acme"}}},
		{"https://acme.bamboohr.com/careers/86", config.Source{Name: "acme", Type: "bamboohr", Settings: &scrape.Board{Board: "acme"}}},
		{"https://acme.bamboohr.com/jobs/view.php?id=12", config.Source{Name: "acme", Type: "bamboohr", Settings: &scrape.Board{Board: "acme"}}},
		{"https://acme.bamboohr.co.uk/careers", config.Source{Name: "acme", Type: "bamboohr", URL: "https://acme.bamboohr.co.uk", Settings: &scrape.Board{Board: "acme"}}},
		// Pinpoint
		{"https://acme.pinpointhq.com/en/postings/6f2c1b1e-0000-4000-8000-000000000001", config.Source{Name: "acme", Type: "pinpoint", Settings: &scrape.Board{Board: "acme"}}},
		{"https://acme.pinpointhq.com/postings.json", config.Source{Name: "acme", Type: "pinpoint", Settings: &scrape.Board{Board: "acme"}}},
		// Rippling
		{"https://ats.rippling.com/acme/jobs", config.Source{Name: "acme", Type: "rippling", Settings: &scrape.Board{Board: "acme"}}},
		{"https://ats.rippling.com/acme/jobs/2f0674e6-f01f-4ecd-b459-e947241c211f", config.Source{Name: "acme", Type: "rippling", Settings: &scrape.Board{Board: "acme"}}},
		{"https://ats.rippling.com/en-GB/acme/jobs", config.Source{Name: "acme", Type: "rippling", Settings: &scrape.Board{Board: "acme"}}},
		{"https://api.rippling.com/platform/api/ats/v1/board/acme/jobs", config.Source{Name: "acme", Type: "rippling", Settings: &scrape.Board{Board: "acme"}}},
		// Jobvite
		{"https://jobs.jobvite.com/feedingamerica", config.Source{Name: "feedingamerica", Type: "jobvite", Settings: &scrape.Board{Board: "feedingamerica"}}},
		{"https://jobs.jobvite.com/feedingamerica/job/octxAfww", config.Source{Name: "feedingamerica", Type: "jobvite", Settings: &scrape.Board{Board: "feedingamerica"}}},
		{"https://careers.jobvite.com/feedingamerica/search", config.Source{Name: "feedingamerica", Type: "jobvite", Settings: &scrape.Board{Board: "feedingamerica"}}},
		// Paylocity
		{"https://recruiting.paylocity.com/recruiting/jobs/All/0c4d1a8e-1111-2222-3333-444455556666", config.Source{Name: "paylocity", Type: "paylocity", Settings: &scrape.Board{Board: "0c4d1a8e-1111-2222-3333-444455556666"}}},
		{"https://recruiting.paylocity.com/Recruiting/Jobs/All/0c4d1a8e-1111-2222-3333-444455556666/Acme-Power", config.Source{Name: "acme-power", Type: "paylocity", Settings: &scrape.Board{Board: "0c4d1a8e-1111-2222-3333-444455556666"}}},
		// NEOGOV
		{"https://www.governmentjobs.com/careers/fulton", config.Source{Name: "fulton", Type: "neogov", Settings: &scrape.Board{Board: "fulton"}}},
		{"https://www.governmentjobs.com/careers/fulton/jobs/410001/engineer", config.Source{Name: "fulton", Type: "neogov", Settings: &scrape.Board{Board: "fulton"}}},
		{"https://www.schooljobs.com/careers/dekalb", config.Source{Name: "dekalb", Type: "neogov", URL: "https://www.schooljobs.com", Settings: &scrape.Board{Board: "dekalb"}}},
		{"https://www.governmentjobs.com/SearchEngine/JobsFeed?agency=fulton", config.Source{Name: "fulton", Type: "neogov", Settings: &scrape.Board{Board: "fulton"}}},
		// Oracle Recruiting Cloud
		{"https://ejov.fa.ca2.oraclecloud.com/hcmUI/CandidateExperience/en/sites/CX/", config.Source{Name: "ejov", Type: "oracle", URL: "https://ejov.fa.ca2.oraclecloud.com", Settings: &orsrc.Config{Site: "CX"}}},
		{"https://enterpriseplatform.dell.com/hcmUI/CandidateExperience/en/sites/careers/job/R288262", config.Source{Name: "dell", Type: "oracle", URL: "https://enterpriseplatform.dell.com", Settings: &orsrc.Config{Site: "careers"}}},
		{"https://acme.fa.em2.oraclecloud.com/hcmUI/CandidateExperience/fr/sites/CX_1/requisitions", config.Source{Name: "acme", Type: "oracle", URL: "https://acme.fa.em2.oraclecloud.com", Settings: &orsrc.Config{Site: "CX_1", Language: "fr"}}},
		// iCIMS
		{"https://careers-wipfli.icims.com/jobs/8214/payroll-tax-specialist/job", config.Source{Name: "wipfli", Type: "icims", URL: "https://careers-wipfli.icims.com"}},
		{"https://careers-wipfli.icims.com/jobs/search?ss=1", config.Source{Name: "wipfli", Type: "icims", URL: "https://careers-wipfli.icims.com"}},
		// Phenom: its search page (job pages need the HTML to tell)
		{"https://careers.phenom.com/global/en/search-results?category=Sales", config.Source{Name: "phenom", Type: "phenom", URL: "https://careers.phenom.com/global/en/search-results?category=Sales"}},
		// HRMDirect
		{"https://opco.hrmdirect.com/employment/job-opening.php?req=3210&req_loc=1", config.Source{Name: "opco", Type: "hrmdirect", URL: "https://opco.hrmdirect.com"}},
		{"https://opco.hrmdirect.com/employment/job-openings.php?search=true", config.Source{Name: "opco", Type: "hrmdirect", URL: "https://opco.hrmdirect.com"}},
		// Anything else: the page's JSON-LD
		{"https://careers.acme.com/jobs?team=data#top", config.Source{Name: "acme", Type: "jsonld", URL: "https://careers.acme.com/jobs?team=data"}},
		{"HTTPS://WWW.Example.CO.UK/Careers/", config.Source{Name: "example", Type: "jsonld", URL: "https://www.example.co.uk/Careers/"}},
		{"http://127.0.0.1:8080/jobs", config.Source{Name: "ip-127-0-0-1", Type: "jsonld", URL: "http://127.0.0.1:8080/jobs"}},
		{"  https://jobs.netflix.com/search  ", config.Source{Name: "netflix", Type: "jsonld", URL: "https://jobs.netflix.com/search"}},
		{"https://recruitee.com/", config.Source{Name: "recruitee", Type: "jsonld", URL: "https://recruitee.com/"}},
	}
	for _, tt := range tests {
		t.Run(tt.url, func(t *testing.T) {
			got, err := Detect(tt.url)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got  %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

func TestDetectErrors(t *testing.T) {
	tests := []struct{ url, want string }{
		{"", "is not a URL"},
		{"not a url", "is not an http or https URL"},
		{"boards.greenhouse.io/acme", "is not an http or https URL"},
		{"ftp://jobs.example.com/", "is not an http or https URL"},
		{"javascript:alert(1)", "is not an http or https URL"},
		{"https://", "has no valid host name"},
		{"https://exa mple.com/", "is not a URL"},
		{"https://-bad-.example/", "has no valid host name"},
		{"https://intranet/jobs", "has no valid host name"},
		{"https://user:pw@jobs.example.com/", "user or password"},
		{"https://boards.greenhouse.io/", "looks like a greenhouse URL but names no board"},
		{"https://boards.greenhouse.io/embed/job_board", "names no board"},
		{"https://jobs.lever.co", "looks like a lever URL but names no board"},
		{"https://jobs.ashbyhq.com/?x=1", "looks like a ashby URL"},
		{"https://acme.wd5.myworkdayjobs.com/", "looks like a Workday URL but names no site"},
		{"https://acme.wd5.myworkdayjobs.com/en-US", "names no site"},
		{"https://www.eightfold.ai/careers", "names no tenant"},
		{"https://acme.eightfold.ai/careers?domain=not%20a%20domain", "is not a domain name"},
		{"https://apply.workable.com/", "names no board"},
		{"https://www.teamtailor.com/", "looks like a teamtailor URL but names no board"},
		{"https://www.bamboohr.com/careers", "looks like a bamboohr URL but names no board"},
		{"https://ats.rippling.com/", "looks like a rippling URL but names no board"},
		{"https://jobs.jobvite.com/", "looks like a jobvite URL but names no board"},
		{"https://recruiting.paylocity.com/Recruiting/Jobs/Details/4141169", "looks like a paylocity URL but names no board"},
		{"https://www.governmentjobs.com/jobs", "looks like a neogov URL but names no board"},
		{"https://ejov.fa.ca2.oraclecloud.com/hcmUI/CandidateExperience/en/", "looks like an Oracle Recruiting Cloud URL but names no site"},
	}
	for _, tt := range tests {
		t.Run(tt.url, func(t *testing.T) {
			got, err := Detect(tt.url)
			if err == nil {
				t.Fatalf("got %+v, want an error", got)
			}
			if !strings.Contains(err.Error(), tt.want) || !strings.HasPrefix(err.Error(), "detect: ") {
				t.Errorf("error %q, want %q", err, tt.want)
			}
		})
	}
}

func TestForSource(t *testing.T) {
	src := config.Source{Name: "my-acme", Type: "auto", Company: "Acme", URL: "https://jobs.lever.co/acme", Schedule: "@daily", Line: 7, Settings: &jsonldsrc.Config{Links: "/job/", MaxPages: 3}}
	got, err := ForSource(src)
	if err != nil {
		t.Fatal(err)
	}
	want := config.Source{Name: "my-acme", Type: "lever", Company: "Acme", Schedule: "@daily", Line: 7, Settings: &scrape.Board{Board: "acme"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v", got)
	}
	src.URL = "https://acme.example/careers"
	got, err = ForSource(src)
	if err != nil {
		t.Fatal(err)
	}
	want = config.Source{Name: "my-acme", Type: "jsonld", Company: "Acme", URL: src.URL, Schedule: "@daily", Line: 7, Settings: &jsonldsrc.Config{Links: "/job/", MaxPages: 3}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v", got)
	}
	if _, err := ForSource(config.Source{Name: "x", Type: "auto"}); err == nil {
		t.Error("no url: no error")
	}
}

func TestSlug(t *testing.T) {
	for in, want := range map[string]string{
		"Acme":                  "acme",
		"acme_gmbh":             "acme-gmbh",
		"--Data & Insights--":   "data-insights",
		"Ünïcode":               "n-code",
		"":                      "careers",
		strings.Repeat("a", 70): strings.Repeat("a", 64),
	} {
		if got := Slug(in); got != want {
			t.Errorf("Slug(%q) = %q, want %q", in, got, want)
		}
	}
}
