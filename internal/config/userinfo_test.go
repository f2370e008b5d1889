package config

import (
	"net/url"
	"strings"
	"testing"
)

// A ${VAR} in a URL's user-info (https://${USER}:${PASS}@host/) is
// percent-escaped, so that '@', ':', '/', '+' and '%' in a password do not
// end the user-info early, move the host or change a byte: the server (and
// Go's url.Parse) reads the value itself.
func TestExpandEscapesUserInfo(t *testing.T) {
	const pass = "p@ss:w/rd+50%x"
	env := map[string]string{"USER": "bot+ci@corp", "PASS": pass, "CREDS": "bot:" + pass, "HOST": "git.example", "KEY": "a+b"}
	getenv := func(n string) (string, bool) { v, ok := env[n]; return v, ok }
	for _, tc := range []struct{ in, user, pass, host, path string }{
		{"https://${USER}:${PASS}@git.example/o/r.git", env["USER"], pass, "git.example", "/o/r.git"},
		{"postgres://watcher:${PASS}@db:5432/watcher?sslmode=disable", "watcher", pass, "db:5432", "/watcher"},
		{"https://x-access-token:${PASS}@${HOST}/o/r.git", "x-access-token", pass, "git.example", "/o/r.git"},
		{"https://${USER}@git.example/", env["USER"], "", "git.example", "/"},
		// the whole user-info from one variable: its first ':' separates
		// the user from the password
		{"https://${CREDS}@git.example/", "bot", pass, "git.example", "/"},
	} {
		got, problems := expand(tc.in, getenv)
		if len(problems) > 0 {
			t.Fatalf("expand(%q): %v", tc.in, problems)
		}
		u, err := url.Parse(got)
		if err != nil {
			t.Errorf("expand(%q) = %q: %v", tc.in, got, err)
			continue
		}
		pw, _ := u.User.Password()
		if u.User.Username() != tc.user || pw != tc.pass || u.Host != tc.host || u.Path != tc.path {
			t.Errorf("expand(%q) = %q: user %q password %q host %q path %q; want %q %q %q %q",
				tc.in, got, u.User.Username(), pw, u.Host, u.Path, tc.user, tc.pass, tc.host, tc.path)
		}
	}
	// not in a user-info: as before
	for _, tc := range []struct{ in, want string }{
		{"https://${HOST}/p?k=${KEY}", "https://git.example/p?k=a%2Bb"},
		{"https://h/${KEY}@x", "https://h/a+b@x"},
		{"https://h:${KEY}/p", "https://h:a+b/p"}, // a port, not a password
	} {
		if got, _ := expand(tc.in, getenv); got != tc.want {
			t.Errorf("expand(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// The escaped password is masked wherever the URL is written, and so is
// the value as given.
func TestUserInfoSecretIsMasked(t *testing.T) {
	const pass = "p@ss:w/rd+50%x"
	getenv := func(n string) (string, bool) {
		if n == "PASS" {
			return pass, true
		}
		return "", false
	}
	cfg, err := Parse([]byte(`git:
  push:
    remote: https://bot:${PASS}@git.example/o/r.git
sources:
  - {name: a, type: t}
`), "config.yaml", getenv, Plugins{Sources: []Kind{{Type: "t"}}})
	if err != nil {
		t.Fatal(err)
	}
	u, err := url.Parse(cfg.Git.Push.Remote)
	if err != nil {
		t.Fatalf("remote %q: %v", cfg.Git.Push.Remote, err)
	}
	if pw, _ := u.User.Password(); pw != pass || u.Host != "git.example" {
		t.Fatalf("remote %q: password %q host %q", cfg.Git.Push.Remote, pw, u.Host)
	}
	red := cfg.Redactor()
	for _, text := range []string{
		"push to " + cfg.Git.Push.Remote + " failed",
		"push to " + u.String() + " failed",
		"password " + pass,
	} {
		s := red.String(text)
		if strings.Contains(s, "p@ss") || strings.Contains(s, "p%40ss") || strings.Contains(s, "rd+50") || !strings.Contains(s, "[redacted:PASS]") {
			t.Errorf("redacted %q to %q", text, s)
		}
	}
}
