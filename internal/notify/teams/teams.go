// Package teams delivers events to a Microsoft Teams Workflows webhook
// ("Post to a channel when a webhook request is received") as an Adaptive
// Card: one message per source per run with a header, the counts, and one
// block per added, changed or removed posting (link, level, location, pay,
// and for changes the fields old -> new). The message stays under Teams'
// 28 KB limit: past it the card ends with "and N more" and says where the
// full list is. Text from postings is Markdown-escaped.
package teams

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"strconv"
	"strings"

	"github.com/careers-watcher/careers-watcher/internal/notify"
	"github.com/careers-watcher/careers-watcher/internal/notify/render"
	"github.com/careers-watcher/careers-watcher/internal/retry"
)

// MaxBytes is the largest message Teams takes (28 KB); the notifier keeps
// the JSON body at or below it.
const MaxBytes = 28 * 1024

const (
	maxTitleShown   = 200
	maxValue        = 200
	maxChangesShown = 10
)

// Options configure a Teams notifier.
type Options struct {
	Name string // configured name (required)
	// URL is the Workflows webhook URL (https://....logic.azure.com/...
	// or https://....environment.api.powerplatform.com/...?...&sig=...):
	// the secret, never logged or put in errors.
	URL       string
	Client    *http.Client // nil -> 30s timeout; redirects are never followed
	Retry     retry.Policy // zero -> retry.Default
	Logger    *slog.Logger // nil -> slog.Default()
	UserAgent string       // "" -> render.DefaultUserAgent
	// Template, when set, is a Go text/template over render.Digest whose
	// output (Adaptive Card Markdown; escape with {{markdown .Title}} or
	// {{markdownLink .URL .Title}}) replaces the card's body under the
	// header, cut to the size limit at a line end. A failing template
	// falls back to the default card and is logged.
	Template string
	// HistoryURL: where the full list of a cut digest is (HistoryURL +
	// "/" + source); "" names the snapshot folder.
	HistoryURL string
}

// Payload is the Workflows webhook body.
type Payload struct {
	Type        string       `json:"type"` // "message"
	Attachments []Attachment `json:"attachments"`
}

// Attachment carries the card.
type Attachment struct {
	ContentType string  `json:"contentType"` // ContentType
	ContentURL  *string `json:"contentUrl"`
	Content     Card    `json:"content"`
}

// ContentType of an Adaptive Card attachment.
const ContentType = "application/vnd.microsoft.card.adaptive"

// Card is an Adaptive Card (version 1.4).
type Card struct {
	Schema  string         `json:"$schema"`
	Type    string         `json:"type"` // "AdaptiveCard"
	Version string         `json:"version"`
	Body    []Element      `json:"body"`
	MSTeams map[string]any `json:"msteams,omitempty"`
}

// Element is a TextBlock.
type Element struct {
	Type      string `json:"type"` // "TextBlock"
	Text      string `json:"text"`
	Wrap      bool   `json:"wrap"`
	Size      string `json:"size,omitempty"`
	Weight    string `json:"weight,omitempty"`
	Color     string `json:"color,omitempty"`
	IsSubtle  bool   `json:"isSubtle,omitempty"`
	Spacing   string `json:"spacing,omitempty"`
	Separator bool   `json:"separator,omitempty"`
}

// Teams is a notify.Notifier and a render.Digester.
type Teams struct {
	render.Chat
}

var (
	_ notify.Notifier = (*Teams)(nil)
	_ render.Digester = (*Teams)(nil)
)

// New checks the options. Errors name the notifier, never the URL.
func New(o Options) (*Teams, error) {
	c, err := render.NewChat("teams", render.ChatOptions{
		Name: o.Name, URL: o.URL, Client: o.Client, Retry: o.Retry, Logger: o.Logger,
		UserAgent: o.UserAgent, Template: o.Template, HistoryURL: o.HistoryURL,
	})
	if err != nil {
		return nil, err
	}
	return &Teams{Chat: c}, nil
}

// Notify sends a one-event digest.
func (t *Teams) Notify(ctx context.Context, e notify.Event) error {
	return t.NotifyDigest(ctx, e.Data.Source, []notify.Event{e})
}

// NotifyDigest sends one card for the events of source; no events, no
// message.
func (t *Teams) NotifyDigest(ctx context.Context, source string, events []notify.Event) error {
	if len(events) == 0 {
		return nil
	}
	body, err := json.Marshal(t.Message(source, events))
	if err != nil {
		return fmt.Errorf("teams %q: %w", t.Notifier, err)
	}
	return t.Post.Post(ctx, body, "source", source, "events", len(events))
}

func text(s string) Element { return Element{Type: "TextBlock", Text: s, Wrap: true} }

// Message builds the webhook body of a digest, at most MaxBytes of JSON.
func (t *Teams) Message(source string, events []notify.Event) *Payload {
	d := render.NewDigest(source, events, render.More(t.History, source))
	head := []Element{
		{Type: "TextBlock", Text: render.Markdown(d.Source), Wrap: true, Size: "Large", Weight: "Bolder"},
		{Type: "TextBlock", Text: render.Markdown(d.Counts), Wrap: true, IsSubtle: true, Spacing: "None"},
	}
	var items [][]Element // one group of elements per unit that is shown or cut
	what := "postings"
	if t.Tmpl != nil {
		out, err := t.Tmpl.Execute(d)
		if err == nil && strings.TrimSpace(out) == "" {
			err = fmt.Errorf("template %s: empty output", t.Tmpl.Name())
		}
		if err == nil {
			for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
				items = append(items, []Element{{Type: "TextBlock", Text: l, Wrap: true, Spacing: "None"}})
			}
			what = "lines"
		} else {
			render.Report(t.Log, "teams", t.Notifier, err)
		}
	}
	if what == "postings" {
		counts := map[string]int{render.KindAdded: len(d.Added), render.KindChanged: len(d.Changed), render.KindRemoved: len(d.Removed)}
		prev := ""
		for _, it := range d.Items {
			group, label := it.Kind, capital(it.Kind)+" ("+strconv.Itoa(counts[it.Kind])+")"
			if counts[it.Kind] == 0 {
				group, label = "other", "Source"
			}
			var els []Element
			if group != prev {
				els = append(els, Element{Type: "TextBlock", Text: label, Wrap: true, Weight: "Bolder", Separator: true, Color: colors[it.Kind]})
				prev = group
			}
			items = append(items, append(els, Item(it)...))
		}
	}
	return fit(head, items, what, d.More)
}

var colors = map[string]string{render.KindAdded: "Good", render.KindChanged: "Warning", render.KindRemoved: "Attention"}

// fit shows as many item groups as fit in MaxBytes with the closing note.
func fit(head []Element, items [][]Element, what, more string) *Payload {
	build := func(n int) *Payload {
		body := append([]Element(nil), head...)
		for _, g := range items[:n] {
			body = append(body, g...)
		}
		if n < len(items) {
			body = append(body, Element{Type: "TextBlock", Text: note(len(items)-n, what, more), Wrap: true, IsSubtle: true, Separator: true})
		}
		return &Payload{Type: "message", Attachments: []Attachment{{
			ContentType: ContentType,
			Content: Card{
				Schema: "http://adaptivecards.io/schemas/adaptive-card.json", Type: "AdaptiveCard", Version: "1.4",
				Body: body, MSTeams: map[string]any{"width": "Full"},
			},
		}}}
	}
	size := func(p *Payload) int { b, _ := json.Marshal(p); return len(b) }
	// Grow while it fits: the size is close to additive, so count element
	// sizes, then check the real size and step back if needed.
	n, used := 0, size(build(0))+len(note(len(items), what, more))+200
	for n < len(items) {
		b, _ := json.Marshal(items[n])
		if used+len(b) > MaxBytes {
			break
		}
		used += len(b)
		n++
	}
	p := build(n)
	for n > 0 && size(p) > MaxBytes {
		n--
		p = build(n)
	}
	if size(p) > MaxBytes { // only the head is left and it is too big: cut the texts
		for i := range p.Attachments[0].Content.Body {
			e := &p.Attachments[0].Content.Body[i]
			e.Text = render.TruncateBytes(e.Text, 1000)
		}
	}
	return p
}

func note(n int, what, where string) string {
	if n == 1 {
		what = strings.TrimSuffix(what, "s") // "1 more posting"
	}
	s := "… and " + strconv.Itoa(n) + " more " + what
	if strings.HasPrefix(where, "http://") || strings.HasPrefix(where, "https://") {
		return s + ": " + render.MarkdownLink(where, where)
	}
	return s + " in " + render.Markdown(where)
}

func capital(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// Item is the card elements of one event: "[title](url)" with level,
// location and pay, then a subtle block with one line per field change.
func Item(it render.Item) []Element {
	if it.Posting == nil {
		s := "Source " + render.Markdown(it.Kind) + ": " + render.Markdown(it.Source)
		if it.Error != "" {
			s += ": " + render.Markdown(render.Truncate(it.Error, 500))
		}
		return []Element{text(s)}
	}
	parts := []string{"**" + render.MarkdownLink(it.URL, render.Truncate(it.Title, maxTitleShown)) + "**"}
	for _, f := range []string{it.Levels, it.Location, it.Pay} {
		if f != "" {
			parts = append(parts, render.Markdown(render.Truncate(f, 300)))
		}
	}
	els := []Element{text(strings.Join(parts, " · "))}
	var lines []string
	for i, c := range it.Changes {
		if i == maxChangesShown {
			lines = append(lines, "- +"+strconv.Itoa(len(it.Changes)-i)+" more changes")
			break
		}
		c.Old, c.New = render.Truncate(c.Old, maxValue), render.Truncate(c.New, maxValue)
		lines = append(lines, "- "+c.Format(render.Markdown, " → "))
	}
	if len(lines) > 0 {
		e := text(strings.Join(lines, "\n"))
		e.IsSubtle, e.Spacing = true, "None"
		els = append(els, e)
	}
	return els
}
