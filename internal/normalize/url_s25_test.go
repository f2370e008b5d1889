package normalize

import (
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// A posting's link of a scheme a receiver would run (javascript:, data:,
// vbscript:), however it is spelled, is dropped; http, https and mailto
// links, and relative ones, are kept (review s24: a board's absolute_url
// "javascript:alert(1)" went into every event's posting.url).
func TestCleanURLDropsScriptLinks(t *testing.T) {
	for raw, want := range map[string]string{
		"javascript:alert(1)":                   "",
		" JavaScript:alert(1)":                  "",
		"java\tscript:alert(1)":                 "",
		"\x01javascript:alert(1)":               "",
		"jav\nascript:alert(document.cookie)":   "",
		"javascript:%zz":                        "",
		"data:text/html;base64,PHNjcmlwdD4=":    "",
		"vbscript:msgbox(1)":                    "",
		"https://jobs.example/1?utm_source=x#a": "https://jobs.example/1",
		"HTTP://jobs.example/2":                 "http://jobs.example/2",
		"mailto:jobs@example.com":               "mailto:jobs@example.com",
		"/jobs/3":                               "/jobs/3",
		"jobs/4:5":                              "jobs/4:5",
		"":                                      "",
	} {
		if got := CleanURL(raw); got != want {
			t.Errorf("CleanURL(%q) = %q, want %q", raw, got, want)
		}
	}
	n := New(nil)
	p := n.Normalize("acme", "Acme", model.Raw{ID: "1", Title: "Data Engineer", URL: "javascript:alert(1)", DescriptionHTML: "<p>Python.</p>"})
	if p.URL != "" {
		t.Fatalf("normalized posting's url: %q", p.URL)
	}
}
