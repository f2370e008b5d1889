package scrape_test

import (
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/scrape"
	htmlsel "github.com/careers-watcher/careers-watcher/internal/scrape/html"
	"github.com/careers-watcher/careers-watcher/internal/scrape/jsonld"
)

// Re-read s17 F4: an id made from a link holding a secret the board was
// sent is stored masked; today's id rule keeps the mask as it is (it
// escaped its brackets and colon: the stored posting was never found
// again under the key today's listing gives it, and went removed and
// added at the rule's change).
func TestCurrentIDKeepsMasksS19(t *testing.T) {
	var h htmlsel.HTML
	var j jsonld.JSONLD
	for _, c := range []struct {
		rule           scrape.IDRule
		stored, wanted string
	}{
		{&h, "/jobs/7?ASP.NET_SessionId=abc&token=[redacted:TOKEN]", "/jobs/7?token=[redacted:TOKEN]"},
		{&h, "/jobs/7?token=[redacted:TOKEN]", "/jobs/7?token=[redacted:TOKEN]"},
		{&h, "/jobs/7?b=[redacted:B]&a=[redacted:A]&ASP.NET_SessionId=x", "/jobs/7?a=[redacted:A]&b=[redacted:B]"},
		{&h, "/jobs/7?ASP.NET_SessionId=[redacted:T]", "/jobs/7"}, // dropped with its parameter, as the secret is today
		{&j, "jobs.example.com/jobs/7?ASP.NET_SessionId=abc&token=[redacted:TOKEN]", "jobs.example.com/jobs/7?token=[redacted:TOKEN]"},
		{&j, "[redacted:TENANT].example.com/jobs/7?ASP.NET_SessionId=abc", "[redacted:TENANT].example.com/jobs/7"},
		{&j, "req-[redacted:KEY]-7", "req-[redacted:KEY]-7"},
	} {
		if got := c.rule.CurrentID(c.stored); got != c.wanted {
			t.Errorf("%T.CurrentID(%q) = %q, want %q", c.rule, c.stored, got, c.wanted)
		}
	}
}
