package normalize

import (
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// Session 22 (issue 9): more degrees as other countries name them.
func TestDegreesOfOtherCountries_s22(t *testing.T) {
	n := New(nil)
	tests := []struct {
		heading, text string
		req, pref     []string
	}{
		// dev api7-text-sre-engineer: a graduate of a (university) major
		{"### 任职要求", "1. 计算机或相关专业毕业；\n2. 具有 Python/Go 或其他语言开发经验， 能够独立完成小型系统或相关模块;", []string{"Bachelor's"}, nil},
		// beside a college diploma (大专) no degree is asked for
		{"任职要求", "1. 大专及以上学历，计算机相关专业毕业；\n2. 3年以上运维经验", nil, nil},
		{"任职要求", "1. 统招本科及以上学历，计算机相关专业毕业；", []string{"Bachelor's"}, nil},
		{"応募資格", "- 大学卒業以上", []string{"Bachelor's"}, nil},
		{"Requisitos", "- Formação superior completa em Ciência da Computação", []string{"Bachelor's"}, nil},
		{"Requirements", "- Tertiary qualification in Computer Science", []string{"Bachelor's"}, nil},
		{"Requirements", "- BCA/MCA or B.Tech", []string{"Bachelor's"}, nil},
		{"Requirements", "- MCA or M.Tech", []string{"Master's"}, nil},
	}
	for _, tt := range tests {
		p := n.Normalize("s", "c", model.Raw{ID: "1", Title: "Engineer", DescriptionText: tt.heading + "\n" + tt.text})
		if !sameDegrees(p.Education.Required, tt.req) || !sameDegrees(p.Education.Preferred, tt.pref) {
			t.Errorf("%q -> required %v preferred %v, want %v %v", tt.text, p.Education.Required, p.Education.Preferred, tt.req, tt.pref)
		}
	}
}

// TestDegreeAsExtent_s22: "degree" as an extent is no diploma, also where
// a degree alone is a Bachelor's (the sentence of dev
// osd-goinvo-healthcare-designer, placed in a UK posting).
func TestDegreeAsExtent_s22(t *testing.T) {
	n := New(nil)
	tests := []struct {
		text string
		req  []string
	}{
		{"Requirements:\n- You are given great freedom and responsibility for managing your own work program to mentoring staff to driving company goals. Taking pride in and feeling responsible for a high degree of personal craftsmanship.", nil},
		{"Requirements:\n- Some degree of autonomy is expected", nil},
		{"Requirements:\n- A degree of comfort with ambiguity", nil},
		// unchanged: a degree alone in a UK posting
		{"Requirements:\n- A degree in Design", []string{"Bachelor's"}},
	}
	for _, tt := range tests {
		p := n.Normalize("s", "c", model.Raw{ID: "1", Title: "Designer", Locations: []string{"London, UK"}, DescriptionText: tt.text})
		if !sameDegrees(p.Education.Required, tt.req) || len(p.Education.Preferred) != 0 {
			t.Errorf("%q -> required %v preferred %v, want %v", tt.text, p.Education.Required, p.Education.Preferred, tt.req)
		}
	}
}

// TestBracketDegrees_s22: a generic degree word followed by brackets that
// name the degree asks for that degree (PROTOCOL.md: "Diplom/Master" ->
// Master's), not a Bachelor's beside it. No dev document writes this form.
func TestBracketDegrees_s22(t *testing.T) {
	n := New(nil)
	tests := []struct {
		loc, text string
		req       []string
	}{
		{"Munich", "Dein Profil:\n- Abgeschlossenes Hochschulstudium (Diplom, Master) in Informatik", []string{"Master's"}},
		{"Munich", "Dein Profil:\n- Abgeschlossenes Hochschulstudium (Master oder Diplom) in Informatik", []string{"Master's"}},
		{"London", "Requirements:\n- University degree (MSc or PhD) in Computer Science", []string{"Master's"}},
		// unchanged: the brackets name the lower degree, or none
		{"Amsterdam", "Requirements:\n- University degree (Bachelor or Master) in CS", []string{"Bachelor's"}},
		{"Munich", "Dein Profil:\n- Abgeschlossenes Studium (Informatik oder Mathematik)", []string{"Bachelor's"}},
	}
	for _, tt := range tests {
		p := n.Normalize("s", "c", model.Raw{ID: "1", Title: "Data Engineer", Locations: []string{tt.loc}, DescriptionText: tt.text})
		if !sameDegrees(p.Education.Required, tt.req) || len(p.Education.Preferred) != 0 {
			t.Errorf("%q -> required %v preferred %v, want %v", tt.text, p.Education.Required, p.Education.Preferred, tt.req)
		}
	}
}
