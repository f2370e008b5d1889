package email

import (
	"fmt"
	"net/mail"
	"slices"
	"strings"
	"time"

	"github.com/careers-watcher/careers-watcher/internal/config"
	"github.com/careers-watcher/careers-watcher/internal/notify"
	"github.com/careers-watcher/careers-watcher/internal/notify/render"
)

// Config is the keys of an email notifier.
type Config struct {
	Host         string        `yaml:"host"`
	Port         int           `yaml:"port"` // 0: the TLS mode's default
	TLS          string        `yaml:"tls"`  // starttls (default), tls or none
	Username     string        `yaml:"username"`
	Password     string        `yaml:"password"` // a secret: never in messages
	Auth         string        `yaml:"auth"`     // "", plain, login, cram-md5 or scram-sha-256
	From         string        `yaml:"from"`
	To           []string      `yaml:"to"`
	Subject      string        `yaml:"subject"`       // a text/template over render.Digest
	Template     string        `yaml:"template"`      // a text/template over render.Digest
	HTMLTemplate string        `yaml:"html_template"` // an html/template over render.Digest
	HistoryURL   string        `yaml:"history_url"`
	Timeout      time.Duration `yaml:"timeout"`
}

// Kind is how the config reads an email notifier: host, from and to
// required.
var Kind = config.Kind{
	Type: "email",
	Keys: []config.Key{
		{Name: "host", Required: true}, {Name: "port", Shape: config.Int, Min: 1, Max: 65535}, {Name: "tls"},
		{Name: "username"}, {Name: "password"}, {Name: "auth"}, {Name: "from", Required: true},
		{Name: "to", Shape: config.List, Required: true}, {Name: "subject"}, {Name: "template"},
		{Name: "html_template"}, {Name: "history_url", Shape: config.URL}, {Name: "timeout", Shape: config.Duration},
	},
	New: func() any { return new(Config) },
}

const addressRule = ` (use "Name <addr@example.com>" or addr@example.com)`

// Validate checks the templates, the server keys and the addresses;
// the password is never echoed.
func (c *Config) Validate(ck *config.Check) {
	c.Host = strings.TrimSpace(c.Host)
	c.TLS = strings.ToLower(strings.TrimSpace(c.TLS))
	c.Auth = strings.ToLower(strings.TrimSpace(c.Auth))
	render.CheckTemplate(ck, "template", c.Template, false)
	render.CheckTemplate(ck, "subject", c.Subject, false)
	render.CheckTemplate(ck, "html_template", c.HTMLTemplate, true)
	if ck.Has("username") && strings.ContainsAny(c.Username, "\r\n\x00") {
		ck.Problem("username", "must be a single line")
	}
	if ck.Has("host") && strings.ContainsAny(c.Host, " \t\r\n/:@") {
		ck.Problem("host", "must be a host name such as smtp.example.com (no scheme, port or user)")
	}
	if ck.Has("tls") && !slices.Contains([]string{"starttls", "tls", "none"}, c.TLS) {
		ck.Problem("tls", "must be starttls, tls or none")
	}
	if ck.Has("auth") && !slices.Contains([]string{"plain", "login", "cram-md5", "scram-sha-256"}, c.Auth) {
		ck.Problem("auth", "must be plain, login, cram-md5 or scram-sha-256")
	}
	if (ck.Has("password") || ck.Has("auth")) && !ck.Has("username") && !ck.Bad("username") {
		k := "password"
		if !ck.Has(k) {
			k = "auth"
		}
		ck.Problem(k, "needs username")
	}
	if ck.Has("from") {
		if _, err := mail.ParseAddress(c.From); err != nil {
			ck.Problem("from", "invalid address "+ck.Shown("from")+addressRule)
		}
	}
	if ck.Has("to") && len(c.To) == 0 {
		ck.Problem("to", "must list at least one address")
	}
	for j, a := range c.To {
		if _, err := mail.ParseAddress(a); err != nil {
			k := fmt.Sprintf("to[%d]", j)
			ck.Problem(k, "invalid address "+ck.Shown(k)+addressRule)
		}
	}
}

// Build makes the email notifier n.
func Build(n config.Notifier, d notify.Deps) (notify.Notifier, error) {
	c := config.SettingsOf[Config](n.Settings)
	return New(Options{
		Name: n.Name, Host: c.Host, Port: c.Port, TLS: c.TLS, Username: c.Username, Password: c.Password,
		Auth: c.Auth, From: c.From, To: c.To, Subject: c.Subject, Template: c.Template,
		HTMLTemplate: c.HTMLTemplate, HistoryURL: c.HistoryURL, Timeout: c.Timeout,
		Retry: d.Retry, Logger: d.Logger, Now: d.Now,
	})
}
