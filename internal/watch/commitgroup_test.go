package watch

import "testing"

// Over several sources, the body's posting lines stand under their
// source's name, the sources sorted by name, each one's lines sorted; a
// run of one source keeps its lines without a heading (the subject names
// it).
func TestCommitBodyGroupsLinesBySource(t *testing.T) {
	t.Parallel()
	res := Result{Sources: []SourceResult{
		{Source: "zeta", Added: 1, Removed: 1, lines: []string{"- 9 Old", "+ 1 New"}},
		{Source: "alpha", Changed: 1, lines: []string{"~ 5 Analyst\n  title Analyst -> Senior Analyst"}},
		{Source: "quiet"},
		{Source: "mid", health: "failed"},
	}}
	want := "zeta: 1 added, 1 removed; alpha: 1 changed; mid: failed\n\n" +
		"alpha:\n~ 5 Analyst\n  title Analyst -> Senior Analyst\n\n" +
		"zeta:\n+ 1 New\n- 9 Old\n"
	if got := commitMessage(res); got != want {
		t.Fatalf("message\n%s\nwant\n%s", got, want)
	}
	one := Result{Sources: []SourceResult{{Source: "zeta", Added: 1, lines: []string{"+ 1 New"}}, {Source: "quiet"}}}
	if got, want := commitMessage(one), "zeta: 1 added\n\n+ 1 New\n"; got != want {
		t.Fatalf("one source: %q, want %q", got, want)
	}
}

// `run`'s summary of a source says its pending removals, as the commit
// subject does.
func TestSourceSummary(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		s    SourceResult
		want string
	}{
		{SourceResult{}, "0 added, 0 removed, 0 changed"},
		{SourceResult{Added: 2, Missing: 1}, "2 added, 0 removed, 0 changed, 1 missing (removal pending)"},
		{SourceResult{Removed: 1, Rewrites: 3, returned: 1}, "0 added, 1 removed, 0 changed, 3 re-normalized, 1 back before removal"},
	} {
		if got := c.s.Summary(); got != c.want {
			t.Errorf("Summary(%+v) = %q, want %q", c.s, got, c.want)
		}
	}
}
