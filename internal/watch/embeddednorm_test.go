package watch

import (
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
	"github.com/careers-watcher/careers-watcher/internal/normalize"
)

// The embedded taxonomy's shared normalizer, whose version is taken
// without decoding the taxonomy, has the version and the output of one
// built from the loaded taxonomy.
func TestEmbeddedNormalizerIsTheLoadedOne(t *testing.T) {
	tax, err := normalize.LoadTaxonomy(nil)
	if err != nil {
		t.Fatal(err)
	}
	want := newSharedNormalizer(tax)
	got := newEmbeddedNormalizer()
	if got.version != want.version {
		t.Fatalf("embedded normalizer's version %q, the loaded taxonomy's %q", got.version, want.version)
	}
	raw := model.Raw{ID: "9", Title: "Data Engineer", DescriptionHTML: "<p>Requirements</p><ul><li>SQL, Python and Kubernetes</li></ul>", Locations: []string{"Oslo, Norway"}}
	gb, err := model.Encode(got.get().Normalize("src", "Acme", raw))
	if err != nil {
		t.Fatal(err)
	}
	wb, err := model.Encode(want.get().Normalize("src", "Acme", raw))
	if err != nil {
		t.Fatal(err)
	}
	if string(gb) != string(wb) {
		t.Errorf("embedded normalizer's output:\n%s\nthe loaded taxonomy's:\n%s", gb, wb)
	}
}
