package notify_test

import (
	"context"
	"encoding/json"
	"regexp"
	"testing"
	"time"

	"github.com/careers-watcher/careers-watcher/internal/model"
	"github.com/careers-watcher/careers-watcher/internal/notify"
)

func TestEventID(t *testing.T) {
	a := notify.EventID(notify.PostingChanged, "netflix", "42", "old", "new")
	if !regexp.MustCompile(`^evt_[a-z2-7]{26}$`).MatchString(a) {
		t.Fatalf("EventID = %q", a)
	}
	if b := notify.EventID(notify.PostingChanged, "netflix", "42", "old", "new"); a != b {
		t.Errorf("not deterministic: %q vs %q", a, b)
	}
	if b := notify.EventID(notify.PostingChanged, "netflix", "42", "old", "newer"); a == b {
		t.Errorf("different changes share id %q", a)
	}
	if notify.EventID("ab", "c") == notify.EventID("a", "bc") {
		t.Error("parts are not delimited")
	}
}

func TestBody(t *testing.T) {
	loc := time.FixedZone("PST", -8*3600)
	e := notify.Event{
		ID:        "evt_x",
		Type:      notify.PostingChanged,
		Timestamp: time.Date(2026, 11, 25, 12, 0, 0, 123456789, loc),
		Data: notify.Data{
			Source:   "netflix",
			Posting:  &model.Posting{ID: "1", Title: "A & B <x>", Skills: model.Skills{Required: []string{"PyTorch"}}},
			Previous: &model.Posting{ID: "1", Title: "A & B <x>"},
			Changes:  []model.Change{{Field: "skills.required", New: "PyTorch"}},
		},
	}
	b, err := notify.Body(e)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	if m["timestamp"] != "2026-11-25T20:00:00Z" || m["type"] != "posting.changed" {
		t.Errorf("timestamp/type: %s", b)
	}
	if _, ok := m["id"]; ok {
		t.Errorf("id in body: %s", b)
	}
	data := m["data"].(map[string]any)
	for _, k := range []string{"source", "posting", "previous", "changes"} {
		if _, ok := data[k]; !ok {
			t.Errorf("data.%s missing: %s", k, b)
		}
	}
	if _, ok := data["error"]; ok {
		t.Errorf("empty error present: %s", b)
	}
	prev := data["previous"].(map[string]any)
	if l, ok := prev["levels"].([]any); !ok || len(l) != 0 {
		t.Errorf("previous.levels = %v, want []", prev["levels"])
	}
	if e.Data.Previous.Levels != nil {
		t.Error("Body changed the caller's posting")
	}
	if string(b[len(b)-1]) == "\n" {
		t.Error("trailing newline")
	}
	if !regexp.MustCompile(`"title":"A & B <x>"`).Match(b) {
		t.Errorf("HTML escaped: %s", b)
	}

	src := notify.Event{ID: "evt_y", Type: notify.SourceFailed, Timestamp: time.Unix(0, 0), Data: notify.Data{Source: "netflix", Error: "status 503"}}
	b, _ = notify.Body(src)
	if want := `{"type":"source.failed","timestamp":"1970-01-01T00:00:00Z","data":{"source":"netflix","error":"status 503"}}`; string(b) != want {
		t.Errorf("Body = %s\nwant   %s", b, want)
	}
}

type named string

func (n named) Name() string                               { return string(n) }
func (n named) Notify(context.Context, notify.Event) error { return nil }

func TestRouteMatch(t *testing.T) {
	ev := func(typ, src string) notify.Event {
		return notify.Event{Type: typ, Data: notify.Data{Source: src}}
	}
	tests := []struct {
		name  string
		route notify.Route
		e     notify.Event
		want  bool
	}{
		{"empty takes all", notify.Route{}, ev(notify.PostingAdded, "a"), true},
		{"source in", notify.Route{Sources: []string{"a", "b"}}, ev(notify.PostingAdded, "b"), true},
		{"source out", notify.Route{Sources: []string{"a"}}, ev(notify.PostingAdded, "c"), false},
		{"event in", notify.Route{Events: []string{notify.PostingAdded}}, ev(notify.PostingAdded, "a"), true},
		{"event out", notify.Route{Events: []string{notify.PostingAdded}}, ev(notify.PostingRemoved, "a"), false},
		{"family", notify.Route{Events: []string{"source.*"}}, ev(notify.SourceFailed, "a"), true},
		{"family out", notify.Route{Events: []string{"source.*"}}, ev(notify.PostingChanged, "a"), false},
		{"star", notify.Route{Events: []string{"*"}}, ev(notify.SourceRecovered, "a"), true},
		{"both", notify.Route{Sources: []string{"a"}, Events: []string{notify.PostingChanged}}, ev(notify.PostingChanged, "a"), true},
		{"both, wrong source", notify.Route{Sources: []string{"a"}, Events: []string{notify.PostingChanged}}, ev(notify.PostingChanged, "b"), false},
	}
	for _, tt := range tests {
		tt.route.Notifier = named("n")
		if got := tt.route.Match(tt.e); got != tt.want {
			t.Errorf("%s: Match = %v, want %v", tt.name, got, tt.want)
		}
	}
}
