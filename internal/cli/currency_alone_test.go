package cli

import (
	"bytes"
	"strings"
	"testing"
)

// Review s17 F19: --currency without --min-pay filtered nothing and said
// nothing; it is a usage mistake (exit 2, naming both flags).
func TestCurrencyWithoutMinPayIsAUsageError(t *testing.T) {
	var stdout, stderr bytes.Buffer
	code := Main([]string{"postings", "-c", "/nonexistent/config.yaml", "--currency", "EUR"}, &stdout, &stderr)
	if code != ExitUsage || !strings.Contains(stderr.String(), "--currency") || !strings.Contains(stderr.String(), "--min-pay") {
		t.Fatalf("exit %d, stderr:\n%s", code, stderr.String())
	}
}
