package report

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
	"github.com/careers-watcher/careers-watcher/internal/snapshot"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// golden compares got with testdata/name, or rewrites it with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file (go test -update rewrites it); got:\n%s", name, got)
	}
}

// goldenReport is the fixture's report with the head commit replaced by a
// placeholder, so that the golden files do not depend on commit hashes.
func goldenReport(t *testing.T) *Report {
	f := newFixture(t)
	r := f.build(t, nil)
	r.Trend.Head = "0123456789abcdef0123456789abcdef01234567"
	return r
}

func TestGoldenText(t *testing.T) {
	t.Parallel()
	var b bytes.Buffer
	if err := goldenReport(t).WriteText(&b); err != nil {
		t.Fatal(err)
	}
	golden(t, "report.txt", b.Bytes())
}

func TestGoldenMarkdown(t *testing.T) {
	t.Parallel()
	var b bytes.Buffer
	if err := goldenReport(t).WriteMarkdown(&b); err != nil {
		t.Fatal(err)
	}
	golden(t, "report.md", b.Bytes())
}

func TestGoldenJSON(t *testing.T) {
	t.Parallel()
	var b bytes.Buffer
	if err := goldenReport(t).WriteJSON(&b); err != nil {
		t.Fatal(err)
	}
	golden(t, "report.json", b.Bytes())
}

func TestGoldenSourceReadme(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	var ps []model.Posting
	for _, id := range []string{"a1", "a5", "a6", "a7"} {
		ps = append(ps, f.ps[id])
	}
	ps = append(ps, a2v2(f.ps["a2"]))
	golden(t, "README.acme.md", snapshot.SourceReadme("acme", ps)) // the README renderer (internal/snapshot) on this fixture
}
