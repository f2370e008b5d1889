package normalize

import (
	"net/url"
	"testing"
)

// Session ids (as query or path parameters, in any case) and the source
// tags of applicant tracking systems are no part of a posting's link:
// review F14 (a board rotating sessions) and F4 (gh_src and its kind).
func TestCleanURLDropsSessionsAndSourceTags(t *testing.T) {
	for in, want := range map[string]string{
		"https://jobs.example.com/job/1;jsessionid=A1B2C3D4E5F6":                      "https://jobs.example.com/job/1",
		"https://jobs.example.com/job/1;JSESSIONID=A1B2C3.node0?lang=en":              "https://jobs.example.com/job/1?lang=en",
		"https://jobs.example.com/a;jsessionid=X1/job;v=2;jsessionid=Y2":              "https://jobs.example.com/a/job;v=2",
		"https://jobs.example.com/job/1%3Bjsessionid=kept":                            "https://jobs.example.com/job/1%3Bjsessionid=kept",
		"https://jobs.example.com/job?id=7&PHPSESSID=k2mf0d9l3tqm7m1":                 "https://jobs.example.com/job?id=7",
		"https://jobs.example.com/job?id=7&jsessionid=ABC&SessionID=x9&session_id=q1": "https://jobs.example.com/job?id=7",
		"https://jobs.example.com/job?id=7&sid=f3a9c0e1b2d4a5b6c7d8":                  "https://jobs.example.com/job?id=7",
		"https://jobs.example.com/job?sid=123":                                        "https://jobs.example.com/job?sid=123",
		"https://jobs.example.com/job?session=summer2026&sid=12345678901234567":       "https://jobs.example.com/job?session=summer2026&sid=12345678901234567",
		"https://jobs.example.com/job?session=42&b=1":                                 "https://jobs.example.com/job?session=42&b=1",
		"https://boards.greenhouse.io/acme/jobs/123?gh_src=a607b2971us":               "https://boards.greenhouse.io/acme/jobs/123",
		"https://acme.com/careers?gh_jid=123&gh_src=linkedin":                         "https://acme.com/careers?gh_jid=123",
		"https://jobs.lever.co/acme/7f6a?lever-origin=applied&lever-source%5B%5D=X":   "https://jobs.lever.co/acme/7f6a",
		"https://jobs.lever.co/acme/7f6a?lever-source=LinkedIn":                       "https://jobs.lever.co/acme/7f6a",
		"https://jobs.jobvite.com/acme/job/oP0A?__jvst=Job%20Board&__jvsd=LinkedIn":   "https://jobs.jobvite.com/acme/job/oP0A",
		"https://careers-acme.icims.com/jobs/1234/job?iis=Job+Board&iisn=Indeed":      "https://careers-acme.icims.com/jobs/1234/job",
		"https://jobs.smartrecruiters.com/Acme/7443?trid=2572f1e5":                    "https://jobs.smartrecruiters.com/Acme/7443",
		"https://jobs.ashbyhq.com/acme/5a1b?utm_source=Xk3":                           "https://jobs.ashbyhq.com/acme/5a1b",
		"https://acme.com/careers?ashby_jid=5a1b":                                     "https://acme.com/careers?ashby_jid=5a1b",
	} {
		if got := CleanURL(in); got != want {
			t.Errorf("CleanURL(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestStripTrackingSessionValues(t *testing.T) {
	q, _ := url.ParseQuery("sid=abc123def456abc1&sid=789&req=5")
	if got := StripTracking(q).Encode(); got != "req=5&sid=abc123def456abc1&sid=789" {
		t.Errorf("a sid with a number among its values is kept whole: got %q", got)
	}
	q, _ = url.ParseQuery("Sid=abc123def456abc1&REQ=5&Gh_Src=x")
	if got := StripTracking(q).Encode(); got != "REQ=5" {
		t.Errorf("got %q", got)
	}
}
