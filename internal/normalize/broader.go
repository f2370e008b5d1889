package normalize

import (
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"
)

// broaderOf maps an entry's name to its parent's (Helm: Kubernetes), read
// from the embedded taxonomy once, at the first call of Broader: a quiet
// run that filters nothing never reads it.
var broaderOf = sync.OnceValue(func() map[string]string {
	var f struct {
		Skills []struct {
			Name   string `yaml:"name"`
			Parent string `yaml:"parent"`
		} `yaml:"skills"`
	}
	out := map[string]string{}
	// The embedded file is checked by LoadTaxonomy's tests (parents name
	// entries, no loops); a decode error here leaves the map empty, which
	// only means no widening.
	if err := yaml.Unmarshal(taxonomyYAML, &f); err != nil {
		return out
	}
	for _, s := range f.Skills {
		if p := strings.TrimSpace(s.Parent); p != "" {
			out[strings.TrimSpace(s.Name)] = p
		}
	}
	return out
})

// Broader lists the broader entries of a skill of the embedded taxonomy,
// nearest first (Helm Chart's would be Helm, then Kubernetes; PyTorch
// Lightning's is PyTorch): a filter on a broader entry matches a posting
// that names only a narrower one. Nil for a skill with no parent or not in
// the taxonomy. The chain stops at a repeat, so a loop cannot hang it.
func Broader(skill string) []string {
	parents := broaderOf()
	var out []string
	seen := map[string]bool{skill: true}
	for p := parents[skill]; p != "" && !seen[p]; p = parents[p] {
		seen[p] = true
		out = append(out, p)
	}
	return out
}
