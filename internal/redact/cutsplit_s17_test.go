package redact_test

import (
	"strconv"
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/redact"
)

// Review s17 F17 (the excerpt cut short): an error's "body starts"
// excerpt ends in a split key cut before its end and marked with the
// ellipsis; Output masks the cut split form as it masks a cut plain one.
func TestOutputMasksCutSplitSecret(t *testing.T) {
	const key = "AbcdefSecret42xyz"
	r := redact.New([]redact.Secret{{Name: "KEY", Value: key}})
	for _, cut := range []string{"Abc\u200bdefSe\u2060cret42", "Abcde fSecret4", "Abcde\u00adfSecret42x"} {
		q := strconv.Quote("<html>Invalid key " + cut)
		msg := "source er failed: invalid JSON (body starts " + q[:len(q)-1] + redact.Ellipsis + `")`
		got := string(r.Output([]byte(msg)))
		if !strings.Contains(got, "[redacted:KEY]") || strings.Contains(got, "cret4") || strings.Contains(got, "Abc") {
			t.Errorf("Output(%q) = %q", msg, got)
		}
	}
	if s := "ordinary text Abc…"; string(r.Output([]byte(s))) != s {
		t.Errorf("Output(%q) = %q", s, r.Output([]byte(s)))
	}
}
