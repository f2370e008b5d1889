package normalize

import (
	"slices"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// "AI" that names what one does with AI tools, not the field: a use verb
// right before it, or a word of use after it (real sentences of dev
// documents: jr-sezzle-mobile-engineer-brazil-all-levels,
// cjr-solaris-se-senior-it-auditor, jr-lawnstarter-senior-quality-engineer-belo-horizonte).
func TestAIAsUseS28(t *testing.T) {
	n := normalizer(t)
	for _, tt := range []struct {
		text string
		want bool // Artificial Intelligence required
	}{
		{"Requirements:\n- Candidates must be comfortable leveraging AI to enhance productivity, research, and communication.", false},
		{"Requirements:\n- Comfortable working with AI tools, thinking critically about AI outputs, and contributing to a culture of responsible AI use.", false},
		{"Requirements:\n- AI-native: you use AI tools to increase output quality.", false},
		// the field itself stays asked for
		{"Requirements:\n- Experience with AI and machine learning research.", true},
	} {
		p := n.Normalize("s", "c", model.Raw{Title: "Engineer", DescriptionText: tt.text})
		if got := slices.Contains(p.Skills.Required, "Artificial Intelligence"); got != tt.want {
			t.Errorf("%.60q: Artificial Intelligence required %v, want %v (%+v)", tt.text, got, tt.want, p.Skills)
		}
	}
}
