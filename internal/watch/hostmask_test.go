package watch

import (
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// A board gives its host back in lower case ("acmecorptenant.eightfold.ai")
// for a tenant the source was configured with as "AcmeCorpTenant": hosts
// are case-insensitive, so the tenant is masked there in any case. In a
// path, a query or the text, case matters: only the value as written is
// the secret.
func TestPostingMaskHostsInAnyCase(t *testing.T) {
	t.Parallel()
	r := redactBenchRunner(t) // TENANT=AcmeCorpTenant in the host of the source's url, 15 keys in its query
	m := r.postingRedactor("ef")
	for _, c := range []struct{ in, want string }{
		{"https://acmecorptenant.eightfold.ai/careers/job/1", "https://[redacted:TENANT].eightfold.ai/careers/job/1"},
		{"https://ACMECORPTENANT.Eightfold.AI/x", "https://[redacted:TENANT].Eightfold.AI/x"},
		{"https://AcmeCorpTenant.eightfold.ai/?t=AcmeCorpTenant", "https://[redacted:TENANT].eightfold.ai/?t=[redacted:TENANT]"},
		{"https://jobs.example.com/acmecorptenant/1", "https://jobs.example.com/acmecorptenant/1"},
		{"see http://x.acmecorptenant.io:8080 and acmecorptenant", "see http://x.[redacted:TENANT].io:8080 and acmecorptenant"},
		{"key sk_live_03Qx7Zp, SK_LIVE_03QX7ZP", "key [redacted:K3], SK_LIVE_03QX7ZP"},
		{"no secret here", "no secret here"},
	} {
		if got := m.String(c.in); got != c.want {
			t.Errorf("String(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	p := benchPosting(1, 0)
	p.Source, p.URL = "ef", "https://acmecorptenant.eightfold.ai/careers/job/1"
	b, err := model.Encode(p)
	if err != nil {
		t.Fatal(err)
	}
	q, out, err := r.redactPosting("ef", p, b)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(strings.ToLower(string(out)), "acmecorptenant") || q.URL != "https://[redacted:TENANT].eightfold.ai/careers/job/1" {
		t.Errorf("the snapshot keeps the tenant: url %q", q.URL)
	}
	clean, _ := model.Encode(benchPosting(2, 0))
	if got := m.Bytes(clean); &got[0] != &clean[0] {
		t.Errorf("Bytes copied a posting with no secret")
	}
}
