// Package discord delivers events to a Discord webhook: one message per
// source per run, the counts in the content and one embed per kind of
// change (added, changed, removed, source events) listing the postings
// with their link, level, location and pay, and for changes the fields
// old -> new. Messages stay inside Discord's limits (content 2000
// characters, 10 embeds, title 256, description 4096, 25 fields, 6000
// characters in all embeds): past them the content ends with "and N more"
// and says where the full list is. Text from postings is Markdown-escaped
// and the message allows no mentions at all.
package discord

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/careers-watcher/careers-watcher/internal/notify"
	"github.com/careers-watcher/careers-watcher/internal/notify/render"
	"github.com/careers-watcher/careers-watcher/internal/retry"
)

// Discord limits.
const (
	MaxContent     = 2000
	MaxEmbeds      = 10
	MaxTitle       = 256
	MaxDescription = 4096
	MaxFields      = 25
	MaxEmbedTotal  = 6000 // all embeds of a message together
)

const (
	maxTitleShown   = 150 // characters of a posting title before escaping
	maxValue        = 150
	maxChangesShown = 5
	maxLine         = 900 // one posting's lines, escaped
)

// Options configure a Discord notifier.
type Options struct {
	Name string // configured name (required)
	// URL is the webhook URL (https://discord.com/api/webhooks/<id>/<token>):
	// the secret, never logged or put in errors.
	URL       string
	Client    *http.Client // nil -> 30s timeout; redirects are never followed
	Retry     retry.Policy // zero -> retry.Default
	Logger    *slog.Logger // nil -> slog.Default()
	UserAgent string       // "" -> render.DefaultUserAgent
	// Username overrides the webhook's display name ("" keeps it).
	Username string
	// Template, when set, is a Go text/template over render.Digest whose
	// output (Discord Markdown; escape with {{markdown .Title}} or
	// {{markdownLink .URL .Title}}) is sent as the content, without embeds,
	// cut to 2000 characters at a line end. A failing template falls back
	// to the default message and is logged.
	Template string
	// HistoryURL: where the full list of a cut digest is (HistoryURL +
	// "/" + source); "" names the snapshot folder.
	HistoryURL string
}

// Message is a Discord webhook body.
type Message struct {
	Content         string          `json:"content,omitempty"`
	Username        string          `json:"username,omitempty"`
	Embeds          []Embed         `json:"embeds,omitempty"`
	AllowedMentions AllowedMentions `json:"allowed_mentions"`
}

// AllowedMentions with an empty Parse list turns every mention off.
type AllowedMentions struct {
	Parse []string `json:"parse"`
}

// Embed is one Discord embed.
type Embed struct {
	Title       string  `json:"title,omitempty"`
	URL         string  `json:"url,omitempty"`
	Description string  `json:"description,omitempty"`
	Color       int     `json:"color,omitempty"`
	Fields      []Field `json:"fields,omitempty"`
	Footer      *Footer `json:"footer,omitempty"`
}

// Field is one embed field.
type Field struct {
	Name   string `json:"name"`
	Value  string `json:"value"`
	Inline bool   `json:"inline,omitempty"`
}

// Footer is an embed footer.
type Footer struct {
	Text string `json:"text"`
}

// Chars is the number of characters Discord counts toward MaxEmbedTotal.
func (e Embed) Chars() int {
	n := utf8.RuneCountInString(e.Title) + utf8.RuneCountInString(e.Description)
	for _, f := range e.Fields {
		n += utf8.RuneCountInString(f.Name) + utf8.RuneCountInString(f.Value)
	}
	if e.Footer != nil {
		n += utf8.RuneCountInString(e.Footer.Text)
	}
	return n
}

// Discord is a notify.Notifier and a render.Digester.
type Discord struct {
	render.Chat
	username string
}

var (
	_ notify.Notifier = (*Discord)(nil)
	_ render.Digester = (*Discord)(nil)
)

// New checks the options. Errors name the notifier, never the URL.
func New(o Options) (*Discord, error) {
	c, err := render.NewChat("discord", render.ChatOptions{
		Name: o.Name, URL: o.URL, Client: o.Client, Retry: o.Retry, Logger: o.Logger,
		UserAgent: o.UserAgent, Template: o.Template, HistoryURL: o.HistoryURL,
	})
	if err != nil {
		return nil, err
	}
	c.Post.After = retryAfter
	return &Discord{Chat: c, username: render.Truncate(render.Clean(o.Username), 80)}, nil
}

// retryAfter reads Discord's 429 body: {"retry_after": 1.5, ...} in seconds.
func retryAfter(_ http.Header, body []byte) (time.Duration, bool) {
	var v struct {
		RetryAfter *float64 `json:"retry_after"`
	}
	if json.Unmarshal(body, &v) != nil || v.RetryAfter == nil || *v.RetryAfter < 0 || *v.RetryAfter > 24*3600 {
		return 0, false
	}
	return time.Duration(*v.RetryAfter * float64(time.Second)), true
}

// Notify sends a one-event digest.
func (d *Discord) Notify(ctx context.Context, e notify.Event) error {
	return d.NotifyDigest(ctx, e.Data.Source, []notify.Event{e})
}

// NotifyDigest sends one message for the events of source; no events, no
// message.
func (d *Discord) NotifyDigest(ctx context.Context, source string, events []notify.Event) error {
	if len(events) == 0 {
		return nil
	}
	body, err := json.Marshal(d.Message(source, events))
	if err != nil {
		return fmt.Errorf("discord %q: %w", d.Notifier, err)
	}
	return d.Post.Post(ctx, body, "source", source, "events", len(events))
}

var colors = map[string]int{
	render.KindAdded:   0x2ECC71,
	render.KindChanged: 0xF1C40F,
	render.KindRemoved: 0xE74C3C,
}

// Message builds the webhook body of a digest.
func (d *Discord) Message(source string, events []notify.Event) *Message {
	dg := render.NewDigest(source, events, render.More(d.History, source))
	m := &Message{Username: d.username, AllowedMentions: AllowedMentions{Parse: []string{}}}
	header := "**" + render.Markdown(dg.Source) + "**: " + render.Markdown(dg.Counts)
	if d.Tmpl != nil {
		out, err := d.Tmpl.Execute(dg)
		if err == nil && strings.TrimSpace(out) == "" {
			err = fmt.Errorf("template %s: empty output", d.Tmpl.Name())
		}
		if err == nil {
			lines := strings.Split(strings.TrimSpace(out), "\n")
			kept := cutLines(lines, MaxContent-200)
			m.Content = strings.Join(lines[:kept], "\n")
			if kept < len(lines) {
				m.Content += "\n" + note(len(lines)-kept, "lines", dg.More)
			}
			return m
		}
		render.Report(d.Log, "discord", d.Notifier, err)
	}

	total, left := 0, 0
	groups := []struct {
		title string
		kind  string
		items []render.Item
	}{{"Added", render.KindAdded, dg.Added}, {"Changed", render.KindChanged, dg.Changed}, {"Removed", render.KindRemoved, dg.Removed}, {"Source", "", dg.Other}}
	for _, g := range groups {
		if len(g.items) == 0 {
			continue
		}
		if len(m.Embeds) == MaxEmbeds {
			left += len(g.items)
			continue
		}
		e := Embed{Title: g.title + " (" + strconv.Itoa(len(g.items)) + ")", Color: colors[g.kind]}
		if e.Color == 0 {
			e.Color = 0x95A5A6
		}
		budget := min(MaxDescription, MaxEmbedTotal-total-utf8.RuneCountInString(e.Title))
		var desc []string
		n := 0
		for i, it := range g.items {
			l := Item(it)
			ln := utf8.RuneCountInString(l)
			if n > 0 {
				ln++
			}
			if n+ln > budget {
				left += len(g.items) - i
				break
			}
			desc = append(desc, l)
			n += ln
		}
		if len(desc) == 0 {
			continue
		}
		e.Description = strings.Join(desc, "\n")
		total += e.Chars()
		m.Embeds = append(m.Embeds, e)
	}
	m.Content = header
	if left > 0 {
		m.Content += "\n" + note(left, "postings", dg.More)
	}
	m.Content = render.Truncate(m.Content, MaxContent)
	return m
}

func note(n int, what, where string) string {
	if n == 1 {
		what = strings.TrimSuffix(what, "s") // "1 more posting"
	}
	s := "… and " + strconv.Itoa(n) + " more " + what
	if strings.HasPrefix(where, "http://") || strings.HasPrefix(where, "https://") {
		return s + ": <" + where + ">"
	}
	return s + " in " + render.Markdown(where)
}

// cutLines is how many of lines fit in max characters joined by newlines.
func cutLines(lines []string, max int) int {
	n := 0
	for i, l := range lines {
		ln := utf8.RuneCountInString(l)
		if i > 0 {
			ln++
		}
		if n+ln > max {
			return i
		}
		n += ln
	}
	return len(lines)
}

// Item is the Markdown of one event: "• [title](url) · L5 · location ·
// pay", then for changes one indented line per field (at most 5).
func Item(it render.Item) string {
	if it.Posting == nil {
		s := "• source " + render.Markdown(it.Kind) + ": " + render.Markdown(it.Source)
		if it.Error != "" {
			s += ": " + render.Markdown(render.Truncate(it.Error, 300))
		}
		return s
	}
	parts := []string{render.MarkdownLink(it.URL, render.Truncate(it.Title, maxTitleShown))}
	for _, f := range []string{it.Levels, it.Location, it.Pay} {
		if f != "" {
			parts = append(parts, render.Markdown(render.Truncate(f, 200)))
		}
	}
	lines := []string{"• " + strings.Join(parts, " · ")}
	for i, c := range it.Changes {
		if i == maxChangesShown {
			lines = append(lines, "  ◦ +"+strconv.Itoa(len(it.Changes)-i)+" more changes")
			break
		}
		c.Old, c.New = render.Truncate(c.Old, maxValue), render.Truncate(c.New, maxValue)
		lines = append(lines, "  ◦ "+c.Format(render.Markdown, " → "))
	}
	out := lines[0]
	if utf8.RuneCountInString(out) > maxLine {
		// a very long link: keep the escaped title without it
		out = "• " + render.Markdown(render.Truncate(it.Title, maxTitleShown))
	}
	for _, l := range lines[1:] {
		if utf8.RuneCountInString(out)+1+utf8.RuneCountInString(l) > maxLine {
			break
		}
		out += "\n" + l
	}
	return out
}
