package redact_test

import (
	"encoding/json"
	"strconv"
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/diff"
	"github.com/careers-watcher/careers-watcher/internal/mdtext"
	"github.com/careers-watcher/careers-watcher/internal/redact"
)

// shows reports whether a view of s (diff.Clean: stdout, commit bodies,
// chat; mdtext.Plain: README rows) shows key, read with its spaces taken
// out when key has none.
func shows(s, key string) bool {
	for _, v := range []string{diff.Clean(s), mdtext.Plain(s)} {
		if !strings.ContainsFunc(key, func(r rune) bool { return r == ' ' }) {
			v = strings.ReplaceAll(v, " ", "")
		}
		if strings.Contains(v, key) {
			return true
		}
	}
	return false
}

// Review s17 F3: a board echoes its key split by whitespace, or by U+200B
// or U+FEFF that the text normalizer turned into a space before the mask
// ran: the views show "Abcde fSecret42xyz". A secret of 8 characters or
// more without whitespace is masked with whitespace runs inside it, in the
// text and in its canonical JSON.
func TestPostingMaskFindsSecretSplitByWhitespace(t *testing.T) {
	const key = "AbcdefSecret42xyz"
	m := redact.NewPostingMask([]redact.Secret{{Name: "KEY", Value: key}})
	for _, sep := range []string{" ", "  ", "\t", "\n", "\r\n", "\u00a0", "\u3000", " \u00ad ", "\u2028"} {
		for _, at := range []int{1, 5, len(key) - 1} {
			split := key[:at] + sep + key[at:]
			title := "Data Engineer zwsp " + split + " and " + key[:3] + sep + key[3:9] + sep + key[9:]
			got := m.String(title)
			if shows(got, key) || strings.Count(got, "[redacted:KEY]") != 2 {
				t.Errorf("split by %q: String(%q) = %q", sep, title, got)
			}
			b, err := json.Marshal(map[string]string{"title": title})
			if err != nil {
				t.Fatal(err)
			}
			var back map[string]string
			if err := json.Unmarshal(m.Bytes(b), &back); err != nil {
				t.Fatalf("split by %q: masked JSON: %v", sep, err)
			}
			if shows(back["title"], key) {
				t.Errorf("split by %q: Bytes(%s) -> title %q", sep, b, back["title"])
			}
		}
	}
	// ordinary text stays: a short secret with a space put in, other
	// words, the key's start alone
	short := redact.NewPostingMask([]redact.Secret{{Name: "PIN", Value: "ab12cd"}, {Name: "KEY", Value: key}})
	for _, s := range []string{"ab 12cd and ab12 cd", "Abcdef Secret42 and xyz", "Abcde fSecret42xy z"[:17] + "!", "Data Engineer, Berlin"} {
		if got := short.String(s); got != s {
			t.Errorf("String(%q) = %q, want it unchanged", s, got)
		}
	}
}

// Re-read s17 F1: a secret with a space in it, echoed with another
// whitespace run there (two spaces, a newline, a tab), which the views
// squeeze to the one space, is masked.
func TestPostingMaskFindsSpacedSecretInWhitespaceRun(t *testing.T) {
	const key = "correct horse battery"
	m := redact.NewPostingMask([]redact.Secret{{Name: "PW", Value: key}})
	for _, s := range []string{"x correct  horse battery", "x correct\nhorse battery", "x correct\thorse \u200b battery y", "correct horse\r\n battery"} {
		got := m.String(s)
		if shows(got, key) || !strings.Contains(got, "[redacted:PW]") {
			t.Errorf("String(%q) = %q", s, got)
		}
		b, _ := json.Marshal(s)
		var back string
		if err := json.Unmarshal(m.Bytes(b), &back); err != nil || shows(back, key) {
			t.Errorf("Bytes(%s) -> %q (%v)", b, back, err)
		}
	}
	if s := "correct horses battery"; m.String(s) != s {
		t.Errorf("String(%q) = %q", s, m.String(s))
	}
}

// Review s17 F17: an error quotes a board's body (strconv.Quote) with the
// key it echoed split by format characters, written as Go escapes
// (\u00ad, \u200b, \x07, \U000e0001): the Redactor (logs, errors, stderr)
// masks those split forms too, as the posting mask does.
func TestRedactorMasksSplitSecretInQuotedError(t *testing.T) {
	const key = "AbcdefSecret42xyz"
	r := redact.New([]redact.Secret{{Name: "KEY", Value: key}})
	for _, body := range []string{
		`{"jobs": "Abcde` + "\u00ad" + `fSecret42xyz Abc` + "\u200b" + `defSe` + "\u2060" + `cret42xyz"}`,
		"<html>Invalid key Abcde\x07fSecret42\U000e0001xyz / Abcdef\xffSecret42xyz / Abcde fSecret42xyz",
	} {
		msg := "source gh: api_key=[redacted:KEY]: invalid JSON (body starts " + strconv.Quote(body) + ")"
		got := r.Text(msg)
		q := got[strings.Index(got, `"`) : strings.LastIndex(got, `"`)+1]
		plain, err := strconv.Unquote(q)
		if err != nil {
			t.Fatalf("%q: the masked quote %s does not read: %v", msg, q, err)
		}
		if shows(plain, key) || shows(got, key) || !strings.Contains(plain, "[redacted:KEY]") {
			t.Errorf("%q -> %q", msg, got)
		}
		if err := r.Error(errString(msg)); shows(err.Error(), key) {
			t.Errorf("Error(%q) = %q", msg, err)
		}
		if out := string(r.Output([]byte(msg + "\n"))); shows(out, key) {
			t.Errorf("Output(%q) = %q", msg, out)
		}
	}
}

type errString string

func (e errString) Error() string { return string(e) }

// Re-read s17 F6: a host secret in another case, split by a character a
// view drops, is masked in a link's host.
func TestPostingMaskFindsSplitHostSecretAnyCase(t *testing.T) {
	m := redact.NewPostingMask([]redact.Secret{{Name: "TENANT", Value: "tenant-abc123"}})
	for _, s := range []string{"https://TENANT-ABC\u00ad123.boards.example/jobs", "see https://Tenant-\u200bAbc123.boards.example/jobs/1 now"} {
		got := m.String(s)
		if v := strings.ToLower(mdtext.Plain(got) + diff.Clean(got)); strings.Contains(v, "tenant-abc123") || !strings.Contains(got, "[redacted:TENANT]") {
			t.Errorf("String(%q) = %q", s, got)
		}
	}
}
