package normalize

import (
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// Round 8 on the Nordic public-sector and industry postings (issue 9). The
// sentences marked with a slug are real, from dev documents of the
// real-world corpus (internal/corpus).

// A keyword or tag line ("Sökord: ...", "Stikkord:", "Keywords:", "Tags:")
// lists words for search, not requirements: its skills are mentioned at
// most, even under the candidate's part.
func TestKeywordLineIsNotRequirements(t *testing.T) {
	n := New(nil)
	// delaval-export-orderspecialist-tumba: the last lines of the ad
	const profile = "Din profil\nVi värderar dina personliga egenskaper högt men tror att du har någon form av erfarenhet av order, logistik, frakt eller supply chain.\n\n"
	for _, text := range []string{
		profile + "For more information: www.delaval.com\n\nSökord: orderhantering, orderadministratör, orderhandläggare, orderkoordinator, supply chain, supply chain coordinator, logistics, export, logistik, frakt, administration, order, service, support, administratör, SAP, internationellt.",
		profile + "Stikkord: SAP, logistikk, innkjøp",
		profile + "Keywords: SAP, logistics, export",
		profile + "Tags: SAP, logistics",
	} {
		p := n.Normalize("s", "c", model.Raw{ID: "1", Title: "Export och Orderspecialist", DescriptionText: text})
		if b, ok := bucketOf(p, "SAP"); !ok || b != "mentioned" {
			t.Errorf("%q: SAP %q (found %v), want mentioned", text, b, ok)
		}
	}
	// a requirement line is still one
	p := n.Normalize("s", "c", model.Raw{ID: "1", Title: "Export och Orderspecialist", DescriptionText: profile + "Krav: SAP, logistik"})
	if b, _ := bucketOf(p, "SAP"); b != "required" {
		t.Errorf("Krav: SAP %q, want required", b)
	}
}

// bucketOf says in which bucket of p's skills the skill is.
func bucketOf(p model.Posting, skill string) (string, bool) {
	for _, b := range []struct {
		name string
		l    []string
	}{{"required", p.Skills.Required}, {"preferred", p.Skills.Preferred}, {"mentioned", p.Skills.Mentioned}} {
		for _, s := range b.l {
			if s == skill {
				return b.name, true
			}
		}
	}
	return "", false
}
