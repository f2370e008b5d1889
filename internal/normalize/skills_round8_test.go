package normalize

import (
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// Round 8 on skills (issue 9). The sentences marked with a slug are real,
// from dev documents of the real-world corpus (internal/corpus).

// detectifyGlued is the description of detectify-cloud-infrastructure-engineer
// (a JSON-LD page) from its lead-in on, as the page gives it: the list
// items and headings run into each other without a space.
const detectifyGlued = "Your main responsibilities will be improving and extending our infrastructures and how we work with it. " +
	"This includes:Help our journey to immutable infrastructure and GitOpsCreate a scalable and fault-tolerant infrastructure " +
	"with sufficient monitoringCollaborate with developers to form a DevOps cultureWho you are2+ years of experience from a " +
	"full-time role as Infrastructure Engineer, Site Reliability Engineer, DevOps Engineer, or similar positionsExtensive " +
	"experience with AWS with Terraform/CloudformationExtensive experience with Kubernetes and LinuxWays to stand out from " +
	"the crowd: Experience with Golang, Message Queues and/or PostgreSQLSo, what do you think?"

// A description whose line breaks were lost runs the last word of one item
// into the first of the next ("LinuxWays", "positionsExtensive"): the line
// is cut there, unless the word is a name of the taxonomy written in
// CamelCase; a heading glued to the number of years of its first item
// ("Who you are2+ years") is cut from it.
func TestCamelGlueCutsItems(t *testing.T) {
	checkSkills(t, []skillCase{
		{
			// detectify-cloud-infrastructure-engineer
			name: "LinuxWays",
			raw:  model.Raw{DescriptionHTML: detectifyGlued},
			want: model.Skills{Required: []string{"AWS", "AWS CloudFormation", "Kubernetes", "Linux", "Terraform"},
				Preferred: []string{"Go", "Message Queues", "PostgreSQL"}},
		},
	})
	var got []string
	for _, b := range htmlBlocks(detectifyGlued) {
		got = append(got, b.text)
	}
	for _, want := range []string{"Who you are", "Extensive experience with AWS with Terraform/Cloudformation",
		"Extensive experience with Kubernetes and Linux", "Collaborate with developers to form a DevOps culture"} {
		found := false
		for _, g := range got {
			found = found || g == want
		}
		if !found {
			t.Errorf("no block %q in %q", want, got)
		}
	}
}

// The cut never splits a name of the taxonomy written in CamelCase, nor a
// brand or a word in a line whose breaks are all there.
func TestCamelGlueKeepsNames(t *testing.T) {
	for _, s := range []string{
		// greenhouse postings (dev): names of the taxonomy in a long line
		"You have worked with JavaScript and TypeScript on GitHub, used PowerPoint and BigQuery, and shipped with DevOps practices every day.",
		// sinnerschrader-text-bi-analyst: a company name in a line whose breaks are there
		"Bei SinnerSchrader arbeitest du mit Kunden aus ganz Europa an digitalen Produkten und Services mit hohem Anspruch.",
		// a glued line: the names stay whole
		"We use SQLAlchemy and JavaScript.Our team ships daily.You will work with WebSocket and OpenTelemetry on the platform.",
	} {
		joined := joinBlocks(htmlBlocks(s))
		for _, w := range []string{"JavaScript", "TypeScript", "GitHub", "PowerPoint", "BigQuery", "DevOps", "SinnerSchrader",
			"SQLAlchemy", "WebSocket", "OpenTelemetry"} {
			if strings.Contains(s, w) && !strings.Contains(joined, w) {
				t.Errorf("%q cut inside %q: %q", s, w, joined)
			}
		}
		if n := len(htmlBlocks(s)); strings.Contains(s, "Bei SinnerSchrader") && n != 1 {
			t.Errorf("%q: %d blocks, want 1", s, n)
		}
	}
}

// Swedish JSON-LD ads (Centric Care, dev) write their headings in capitals
// glued to the sentence around them: "DIN PROFILOperationssjuksköterska",
// "förlossningsvana.OM OSS\u200bCentric Care". The heading is cut out and,
// written in capitals, opens its part as a bold one does.
func TestCapsHeadingsGlued(t *testing.T) {
	// centric-care-operationssjukskoterska-ostersund
	s := "OM UPPDRAGETNu söker vi dig som är erfaren operationssjuksköterska och vill arbeta på operationsavdelning i Östersund efter sommaren. " +
		"Vi kan hjälpa till med resor och boende vid behov. DINA ARBETSUPPGIFTERSedvanliga arbetsuppgifter för operationssjuksköterska." +
		"DIN PROFILOperationssjuksköterska med allmän kompetens inom ortopedi, urologi, kirurgi samt gynekologi." +
		"OM OSS\u200bCentric Care har bemannat hälso-och sjukvården sedan år 2000."
	bs := htmlBlocks(s)
	cls := sectionize(bs, nil)
	want := map[string]class{"OM UPPDRAGET": clsOpen, "DINA ARBETSUPPGIFTER": clsMentioned, "DIN PROFIL": clsRequired, "OM OSS": clsMentioned}
	seen := 0
	for i, b := range bs {
		if c, ok := want[b.text]; ok {
			seen++
			if cls[i] != c {
				t.Errorf("%q: class %d, want %d", b.text, cls[i], c)
			}
		}
		if strings.HasPrefix(b.text, "Operationssjuksköterska med") && cls[i] != clsRequired {
			t.Errorf("%q: class %d, want required", b.text, cls[i])
		}
	}
	if seen != len(want) {
		var got []string
		for _, b := range bs {
			got = append(got, b.text)
		}
		t.Errorf("headings %d of %d in %q", seen, len(want), got)
	}
	// a word in capitals that names no part stays in its line:
	// studentconsulting-ce-chaufforer-tromso
	for _, b := range htmlBlocks("Krav:Körkort klass CEGiltig YKBDigitalt förarkortTruckkort T1 (A)Tekniskt duktig chaufförKommunicera på ett av de skandinaviska språken") {
		if b.text == "YKB" || b.text == "CE" {
			t.Errorf("a block of its own: %q", b.text)
		}
	}
}

// A heading that says what the employer requires or expects of the
// candidate opens the requirements.
func TestRequireExpectHeadings(t *testing.T) {
	for _, h := range []string{
		"What We Require",           // palantir-lever
		"What is expected from you", // opencollective-senior-ux-designer
	} {
		if c := classifyHeading(h, true); c != clsRequired {
			t.Errorf("%q: class %d, want required", h, c)
		}
	}
	checkSkills(t, []skillCase{{
		// palantir-lever: the items under it are asked of the candidate
		name: "What We Require",
		raw: model.Raw{DescriptionHTML: "<h3>What We Require</h3><ul><li>Excellent digital literacy, including proficiency " +
			"with Microsoft products (Outlook, Excel, Word, PowerPoint, etc.).</li><li>Familiarity with travel booking and expense reporting software.</li></ul>"},
		want: model.Skills{Required: []string{"Excel", "Microsoft Word", "Outlook", "PowerPoint"}},
	}})
}
