package normalize

import (
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// Session 21 (corpus round s21): a remote label whose parenthesis is a
// time-zone preference or working hours ("Remote (preference for UTC-6 to
// UTC+5)", "Remote (working hours are UTC 15:00 to UTC 23:00)", "fully
// remote (preference for UTC-6 to UTC +3)", MUI's careers pages) names no
// place: one remote entry (PROTOCOL.md, "Remote (CET +/- 2h)").
func TestRemoteTimeZoneLabelsS21(t *testing.T) {
	n := New(nil)
	remote := []model.Location{{Remote: true}}
	for _, label := range []string{
		"Remote (preference for UTC-6 to UTC+5)",
		"Remote (working hours are UTC 15:00 to UTC 23:00)",
		"fully remote (preference for UTC-6 to UTC +3)",
		"Fully remote",
		"Remote (GMT+1 to GMT+3 preferred)",
	} {
		p := n.Normalize("s", "c", model.Raw{ID: "1", Title: "Designer", Locations: []string{label}, DescriptionText: "We build UI libraries."})
		if !sameLocations(p.Locations, remote) {
			t.Errorf("label %q -> %+v, want %+v", label, p.Locations, remote)
		}
	}
	// unchanged: a place beside the remote word stays the place
	de := []model.Location{{Country: "DE", Remote: true}}
	p := n.Normalize("s", "c", model.Raw{ID: "1", Title: "Designer", Locations: []string{"Remote (Germany)"}, DescriptionText: "We build UI libraries."})
	if !sameLocations(p.Locations, de) {
		t.Errorf("label %q -> %+v, want %+v", "Remote (Germany)", p.Locations, de)
	}
}

// A number of years in Markdown emphasis ("You have **5-8 years** of
// recruiting experience", MUI's Technical Recruiter) is the same minimum as
// without it.
func TestYearsInMarkdownEmphasisS21(t *testing.T) {
	tests := []struct {
		text string
		want int
	}{
		{"- You have **5-8 years** of recruiting experience, with a strong background in technical R&D hiring.", 5},
		{"- **3+ years** of professional design experience.", 3},
		{"* You bring _2 years_ of experience with Cocoa.", 2},
	}
	for _, tt := range tests {
		got := MinYears(tt.text)
		if got == nil || *got != tt.want {
			t.Errorf("MinYears(%q) = %v, want %d", tt.text, s20Years(got), tt.want)
		}
	}
}

// Headings of the round's dev documents: Canadian English "Assets" (French
// "atouts") lists the nice-to-haves; "You might fit for this role if you"
// and "You should apply if" list what is asked.
func TestS21Headings(t *testing.T) {
	for _, tt := range []struct {
		h    string
		want class
	}{
		{"ASSETS:", clsPreferred},                           // osd-peerio-graphic-designer
		{"**Assets**", clsPreferred},                        // osd-savoir-faire-linux-ux-ui-designer
		{"You might fit for this role if you", clsRequired}, // mui-text-designer
		{"## You should apply if", clsRequired},             // mui-text-technical-recruiter
		// unchanged
		{"Nice to have (but not required)", clsPreferred},
		{"How to apply", clsMentioned},
	} {
		if got := classifyHeading(tt.h, false); got != tt.want {
			t.Errorf("classifyHeading(%q) = %v, want %v", tt.h, got, tt.want)
		}
	}
	d := func(s string) model.Raw { return model.Raw{DescriptionText: s} }
	checkSkills(t, []skillCase{
		{
			// osd-peerio-graphic-designer, cut
			name: "qualifications and assets",
			raw: d("QUALIFICATIONS:\n* A strong understanding of typography, colour, and layout\n* Skills in motion design and/or animation\n* Skills in illustration\n" +
				"ASSETS:\n* Experience in icon design\n* An understanding of HTML/CSS\n* Experience in user experience research\n"),
			want: model.Skills{Required: []string{"Animation", "Illustration", "Motion Design", "Typography"}, Preferred: []string{"HTML/CSS", "Icon Design", "User Research"}},
		},
		{
			// osd-wikimedia-de-working-student-ux, osd-moodle-ux-designer, cut
			name: "design disciplines by name",
			raw: d("What we expect\n* Experience in Interaction Design, UX Design, Human Centered Design, Design Thinking or a similar discipline\n" +
				"* Experience with evidence-based design thinking.\n* Skills in creating visual designs which are clean and coherent\n"),
			want: model.Skills{Required: []string{"Design Thinking", "Human-Centered Design", "Interaction Design", "UX Design", "Visual Design"}},
		},
		{
			// osd-briar-mobile-ux-designer, osd-ura-design-style-guide-frontend-developer, osd-qutebrowser-ui-ux-design, cut
			name: "tools by name",
			raw: d("Essential skills:\n* Android/Material Design\n* experience in Jekyll and Git\n* Show a good knowledge of Inkscape interface and workflow\n" +
				"It'd be great if you used similar projects before (and/or the vim editor).\n"),
			want: model.Skills{Required: []string{"Android", "Git", "Inkscape", "Jekyll", "Material Design"}, Preferred: []string{"Vim"}},
		},
	})
}

// A title segment that names a town and remote work as alternatives
// ("Designer (UX/UI) - Remote / Luxembourg - Fulltime",
// osd-passbolt-designer-ux-ui) gives the town and remote work in its
// country when no field names a place.
func TestTitleRemoteAlternativeS21(t *testing.T) {
	n := New(nil)
	berlin := model.Location{City: "Berlin", Region: "Berlin", Country: "DE"}
	tests := []struct {
		title string
		want  []model.Location
	}{
		{"Designer (UX/UI) - Remote / Berlin - Fulltime", []model.Location{berlin, {Country: "DE", Remote: true}}},
		{"Frontend Developer (Berlin / Remote)", []model.Location{berlin, {Country: "DE", Remote: true}}},
		// unchanged: no town beside the remote word, or no remote word
		{"Designer (UX/UI) - Remote - Fulltime", nil},
		{"Designer - Berlin", []model.Location{berlin}},
	}
	for _, tt := range tests {
		p := n.Normalize("s", "c", model.Raw{ID: "1", Title: tt.title, DescriptionText: "We build software."})
		if !sameLocations(p.Locations, tt.want) {
			t.Errorf("title %q -> %+v, want %+v", tt.title, p.Locations, tt.want)
		}
	}
}

// "Ability to work in an agile way" (osd-canonical-senior-ux-designer)
// asks for the method, as "Ability to work in an agile environment" does
// (PROTOCOL.md, Methods of working); "agile" as a trait stays unlabelled.
func TestAgileWayS21(t *testing.T) {
	d := func(s string) model.Raw { return model.Raw{DescriptionText: s} }
	checkSkills(t, []skillCase{
		{
			name: "an agile way",
			raw: d("## Required Skills And Experience\n\n- Ability to work in an agile way and manage your own workload to deliver designs to agreed timescales\n" +
				"- Proficiency in design and prototyping tools and basic understanding of HTML and CSS\n"),
			want: model.Skills{Required: []string{"Agile", "HTML/CSS", "Prototyping"}},
		},
		{
			name: "a trait",
			raw:  d("## Requirements\n\n- An agile, dynamic mindset\n- Experience with Figma\n"),
			want: model.Skills{Required: []string{"Figma"}},
		},
	})
}

// "employer branding" (a recruiter's work, mui-text-technical-recruiter) is
// not the design discipline Branding; "brand identity" is.
func TestEmployerBrandingS21(t *testing.T) {
	d := func(s string) model.Raw { return model.Raw{DescriptionText: s} }
	checkSkills(t, []skillCase{
		{
			name: "employer branding",
			raw:  d("## You should apply if\n\n- You are excited by the prospect of owning employer branding and diversity and inclusion initiatives.\n"),
			want: model.Skills{},
		},
		{
			name: "brand identity",
			raw:  d("## Requirements\n\n- Experience in designing brand identity systems and illustrations for the web.\n"),
			want: model.Skills{Required: []string{"Branding", "Illustration"}},
		},
	})
}
