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
	freshOld   = flag.Bool("before-rules", false, "with TestFresh: the round was added before the company rule and the per-company cap (rounds 1-5): report their breaches without failing")
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
//
// The round must keep the company rule and the per-company cap of SPLIT.md
// (CheckRound); -before-rules measures a round added before them (rounds
// 1-5), logging their breaches instead of failing.
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
	for _, err := range CheckRound(fresh, labels) { // company rule and per-company cap (SPLIT.md)
		if *freshOld {
			t.Logf("before the rules: %v", err)
			continue
		}
		t.Error(err)
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
			res.SplitWith = l.SplitWith
			e.Results = append(e.Results, res)
		}
	}
	return e
}

// groupTable renders skills F1 and every field's exact share per language
// and per format, for dev and test; a test cell of fewer than MinTestCell
// postings is hidden, and with it the smallest shown cells of its kind
// until the hidden cells hold none or at least MinTestCell postings
// (HiddenTestCells), as in the corpus tables.
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
	hidden := map[[2]string]bool{}
	for _, kind := range []string{"language", "format"} {
		sizes := map[string]int{}
		for g := range names {
			if m := ms[key{kind, g[1], "test"}]; g[0] == kind && m != nil {
				sizes[g[1]] = m.Postings
			}
		}
		for name := range HiddenTestCells(sizes) {
			hidden[[2]string{kind, name}] = true
		}
	}
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
			if part == "test" && hidden[g] {
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

// TestHiddenCellsCoverSmallRemainders: a test cell of under MinTestCell
// postings is hidden, and when the hidden cells of a kind add up to under
// MinTestCell postings the next-smallest shown cell is hidden too, in the
// format, language and group tables: else the overall test figures minus
// the shown cells would give the hidden postings' own.
func TestHiddenCellsCoverSmallRemainders(t *testing.T) {
	var rs []Result
	add := func(n int, format, lang string) {
		for i := 0; i < n; i++ {
			rs = append(rs, Result{Slug: fmt.Sprintf("hide-%s-%d", format, i), Format: format, Batch: HeldOutBatch,
				Label: Posting{Language: lang}, Exact: map[string]bool{}, TP: 1, Labelled: 1})
		}
	}
	add(10, "greenhouse", "en")
	add(6, "lever", "de")
	add(2, "ashby", "fr")
	e := Eval{Results: rs}
	for name, tab := range map[string]string{"format": e.FormatTable(), "language": e.LanguageTable()} {
		for _, want := range []string{"hidden (2)", "hidden (6)"} {
			if !strings.Contains(tab, want) {
				t.Errorf("%s table: no %q: a cell of 2 hidden alone is the 6-cell's total minus the rest:\n%s", name, want, tab)
			}
		}
		if strings.Contains(tab, "hidden (10)") {
			t.Errorf("%s table: the 10-posting cell is hidden though 8 postings are hidden already:\n%s", name, tab)
		}
	}
	g := e.groupTable()
	for _, row := range []string{"format lever", "language de", "format ashby", "language fr"} {
		for _, line := range strings.Split(g, "\n") {
			if strings.HasPrefix(line, row+" ") && !strings.HasSuffix(line, "hidden") {
				t.Errorf("group table: %q is shown:\n%s", row, g)
			}
		}
	}
	cases := []struct {
		in   map[string]int
		want string
	}{
		{map[string]int{"a": 1, "b": 5, "c": 7}, "a b"},
		{map[string]int{"a": 1, "b": 2, "c": 3, "d": 9}, "a b c"},
		{map[string]int{"a": 4, "b": 1, "c": 6, "d": 6}, "a b"},
		{map[string]int{"a": 5, "b": 6}, ""},
		{map[string]int{"a": 2}, "a"},
		{map[string]int{"a": 0, "b": 3, "c": 8, "d": 8}, "b c"},
	}
	for _, c := range cases {
		var got []string
		for k := range HiddenTestCells(c.in) {
			got = append(got, k)
		}
		sort.Strings(got)
		if strings.Join(got, " ") != c.want {
			t.Errorf("HiddenTestCells(%v) = %v; want %q", c.in, got, c.want)
		}
	}
}
