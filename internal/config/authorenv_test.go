package config_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/config"
)

// git.author is written into every commit: a ${VAR} in it is refused at
// load with its line (DESIGN invariant 8: no value from the environment in
// any commit), whatever the variable holds.
func TestGitAuthorRefusesEnvVars(t *testing.T) {
	yml := "snapshots: snaps\ngit:\n  author: \"${AUTHOR} <watcher@localhost>\"\nsources:\n  - {name: a, type: fake, slug: acme}\n"
	getenv := func(k string) (string, bool) {
		return map[string]string{"AUTHOR": "authorSecretName"}[k], k == "AUTHOR"
	}
	_, err := config.Parse([]byte(yml), "/tmp/c.yaml", getenv, fakePlugins)
	var ce *config.Error
	if !errors.As(err, &ce) || len(ce.Problems) != 1 || ce.Problems[0].Line != 3 || ce.Problems[0].Key != "git.author" ||
		!strings.Contains(ce.Problems[0].Msg, "${VAR}") {
		t.Fatalf("got %v", err)
	}
	if strings.Contains(err.Error(), "authorSecretName") {
		t.Fatalf("the value is in the error: %v", err)
	}
	ok := strings.Replace(yml, "${AUTHOR}", "watcher bot", 1)
	if _, err := config.Parse([]byte(ok), "/tmp/c.yaml", getenv, fakePlugins); err != nil {
		t.Fatalf("a plain author: %v", err)
	}
}
