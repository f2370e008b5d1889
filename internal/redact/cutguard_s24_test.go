package redact

import (
	"strings"
	"testing"
)

// A secret with delimiters is left out of a cut only when the text holds it
// whole: a text holding just its first words is cut as any text is, so the
// cut tells a board nothing about how a secret starts (no prefix oracle).
func TestCutGuardIsNoPrefixOracle(t *testing.T) {
	secret := "violet ocean window; lantern 42"
	New([]Secret{{Name: "PASSPHRASE", Value: secret}})
	for _, text := range []string{
		"title: violet ocean window; lantern 41 and more words here",
		"title: violet ocean window; lamp and more words here",
		"title: violet ocean and more words here, and more",
	} {
		want := strings.TrimSuffix(Cut(text, 26), Ellipsis)
		plain := strings.TrimSuffix(cutAtNoGuard(text, 26), Ellipsis)
		if want != plain {
			t.Errorf("cut of %q differs with the secret known: %q, without: %q", text, want, plain)
		}
	}
	whole := "title: violet ocean window; lantern 42 and more"
	if got := Cut(whole, 26); strings.Contains(got, "violet") {
		t.Errorf("cut of a text holding the secret whole shows its start: %q", got)
	}
}

// cutAtNoGuard is Cut without the guard (the token rule alone).
func cutAtNoGuard(s string, n int) string {
	guarded.Lock()
	forms := guarded.forms
	guarded.forms = nil
	guarded.Unlock()
	out := Cut(s, n)
	guarded.Lock()
	guarded.forms = forms
	guarded.Unlock()
	return out
}
