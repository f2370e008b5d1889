package normalize

import (
	"slices"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// "MS" before a Microsoft product word is Microsoft's, not a master's
// degree (dev quincey-text-senior-office-entwickler-und-tester-mit-
// kenntnissen-in-invar: "MS Suite Professional"); "MS" before "in", "or"
// or a field of study stays the degree.
func TestMicrosoftMSNoDegreeS26(t *testing.T) {
	n := New(nil)
	tests := []struct {
		text string
		want []string
	}{
		{"Must-Have Anforderungen: Expertenwissen in Windows Terminalserver, Word, Excel, Access, Outlook, PowerPoint, MS Suite Professional, Project, Visio", nil},
		{"Requirements: MS-Suite", nil},
		{"Requirements: MS Dynamics 365 experience", nil},
		{"Requirements: MS or PhD in Computer Science", []string{"Master's"}},
		{"Requirements: MS in Computer Science", []string{"Master's"}},
		{"Requirements: MS program in Computer Science", []string{"Master's"}},
	}
	for _, tt := range tests {
		p := n.Normalize("s", "c", model.Raw{ID: "1", Title: "Entwickler", DescriptionText: tt.text})
		got := p.Education.Required
		if len(got) == 0 {
			got = nil
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%q: required %v, want %v", tt.text, got, tt.want)
		}
	}
}
