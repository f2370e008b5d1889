package report

import (
	"reflect"
	"strings"
	"testing"
)

// The trend window starts no earlier than the first commit of the
// snapshots: initech's folder was created on 3 March, inside the window
// asked for (from 2 February); the weeks before it are not listed.
func TestTrendWindowStartsAtFirstCommit(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	r := f.build(t, func(o *Options) { o.Sources = []string{"initech"} })
	if want := day(3, 3, 9); !r.Trend.Since.Equal(want) || !r.Since.Equal(want) {
		t.Fatalf("since %s (report %s), want %s", r.Trend.Since, r.Since, want)
	}
	if want := []Week{{Week: "2026-W10", Start: "2026-03-02", Opened: 1}}; !reflect.DeepEqual(r.Trend.Weeks, want) {
		t.Fatalf("weeks %+v, want %+v", r.Trend.Weeks, want)
	}
	var b strings.Builder
	if err := r.WriteText(&b); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "From 2026-03-03 to commit") {
		t.Fatalf("text report does not start the trend at the first commit:\n%s", b.String())
	}
	// a window that starts after the first commit is kept
	r = f.build(t, func(o *Options) { o.Sources = []string{"initech"}; o.Since = day(3, 4, 0) })
	if !r.Trend.Since.Equal(day(3, 4, 0)) {
		t.Fatalf("since %s, want the asked %s", r.Trend.Since, day(3, 4, 0))
	}
}

// The open postings are listed per source with title, link, level,
// location and pay; empty weeks are not shown in the rendered report.
func TestOpenPostingsListed(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	r := f.build(t, nil)
	var initech *SourcePostings
	for i := range r.Postings {
		if r.Postings[i].Source == "initech" {
			initech = &r.Postings[i]
		}
	}
	if initech == nil || len(initech.Postings) != 2 {
		t.Fatalf("initech postings: %+v", r.Postings)
	}
	if got, want := initech.Postings[1], (OpenPosting{ID: "i2", Title: "Software Engineer (L4)", URL: "https://jobs.example.com/initech/i2",
		Levels: []string{"L4"}, Location: "Toronto, Ontario, CA", Pay: "CAD 5,000–6,000 / month"}); !reflect.DeepEqual(got, want) {
		t.Fatalf("i2: %+v\nwant %+v", got, want)
	}
	var b strings.Builder
	if err := r.WriteText(&b); err != nil {
		t.Fatal(err)
	}
	text := b.String()
	for _, want := range []string{"Open postings", "Software Engineer (L4)", "https://jobs.example.com/initech/i2", "CAD 5,000–6,000 / month"} {
		if !strings.Contains(text, want) {
			t.Errorf("text report lacks %q", want)
		}
	}
	// W07 and W09 had nothing opened or closed
	if strings.Contains(text, "2026-W07") || strings.Contains(text, "2026-W09") || !strings.Contains(text, "2026-W06") {
		t.Errorf("empty weeks shown, or a busy one missing:\n%s", text)
	}
}

// A category no posting states (teams all "(none)", no workplace) is left
// out of the rendered report; a stated one stays.
func TestEmptyCategoriesHidden(t *testing.T) {
	t.Parallel()
	r := &Report{Open: 2, Roles: []Count{{Name: "Data Engineer", Postings: 2, Share: 1}},
		Teams: []Count{{Name: none, Postings: 2, Share: 1}}, Workplaces: []Count{{Name: "(unspecified)", Postings: 2, Share: 1}},
		SkillCategories: []SkillCategory{{Category: "data", Postings: 0}}}
	ids := map[string]bool{}
	for _, s := range r.sections() {
		ids[s.ID] = true
		for _, tb := range s.Tables {
			if tb.Caption == "Workplace" || strings.HasPrefix(tb.Caption, "data:") {
				t.Errorf("section %s shows the empty table %q", s.ID, tb.Caption)
			}
		}
	}
	if ids["teams"] || ids["levels"] || ids["locations"] || !ids["roles"] {
		t.Errorf("sections %v: want roles, and no teams, levels or locations", ids)
	}
}
