package normalize

import (
	"slices"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// review s27: listAsks makes every plain item of an unheaded list
// required once more than half its items "ask". Items that use the
// candidate's experience for a duty ("Use your experience with Python to
// build ...") or that promise to grow it ("You will gain experience
// with Kubernetes") count as asks, and the list's plain duties ("Deploy
// and monitor the pipelines on AWS with Airflow", "Build services in Go")
// become requirements: PROTOCOL.md says responsibilities are mentioned
// ("You will build pipelines in Spark" alone does not make Spark
// required).
func TestReview27_ListAsksMakesDutiesRequired(t *testing.T) {
	n := New(nil)
	for _, c := range []struct {
		text string
		not  []string // not required
	}{
		{"<p>We are hiring a data engineer to join our platform team in Berlin.</p><ul>" +
			"<li>Use your experience with Python to build our data pipelines</li>" +
			"<li>Apply your knowledge of SQL to model our warehouse</li>" +
			"<li>Deploy and monitor the pipelines on AWS with Airflow</li></ul>",
			[]string{"AWS", "Airflow"}},
		{"<p>Growth at Acme</p><ul>" +
			"<li>You will gain experience with Kubernetes</li>" +
			"<li>You will get exposure to Terraform and AWS</li>" +
			"<li>Build services in Go</li></ul>",
			[]string{"Kubernetes", "Terraform", "AWS", "Go"}},
	} {
		p := n.Normalize("s", "c", model.Raw{ID: "1", Title: "Data Engineer", DescriptionHTML: c.text})
		for _, s := range c.not {
			if slices.Contains(p.Skills.Required, s) {
				t.Errorf("%s required (a duty or a thing to learn): %+v\n%s", s, p.Skills, c.text)
			}
		}
	}
}
