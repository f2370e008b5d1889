package detect_test

import (
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/config"
	"github.com/careers-watcher/careers-watcher/internal/scrape/detect"
	"github.com/careers-watcher/careers-watcher/internal/scrape/platforms"
)

// Every detected source, written as `watcher detect` writes it, is a valid
// config item of its type.
func TestDetectedSourcesAreValidConfig(t *testing.T) {
	for _, u := range []string{
		"https://boards.greenhouse.io/amplitude", "https://jobs.eu.lever.co/acme", "https://acme.wd5.myworkdayjobs.com/en-US/External",
		"https://explore.jobs.netflix.net/careers?Teams=Data%20%26%20Insights", "https://acme.example/jobs", "https://acme.jobs.personio.de",
		"https://acme.teamtailor.com/jobs", "https://acme.career.teamtailor.com", "https://acme.bamboohr.com/careers", "https://acme.bamboohr.co.uk/careers",
		"https://acme.pinpointhq.com", "https://ats.rippling.com/acme/jobs", "https://jobs.jobvite.com/acme",
		"https://recruiting.paylocity.com/recruiting/jobs/All/0c4d1a8e-1111-2222-3333-444455556666", "https://www.schooljobs.com/careers/dekalb",
		"https://ejov.fa.ca2.oraclecloud.com/hcmUI/CandidateExperience/fr/sites/CX_1", "https://careers-wipfli.icims.com/jobs/search",
		"https://careers.phenom.com/global/en/search-results", "https://opco.hrmdirect.com/employment/job-openings.php",
	} {
		s, err := detect.Detect(u)
		if err != nil {
			t.Fatal(err)
		}
		item, err := detect.YAML(s)
		if err != nil {
			t.Fatal(err)
		}
		yml := "sources:\n" + item
		if _, err := config.Parse([]byte(yml), "x.yaml", func(string) (string, bool) { return "", false }, config.Plugins{Sources: platforms.Kinds()}); err != nil {
			t.Errorf("%s: %v\n%s", u, err, yml)
		}
	}
}
