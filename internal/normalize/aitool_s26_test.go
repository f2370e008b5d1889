package normalize

import (
	"slices"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// "AI" that modifies the tools one uses is no field asked for (dev
// anadea-senior-frontend-developer, jr-remote-payroll-specialist-lead-latam);
// "AI" as the field still is.
func TestAIAsToolS26(t *testing.T) {
	n := New(nil)
	tests := []struct {
		text string
		ai   bool
	}{
		{"Proficient working with AI-assisted development (Cursor)", false},
		{"Demonstrates strong automation and AI capabilities and AI fluency", false},
		{"Experience building AI and machine learning systems in production", true},
	}
	for _, tt := range tests {
		p := n.Normalize("s", "c", model.Raw{ID: "1", Title: "Engineer", DescriptionText: "Requirements\n- " + tt.text})
		if got := slices.Contains(p.Skills.Required, "Artificial Intelligence"); got != tt.ai {
			t.Errorf("%q: Artificial Intelligence required %v, want %v: %+v", tt.text, got, tt.ai, p.Skills)
		}
	}
}
