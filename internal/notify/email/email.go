// Package email sends digests by SMTP (github.com/wneessen/go-mail): one
// message per source per run with a subject naming the source and the
// counts, a plain-text part and an HTML part, to a list of recipients.
// Connections use STARTTLS (mandatory), implicit TLS, or no TLS; SMTP
// authentication is used when a username is set. Temporary failures
// (network errors, SMTP 4xx) are retried with the internal/retry policy;
// SMTP 5xx answers, authentication and certificate failures are
// permanent. Errors name the notifier; the password never appears.
package email

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	htmltemplate "html/template"
	"log/slog"
	"net"
	"net/mail"
	"net/textproto"
	"strconv"
	"strings"
	"time"

	gomail "github.com/wneessen/go-mail"

	"github.com/careers-watcher/careers-watcher/internal/notify"
	"github.com/careers-watcher/careers-watcher/internal/notify/render"
	"github.com/careers-watcher/careers-watcher/internal/retry"
)

// TLS modes.
const (
	StartTLS = "starttls" // plain connection upgraded with STARTTLS, which is required (default; port 587)
	TLS      = "tls"      // implicit TLS from the first byte (port 465)
	None     = "none"     // no encryption (port 25); only for a relay on localhost or a test server
)

// MaxItems is the most postings one mail lists; the rest is summarised.
const MaxItems = 500

// Options configure an Email notifier.
type Options struct {
	Name     string   // configured name (required)
	Host     string   // SMTP server host name (required)
	Port     int      // 0 -> 587 (starttls), 465 (tls), 25 (none)
	TLS      string   // starttls (default), tls or none
	Username string   // "" -> no authentication
	Password string   // secret: never logged or put in errors
	Auth     string   // SASL mechanism: "" (the best the server offers; plain with tls: none), plain, login, cram-md5, scram-sha-256
	From     string   // sender, "Name <addr>" or "addr" (required)
	To       []string // recipients (at least one)
	// Subject is a text/template over render.Digest for the subject;
	// "" -> "[careers-watcher] {{.Header}}". Cut to 200 characters.
	Subject string
	// Template is a text/template over render.Digest for the plain-text
	// part; HTMLTemplate an html/template (auto-escaping) for the HTML
	// part. "" -> the defaults. A failing template falls back to its
	// default and is logged.
	Template     string
	HTMLTemplate string
	// HistoryURL: where the full list of a cut digest is (HistoryURL +
	// "/" + source); "" names the snapshot folder.
	HistoryURL string
	TLSConfig  *tls.Config   // nil -> system roots, ServerName = Host (tests pass their own roots)
	Timeout    time.Duration // per connection and command; 0 -> 30s
	Retry      retry.Policy  // zero -> retry.Default
	Logger     *slog.Logger  // nil -> slog.Default()
	Now        func() time.Time
}

// Email is a notify.Notifier and a render.Digester.
type Email struct {
	name    string
	o       Options
	from    string
	to      []string
	subject *render.Template
	text    *render.Template
	html    *render.Template
	opts    []gomail.Option
	policy  retry.Policy
	log     *slog.Logger
	now     func() time.Time
}

var (
	_ notify.Notifier = (*Email)(nil)
	_ render.Digester = (*Email)(nil)
)

// New checks the options. Errors name the notifier and the key.
func New(o Options) (*Email, error) {
	if o.Name == "" {
		return nil, errors.New("email: no name")
	}
	fail := func(format string, a ...any) error {
		return fmt.Errorf("email %q: "+format, append([]any{o.Name}, a...)...)
	}
	if strings.TrimSpace(o.Host) == "" || strings.ContainsAny(o.Host, " /:@") {
		return nil, fail("host: must be a host name")
	}
	mode := strings.ToLower(strings.TrimSpace(o.TLS))
	if mode == "" {
		mode = StartTLS
	}
	port := o.Port
	switch mode {
	case StartTLS:
		if port == 0 {
			port = 587
		}
	case TLS:
		if port == 0 {
			port = 465
		}
	case None:
		if port == 0 {
			port = 25
		}
	default:
		return nil, fail("tls: %q is not starttls, tls or none", o.TLS)
	}
	if port < 1 || port > 65535 {
		return nil, fail("port: %d out of range", port)
	}
	from, err := mail.ParseAddress(o.From)
	if err != nil {
		return nil, fail("from: %q is not an address", o.From)
	}
	if len(o.To) == 0 {
		return nil, fail("to: no recipient")
	}
	var to []string
	for i, a := range o.To {
		ad, err := mail.ParseAddress(a)
		if err != nil {
			return nil, fail("to[%d]: %q is not an address", i, a)
		}
		to = append(to, ad.String())
	}
	if o.Password != "" && o.Username == "" {
		return nil, fail("password: set without username")
	}
	e := &Email{name: o.Name, o: o, from: from.String(), to: to, policy: o.Retry, log: o.Logger, now: o.Now}
	if e.subject, err = render.ParseText("subject", o.Subject); err != nil {
		return nil, fail("%w", err)
	}
	if e.text, err = render.ParseText("text", o.Template); err != nil {
		return nil, fail("%w", err)
	}
	if e.html, err = render.ParseHTML("html", o.HTMLTemplate); err != nil {
		return nil, fail("%w", err)
	}
	if e.policy == (retry.Policy{}) {
		e.policy = retry.Default
	}
	if e.log == nil {
		e.log = slog.Default()
	}
	if e.now == nil {
		e.now = time.Now
	}
	timeout := o.Timeout
	if timeout <= 0 {
		timeout = 30 * time.Second
	}
	tc := o.TLSConfig
	if tc == nil {
		tc = &tls.Config{}
	}
	tc = tc.Clone()
	if tc.ServerName == "" {
		tc.ServerName = o.Host
	}
	if tc.MinVersion == 0 {
		tc.MinVersion = tls.VersionTLS12
	}
	e.opts = []gomail.Option{gomail.WithPort(port), gomail.WithTimeout(timeout), gomail.WithTLSConfig(tc)}
	switch mode {
	case StartTLS:
		e.opts = append(e.opts, gomail.WithTLSPolicy(gomail.TLSMandatory))
	case TLS:
		e.opts = append(e.opts, gomail.WithSSL())
	case None:
		e.opts = append(e.opts, gomail.WithTLSPolicy(gomail.NoTLS))
	}
	if o.Username != "" {
		var mech gomail.SMTPAuthType
		switch strings.ToLower(o.Auth) {
		case "":
			mech = gomail.SMTPAuthAutoDiscover
			if mode == None {
				// servers offer no mechanism on a plain connection to
				// discovery; tls: none means the user accepts it
				mech = gomail.SMTPAuthPlainNoEnc
			}
		case "plain":
			mech = gomail.SMTPAuthPlain
			if mode == None {
				mech = gomail.SMTPAuthPlainNoEnc
			}
		case "login":
			mech = gomail.SMTPAuthLogin
			if mode == None {
				mech = gomail.SMTPAuthLoginNoEnc
			}
		case "cram-md5":
			mech = gomail.SMTPAuthCramMD5
		case "scram-sha-256":
			mech = gomail.SMTPAuthSCRAMSHA256
		default:
			return nil, fail("auth: %q is not plain, login, cram-md5 or scram-sha-256", o.Auth)
		}
		e.opts = append(e.opts, gomail.WithSMTPAuth(mech), gomail.WithUsername(o.Username), gomail.WithPassword(o.Password))
	}
	return e, nil
}

// Name is the configured name.
func (e *Email) Name() string { return e.name }

// Notify sends a one-event digest.
func (e *Email) Notify(ctx context.Context, ev notify.Event) error {
	return e.NotifyDigest(ctx, ev.Data.Source, []notify.Event{ev})
}

// Parts is a rendered mail.
type Parts struct {
	Subject, Text, HTML string
	MessageID           string // stable for the same events: a re-delivery reuses it
}

// Render builds the subject and both parts of the digest of events.
func (e *Email) Render(source string, events []notify.Event) Parts {
	d := render.NewDigest(source, events, render.More(e.o.HistoryURL, source)).Cut(MaxItems)
	var p Parts
	var err error
	p.Subject, err = render.Or(e.subject, d, func() string { return "[careers-watcher] " + d.Header })
	render.Report(e.log, "email", e.name, err)
	p.Subject = render.Truncate(render.Clean(p.Subject), 200)
	p.Text, err = render.Or(e.text, d, func() string { return Text(d) })
	render.Report(e.log, "email", e.name, err)
	p.HTML, err = render.Or(e.html, d, func() string { return HTML(d) })
	render.Report(e.log, "email", e.name, err)
	ids := make([]string, 0, len(events)+1)
	ids = append(ids, e.name)
	for _, ev := range events {
		ids = append(ids, ev.ID)
	}
	domain := "careers-watcher.invalid"
	if at := strings.LastIndexByte(e.from, '@'); at >= 0 {
		domain = strings.Trim(e.from[at+1:], "> ")
	}
	p.MessageID = notify.EventID(ids...) + "@" + domain
	return p
}

// NotifyDigest sends one mail for the events of source; no events, no mail.
func (e *Email) NotifyDigest(ctx context.Context, source string, events []notify.Event) error {
	if len(events) == 0 {
		return nil
	}
	parts := e.Render(source, events)
	attrs := []any{"notifier", e.name, "channel", "email", "host", e.o.Host, "source", source, "events", len(events)}
	return retry.Do(ctx, e.policy, func(attempt int) error {
		err := e.send(ctx, parts)
		if err != nil {
			e.log.Debug("email: attempt failed", append(attrs, "attempt", attempt, "error", err.Error())...)
		} else {
			e.log.Debug("email: delivered", append(attrs, "attempt", attempt)...)
		}
		return err
	})
}

func (e *Email) send(ctx context.Context, p Parts) error {
	m := gomail.NewMsg()
	if err := m.From(e.from); err != nil {
		return fmt.Errorf("email %q: from: %s", e.name, e.clean(err))
	}
	if err := m.To(e.to...); err != nil {
		return fmt.Errorf("email %q: to: %s", e.name, e.clean(err))
	}
	m.Subject(p.Subject)
	m.SetMessageIDWithValue(p.MessageID)
	m.SetDateWithValue(e.now())
	m.SetUserAgent(render.DefaultUserAgent)
	m.SetBodyString(gomail.TypeTextPlain, p.Text)
	m.AddAlternativeString(gomail.TypeTextHTML, p.HTML)

	c, err := gomail.NewClient(e.o.Host, e.opts...)
	if err != nil {
		return fmt.Errorf("email %q: %s", e.name, e.clean(err))
	}
	err = c.DialAndSendWithContext(ctx, m)
	if err == nil {
		return nil
	}
	if cerr := ctx.Err(); cerr != nil {
		return fmt.Errorf("email %q: %w", e.name, cerr)
	}
	serr := fmt.Errorf("email %q: %s", e.name, e.clean(err))
	if temporary(err) {
		return retry.Again(serr, 0)
	}
	return serr
}

// temporary says whether another try may help: network errors and SMTP 4xx
// yes; SMTP 5xx, authentication and certificate failures no.
func temporary(err error) bool {
	var cert *x509.UnknownAuthorityError
	var host x509.HostnameError
	var inv x509.CertificateInvalidError
	var verr *tls.CertificateVerificationError
	if errors.As(err, &cert) || errors.As(err, &host) || errors.As(err, &inv) || errors.As(err, &verr) {
		return false
	}
	var se *gomail.SendError
	if errors.As(err, &se) {
		if code := se.ErrorCode(); code >= 500 {
			return false
		} else if code >= 400 {
			return true
		}
		if se.IsTemp() {
			return true
		}
	}
	var te *textproto.Error
	if errors.As(err, &te) {
		return te.Code >= 400 && te.Code < 500
	}
	var ne net.Error
	if errors.As(err, &ne) {
		return true
	}
	msg := err.Error()
	if strings.Contains(msg, "STARTTLS") || strings.Contains(msg, "tls:") || strings.Contains(msg, "x509:") {
		return false // the server cannot give the TLS asked for: trying again will not help
	}
	for _, code := range []string{" 535", " 534", " 530", " 550", " 553", " 554", " 5.7."} {
		if strings.Contains(msg, code) {
			return false
		}
	}
	return true
}

// clean removes the password (and the username) from an error text.
func (e *Email) clean(err error) string {
	msg := err.Error()
	for _, s := range []string{e.o.Password, e.o.Username} {
		if len(s) >= 3 {
			msg = strings.ReplaceAll(msg, s, "[redacted]")
		}
	}
	return render.Truncate(render.Clean(msg), 500)
}

// Text is the default plain-text part.
func Text(d render.Digest) string {
	var b strings.Builder
	b.WriteString(d.Header + "\n")
	group := func(title string, items []render.Item) {
		if len(items) == 0 {
			return
		}
		b.WriteString("\n" + title + "\n")
		for _, it := range items {
			if it.Posting == nil {
				b.WriteString("- source " + it.Kind + ": " + it.Source)
				if it.Error != "" {
					b.WriteString(": " + it.Error)
				}
				b.WriteString("\n")
				continue
			}
			b.WriteString("- " + it.Summary + "\n")
			if it.URL != "" {
				b.WriteString("  " + it.URL + "\n")
			}
			for _, c := range it.Changes {
				b.WriteString("  " + c.String() + "\n")
			}
		}
	}
	group("Added", d.Added)
	group("Changed", d.Changed)
	group("Removed", d.Removed)
	group("Source", d.Other)
	if d.Omitted > 0 {
		b.WriteString("\n... and " + strconv.Itoa(d.Omitted) + " more postings in " + d.More + "\n")
	}
	return b.String()
}

const defaultHTMLSource = `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{{.Header}}</title></head>
<body style="font-family: sans-serif">
<h2>{{.Source}}</h2>
<p>{{.Counts}}</p>
{{- define "items"}}{{if .Items}}
<h3>{{.Title}}</h3>
<ul>
{{- range .Items}}
<li>{{if .Posting}}{{if .URL}}<a href="{{.URL}}">{{.Title}}</a>{{else}}{{.Title}}{{end}}{{with .Levels}} [{{.}}]{{end}}{{with .Location}} · {{.}}{{end}}{{with .Pay}} · {{.}}{{end}}
{{- if .Changes}}<ul>{{range .Changes}}<li>{{.String}}</li>{{end}}</ul>{{end}}
{{- else}}source {{.Kind}}: {{.Source}}{{with .Error}}: {{.}}{{end}}{{end}}</li>
{{- end}}
</ul>{{end}}{{end}}
{{- template "items" (group "Added" .Added)}}
{{- template "items" (group "Changed" .Changed)}}
{{- template "items" (group "Removed" .Removed)}}
{{- template "items" (group "Source" .Other)}}
{{- if .Omitted}}
<p>… and {{.Omitted}} more postings in {{if hasPrefix .More "http"}}<a href="{{.More}}">{{.More}}</a>{{else}}{{.More}}{{end}}</p>{{end}}
</body></html>
`

var defaultHTML = htmltemplate.Must(htmltemplate.New("html").Funcs(htmltemplate.FuncMap{
	"group": func(title string, items []render.Item) map[string]any {
		return map[string]any{"Title": title, "Items": items}
	},
	"hasPrefix": strings.HasPrefix,
}).Parse(defaultHTMLSource))

// HTML is the default HTML part (html/template: every value is escaped).
func HTML(d render.Digest) string {
	var b strings.Builder
	if err := defaultHTML.Execute(&b, d); err != nil {
		return "<pre>" + htmltemplate.HTMLEscapeString(Text(d)) + "</pre>"
	}
	return b.String()
}
