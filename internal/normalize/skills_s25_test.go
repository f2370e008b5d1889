package normalize

import (
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// Session 25: classes of text of the dev documents (named) that were read
// wrong, each tested on the documents' own sentences.
func TestS25ShoutedLongHeading(t *testing.T) {
	d := func(s string) model.Raw { return model.Raw{DescriptionText: s} }
	checkSkills(t, []skillCase{
		{
			// cjr-navvis-senior-security-engineer, cut: a heading in
			// capitals of eight words after the duties
			name: "a long heading in capitals opens the requirements",
			raw: d("HOW YOU WILL MAKE AN IMPACT\n\nLead security incident response and drive continuous improvements.\n\n" +
				"Own Microsoft Defender, email security, and phishing protection.\n\n" +
				"WHAT WILL HELP YOU SUCCEED IN THE ROLE\n\n" +
				"You bring deep practical knowledge of Microsoft Defender, Entra ID, email security, identity-related incidents, and endpoint protection.\n\n" +
				"You demonstrate a proven ability to drive ISO 27001 OR SOC 2 audits end-to-end.\n\n" +
				"HOW WE WILL KEEP YOU SMILING\n\nIt's important to take a break from work!\n"),
			want: model.Skills{Required: []string{"Endpoint Security", "ISO 27001", "Microsoft Defender", "Microsoft Entra ID", "SOC 2"}},
		},
	})
}
