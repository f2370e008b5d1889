package redact

import (
	"strings"
	"testing"
)

// Review s23b: Cut's promise (bd07d81) is that a cut shows no start of a
// secret, so that Output needs to mask whole secrets only. The tokens it
// keeps whole end at whitespace and "'<>{}[](),; -- characters a
// password or passphrase has freely (a source's basic-auth password from
// the environment, a passphrase with spaces). A body echoing such a secret,
// cut by scrape's snippet (CutBytes, 60 bytes), shows the secret up to its
// last delimiter before the cut, and Output no longer masks it.
func TestCutShowsNoStartOfSecretWithDelimiters_s23b(t *testing.T) {
	for _, secret := range []string{"Tr0ub4dor;3-horse-battery-staple", "correct horse battery staple zebra"} {
		r := New([]Secret{{Name: "PW", Value: secret}})
		body := `{"error":"401","detail":"bad password ` + secret + `"}`
		out := string(r.Output([]byte(CutBytes(body, 60))))
		first, _, _ := strings.Cut(strings.NewReplacer(";", " ").Replace(secret), " ")
		if strings.Contains(out, first) {
			t.Errorf("secret %q: cut and masked %q shows its start %q", secret, out, first)
		}
	}
}
