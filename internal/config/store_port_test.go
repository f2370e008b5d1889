package config_test

import (
	"strings"
	"testing"
)

// TestDatabaseURLPort: a bad port in database_url is named as a port (the
// hint was to percent-encode the password, which does not mend a port),
// whether url.Parse refuses it (letters) or the driver would (out of
// range); a '/' in the password, which ends the host early, is named
// too. Good ports, several hosts and IPv6 hosts pass.
func TestDatabaseURLPort(t *testing.T) {
	noEnv := func(string) (string, bool) { return "", false }
	const port = "config.yaml:4: database_url: has an invalid port (a number from 1 to 65535 after the host, such as :5432"
	for _, tc := range []struct{ url, want string }{
		{"postgres://u:hidden-pw@db.example:54x2/w", port + "; a '/' in the password must be written %2F)"},
		{"postgres://u:hidden/pw@db.example/w", port + "; a '/' in the password must be written %2F)"},
		{"postgres://u:hidden-pw@db.example:99999/w", port + ")"},
		{"postgres://u:hidden-pw@db.example:0/w", port + ")"},
		{"postgres://u:hidden-pw@h1:5432,h2:70000/w", port + ")"},
		{"postgres://u:hidden-pw@db.example:5432/w", ""},
		{"postgres://u:hidden-pw@db.example/w", ""},
		{"postgres://u:hidden-pw@h1:5432,h2:5433/w", ""},
		{"postgres://u:hidden-pw@[::1]:5432/w", ""},
		{"postgres://u:hidden-pw@[::1]/w", ""},
	} {
		_, err := parse([]byte(storeSource+"store: postgres\ndatabase_url: "+tc.url+"\n"), "config.yaml", noEnv)
		switch {
		case tc.want == "" && err != nil:
			t.Errorf("%s: %v", tc.url, err)
		case tc.want != "" && (err == nil || err.Error() != tc.want):
			t.Errorf("%s:\n got %v\nwant %s", tc.url, err, tc.want)
		case err != nil && strings.Contains(err.Error(), "hidden"):
			t.Errorf("%s: the message quotes the string: %v", tc.url, err)
		}
	}
}
