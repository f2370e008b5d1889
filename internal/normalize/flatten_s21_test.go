package normalize

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// Session 21: descriptions whose line breaks were all lost. The texts are
// the dev corpus postings named, with their lines joined by a space (as
// TestFormatVariants' flat-line variant makes them). A heading found
// without a mark of its own is given the markdown mark "## ".
func TestS21FlatPieces(t *testing.T) {
	for _, tt := range []struct {
		name, in string
		want     []string
	}{
		{
			// github-greenhouse 1424415: headings with a colon after the
			// item before them, glyph bullets
			"greenhouse bullets", "• Automate alert enrichment and detection response. • Create and maintain relevant team documentation and standards. Minimum Qualifications: • 4+ years experience or demonstrable proficiency in threat detection. • Basic scripting experience with Ruby, Python, Bash, or Powershell. Preferred Qualifications: • Software engineering experience with Python, Ruby, Golang, JavaScript, or other OOP languages.",
			[]string{"• Automate alert enrichment and detection response.", "• Create and maintain relevant team documentation and standards.", "## Minimum Qualifications:",
				"• 4+ years experience or demonstrable proficiency in threat detection.", "• Basic scripting experience with Ruby, Python, Bash, or Powershell.",
				"## Preferred Qualifications:", "• Software engineering experience with Python, Ruby, Golang, JavaScript, or other OOP languages."},
		},
		{
			// superluminar-senior-cloud-consultant: markdown headings and
			// dashes
			"markdown dashes", "Werkverträge und Arbeit nach Pflichtenheft gibt es bei uns nicht. ## Dein Profil: - Mindestens 5 Jahre Berufserfahrung in der IT - Agile Methoden sind für dich fundamental - Du hast Erfahrungen mit Docker und Serverless Computing",
			[]string{"Werkverträge und Arbeit nach Pflichtenheft gibt es bei uns nicht.", "## Dein Profil:", "- Mindestens 5 Jahre Berufserfahrung in der IT",
				"- Agile Methoden sind für dich fundamental", "- Du hast Erfahrungen mit Docker und Serverless Computing"},
		},
		{
			// geely-blockchain-engineer: bold headings and numbered items
			// in Chinese
			"bold numbered", "7.能够对虚拟机引擎(wasm、EVM、V8等)进行性能优化和改造 **任职要求：** 1.本科及以上学历，计算机、软件工程、数学或信息技术相关专业；3年以上工作经验； 2.精通Rust/C++/Haskell等开发语言中的一种或多种，具有良好的编程能力和编程习惯；",
			[]string{"7.能够对虚拟机引擎(wasm、EVM、V8等)进行性能优化和改造", "**任职要求：**", "1.本科及以上学历，计算机、软件工程、数学或信息技术相关专业；3年以上工作经验；",
				"2.精通Rust/C++/Haskell等开发语言中的一种或多种，具有良好的编程能力和编程习惯；"},
		},
		{
			// tor-project-controller: headings in capitals
			"shouted", "This position is part-time, approximately 20 hours per week, at our office in Cambridge, Massachusetts. POSITION SUMMARY The Controller is responsible for performing highly specialized accounting work. MAJOR RESPONSIBILITIES AND DUTIES • Oversees the daily accounting activities. • Maintains organized set of detailed records.",
			[]string{"This position is part-time, approximately 20 hours per week, at our office in Cambridge, Massachusetts.", "## POSITION SUMMARY",
				"The Controller is responsible for performing highly specialized accounting work.", "## MAJOR RESPONSIBILITIES AND DUTIES",
				"• Oversees the daily accounting activities.", "• Maintains organized set of detailed records."},
		},
		{
			// mund-consulting-text-senior-java-developer: a heading glued
			// to the item before it, without a full stop
			"glued heading", "- Wissensaufbau bei den internen Mitarbeitern zu neuen Technologien - Regelmäßige Teilnahme an Jour Fixe und Erstellung von Sachstandsberichten Anforderungen (Muss-Kriterien / Ausschlusskriterien): - Abgeschlossenes Studium im IT-Bereich oder gleichwertige Qualifikation",
			[]string{"- Wissensaufbau bei den internen Mitarbeitern zu neuen Technologien", "- Regelmäßige Teilnahme an Jour Fixe und Erstellung von Sachstandsberichten",
				"## Anforderungen (Muss-Kriterien / Ausschlusskriterien):", "- Abgeschlossenes Studium im IT-Bereich oder gleichwertige Qualifikation"},
		},
		{
			// a heading phrase between two sentences (an <h3> flattened)
			"heading between sentences", "Interested in threat hunting, MITRE ATT&CK, building and tuning detection logic, alert enrichment, or response automation? About the role We are looking for an experienced Detection Engineer to join our remote SIRT.",
			[]string{"Interested in threat hunting, MITRE ATT&CK, building and tuning detection logic, alert enrichment, or response automation?", "## About the role",
				"We are looking for an experienced Detection Engineer to join our remote SIRT."},
		},
		{
			// the bullets between every line: a heading alone after one
			"bullet heading", "• A successful applicant will have a desire to detect and hunt a variety of adversaries in diverse environments at scale. • Minimum Qualifications • 4+ years experience or demonstrable proficiency in threat detection. • Experience using or securing Linux day-to-day.",
			[]string{"• A successful applicant will have a desire to detect and hunt a variety of adversaries in diverse environments at scale.", "## Minimum Qualifications",
				"• 4+ years experience or demonstrable proficiency in threat detection.", "• Experience using or securing Linux day-to-day."},
		},
	} {
		if got := flatPieces(tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: flatPieces =\n%q\nwant\n%q", tt.name, got, tt.want)
		}
	}
}

// Long lines of prose are not cut: dashes before small letters, a bold
// word in a sentence, a lone number, a heading word inside a sentence.
func TestS21FlatProseUncut(t *testing.T) {
	for _, in := range []string{
		// audiodo-app-developer
		"We work with technologies such as Swift, Kotlin, Objective C, Java and C and we expect you to have deep knowledge in at least some of them. Since you will be working closely with our firmware team, experience in embedded SW, audio algorithms and connectivity technologies such as Bluetooth will be considered a merit.",
		// variant-text-utvecklare-stockholm-goteborg
		"Vi söker dig som vill revolutionera Sverige – tillsammans med andra och tillsammans med oss! Du behöver **självklart** inte pricka in alla punkter ovan, prickar du av en – så sök! Vi söker dig som vill utvecklas!",
		"Are you an APP DEVELOPER that wants to transform how we perceive sound and music? We have shipped Python 3. We also run 2 data centres - one in Oslo and one in Bergen - and we grow.",
		"The Tor Project excels in comprehensive research, development, in the area of Internet privacy. Requirements are set by the board. Experience with Python is a plus, and our team Cambridge works with the Board.",
	} {
		if got := flatPieces(in); got != nil {
			t.Errorf("flatPieces(%q) = %q, want none", in, got)
		}
	}
}

// The same posting on one line and in its lines: the same skills in the
// same buckets.
func TestS21FlatSameSkills(t *testing.T) {
	// github-greenhouse 1424415, shortened
	lines := []string{
		"As a Detection Engineer, you will work alongside peers within GitHub Security to design and build a comprehensive threat detection program.",
		"Responsibilities:",
		"• Automate alert enrichment and detection response.",
		"• Create and maintain relevant team documentation and standards.",
		"## Minimum Qualifications:",
		"• Experience using or securing Linux day-to-day in a production environment.",
		"• Basic scripting experience with Ruby, Python, Bash, or Powershell.",
		"## Preferred Qualifications:",
		"• Software engineering experience with Golang, JavaScript, or other OOP languages.",
	}
	n := New(nil)
	want := n.Normalize("s", "GitHub", model.Raw{Title: "Detection Engineer", DescriptionText: strings.Join(lines, "\n")}).Skills
	if !slices.Contains(want.Required, "Bash") || !slices.Contains(want.Preferred, "JavaScript") {
		t.Fatalf("lines: skills %+v", want)
	}
	for name, raw := range map[string]model.Raw{
		"one line":   {DescriptionText: strings.Join(lines, " ")},
		"one <p>":    {DescriptionHTML: "<p>" + strings.Join(lines, " ") + "</p>"},
		"<br> lines": {DescriptionHTML: "<p>" + strings.Join(lines, "<br>") + "</p>"},
	} {
		raw.Title = "Detection Engineer"
		if got := n.Normalize("s", "GitHub", raw).Skills; !reflect.DeepEqual(got, want) {
			t.Errorf("%s: skills %+v, want %+v", name, got, want)
		}
	}
}
