package config

import (
	"fmt"
	"regexp"
	"sort"

	"github.com/careers-watcher/careers-watcher/internal/normalize"
)

// skillAt is where one item of taxonomy.skills is written: its key path
// and the lines of the item, its name, its category (0: not given) and
// each alias.
type skillAt struct {
	path                 string
	line, name, category int
	aliases              []int
}

// checkTaxonomy adds the skills to the built-in taxonomy as the normalizer
// will, and reports what it refuses (an alias another skill has, a new
// skill without a category, an alias with no words) at the key and line of
// the item that brings the clash in, like every other problem.
func (p *parser) checkTaxonomy(skills []Skill, at []skillAt) {
	defs := make([]normalize.SkillDef, len(skills))
	for i, s := range skills {
		defs[i] = normalize.SkillDef{Name: s.Name, Category: s.Category, Aliases: s.Aliases}
	}
	// the embedded taxonomy is decoded once for the many loads below
	build, err := normalize.TaxonomyLoader()
	if err != nil {
		p.add(at[0].line, "taxonomy.skills", skillMessage(err))
		return
	}
	load := func(d []normalize.SkillDef) error { _, err := build(d); return err }
	// every skill refused is named: each is left out once named, and the
	// rest checked again
	for n := 0; n < maxSkillProblems && len(defs) > 0; n++ {
		err := load(defs)
		if err == nil {
			return
		}
		// a taxonomy that takes skills[:i] takes every shorter list: the
		// first skill whose addition it refuses is the one to name
		i := sort.Search(len(defs), func(i int) bool { return load(defs[:i+1]) != nil })
		if i == len(defs) { // not one skill's doing: name the list
			p.add(at[0].line, "taxonomy.skills", skillMessage(err))
			return
		}
		p.skillProblem(defs[:i:i], defs[i], at[i], load)
		defs = append(defs[:i:i], defs[i+1:]...)
		at = append(at[:i:i], at[i+1:]...)
	}
}

// maxSkillProblems bounds the problems checkTaxonomy reports (each costs
// a few loads of the taxonomy).
const maxSkillProblems = 20

// skillProblem names what of d the taxonomy refuses after base: its name
// or category, else the first alias it refuses.
func (p *parser) skillProblem(base []normalize.SkillDef, d normalize.SkillDef, where skillAt, load func([]normalize.SkillDef) error) {
	bare := normalize.SkillDef{Name: d.Name, Category: d.Category}
	if err := load(append(base, bare)); err != nil {
		if d.Category == "" {
			p.add(where.line, where.path+".category", "is required: the built-in taxonomy has no skill of this name to add the aliases to")
			return
		}
		p.add(where.name, where.path+".name", skillMessage(err))
		return
	}
	var err error
	for j := range d.Aliases {
		bare.Aliases = d.Aliases[:j+1]
		if err = load(append(base, bare)); err != nil {
			line := where.line
			if j < len(where.aliases) {
				line = where.aliases[j]
			}
			p.add(line, fmt.Sprintf("%s.aliases[%d]", where.path, j), skillMessage(err))
			return
		}
	}
	p.add(where.line, where.path, skillMessage(load(append(base, d))))
}

// skillPrefix is what the normalizer's messages start with besides what is
// wrong: its package, the list and the skill, which the key path says.
var skillPrefix = regexp.MustCompile(`^normalize: (?:extra skills\[\d+\] "[^"]*": |skill "[^"]*": )?`)

func skillMessage(err error) string {
	if err == nil {
		return "refused by the built-in taxonomy"
	}
	return skillPrefix.ReplaceAllString(err.Error(), "")
}
