package normalize

import (
	"slices"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"
)

// broaderOf maps an entry's name to its chain of broader entries, nearest
// first (Helm: Kubernetes), read from the embedded taxonomy once, at the
// first call of Broader: a quiet run that filters nothing never reads it.
// The chains are walked here once, so that Broader, called for every skill
// of every posting a skill filter sees, allocates nothing.
var broaderOf = sync.OnceValue(func() map[string][]string {
	var f struct {
		Skills []struct {
			Name   string `yaml:"name"`
			Parent string `yaml:"parent"`
		} `yaml:"skills"`
	}
	parents := map[string]string{}
	// The embedded file is checked by LoadTaxonomy's tests (parents name
	// entries, no loops); a decode error here leaves the map empty, which
	// only means no widening.
	if err := yaml.Unmarshal(taxonomyYAML, &f); err != nil {
		return nil
	}
	for _, s := range f.Skills {
		if p := strings.TrimSpace(s.Parent); p != "" {
			parents[strings.TrimSpace(s.Name)] = p
		}
	}
	out := make(map[string][]string, len(parents))
	for skill := range parents {
		// the chain stops at a repeat, so a loop cannot hang it
		var chain []string
		for p := parents[skill]; p != "" && p != skill && !slices.Contains(chain, p); p = parents[p] {
			chain = append(chain, p)
		}
		out[skill] = slices.Clip(chain)
	}
	return out
})

// Broader lists the broader entries of a skill of the embedded taxonomy,
// nearest first (Helm Chart's would be Helm, then Kubernetes; PyTorch
// Lightning's is PyTorch): a filter on a broader entry matches a posting
// that names only a narrower one. Nil for a skill with no parent or not in
// the taxonomy. The list is shared: the caller must not change it.
func Broader(skill string) []string {
	return broaderOf()[skill]
}
