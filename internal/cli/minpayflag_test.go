package cli

import (
	"bytes"
	"strings"
	"testing"
)

// --min-pay takes what the API's min_pay takes (serve.ParseMinPay): NaN,
// which passed every posting, Inf, 1_000 and hexadecimal are not numbers
// here; exit 2 before any folder is read.
func TestMinPayFlagRefusesNonNumbers(t *testing.T) {
	for _, v := range []string{"NaN", "Inf", "-Inf", "1_000", "0x1p4"} {
		var stdout, stderr bytes.Buffer
		code := Main([]string{"postings", "-c", "/nonexistent/config.yaml", "--min-pay", v}, &stdout, &stderr)
		want := `watcher postings: --min-pay: "` + v + `" is not a number`
		if first, _, _ := strings.Cut(stderr.String(), "\n"); code != ExitUsage || first != want {
			t.Errorf("--min-pay %s: exit %d, stderr %q; want exit %d and %q", v, code, stderr.String(), ExitUsage, want)
		}
	}
}
