package detect

import (
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/careers-watcher/careers-watcher/internal/config"
)

// YAML is src written as a one-item sources list for a config file: name,
// type and url, then the keys of its type (its Settings, by their yaml
// tags).
func YAML(src config.Source) (string, error) {
	var item yaml.Node
	head := struct {
		Name string `yaml:"name"`
		Type string `yaml:"type"`
		URL  string `yaml:"url,omitempty"`
	}{src.Name, src.Type, src.URL}
	if err := item.Encode(head); err != nil {
		return "", err
	}
	if src.Settings != nil {
		var own yaml.Node
		if err := own.Encode(src.Settings); err != nil {
			return "", err
		}
		if own.Kind == yaml.MappingNode {
			item.Content = append(item.Content, own.Content...)
		}
	}
	var b strings.Builder
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	err := enc.Encode([]*yaml.Node{&item})
	if err == nil {
		err = enc.Close()
	}
	return b.String(), err
}
