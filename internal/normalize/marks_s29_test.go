package normalize

import (
	"reflect"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// Review s28 F2: spaced dashes before "or" and "is" set off words inside
// one item; they are no list of items run into one sentence, so "is a
// plus" qualifies the whole sentence.
func TestDashesInsideOneItemS29(t *testing.T) {
	n := normalizer(t)
	p := n.Normalize("s", "c", model.Raw{Title: "Engineer", DescriptionText: "Requirements:\n- Python\n- Familiarity with React - or Vue - or Angular - is a plus"})
	want := model.Skills{Required: []string{"Python"}, Preferred: []string{"Angular", "React", "Vue"}, Mentioned: []string{}}
	if !reflect.DeepEqual(p.Skills, want) {
		t.Errorf("%+v, want %+v", p.Skills, want)
	}
	// items run into one by dashes keep their own markers (review s27b F5)
	p = n.Normalize("s", "c", model.Raw{Title: "Engineer", DescriptionText: "Requirements - Experience with Java - Knowledge of Spring Boot - Docker (nice to have) - Kubernetes"})
	if !reflect.DeepEqual(p.Skills.Preferred, []string{"Docker"}) {
		t.Errorf("run-on items: %+v, want Docker alone preferred", p.Skills)
	}
}

// Review s28 F3: a marker in parentheses followed by "and"/"or" and more
// of the list annotates its own item only.
func TestParenMarkerBeforeAndS29(t *testing.T) {
	n := normalizer(t)
	for _, text := range []string{
		"Requirements:\n- Experience with Java, Kubernetes (nice to have) and Terraform",
		"Requirements:\n- Experience with Java, Kubernetes (nice to have) or Terraform",
	} {
		p := n.Normalize("s", "c", model.Raw{Title: "Engineer", DescriptionText: text})
		want := model.Skills{Required: []string{"Java", "Terraform"}, Preferred: []string{"Kubernetes"}, Mentioned: []string{}}
		if !reflect.DeepEqual(p.Skills, want) {
			t.Errorf("%q: %+v, want %+v", text, p.Skills, want)
		}
	}
}
