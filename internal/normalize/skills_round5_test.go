package normalize

import (
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// Round 5 on skills (issue 9): the fresh round of Swedish JSON-LD ads,
// Norwegian pages and German project listings. The sentences marked with a
// slug are real, from dev documents of the real-world corpus
// (internal/corpus); a rule was kept only when neither dev half got worse.

// "OM OSS" (about us) in capitals is a Nordic heading, not the acronym of
// open source.
func TestShoutedNordicWordIsNoAcronym(t *testing.T) {
	checkSkills(t, []skillCase{
		{
			// centric-care-sjukskoterskor-uppsala-sommar
			name: "OM OSS",
			raw:  model.Raw{DescriptionText: "DIN PROFILLeg. sjuksköterska med minst två års yrkeserfarenhet. Har du erfarenhet av onkologi är detta ett plus.OM OSS\u200bCentric Care har bemannat hälso-och sjukvården sedan år 2000 och är ett av Skandinaviens ledande bemanningsföretag med kontor i Göteborg, Stockholm, Malmö och Oslo."},
		},
		{
			name: "OSS in an English text is the acronym",
			raw:  model.Raw{DescriptionText: "Requirements\n- You have contributed to OSS projects and know Go"},
			want: model.Skills{Required: []string{"Go", "Open Source"}},
		},
	})
}

// A question that opens with "maybe" names what may fit, not what is asked,
// also in a part no heading classifies, where its "du har" would otherwise
// read as a requirement.
func TestHedgedQuestionInOpenPart(t *testing.T) {
	checkSkills(t, []skillCase{
		{
			// variant-text-utvikler-bergen
			name: "eller kanskje du har jobbet",
			raw: model.Raw{DescriptionText: "Vi ser ikke etter én bestemt kompetanse. Kanskje er du en kløpper på React, Vue, Angular eller andre moderne frontend-teknologier? " +
				"Eller kanskje du har jobbet mer .NET, Java eller Kotlin? Det aller viktigste for oss er at du har et ønske om å utvikle deg som fagperson."},
		},
		{
			name: "an open part's plain du har still asks",
			raw:  model.Raw{DescriptionText: "Vi ser ikke etter én bestemt kompetanse. Du har jobbet mye med Kotlin."},
			want: model.Skills{Required: []string{"Kotlin"}},
		},
	})
}
