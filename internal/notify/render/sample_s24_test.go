package render

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/careers-watcher/careers-watcher/internal/notify"
)

// TestSampleIsMarkedAsTest_s24 (review s24 F2): `watcher notify test` sends
// through the webhook a body that is byte-for-byte a real posting.added of
// the first configured source ("acme"), posting id "test-0001". A receiver
// that mirrors postings from the events (what the webhook's added/removed
// events with the full posting are for) records a phantom open posting
// under a real source that no posting.removed ever closes. Nothing in the
// body tells a machine it is a test.
func TestSampleIsMarkedAsTest_s24(t *testing.T) {
	e := Sample("acme", time.Date(2026, 12, 4, 12, 0, 0, 0, time.UTC))
	body, err := notify.Body(e)
	if err != nil {
		t.Fatal(err)
	}
	var m struct {
		Type string `json:"type"`
		Test bool   `json:"test"`
		Data struct {
			Source string `json:"source"`
			Test   bool   `json:"test"`
		} `json:"data"`
	}
	if err := json.Unmarshal(body, &m); err != nil {
		t.Fatal(err)
	}
	if m.Type == notify.PostingAdded && !m.Test && !m.Data.Test && m.Data.Source == "acme" {
		t.Errorf("the sample is an unmarked %s of the real source %q: a receiver cannot tell it from a real posting; body: %s", m.Type, m.Data.Source, body)
	}
}
