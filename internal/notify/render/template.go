package render

import (
	"bytes"
	"errors"
	"fmt"
	htmltemplate "html/template"
	"strings"
	texttemplate "text/template"
)

// MaxOutput bounds the output of a user template; more is an error (and
// the default text is used).
const MaxOutput = 1 << 20

// Funcs are the functions available to user templates besides the Go
// template built-ins:
//
//	mrkdwn s        Slack mrkdwn escaping (Mrkdwn)
//	mrkdwnLink u s  Slack link "<u|s>" (MrkdwnLink)
//	markdown s      Markdown escaping for Discord and Teams (Markdown)
//	markdownLink u s  "[s](u)" (MarkdownLink)
//	html s          HTML escaping (text templates only; html/template escapes by itself)
//	money f         100000 -> "100,000"
//	truncate n s    at most n characters, "…" when cut
//	join sep list   strings.Join
//	upper s, lower s  strings.ToUpper, strings.ToLower
//
// The data is a Digest.
func Funcs() map[string]any {
	return map[string]any{
		"mrkdwn":       Mrkdwn,
		"mrkdwnLink":   MrkdwnLink,
		"markdown":     Markdown,
		"markdownLink": MarkdownLink,
		"html":         HTML,
		"money":        Money,
		"truncate":     func(n int, s string) string { return Truncate(s, n) },
		"join":         func(sep string, list []string) string { return strings.Join(list, sep) },
		"upper":        strings.ToUpper,
		"lower":        strings.ToLower,
	}
}

// Template is a user template: text/template, or html/template for HTML
// (contextual auto-escaping). The zero value and nil are "no template".
type Template struct {
	name string
	text *texttemplate.Template
	html *htmltemplate.Template
}

// ParseText parses a text/template. An empty src gives nil (no template).
// Errors name the template.
func ParseText(name, src string) (*Template, error) {
	if strings.TrimSpace(src) == "" {
		return nil, nil
	}
	t, err := texttemplate.New(name).Option("missingkey=error").Funcs(Funcs()).Parse(src)
	if err != nil {
		return nil, fmt.Errorf("template %s: %w", name, err)
	}
	return &Template{name: name, text: t}, nil
}

// ParseHTML parses an html/template. An empty src gives nil (no template).
func ParseHTML(name, src string) (*Template, error) {
	if strings.TrimSpace(src) == "" {
		return nil, nil
	}
	f := Funcs()
	delete(f, "html") // html/template escapes by itself; a pre-escaped string would be escaped twice
	t, err := htmltemplate.New(name).Option("missingkey=error").Funcs(f).Parse(src)
	if err != nil {
		return nil, fmt.Errorf("template %s: %w", name, err)
	}
	return &Template{name: name, html: t}, nil
}

// Name is the template's name.
func (t *Template) Name() string {
	if t == nil {
		return ""
	}
	return t.name
}

// errTooLong stops a template whose output passes MaxOutput.
var errTooLong = errors.New("output too long")

type limitWriter struct {
	buf bytes.Buffer
	n   int
}

func (w *limitWriter) Write(p []byte) (int, error) {
	if w.buf.Len()+len(p) > w.n {
		return 0, errTooLong
	}
	return w.buf.Write(p)
}

// Execute runs the template on data. A nil template is an error.
func (t *Template) Execute(data any) (string, error) {
	if t == nil || (t.text == nil && t.html == nil) {
		return "", errors.New("template: none")
	}
	w := &limitWriter{n: MaxOutput}
	var err error
	if t.text != nil {
		err = t.text.Execute(w, data)
	} else {
		err = t.html.Execute(w, data)
	}
	if err != nil {
		return "", fmt.Errorf("template %s: %w", t.name, err)
	}
	return w.buf.String(), nil
}

// Or runs t on data and returns its output; when t is nil it returns
// def() and a nil error; when t fails (or writes only whitespace) it
// returns def() and the error, for the caller to report.
func Or(t *Template, data any, def func() string) (string, error) {
	if t == nil {
		return def(), nil
	}
	out, err := t.Execute(data)
	if err != nil {
		return def(), err
	}
	if strings.TrimSpace(out) == "" {
		return def(), fmt.Errorf("template %s: empty output", t.name)
	}
	return out, nil
}
