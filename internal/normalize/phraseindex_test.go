package normalize

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// naiveFirst is what phraseIndex.first replaces: a strings.Index per
// phrase, the smallest index winning, the longer phrase at the same index.
func naiveFirst(t string, phrases []string) (at, which int) {
	at, which = -1, -1
	for k, p := range phrases {
		i := strings.Index(t, p)
		if i < 0 {
			continue
		}
		if at < 0 || i < at || i == at && len(p) > len(phrases[which]) {
			at, which = i, k
		}
	}
	return at, which
}

// phraseList is a list as the model indexes it: fold for lists looked
// for in lowered text.
type phraseList struct {
	phrases []string
	fold    bool
}

func phraseLists() map[string]*phraseList {
	lists := map[string]*phraseList{"workplaceStems": {phrases: workplaceStems}}
	for name, l := range map[string][]struct{ phrase, place string }{"workplacePhrases": workplacePhrases, "companyPhrases": companyPhrases} {
		pl := &phraseList{fold: true}
		for _, p := range l {
			pl.phrases = append(pl.phrases, p.phrase)
		}
		lists[name] = pl
	}
	return lists
}

// TestPhraseIndexAsIndex compares the index with a strings.Index per
// phrase (on the lowered text, for the folding indexes) on every text file
// of the model's and the corpus's test data, as given, lowered and in
// capitals, and on texts made to hold phrases at the same place.
func TestPhraseIndexAsIndex(t *testing.T) {
	var texts []string
	for _, root := range []string{"testdata", filepath.Join("..", "corpus", "testdata")} {
		err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			b, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			texts = append(texts, string(b), strings.ToLower(string(b)), strings.ToUpper(string(b)))
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if len(texts) < 500 {
		t.Fatalf("only %d texts read", len(texts))
	}
	texts = append(texts, "", "坐", "不需要坐班", "能持续坐班, 不需要坐班", "hybrid work and fully remote",
		"this role is remote. this role is hybrid", "days in the office; five days a week in the office",
		"工作地点：北京", "Arbeitsort: Berlin", "100% remote", "this is a remote-first role", "THIS ROLE IS REMOTE",
		"Hybrid Work", "Fully Remote", "wOrK rEmOtElY", "this role is remoTe", "this role is remot", "THİS ROLE IS REMOTE",
		"WOR\u212a REMOTELY", "ÀÉ Hybrid Work")
	found := 0
	for name, l := range phraseLists() {
		x := newPhraseIndex(l.phrases, l.fold)
		for _, s := range texts {
			at, k := x.first(l.prepared(s))
			wantAt, wantK := naiveFirst(l.lowered(s), l.phrases)
			if len(l.lowered(s)) != len(s) {
				at = wantAt // lowering moved where phrases start, not their order
			}
			if at != wantAt || k != wantK {
				t.Fatalf("%s in %.80q: index gives %d %d, strings.Index %d %d", name, s, at, k, wantAt, wantK)
			}
			if x.in(l.prepared(s)) != (wantAt >= 0) {
				t.Fatalf("%s: in(%.80q) = %v", name, s, x.in(s))
			}
			if at >= 0 {
				found++
			}
		}
	}
	if found < 50 {
		t.Fatalf("phrases found in only %d texts: the comparison checks too little", found)
	}
}

// TestPhraseIndexSamePlace: at one place the longest phrase wins, of equal
// lengths the one listed first.
func TestPhraseIndexSamePlace(t *testing.T) {
	x := newPhraseIndex([]string{"ab", "abc", "abd", "xab", "abx"}, false)
	for _, c := range []struct {
		s      string
		at, to int
	}{{"zzabc", 2, 1}, {"zzab", 2, 0}, {"xabd", 0, 3}, {"abx", 0, 4}, {"a", -1, -1}, {"aabd", 1, 2}} {
		if at, k := x.first(c.s); at != c.at || k != c.to {
			t.Errorf("first(%q) = %d %d, want %d %d", c.s, at, k, c.at, c.to)
		}
	}
}

func FuzzPhraseIndex(f *testing.F) {
	for _, s := range []string{"this role is remote", "坐班 不需要坐班", "hybrid work", "arbeitsort", "", "THİS ROLE IS REMOTE",
		"WOR\u212a REMOTELY", "ÉTÉ: Fully Remote"} {
		f.Add(s)
	}
	lists := phraseLists()
	f.Fuzz(func(t *testing.T, s string) {
		for name, l := range lists {
			at, k := newPhraseIndex(l.phrases, l.fold).first(l.prepared(s))
			wantAt, wantK := naiveFirst(l.lowered(s), l.phrases)
			if len(l.lowered(s)) != len(s) {
				at = wantAt // lowering moved where phrases start, not their order
			}
			if at != wantAt || k != wantK {
				t.Fatalf("%s in %q: index gives %d %d, strings.Index %d %d", name, s, at, k, wantAt, wantK)
			}
		}
	})
}

func (l *phraseList) lowered(s string) string {
	if l.fold {
		return strings.ToLower(s)
	}
	return s
}

// prepared is what the model hands a folding index: foldable(s).
func (l *phraseList) prepared(s string) string {
	if l.fold {
		return foldable(s)
	}
	return s
}

func BenchmarkWorkplaceText(b *testing.B) {
	_, text := benchPosting(b)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		workplaceText(text)
	}
}

// TestQuickChecksAsLists: the cheap checks in front of list lookups pass
// every entry of their lists.
func TestQuickChecksAsLists(t *testing.T) {
	for w := range agileWords {
		if !isAgileWord(w) {
			t.Errorf("isAgileWord(%q) = false", w)
		}
	}
	for _, g := range inlineBullets {
		if len(g) < 3 || g[0] != ' ' || g[1] != 0xe2 && g[1] != 0xc2 {
			t.Errorf("inline bullet %q does not start with a space and 0xe2 or 0xc2", g)
		}
	}
}

func TestItemOpenersStartWithCapitals(t *testing.T) {
	for w := range itemOpeners {
		if w[0] < 'A' || w[0] > 'Z' {
			t.Errorf("item opener %q does not start with an ASCII capital, which itemOpener's quick check needs", w)
		}
	}
}
