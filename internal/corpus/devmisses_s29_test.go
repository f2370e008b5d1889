package corpus

import (
	"context"
	"flag"
	"fmt"
	"html"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
	"github.com/careers-watcher/careers-watcher/internal/normalize"
)

var devMisses = flag.Bool("devmisses", false, "with TestDevMisses: print the dev part's labelled skills the extractor misses, grouped")

// TestDevMisses groups the labelled skills of the DEV part that the model
// does not find in their bucket:
//
//	(a) not found, and no taxonomy entry has the label's name;
//	(b) not found, though an entry has that name (a spelling, an alias or
//	    a word boundary the text uses and the entry lacks, or a rule that
//	    drops it); split by whether the entry's name or one of its aliases
//	    occurs in the description at all (b1) or not (b2);
//	(c) found, in the other bucket (required <-> preferred);
//	(m) found only as mentioned.
//
// Only dev documents are read (PartOf before Raws): the test part is never
// opened.
//
//	go test ./internal/corpus -run TestDevMisses -v -args -devmisses
func TestDevMisses(t *testing.T) {
	if !*devMisses {
		t.Skip("run with -args -devmisses")
	}
	labels, errs := Load("testdata")
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	n := normalize.New(nil)
	entries := map[string]normalize.SkillDef{}
	for _, s := range n.Taxonomy().Skills() {
		entries[strings.ToLower(s.Name)] = s
	}
	type miss struct{ name, slug string }
	groups := map[string][]miss{}
	labelled := 0
	for _, l := range labels {
		if PartOf(l) != "dev" {
			continue
		}
		raws, err := Raws(context.Background(), "testdata", l)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range l.Postings {
			r, ok := raws[p.ID]
			if !ok {
				continue
			}
			got := n.Normalize(l.Slug, l.Company, r)
			res := Score(l.Slug, l.Format, l.Company, p, got)
			labelled += res.Labelled
			text := strings.ToLower(rawText(r))
			for _, d := range res.SkillDiff {
				name := d[1:strings.LastIndex(d, " (")]
				switch {
				case d[0] == '~':
					groups["c"] = append(groups["c"], miss{name, l.Slug})
				case d[0] == '-' && strings.Contains(d, "found as mentioned"):
					groups["m"] = append(groups["m"], miss{name, l.Slug})
				case d[0] == '-':
					e, ok := entries[strings.ToLower(name)]
					switch {
					case !ok:
						groups["a"] = append(groups["a"], miss{name, l.Slug})
					case inText(text, e):
						groups["b1"] = append(groups["b1"], miss{name, l.Slug})
					default:
						groups["b2"] = append(groups["b2"], miss{name, l.Slug})
					}
				}
			}
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "dev labelled skills: %d\n", labelled)
	for _, g := range []struct{ key, what string }{
		{"a", "(a) not found, no taxonomy entry"},
		{"b1", "(b1) not found, entry exists, its name or an alias is in the text"},
		{"b2", "(b2) not found, entry exists, neither its name nor an alias is in the text"},
		{"c", "(c) found in the other bucket"},
		{"m", "(m) found only as mentioned"},
	} {
		ms := groups[g.key]
		count := map[string]int{}
		where := map[string][]string{}
		for _, m := range ms {
			count[m.name]++
			where[m.name] = append(where[m.name], m.slug)
		}
		names := make([]string, 0, len(count))
		for s := range count {
			names = append(names, s)
		}
		sort.Slice(names, func(i, j int) bool {
			if count[names[i]] != count[names[j]] {
				return count[names[i]] > count[names[j]]
			}
			return names[i] < names[j]
		})
		fmt.Fprintf(&b, "\n%s: %d (%d names)\n", g.what, len(ms), len(names))
		for _, s := range names {
			fmt.Fprintf(&b, "  %3d  %-32s %s\n", count[s], s, strings.Join(where[s], " "))
		}
	}
	t.Log("\n" + b.String())
}

var tagRe = regexp.MustCompile(`<[^>]*>`)

// rawText is a raw posting's description, sections and title as text.
func rawText(r model.Raw) string {
	parts := []string{r.Title, r.DescriptionText, html.UnescapeString(tagRe.ReplaceAllString(r.DescriptionHTML, " "))}
	for _, s := range r.Sections {
		parts = append(parts, fmt.Sprint(s))
	}
	return strings.Join(parts, "\n")
}

// inText says whether the entry's name or an alias occurs in lower (a
// plain substring, case folded).
func inText(lower string, e normalize.SkillDef) bool {
	for _, a := range append([]string{e.Name}, e.Aliases...) {
		a = strings.TrimLeft(a, "=~")
		if a != "" && strings.Contains(lower, strings.ToLower(a)) {
			return true
		}
	}
	return false
}
