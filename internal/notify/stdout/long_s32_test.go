package stdout

import (
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
	"github.com/careers-watcher/careers-watcher/internal/notify"
)

// TestLineCutsLongFields: a 250 KB title, level, place and a 10 KB URL make
// a line of a few hundred bytes that starts with the title's start.
func TestLineCutsLongFields(t *testing.T) {
	long := strings.Repeat("Senior Data Engineer ", 12000)
	p := &model.Posting{ID: "1", Title: long, Levels: []string{long}, URL: "https://e.com/" + strings.Repeat("a", 10000),
		Locations: []model.Location{{City: long, Country: "US"}}, Salary: []model.Salary{{Min: 1, Max: 2, Currency: long}}}
	l := Line(notify.Event{Type: notify.PostingAdded, Data: notify.Data{Source: "s", Posting: p}})
	if len(l) > 4000 {
		t.Fatalf("line is %d bytes", len(l))
	}
	if !strings.HasPrefix(l, "+ added    s  Senior Data Engineer") || strings.Contains(l, "aaaa") {
		t.Errorf("line: %.200q", l)
	}
	s := Line(notify.Event{Type: notify.PostingAdded, Data: notify.Data{Source: "s", Posting: &model.Posting{ID: "2", Title: "Analyst", URL: "https://e.com/2"}}})
	if s != "+ added    s  Analyst  https://e.com/2" {
		t.Errorf("short line: %q", s)
	}
}
