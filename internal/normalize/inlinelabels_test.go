package normalize

import (
	"reflect"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

func TestInlineLabelsSplitARunOfParts(t *testing.T) {
	n := New(nil)
	for _, tt := range []struct {
		text      string
		req, pref []string
	}{
		// the parts of a description whose line breaks were stripped
		{"Vi bygger system i världsklass. Krav: Java, SQL. Meriterande: Kubernetes. Vi erbjuder: Docker-kurser.",
			[]string{"Java", "SQL"}, []string{"Kubernetes"}},
		{"Wir bauen Software.Anforderungen: Java, SQL.Wünschenswert: Kubernetes.Wir bieten: Docker-Schulungen.",
			[]string{"Java", "SQL"}, []string{"Kubernetes"}},
		// a label that asks nothing governs its own sentence only
		{"Vi erbjuder: kurser i Docker. Du har erfarenhet av Java.", []string{"Java"}, nil},
	} {
		for _, r := range []model.Raw{{DescriptionText: tt.text}, {DescriptionHTML: "<p>" + tt.text + "</p>"}} {
			r.Title = "Utvecklare"
			p := n.Normalize("x", "Acme", r)
			if !reflect.DeepEqual(p.Skills.Required, nonNil(tt.req)) || !reflect.DeepEqual(p.Skills.Preferred, nonNil(tt.pref)) {
				t.Errorf("%q: required %v preferred %v, want %v %v", tt.text, p.Skills.Required, p.Skills.Preferred, tt.req, tt.pref)
			}
		}
	}
	// no label: the paragraph stays whole
	if got := inlineLabelCuts("Wir suchen dich. Du arbeitest in Berlin: mitten in der Stadt."); len(got) != 0 {
		t.Errorf("cuts %v", got)
	}
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func TestInlineBulletsSplitIntoItems(t *testing.T) {
	n := New(nil)
	text := "Vi bygger system i världsklass. • Erfarenhet av Java • Goda kunskaper i SQL • Meriterande: Kubernetes"
	p := n.Normalize("x", "Acme", model.Raw{Title: "Utvecklare", DescriptionText: text})
	if !reflect.DeepEqual(p.Skills.Required, []string{"Java", "SQL"}) || !reflect.DeepEqual(p.Skills.Preferred, []string{"Kubernetes"}) {
		t.Errorf("required %v preferred %v", p.Skills.Required, p.Skills.Preferred)
	}
	// one bullet in a line is no list
	bs := splitInlineBullets([]block{{text: "Berlin • Remote", kind: kindPara}})
	if len(bs) != 1 {
		t.Errorf("%+v", bs)
	}
}

func TestGluedHeadingsOfAnyPart(t *testing.T) {
	n := New(nil)
	text := "Vi bygger system i världsklass och har kunder i hela Norden sedan tjugo år.KvalifikationerDu har arbetat med Java i flera år.MeriterandeErfarenhet av Kubernetes.Vi erbjuderVi använder Docker."
	p := n.Normalize("x", "Acme", model.Raw{Title: "Utvecklare", DescriptionText: text})
	if !reflect.DeepEqual(p.Skills.Required, []string{"Java"}) || !reflect.DeepEqual(p.Skills.Preferred, []string{"Kubernetes"}) ||
		!reflect.DeepEqual(p.Skills.Mentioned, []string{"Docker"}) {
		t.Errorf("%+v", p.Skills)
	}
	// the humps of a name in CamelCase end no heading
	if h := gluedHeadingBefore("Hands-on experience in DevOps, Infrastructure", 0, len("Hands-on experience in Dev")); h >= 0 {
		t.Errorf("a heading ends inside DevOps: %d", h)
	}
}
