package cli

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// TestDeployCompose holds deploy/compose.yaml (the README's fleet mode) to
// the program: it parses as YAML, has PostgreSQL 15, a one-shot migrate
// that the workers and serve wait for, and every watcher command it runs
// (and the health check's) is a command of this build whose flags and
// arguments parse; no secret is written in it (every value of a secret's
// variable is ${...} from the environment); and the config it mounts,
// deploy/fleet.yaml, is valid with store: postgres.
func TestDeployCompose(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "..", "deploy", "compose.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Services map[string]struct {
			Image       string                    `yaml:"image"`
			Command     []string                  `yaml:"command"`
			Environment map[string]string         `yaml:"environment"`
			DependsOn   map[string]map[string]any `yaml:"depends_on"`
			Volumes     []string                  `yaml:"volumes"`
			Healthcheck struct {
				Test []string `yaml:"test"`
			} `yaml:"healthcheck"`
		} `yaml:"services"`
	}
	if err := yaml.Unmarshal(b, &doc); err != nil {
		t.Fatalf("deploy/compose.yaml: %v", err)
	}
	if doc.Services["db"].Image != "postgres:15" {
		t.Errorf("db: image %q, want postgres:15", doc.Services["db"].Image)
	}
	for _, name := range []string{"worker", "serve"} {
		if c := doc.Services[name].DependsOn["migrate"]["condition"]; c != "service_completed_successfully" {
			t.Errorf("%s: depends on migrate with %v, want service_completed_successfully", name, c)
		}
	}
	if c := doc.Services["migrate"].DependsOn["db"]["condition"]; c != "service_healthy" {
		t.Errorf("migrate: depends on db with %v, want service_healthy", c)
	}
	parse := func(who string, args []string) string {
		t.Helper()
		root := newRoot()
		cmd, rest, err := root.Find(args)
		if err != nil || cmd == root {
			t.Errorf("%s: %v is no command of watcher: %v", who, args, err)
			return ""
		}
		if err := cmd.ParseFlags(rest); err != nil {
			t.Errorf("%s: %v: %v", who, args, err)
			return ""
		}
		if err := cmd.ValidateArgs(cmd.Flags().Args()); err != nil {
			t.Errorf("%s: %v: %v", who, args, err)
		}
		return cmd.Name()
	}
	var ran []string
	for name, s := range doc.Services {
		for k, v := range s.Environment {
			if (strings.Contains(k, "PASSWORD") || strings.Contains(k, "TOKEN") || k == "DATABASE_URL") && !strings.HasPrefix(v, "${") {
				t.Errorf("%s: %s is written in the file; take it from the environment (${%s})", name, k, k)
			}
		}
		if s.Image != "careers-watcher" {
			continue
		}
		if !slices.Contains(s.Volumes, "./fleet.yaml:/etc/careers-watcher/fleet.yaml:ro") {
			t.Errorf("%s: does not mount deploy/fleet.yaml: %v", name, s.Volumes)
		}
		if s.Environment["DATABASE_URL"] == "" {
			t.Errorf("%s: no DATABASE_URL", name)
		}
		ran = append(ran, parse(name, s.Command))
		if hc := s.Healthcheck.Test; len(hc) > 0 {
			if hc[0] != "CMD" || hc[1] != "/usr/local/bin/watcher" {
				t.Errorf("%s: health check %v: want the watcher binary of the image", name, hc)
			} else {
				parse(name+" health check", hc[2:])
			}
		}
	}
	slices.Sort(ran)
	if !slices.Equal(ran, []string{"migrate", "serve", "worker"}) {
		t.Errorf("the watcher services run %v, want migrate, serve and worker", ran)
	}

	// the mounted config: valid, store: postgres, its database_url from
	// the environment
	setenv(t, "DATABASE_URL", "postgres://watcher:pw@db:5432/watcher")
	setenv(t, "WATCHER_SERVE_TOKEN", "a-token-of-32-characters-or-so-x")
	cfg := filepath.Join("..", "..", "deploy", "fleet.yaml")
	if code, stdout, stderr := runIn(t, cfg, "validate"); code != 0 {
		t.Errorf("deploy/fleet.yaml: validate: exit %d\n%s\n%s", code, stdout, stderr)
	}
	fb, err := os.ReadFile(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(fb), "store: postgres\ndatabase_url: ${DATABASE_URL}\n") {
		t.Errorf("deploy/fleet.yaml does not read store: postgres with database_url: ${DATABASE_URL}")
	}
}
