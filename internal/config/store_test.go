package config_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/config"
)

const storeSource = "sources:\n  - {name: x, type: eightfold, url: \"https://explore.jobs.netflix.net\", domain: netflix.com}\n"

// TestStoreKeys: store and database_url, their defaults, their problems
// (line-numbered, never quoting the connection string) and the redaction
// of the connection string and its password.
func TestStoreKeys(t *testing.T) {
	const dsn = "postgres://watcher:s3cret-pw@db.internal:5432/watcher?sslmode=require"
	env := func(k string) (string, bool) {
		if k == "DATABASE_URL" {
			return dsn, true
		}
		return "", false
	}

	cfg, err := parse([]byte(storeSource), "config.yaml", env)
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Store.Postgres() || cfg.Store.Kind != "" || cfg.Store.DatabaseURL != "" {
		t.Fatalf("default store: %+v", cfg.Store)
	}

	cfg, err = parse([]byte(storeSource+"store: postgres\ndatabase_url: ${DATABASE_URL}\n"), "config.yaml", env)
	if err != nil {
		t.Fatal(err)
	}
	if !cfg.Store.Postgres() || cfg.Store.DatabaseURL != dsn || cfg.Store.Line != 3 || cfg.Store.URLLine != 4 {
		t.Fatalf("postgres store: %+v", cfg.Store)
	}
	if got := cfg.Redactor().String("connect " + dsn + " failed"); strings.Contains(got, "s3cret") || !strings.Contains(got, "[redacted:DATABASE_URL]") {
		t.Errorf("redacted: %q", got)
	}

	// written in the file: redacted all the same, password alone too
	cfg, err = parse([]byte(storeSource+"store: postgres\ndatabase_url: postgres://w:lit3ral-pw-0x9f@h/db\n"), "config.yaml", env)
	if err != nil {
		t.Fatal(err)
	}
	if got := cfg.Redactor().String("password lit3ral-pw-0x9f in postgres://w:lit3ral-pw-0x9f@h/db"); strings.Contains(got, "lit3ral") {
		t.Errorf("a literal database_url is not redacted: %q", got)
	}

	for _, tc := range []struct{ yaml, want string }{
		{"store: postgres\n", "config.yaml:3: store: store: postgres needs database_url (for instance database_url: ${DATABASE_URL})"},
		{"database_url: ${DATABASE_URL}\n", "config.yaml:3: database_url: is read only with store: postgres (the files store needs no database)"},
		{"store: mysql\n", `config.yaml:3: store: must be "files" or "postgres", not "mysql"`},
		{"store: postgres\ndatabase_url: ${NOT_SET}\n", "config.yaml:4: database_url: "},
		{"store: postgres\ndatabase_url: mysql://u:hidden-pw@h/db\n", "config.yaml:4: database_url: must be a postgres:// or postgresql:// URL"},
		{"store: postgres\ndatabase_url: justaword\n", "config.yaml:4: database_url: must be a postgres:// or postgresql:// URL"},
		{"store: postgres\ndatabase_url: [a]\n", "config.yaml:4: database_url: must be a string"},
		// what the driver refuses when a command connects, validate refuses too
		{"store: postgres\ndatabase_url: postgres://u:hidden-pw@127.0.0.1:1/w?sslmode=bogus\n", "config.yaml:4: database_url: is not a valid PostgreSQL connection string"},
		{"store: postgres\ndatabase_url: host=127.0.0.1 password=hidden-pw sslmode=bogus\n", "config.yaml:4: database_url: is not a valid PostgreSQL connection string"},
	} {
		_, err := parse([]byte(storeSource+tc.yaml), "config.yaml", env)
		var ce *config.Error
		if !errors.As(err, &ce) {
			t.Errorf("%q: err = %v, want a config error", tc.yaml, err)
			continue
		}
		if !strings.HasPrefix(err.Error(), tc.want) || strings.Contains(err.Error(), "hidden-pw") {
			t.Errorf("%q:\n got %s\nwant %s...", tc.yaml, err, tc.want)
		}
	}
}
