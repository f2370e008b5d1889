package config

import (
	"net/url"
	"testing"
)

// A ${VAR} inside a URL query parameter's value is written query-escaped,
// so the server reads the value itself (F2: a key with '+' was sent raw
// and read as a space); elsewhere, and a default, it is written as is.
func TestExpandEscapesQueryValues(t *testing.T) {
	env := map[string]string{"KEY": "Sup3r+Secret/Key=42", "Q": "a=1&b=2", "HOST": "jobs.example", "BASE": "https://gw.example/x?k=1", "SP": "two words"}
	getenv := func(n string) (string, bool) { v, ok := env[n]; return v, ok }
	for _, tc := range []struct{ in, want string }{
		{"http://127.0.0.1:8080/?api_key=${KEY}", "http://127.0.0.1:8080/?api_key=Sup3r%2BSecret%2FKey%3D42"},
		{"https://h/jobs?a=1&api_key=${KEY}&b=2", "https://h/jobs?a=1&api_key=Sup3r%2BSecret%2FKey%3D42&b=2"},
		{"https://h/jobs?api_key=pre_${KEY}", "https://h/jobs?api_key=pre_Sup3r%2BSecret%2FKey%3D42"},
		{"https://h/jobs?q=${SP}", "https://h/jobs?q=two+words"},
		{"${BASE}&key=${KEY}", "https://gw.example/x?k=1&key=Sup3r%2BSecret%2FKey%3D42"},
		// not a query value: as is
		{"https://h/?${Q}", "https://h/?a=1&b=2"},
		{"https://${HOST}/p/${KEY}", "https://jobs.example/p/Sup3r+Secret/Key=42"},
		{"https://h/p#k=${KEY}", "https://h/p#k=Sup3r+Secret/Key=42"},
		{"https://h/?k=${NOPE:-a+b}", "https://h/?k=a+b"},
		{"Bearer ${KEY}", "Bearer Sup3r+Secret/Key=42"},
		{"x?k=${KEY}", "x?k=Sup3r+Secret/Key=42"}, // not a URL
	} {
		got, problems := expand(tc.in, getenv)
		if len(problems) > 0 || got != tc.want {
			t.Errorf("expand(%q) = %q %v, want %q", tc.in, got, problems, tc.want)
		}
	}
	// what the server reads is the value
	got, _ := expand("https://h/jobs?api_key=${KEY}&x=1", getenv)
	u, err := url.Parse(got)
	if err != nil || u.Query().Get("api_key") != env["KEY"] {
		t.Fatalf("%q: the server reads %q", got, u.Query().Get("api_key"))
	}
}
