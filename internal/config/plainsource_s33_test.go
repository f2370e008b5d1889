package config_test

import (
	"strings"
	"testing"
)

// Review s33 F4: a source type's own keys that hold no credential (a
// board's slug, a company) are no secrets, and a value that is a source's
// or a notifier's name is none either: "board: ${BOARD}" with BOARD the
// source's name renamed the source "[redacted:BOARD]" everywhere. A URL's
// ${VAR}s stay secrets.
func TestPlainSourceKeysS33(t *testing.T) {
	yml := "sources:\n" +
		"  - {name: acme, type: greenhouse, board: \"${BOARD}\", company: \"${CO}\"}\n" +
		"  - {name: beta, type: lever, board: beta, url: \"https://api.lever.co/?key=${TOKEN}\"}\n" +
		"  - {name: gamma, type: html, url: \"https://example.com/${GAMMA}\", selectors: {item: \"${ITEM}\", title: h2, link: a}}\n"
	env := map[string]string{"BOARD": "acme", "CO": "Engineer", "TOKEN": "tok_9f8e7d6c5b4a", "GAMMA": "gamma", "ITEM": "li.job-card"}
	cfg, err := parse([]byte(yml), "/tmp/c.yaml", func(k string) (string, bool) { v, ok := env[k]; return v, ok })
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, s := range cfg.Secrets {
		got = append(got, s.Name+"="+s.Value)
	}
	if len(got) != 1 || got[0] != "TOKEN=tok_9f8e7d6c5b4a" {
		t.Fatalf("secrets %v, want the URL's token only", got)
	}
}

// Review s33 F11: a database password that is short, or the user's or the
// database's name, is masked inside the connection string only (masked on
// its own, a word the watcher prints shows it by its context), with a
// warning; a long one is masked everywhere.
func TestWeakDatabasePasswordS33(t *testing.T) {
	for _, c := range []struct {
		url   string
		alone bool
	}{
		{"postgres://watcher:watcher@db:5432/watcher", false},
		{"postgres://data:data@db/pw", false},
		{"postgres://u:short@db/x", false},
		{"postgres://postgres:password@db/x", false},
		{"postgres://u:correcthorsebattery@db/x", false},
		{"postgres://u:Sh0rt!pw@db/x", false},
		{"postgres://u:S3cretPGpw!xyz@db/x", true},
	} {
		yml := "store: postgres\ndatabase_url: ${DATABASE_URL}\nsources:\n  - {name: acme, type: greenhouse, board: acme}\n"
		cfg, err := parse([]byte(yml), "/tmp/c.yaml", func(k string) (string, bool) { return c.url, k == "DATABASE_URL" })
		if err != nil {
			t.Fatal(err)
		}
		pw := strings.SplitN(strings.TrimPrefix(c.url, "postgres://"), "@", 2)[0]
		pw = pw[strings.IndexByte(pw, ':')+1:]
		alone, inURL := false, false
		for _, s := range cfg.Secrets {
			alone = alone || s.Value == pw
			inURL = inURL || strings.Contains(s.Value, ":"+pw+"@")
		}
		if alone != c.alone || !inURL {
			t.Errorf("%s: password masked alone %v (want %v), inside the URL %v", c.url, alone, c.alone, inURL)
		}
		warned := false
		for _, w := range cfg.Warnings() {
			warned = warned || strings.Contains(w.Msg, "the password is weak: it is masked only inside the connection string")
		}
		if warned == c.alone {
			t.Errorf("%s: warned %v", c.url, warned)
		}
		if red := cfg.Redactor().String("careers-watcher database: " + c.url); strings.Contains(red, pw+"@") || (!c.alone && !strings.Contains(red, "careers-watcher database")) {
			t.Errorf("%s: redacted %q", c.url, red)
		}
	}
}

// A source type's keys that may hold a URL (sitemap, links) stay
// secret-bearing.
func TestURLishSourceKeysStaySecretS33(t *testing.T) {
	yml := "sources:\n  - {name: acme, type: html, url: \"https://example.com/jobs\", sitemap: \"https://example.com/sitemap.xml?token=${SM}\", links: \"https://example.com/job/*?k=${LK}\", selectors: {item: li, title: h2, link: a}}\n"
	env := map[string]string{"SM": "sm_0123456789", "LK": "lk_0123456789"}
	cfg, err := parse([]byte(yml), "/tmp/c.yaml", func(k string) (string, bool) { v, ok := env[k]; return v, ok })
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]bool{}
	for _, s := range cfg.Secrets {
		got[s.Name] = true
	}
	if !got["SM"] || !got["LK"] {
		t.Fatalf("secrets %v, want SM and LK", cfg.Secrets)
	}
}
