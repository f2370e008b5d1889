package serve

import (
	"strings"
	"testing"
)

// Words that are not UTF-8 are a plain error about the words, not the
// regexp package's internals (the title filter quotes them into one).
func TestQueryRefusesInvalidUTF8(t *testing.T) {
	for _, q := range []Query{{Title: "\xff\xfe"}, {Skills: []string{"Go\xff"}}, {Location: []string{"\xc3"}}} {
		_, err := q.Check()
		if err == nil || !strings.Contains(err.Error(), "not valid UTF-8 text") || strings.Contains(err.Error(), "regexp") {
			t.Errorf("%+v: %v", q, err)
		}
	}
	if _, err := (Query{Title: "Zürich (L5)"}).Check(); err != nil {
		t.Errorf("valid words: %v", err)
	}
}
