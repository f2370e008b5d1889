package config_test

import (
	"strings"
	"testing"
)

// F23: a skill of taxonomy.skills that the built-in taxonomy refuses (an
// alias another skill has, a new skill without a category, an alias with
// no words) is a problem like every other: file, line, the key of the
// item, and what is wrong.
func TestTaxonomySkillProblemsHaveLines(t *testing.T) {
	const tail = "sources:\n  - {name: a, type: greenhouse, board: a}\n"
	for _, tc := range []struct {
		name, yaml, want string
	}{
		{"alias of another skill", `taxonomy:
  skills:
    - name: dbt
      category: Data Engineering
    - name: Snake Lang
      category: language
      aliases:
        - snek
        - python3
`, `config.yaml:9: taxonomy.skills[1].aliases[1]: alias "python3" is already an alias of "Python"`},
		{"new skill without category", `taxonomy:
  skills:
    - name: dbt
      category: Data Engineering
    - name: Zigzag Lang
      aliases: [zigzag]
`, `config.yaml:5: taxonomy.skills[1].category: `},
		{"alias with no words", `taxonomy:
  skills:
    - name: Snake Lang
      category: language
      aliases:
        - "!!"
`, `config.yaml:6: taxonomy.skills[0].aliases[0]: alias "!!" has no words`},
		{"name that is another skill's alias", `taxonomy:
  skills:
    - name: Golang
      category: language
`, `config.yaml:3: taxonomy.skills[0].name: `},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := parse([]byte(tc.yaml+tail), "config.yaml", nil)
			if err == nil {
				t.Fatal("no error")
			}
			if !strings.HasPrefix(err.Error(), tc.want) || strings.Count(err.Error(), "\n") != 0 {
				t.Errorf("error %q, want one line starting %q", err, tc.want)
			}
			if strings.Contains(err.Error(), "normalize:") || strings.Contains(err.Error(), "extra skills") {
				t.Errorf("error %q says where in the normalizer, not where in the config", err)
			}
		})
	}
	// every skill refused is named, not only the first
	_, err := parse([]byte("taxonomy:\n  skills:\n    - {name: Golang, category: language}\n    - {name: Fine Lang, category: language}\n    - {name: Zig Lang}\n"+tail), "config.yaml", nil)
	if err == nil || !strings.HasPrefix(err.Error(), "config.yaml:3: taxonomy.skills[0].name: ") || !strings.Contains(err.Error(), "\nconfig.yaml:5: taxonomy.skills[2].category: ") {
		t.Errorf("error %v, want skills[0].name and skills[2].category", err)
	}
	// a good extra skill, and one that adds to a built-in skill, are fine
	if _, err := parse([]byte("taxonomy:\n  skills:\n    - {name: Snake Lang, category: language, aliases: [snek]}\n    - {name: Python, aliases: [py3k]}\n"+tail), "config.yaml", nil); err != nil {
		t.Fatal(err)
	}
}
