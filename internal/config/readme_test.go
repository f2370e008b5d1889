package config_test

import (
	"os"
	"regexp"
	"strings"
	"testing"
)

// TestReadmeExamples keeps the config examples of README.md and the shipped
// config.yaml valid: every ```yaml block that is a whole config (or a
// notifiers: or sources: list) must parse with its ${VARS} set.
func TestReadmeExamples(t *testing.T) {
	env := func(string) (string, bool) { return "https://hooks.example.com/x", true }
	secretEnv := func(k string) (string, bool) {
		if strings.Contains(k, "SECRET") {
			return "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", true
		}
		return env(k)
	}
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	blocks := regexp.MustCompile("(?s)```yaml\n(.*?)```").FindAllStringSubmatch(string(readme), -1)
	const source = "sources:\n  - {name: x, type: eightfold, url: \"https://explore.jobs.netflix.net\", domain: netflix.com}\n"
	const notifier = "notifiers:\n  - {name: c, type: stdout}\n"
	checked := 0
	for i, b := range blocks {
		y := b[1]
		if strings.Contains(y, "\n    ...") || !(strings.HasPrefix(y, "snapshots:") || strings.HasPrefix(y, "sources:") || strings.HasPrefix(y, "notifiers:")) {
			continue // a fragment, or not a config (a CI workflow)
		}
		if !strings.Contains(y, "sources:") {
			y = source + y
		}
		if !strings.Contains(y, "notifiers:") {
			y += notifier
		}
		if _, err := parse([]byte(y), "README.md", secretEnv); err != nil {
			t.Errorf("README.md yaml block %d does not parse:\n%v", i+1, err)
		}
		checked++
	}
	if checked < 3 {
		t.Fatalf("only %d config examples found in README.md", checked)
	}
	cfg, err := os.ReadFile("../../config.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := parse(cfg, "config.yaml", env); err != nil {
		t.Fatalf("the shipped config.yaml: %v", err)
	}
}
