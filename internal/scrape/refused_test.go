package scrape_test

import (
	"net/url"
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/scrape"
)

// TestCheckDetailURL: a posting page URL from an answer is fetched only
// when it is http(s), on the portal's host (port defaults by scheme) and
// without a dot segment in any spelling.
func TestCheckDetailURL(t *testing.T) {
	portal, _ := url.Parse("https://Careers-Acme.icims.com")
	for _, ok := range []string{
		"https://careers-acme.icims.com/jobs/1/x/job",
		"http://careers-acme.icims.com/jobs/1/x/job",
		"https://careers-acme.icims.com:443/jobs/1/x/job",
		"https://CAREERS-ACME.icims.com/jobs/1/x.y/job?a=..",
		"https://careers-acme.icims.com/jobs/1/.../job",
	} {
		if _, err := scrape.CheckDetailURL(ok, portal); err != nil {
			t.Errorf("%s: %v", ok, err)
		}
	}
	for bad, why := range map[string]string{
		"ftp://careers-acme.icims.com/jobs/1/x/job":        "not an http(s) URL",
		"javascript:/jobs/1/x/job":                         "not an http(s) URL",
		"/jobs/1/x/job":                                    "not an http(s) URL",
		"https://evil.example/jobs/1/x/job":                "not on the portal's host Careers-Acme.icims.com",
		"https://careers-acme.icims.com.evil/jobs/1/x/job": "not on the portal's host",
		"https://careers-acme.icims.com:8443/jobs/1/x/job": "not on the portal's host",
		"https://careers-acme.icims.com/jobs/1/../../x":    "dot segment",
		"https://careers-acme.icims.com/jobs/1/%2E%2e/x":   "dot segment",
		"https://careers-acme.icims.com/jobs/1/.%2E":       "dot segment",
		"https://careers-acme.icims.com/jobs/1/%2e/x":      "dot segment",
		`https://careers-acme.icims.com/jobs/1\..\x`:       "dot segment",
		"https://careers-acme.icims.com/jobs/1%5C..%5Cx":   "dot segment",
	} {
		_, err := scrape.CheckDetailURL(bad, portal)
		if err == nil || !strings.Contains(err.Error(), why) || !strings.Contains(err.Error(), "refused, not fetched") {
			t.Errorf("%s: error %v, want one saying %q", bad, err, why)
		}
	}
	local, _ := url.Parse("http://127.0.0.1:8080")
	if _, err := scrape.CheckDetailURL("http://127.0.0.1:8081/jobs/1", local); err == nil {
		t.Error("another port of the portal's address was accepted")
	}
}
