package htmlsel

import (
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/config"
)

// A posting's id leaves out session ids (query or path parameters, any
// case) and the source tags of applicant tracking systems (review F14,
// F4): a board that rotates sessions or tags keeps its ids.
func TestIDWithoutSessionsAndSourceTags(t *testing.T) {
	for in, want := range map[string]string{
		"https://a.example/jobs/1;jsessionid=9F8E7D6C5B4A":                            "/jobs/1",
		"https://a.example/jobs/1;JSESSIONID=9F8E7D6C5B4A.node1?req=2":                "/jobs/1?req=2",
		"https://a.example/job.php?req=2&PHPSESSID=k2mf0d9l3t&sid=ab12cd34ef56ab78cd": "/job.php?req=2",
		"https://a.example/job.php?req=2&JSessionID=X&session=ab12cd34ef56ab78cd":     "/job.php?req=2",
		"https://a.example/job.php?sid=1234":                                          "/job.php?sid=1234",
		"https://a.example/jobs/1?gh_src=a607b2971us&gh_jid=1":                        "/jobs/1?gh_jid=1",
		"https://a.example/jobs/1?lever-source=LinkedIn&lever-origin=x":               "/jobs/1",
	} {
		if got := ID(in); got != want {
			t.Errorf("ID(%q) = %q, want %q", in, got, want)
		}
	}
}

// CurrentID reads an id stored under the earlier rule (with the session
// id or tag) as today's, for the runner to keep the stored posting; a
// title id (a listing without links) is as it was.
func TestCurrentIDOfEarlierIDs(t *testing.T) {
	h, err := New(config.Source{Name: "x", URL: "https://x.example", Settings: &Config{Selectors: Selectors{Item: "li", Title: "a"}}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	for stored, want := range map[string]string{
		"/jobs/1;jsessionid=9F8E7D6C5B4A":       "/jobs/1",
		"/job.php?PHPSESSID=k2mf0d9l3t&req=2":   "/job.php?req=2",
		"/jobs/1?gh_jid=1&gh_src=a607b2971us":   "/jobs/1?gh_jid=1",
		"/job.php?loc=1&req=2":                  "/job.php?loc=1&req=2",
		"/jobs/1":                               "/jobs/1",
		"Data Engineer; sid=ab12cd (Remote?)":   "Data Engineer; sid=ab12cd (Remote?)",
		"//a.example/jobs/1;jsessionid=9F8E7D6": "//a.example/jobs/1;jsessionid=9F8E7D6",
	} {
		if got := h.CurrentID(stored); got != want {
			t.Errorf("CurrentID(%q) = %q, want %q", stored, got, want)
		}
	}
}
