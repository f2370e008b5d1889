package normalize

import (
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"fmt"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"
)

//go:embed taxonomy.yaml
var taxonomyYAML []byte

// SkillDef is one taxonomy entry; the config can add more.
//
// Aliases are matched on whole words, case-insensitively, and leftmost-longest.
// An alias written with a leading "~" is case-sensitive and counts only
// among other skills, within a few words of one ("Cursor" in "Copilot,
// Cursor or Claude Code", not "move the cursor"): for names that are
// ordinary words or first names.
// An alias written with a leading "=" is case-sensitive ("=Go" matches "Go"
// but not "go"). The Name is an implicit case-insensitive alias unless a
// case-sensitive alias spells it. Hyphens in aliases match a hyphen or a
// space ("fine-tuning" matches "fine tuning" and "fine-tuning").
//
// An alias names the same thing as Name: a spelling, an abbreviation, a
// translation, a version, or a part shipped inside it (PySpark, HDFS). A
// product, tool, language or practice with a name of its own is an entry of
// its own, never an alias (Helm is not Kubernetes, MariaDB is not MySQL);
// Parent names the broader entry it belongs to, when one exists (Helm's is
// Kubernetes, FAISS's is Vector Databases), so that a filter on the broader
// entry can widen to it. Parent is not part of what the normalizer writes.
type SkillDef struct {
	Name     string   `yaml:"name"`
	Category string   `yaml:"category"`
	Aliases  []string `yaml:"aliases"`
	Parent   string   `yaml:"parent,omitempty"`
}

// Taxonomy is the set of known skills. It is immutable once loaded.
type Taxonomy struct {
	skills   []SkillDef // sorted by Name
	ignore   []string   // phrases that are never skills ("R&D", "go-to-market")
	category map[string]string
	sum      string // fingerprint of skills and ignore
}

type taxonomyFile struct {
	Ignore []string   `yaml:"ignore"`
	Skills []SkillDef `yaml:"skills"`
}

// LoadTaxonomy reads the embedded taxonomy and adds extra. An extra entry
// whose Name is already known (case-insensitively) adds its aliases and, when
// it has one, overrides the category.
func LoadTaxonomy(extra []SkillDef) (*Taxonomy, error) {
	f, err := decodeTaxonomy()
	if err != nil {
		return nil, err
	}
	return buildTaxonomy(f, extra)
}

// TaxonomyLoader decodes the embedded taxonomy once and returns a
// LoadTaxonomy that builds on that decoding, for a caller that tries many
// extra lists (config's check of taxonomy.skills names each skill it
// refuses by loading shorter lists). The decoding is the larger part of a
// load; it is freed with the loader.
func TaxonomyLoader() (func(extra []SkillDef) (*Taxonomy, error), error) {
	f, err := decodeTaxonomy()
	if err != nil {
		return nil, err
	}
	return func(extra []SkillDef) (*Taxonomy, error) { return buildTaxonomy(f, extra) }, nil
}

// decodeTaxonomy decodes the embedded taxonomy.yaml.
func decodeTaxonomy() (taxonomyFile, error) {
	var f taxonomyFile
	dec := yaml.NewDecoder(strings.NewReader(string(taxonomyYAML)))
	dec.KnownFields(true)
	if err := dec.Decode(&f); err != nil {
		return f, fmt.Errorf("normalize: embedded taxonomy: %w", err)
	}
	return f, nil
}

// buildTaxonomy makes the taxonomy of a decoded file and extra; it does not
// change f, so that a loader may build on it again.
func buildTaxonomy(f taxonomyFile, extra []SkillDef) (*Taxonomy, error) {
	t := &Taxonomy{category: map[string]string{}}
	byName := map[string]int{}
	add := func(where string, i int, d SkillDef, isExtra bool) error {
		name := strings.TrimSpace(d.Name)
		if name == "" {
			return fmt.Errorf("normalize: %s[%d]: empty name", where, i)
		}
		for _, a := range d.Aliases {
			if strings.TrimSpace(aliasText(a)) == "" {
				return fmt.Errorf("normalize: %s[%d] %q: empty alias", where, i, name)
			}
			if len(tokenize(aliasText(a), nil)) == 0 {
				return fmt.Errorf("normalize: %s[%d] %q: alias %q has no words", where, i, name, a)
			}
		}
		key := strings.ToLower(name)
		if j, ok := byName[key]; ok {
			if !isExtra {
				return fmt.Errorf("normalize: %s[%d] %q: duplicate name", where, i, name)
			}
			s := &t.skills[j]
			s.Aliases = append(s.Aliases, d.Aliases...)
			if c := strings.TrimSpace(d.Category); c != "" {
				s.Category = c
			}
			if p := strings.TrimSpace(d.Parent); p != "" {
				s.Parent = p
			}
			return nil
		}
		cat := strings.TrimSpace(d.Category)
		if cat == "" {
			return fmt.Errorf("normalize: %s[%d] %q: empty category", where, i, name)
		}
		byName[key] = len(t.skills)
		t.skills = append(t.skills, SkillDef{Name: name, Category: cat, Aliases: append([]string(nil), d.Aliases...),
			Parent: strings.TrimSpace(d.Parent)})
		return nil
	}
	for i, d := range f.Skills {
		if err := add("taxonomy.yaml skills", i, d, false); err != nil {
			return nil, err
		}
	}
	for i, d := range extra {
		if err := add("extra skills", i, d, true); err != nil {
			return nil, err
		}
	}
	for _, p := range f.Ignore {
		if p = strings.TrimSpace(p); p != "" {
			t.ignore = append(t.ignore, p)
		}
	}
	sort.Slice(t.skills, func(i, j int) bool { return t.skills[i].Name < t.skills[j].Name })
	if err := t.checkParents(); err != nil {
		return nil, err
	}
	owner := map[string]string{} // alias key -> skill name
	h := sha256.New()
	for i := range t.skills {
		s := &t.skills[i]
		s.Aliases = uniqueStrings(s.Aliases)
		t.category[s.Name] = s.Category
		for _, a := range aliasesOf(*s) {
			k := aliasKey(a)
			if prev, ok := owner[k]; ok && prev != s.Name {
				return nil, fmt.Errorf("normalize: skill %q: alias %q is already an alias of %q", s.Name, a, prev)
			}
			owner[k] = s.Name
		}
		fmt.Fprintf(h, "skill\x00%s\x00%s\x00%s\n", s.Name, s.Category, strings.Join(s.Aliases, "\x00"))
	}
	t.ignore = uniqueStrings(t.ignore)
	for _, p := range t.ignore {
		fmt.Fprintf(h, "ignore\x00%s\n", p)
	}
	t.sum = hex.EncodeToString(h.Sum(nil))
	return t, nil
}

// checkParents: a parent names another entry (its exact name), and no chain
// of parents comes back to where it started.
func (t *Taxonomy) checkParents() error {
	parent := map[string]string{}
	for _, s := range t.skills {
		if s.Parent == "" {
			continue
		}
		if !t.known(s.Parent) {
			return fmt.Errorf("normalize: skill %q: parent %q is no taxonomy entry", s.Name, s.Parent)
		}
		if s.Parent == s.Name {
			return fmt.Errorf("normalize: skill %q: its own parent", s.Name)
		}
		parent[s.Name] = s.Parent
	}
	for name := range parent {
		seen := map[string]bool{name: true}
		for p := parent[name]; p != ""; p = parent[p] {
			if seen[p] {
				return fmt.Errorf("normalize: skill %q: its parents come back to %q", name, p)
			}
			seen[p] = true
		}
	}
	return nil
}

// known says whether skill is the exact name of an entry.
func (t *Taxonomy) known(skill string) bool {
	i := sort.Search(len(t.skills), func(i int) bool { return t.skills[i].Name >= skill })
	return i < len(t.skills) && t.skills[i].Name == skill
}

// Parent returns the broader entry of a canonical skill name ("Kubernetes"
// for "Helm"), or "" when it has none or is unknown.
func (t *Taxonomy) Parent(skill string) string {
	i := sort.Search(len(t.skills), func(i int) bool { return t.skills[i].Name >= skill })
	if i < len(t.skills) && t.skills[i].Name == skill {
		return t.skills[i].Parent
	}
	return ""
}

// aliasesOf lists the aliases a skill is matched by, the name included
// unless a case-sensitive alias spells it.
func aliasesOf(s SkillDef) []string {
	out := make([]string, 0, len(s.Aliases)+1)
	nameExact := false
	for _, a := range s.Aliases {
		if caseSensitive(a) && strings.EqualFold(a[1:], s.Name) {
			nameExact = true
		}
	}
	if !nameExact {
		out = append(out, s.Name)
	}
	return append(out, s.Aliases...)
}

// aliasKey identifies what an alias matches: its folded tokens, and its exact
// spelling when case-sensitive.
func aliasKey(a string) string {
	exact := caseSensitive(a)
	a = aliasText(a)
	var b strings.Builder
	for _, t := range tokenize(a, nil) {
		if t.punct == '-' {
			continue
		}
		w := a[t.start:t.end]
		if !exact {
			w = strings.ToLower(w)
		}
		b.WriteString(w)
		b.WriteByte(' ')
	}
	if exact {
		return "=" + b.String()
	}
	return b.String()
}

func uniqueStrings(in []string) []string {
	seen := make(map[string]bool, len(in))
	out := in[:0]
	for _, s := range in {
		s = strings.TrimSpace(s)
		if s == "" || seen[s] {
			continue
		}
		seen[s] = true
		out = append(out, s)
	}
	sort.Strings(out)
	return out
}

// Category returns the category of a canonical skill name, or "".
func (t *Taxonomy) Category(skill string) string {
	if c, ok := t.category[skill]; ok {
		return c
	}
	for name, c := range t.category {
		if strings.EqualFold(name, skill) {
			return c
		}
	}
	return ""
}

// Skills returns a copy of the taxonomy entries, sorted by name.
func (t *Taxonomy) Skills() []SkillDef {
	out := make([]SkillDef, len(t.skills))
	for i, s := range t.skills {
		out[i] = SkillDef{Name: s.Name, Category: s.Category, Aliases: append([]string(nil), s.Aliases...), Parent: s.Parent}
	}
	return out
}

// caseSensitive says whether an alias is case-sensitive ("=Go", "~Cursor").
func caseSensitive(a string) bool {
	return strings.HasPrefix(a, "=") || strings.HasPrefix(a, "~")
}

// listOnly says whether an alias counts only among other skills ("~Cursor").
func listOnly(a string) bool { return strings.HasPrefix(a, "~") }

// aliasText is an alias without its leading "=" or "~".
func aliasText(a string) string {
	if caseSensitive(a) {
		return a[1:]
	}
	return a
}
