package corpus

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/normalize"
)

// Flags of TestFresh: which documents make up a fresh round (one of the two).
var (
	freshSince = flag.String("since", "", "with TestFresh: the fresh documents are the label files added since this commit (git diff --diff-filter=A)")
	freshSlugs = flag.String("slugs", "", "with TestFresh: a file listing the fresh documents' slugs, one a line (# starts a comment)")
	freshLoad  = flag.Bool("load-only", false, "with TestFresh: only check the fresh label files against the protocol; do not run the extractor")
)

// TestFresh measures a fresh round of documents only: the label files added
// since a commit (-since) or listed in a file (-slugs). It prints the same
// aggregate tables as TestCorpus (per field for dev and test, skills per
// format and per language, counts) restricted to those documents, each in
// the part the split puts it. It never prints a per-posting difference:
// this is the out-of-sample figure of the extractor on documents it was not
// tuned on. With -load-only it checks the fresh labels and stops before the
// extractor runs (to check a label file before it is committed).
//
//	go test ./internal/corpus -run TestFresh -v -args -since=<commit>
//	go test ./internal/corpus -run TestFresh -v -args -slugs=fresh.txt
//	go test ./internal/corpus -run TestFresh -v -args -since=<commit> -load-only
func TestFresh(t *testing.T) {
	if *freshSince == "" && *freshSlugs == "" {
		t.Skip("no fresh round named: give -args -since=<commit> or -args -slugs=<file>")
	}
	slugs, err := freshSet(*freshSince, *freshSlugs)
	if err != nil {
		t.Fatal(err)
	}
	if len(slugs) == 0 {
		t.Fatal("the fresh round names no label file")
	}
	labels, errs := Load("testdata")
	for _, err := range errs {
		for s := range slugs {
			if strings.Contains(err.Error(), s+".") {
				t.Error(err)
				break
			}
		}
	}
	var fresh []*Label
	for _, l := range labels {
		if slugs[l.Slug] {
			fresh = append(fresh, l)
			delete(slugs, l.Slug)
		}
	}
	for s := range slugs {
		t.Errorf("fresh slug %s: no label file that passed the protocol's checks", s)
	}
	if *freshLoad {
		t.Logf("%d fresh label files checked; the extractor was not run", len(fresh))
		return
	}
	targets, err := LoadTargets("targets.yaml")
	if err != nil {
		t.Fatal(err)
	}
	n := normalize.New(nil)
	e := evaluateLabels(context.Background(), "testdata", fresh, n)
	for _, l := range labels { // new companies: none in the whole corpus's dev part
		if PartOf(l) == "dev" {
			e.DevLabels = append(e.DevLabels, l)
		}
	}
	for _, err := range e.Errors {
		t.Error(err)
	}
	// A small fresh set would print a single test posting's figures: the
	// test part's per-posting results are never shown (SPLIT.md).
	if k := count(e, "test"); k > 0 && k < MinTestCell {
		t.Fatalf("the fresh set holds %d test postings: under %d its figures would show single test postings; name a larger set", k, MinTestCell)
	}
	t.Logf("fresh round only: normalizer %s; %d label files, %d postings scored (dev %d, test %d)\n\nper field (exact: share of postings; skills: micro-averaged over labelled skills)\n%s\nskills per source format\n%s\nskills per language\n%s\ncorpus counts of the fresh round (labelled postings)\n%s\nper-field exact by language and format (test cells of under %d postings hidden)\n%s",
		n.Version(), len(e.Labels), len(e.Results), count(e, "dev"), count(e, "test"), e.Table(targets), e.FormatTable(), e.LanguageTable(), e.CountTable(), MinTestCell, e.groupTable())
}

// evaluateLabels is Evaluate over the given labels only.
func evaluateLabels(ctx context.Context, dir string, labels []*Label, n *normalize.Normalizer) Eval {
	e := Eval{Labels: labels}
	for _, l := range labels {
		raws, err := Raws(ctx, dir, l)
		if err != nil {
			e.Errors = append(e.Errors, err)
		}
		for _, p := range l.Postings {
			r, ok := raws[p.ID]
			if !ok {
				continue
			}
			res := Score(l.Slug, l.Format, l.Company, p, n.Normalize(l.Slug, l.Company, r))
			res.Batch = l.Batch
			e.Results = append(e.Results, res)
		}
	}
	return e
}

// groupTable renders skills F1 and every field's exact share per language
// and per format, for dev and test; a test cell of fewer than MinTestCell
// postings is hidden, as in the corpus tables.
func (e Eval) groupTable() string {
	type key struct{ kind, name, part string }
	ms := map[key]*Metrics{}
	names := map[[2]string]bool{}
	for _, r := range e.Results {
		for _, k := range []key{{"language", r.Label.Language, r.Part()}, {"format", r.Format, r.Part()}} {
			if ms[k] == nil {
				ms[k] = &Metrics{}
			}
			ms[k].Add(r)
			names[[2]string{k.kind, k.name}] = true
		}
	}
	var groups [][2]string
	for g := range names {
		groups = append(groups, g)
	}
	sort.Slice(groups, func(i, j int) bool {
		if groups[i][0] != groups[j][0] {
			return groups[i][0] > groups[j][0]
		}
		return groups[i][1] < groups[j][1]
	})
	var b strings.Builder
	fmt.Fprintf(&b, "%-22s %-5s %5s %6s", "group", "part", "n", "skF1")
	for _, f := range Fields {
		fmt.Fprintf(&b, " %9.9s", f)
	}
	b.WriteString("\n")
	for _, g := range groups {
		for _, part := range []string{"dev", "test"} {
			m := ms[key{g[0], g[1], part}]
			if m == nil {
				continue
			}
			fmt.Fprintf(&b, "%-22s %-5s %5d", g[0]+" "+g[1], part, m.Postings)
			if part == "test" && m.Postings < MinTestCell {
				b.WriteString("  hidden\n")
				continue
			}
			fmt.Fprintf(&b, " %6.3f", m.F1())
			for _, f := range Fields {
				fmt.Fprintf(&b, " %9.3f", m.Accuracy(f))
			}
			b.WriteString("\n")
		}
	}
	return b.String()
}

// freshSet reads the fresh round's slugs: label files added since commit
// (in git), or the lines of a file.
func freshSet(since, file string) (map[string]bool, error) {
	out := map[string]bool{}
	if since != "" {
		dir, err := filepath.Abs(filepath.Join("testdata", "labels"))
		if err != nil {
			return nil, err
		}
		cmd := exec.Command("git", "diff", "--name-only", "--diff-filter=A", since, "--", dir)
		cmd.Dir = dir
		b, err := cmd.Output()
		if err != nil {
			return nil, fmt.Errorf("corpus: fresh: git diff since %s: %w", since, err)
		}
		for _, line := range strings.Fields(string(b)) {
			if strings.HasSuffix(line, ".yaml") {
				out[strings.TrimSuffix(filepath.Base(line), ".yaml")] = true
			}
		}
	}
	if file != "" {
		f, err := os.Open(file)
		if err != nil {
			return nil, fmt.Errorf("corpus: fresh: %w", err)
		}
		defer f.Close()
		s := bufio.NewScanner(f)
		for s.Scan() {
			line := strings.TrimSpace(s.Text())
			if i := strings.Index(line, "#"); i >= 0 {
				line = strings.TrimSpace(line[:i])
			}
			if line != "" {
				out[strings.TrimSuffix(line, ".yaml")] = true
			}
		}
		if err := s.Err(); err != nil {
			return nil, fmt.Errorf("corpus: fresh: %s: %w", file, err)
		}
	}
	return out, nil
}
