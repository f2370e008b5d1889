package normalize

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/postings")

var (
	testOnce sync.Once
	testNorm *Normalizer
)

func normalizer(t testing.TB) *Normalizer {
	t.Helper()
	testOnce.Do(func() {
		tax, err := LoadTaxonomy(nil)
		if err != nil {
			t.Fatalf("load taxonomy: %v", err)
		}
		testNorm = New(tax)
	})
	return testNorm
}

// rawMeta is the non-description part of a test posting (NAME.yaml); the
// description is NAME.html, or NAME.txt when text is true.
type rawMeta struct {
	ID             string   `yaml:"id"`
	Title          string   `yaml:"title"`
	URL            string   `yaml:"url"`
	RequisitionID  string   `yaml:"requisition_id"`
	Team           string   `yaml:"team"`
	Locations      []string `yaml:"locations"`
	Workplace      string   `yaml:"workplace"`
	EmploymentType string   `yaml:"employment_type"`
	Posted         string   `yaml:"posted"`
	Text           bool     `yaml:"text"`
	Salary         []struct {
		Min      float64 `yaml:"min"`
		Max      float64 `yaml:"max"`
		Currency string  `yaml:"currency"`
		Period   string  `yaml:"period"`
	} `yaml:"salary"`
	Sections []struct {
		Heading string   `yaml:"heading"`
		Items   []string `yaml:"items"`
	} `yaml:"sections"`
}

func loadRaw(t testing.TB, name string) model.Raw {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "postings", name+".yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var m rawMeta
	dec := yaml.NewDecoder(bytes.NewReader(b))
	dec.KnownFields(true)
	if err := dec.Decode(&m); err != nil {
		t.Fatalf("%s.yaml: %v", name, err)
	}
	r := model.Raw{
		ID: m.ID, Title: m.Title, URL: m.URL, RequisitionID: m.RequisitionID, Team: m.Team,
		Locations: m.Locations, Workplace: m.Workplace, EmploymentType: m.EmploymentType, Posted: m.Posted,
	}
	for _, s := range m.Salary {
		r.Salary = append(r.Salary, model.Salary{Min: s.Min, Max: s.Max, Currency: s.Currency, Period: s.Period})
	}
	for _, s := range m.Sections {
		r.Sections = append(r.Sections, model.Section{Heading: s.Heading, Items: s.Items})
	}
	ext := ".html"
	if m.Text {
		ext = ".txt"
	}
	d, err := os.ReadFile(filepath.Join("testdata", "postings", name+ext))
	if err != nil {
		t.Fatal(err)
	}
	if m.Text {
		r.DescriptionText = string(d)
	} else {
		r.DescriptionHTML = string(d)
	}
	return r
}

func postingNames(t testing.TB) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("testdata", "postings", "*.yaml"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no test postings: %v", err)
	}
	var names []string
	for _, f := range files {
		names = append(names, strings.TrimSuffix(filepath.Base(f), ".yaml"))
	}
	return names
}

func TestNormalizeGolden(t *testing.T) {
	n := normalizer(t)
	for _, name := range postingNames(t) {
		t.Run(name, func(t *testing.T) {
			p := n.Normalize("netflix-data-insights", "Netflix", loadRaw(t, name))
			got, err := model.Encode(p)
			if err != nil {
				t.Fatal(err)
			}
			golden := filepath.Join("testdata", "postings", name+".golden.json")
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s differs from the golden file:\n got: %s\nwant: %s", name, got, want)
			}
			// Same input, same output.
			again, _ := model.Encode(n.Normalize("netflix-data-insights", "Netflix", loadRaw(t, name)))
			if !bytes.Equal(got, again) {
				t.Errorf("not deterministic")
			}
		})
	}
}

func TestNormalizeConcurrent(t *testing.T) {
	n := normalizer(t)
	names := postingNames(t)
	want := map[string][]byte{}
	for _, name := range names {
		want[name], _ = model.Encode(n.Normalize("s", "c", loadRaw(t, name)))
	}
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, name := range names {
				got, _ := model.Encode(n.Normalize("s", "c", loadRaw(t, name)))
				if !bytes.Equal(got, want[name]) {
					t.Errorf("%s: concurrent result differs", name)
				}
			}
		}()
	}
	wg.Wait()
}

func TestNormalizeEmpty(t *testing.T) {
	p := normalizer(t).Normalize("s", "c", model.Raw{})
	b, err := model.Encode(p)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(b, []byte("null,")) && !bytes.Contains(b, []byte(`"min_years_experience": null`)) {
		t.Errorf("nil slices in %s", b)
	}
	if p.Role != RoleOther || p.MinYearsExperience != nil || len(p.Skills.Required) != 0 {
		t.Errorf("unexpected %+v", p)
	}
}

// A description of megabytes is stored whole, but only its first
// maxAnalyzed bytes are read for the model.
func TestHugeDescriptionIsBounded(t *testing.T) {
	n := normalizer(t)
	para := "Requirements: Python and SQL. Experience with Spark is a plus.\n"
	huge := strings.Repeat(para, (2*maxAnalyzed)/len(para)) + "You must know Haskell.\n"
	p := n.Normalize("s", "c", model.Raw{ID: "1", Title: "Data Engineer", DescriptionText: huge})
	if !slices.Contains(p.Skills.Required, "Python") {
		t.Errorf("skills of the first part not read: %+v", p.Skills)
	}
	if slices.Contains(p.Skills.Required, "Haskell") || slices.Contains(p.Skills.Mentioned, "Haskell") {
		t.Errorf("text past %d bytes was read: %+v", maxAnalyzed, p.Skills)
	}
	if len(p.Description) < 2*maxAnalyzed-len(para) {
		t.Errorf("the stored description was cut: %d bytes", len(p.Description))
	}
	bs := []block{{text: "ab"}, {text: "cdé"}}
	got, cls := boundBlocks(bs, []class{clsOpen, clsOpen}, 5)
	if len(got) != 2 || got[1].text != "cd" || len(cls) != 2 {
		t.Errorf("boundBlocks cut %v", got)
	}
}
