package render

import (
	"regexp"
	"strings"

	"github.com/careers-watcher/careers-watcher/internal/config"
)

// ChatConfig is the keys of the chat channels (slack and teams; discord adds
// username): the incoming-webhook URL, a template replacing the default
// text and where a cut digest says the full list is.
type ChatConfig struct {
	URL        string `yaml:"url"` // a secret: never in messages
	Template   string `yaml:"template"`
	HistoryURL string `yaml:"history_url"`
}

// ChatKeys are ChatConfig's keys: url required, template and history_url
// optional.
var ChatKeys = []config.Key{{Name: "url", Shape: config.URL, Required: true}, {Name: "template"}, {Name: "history_url", Shape: config.URL}}

// ChatKind is the config of a chat channel named typ that takes the chat
// keys (ChatConfig).
func ChatKind(typ string) config.Kind {
	return config.Kind{Type: typ, Keys: ChatKeys, New: func() any { return new(ChatConfig) }}
}

// Validate checks the template.
func (c *ChatConfig) Validate(ck *config.Check) {
	CheckTemplate(ck, "template", c.Template, false)
}

// CheckTemplate reports key when its value, text, is not a Go template
// over the digest (an html/template when html).
func CheckTemplate(ck *config.Check, key, text string, html bool) {
	if !ck.Has(key) {
		return
	}
	var err error
	if html {
		_, err = ParseHTML("t", text)
	} else {
		_, err = ParseText("t", text)
	}
	if err == nil {
		return
	}
	msg := "must be a Go template over the digest (see docs/notifications.md)"
	if !ck.FromEnv(key) {
		msg += ": " + templateError(err)
	}
	ck.Problem(key, msg)
}

var templateErrRE = regexp.MustCompile(`^template t: template: t:(\d+):(?:\d+:)? ?`)

// templateError shortens a template parse error to "line N: what".
func templateError(err error) string {
	msg := err.Error()
	if m := templateErrRE.FindStringSubmatch(msg); m != nil {
		return "line " + m[1] + ": " + msg[len(m[0]):]
	}
	return strings.TrimPrefix(msg, "template t: ")
}
