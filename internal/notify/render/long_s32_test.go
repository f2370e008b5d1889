package render

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/careers-watcher/careers-watcher/internal/model"
	"github.com/careers-watcher/careers-watcher/internal/notify"
)

// TestItemCutsLongFields: a posting whose title, company, team, levels,
// place and URL are as long as a board's answer makes an item of a few
// hundred runes per field (every channel's message is built from it),
// keeping each field's start; the event's posting stays whole.
func TestItemCutsLongFields(t *testing.T) {
	long := strings.Repeat("Senior Data Engineer ", 12000) // 252 KB
	p := &model.Posting{
		ID: "1", Source: "s", Title: long, Company: long, Team: long, Role: long, Workplace: long,
		URL:       "https://e.com/" + strings.Repeat("a", 10000),
		Levels:    []string{long},
		Locations: []model.Location{{City: long, Country: "US"}},
		Salary:    []model.Salary{{Min: 1, Max: 2, Currency: long, Period: long}},
		Skills:    model.Skills{Required: []string{long, "Go"}},
	}
	it := NewItem(notify.Event{Type: notify.PostingAdded, Data: notify.Data{Source: "s", Posting: p}})
	for name, v := range map[string]string{"title": it.Title, "company": it.Company, "team": it.Team, "role": it.Role,
		"levels": it.Levels, "location": it.Location, "pay": it.Pay, "workplace": it.Workplace, "skills": it.Skills} {
		if n := utf8.RuneCountInString(v); n > 4*MaxField || n == 0 {
			t.Errorf("%s: %d runes", name, n)
		}
		if !strings.HasPrefix(v, "Senior Data") && name != "pay" && name != "location" {
			t.Errorf("%s lost its start: %.40q", name, v)
		}
	}
	if n := utf8.RuneCountInString(it.Title); n > MaxTitle {
		t.Errorf("title: %d runes, want at most %d", n, MaxTitle)
	}
	if it.URL != "" {
		t.Errorf("a 10 KB URL is linked: %.60q", it.URL)
	}
	if n := len(it.Summary); n > 4*MaxTitle*4 {
		t.Errorf("summary is %d bytes", n)
	}
	if len(p.Title) != len(long) {
		t.Error("the event's posting was cut")
	}
	short := NewItem(notify.Event{Type: notify.PostingAdded, Data: notify.Data{Source: "s", Posting: &model.Posting{ID: "2", Title: "Analyst", URL: "https://e.com/2"}}})
	if short.Title != "Analyst" || short.URL != "https://e.com/2" {
		t.Errorf("a short posting changed: %q %q", short.Title, short.URL)
	}
}
