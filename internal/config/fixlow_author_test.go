package config_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/config"
)

// git.author takes "$${" as a literal "${" ("$$" is a literal "$" in every
// value of the config), not as a reference: the old check refused any
// "${" in the text written. A reference, also after a literal "$$", is
// still refused with its line.
func TestGitAuthorLiteralDollarBrace(t *testing.T) {
	getenv := func(k string) (string, bool) {
		return map[string]string{"AUTHOR": "authorSecretName"}[k], k == "AUTHOR"
	}
	parse := func(author string) (*config.Config, error) {
		yml := "snapshots: snaps\nsources:\n  - {name: a, type: fake, slug: acme}\ngit:\n  commit: true\n  author: " + author + "\n"
		return config.Parse([]byte(yml), "/tmp/c.yaml", getenv, fakePlugins)
	}
	for author, want := range map[string]string{
		`"bot $${AUTHOR} <watcher@localhost>"`: "bot ${AUTHOR} <watcher@localhost>",
		`"bot $$$$ <watcher@localhost>"`:       "bot $$ <watcher@localhost>",
		`"bot $$ {x} <watcher@localhost>"`:     "bot $ {x} <watcher@localhost>",
	} {
		cfg, err := parse(author)
		if err != nil {
			t.Errorf("author %s: %v", author, err)
			continue
		}
		if cfg.Git.Author != want {
			t.Errorf("author %s read as %q, want %q", author, cfg.Git.Author, want)
		}
	}
	for _, author := range []string{`"${AUTHOR} <watcher@localhost>"`, `"bot $$${AUTHOR} <watcher@localhost>"`, `"bot $${x} ${AUTHOR} <watcher@localhost>"`} {
		_, err := parse(author)
		var ce *config.Error
		if !errors.As(err, &ce) || len(ce.Problems) != 1 || ce.Problems[0].Line != 6 || ce.Problems[0].Key != "git.author" ||
			!strings.Contains(ce.Problems[0].Msg, "${VAR}") {
			t.Errorf("author %s: %v, want one problem at line 6 of git.author naming ${VAR}", author, err)
			continue
		}
		if strings.Contains(err.Error(), "authorSecretName") {
			t.Errorf("author %s: the value is in the error: %v", author, err)
		}
		if !strings.Contains(err.Error(), ":6:") {
			t.Errorf("author %s: the error %q does not say line 6", author, err)
		}
	}
}
