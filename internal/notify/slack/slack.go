// Package slack delivers events to a Slack incoming webhook as Block Kit
// messages: one digest per source per run (a header, then one section per
// added, changed or removed posting with its link, level, location and pay,
// and for changes the fields old -> new). Messages stay inside Block Kit's
// limits (50 blocks, section text 3000 characters, header 150): past them
// the digest ends with "and N more" and says where the full list is.
// Untrusted text is escaped for mrkdwn (&, <, >) and broadcast mentions are
// defused, so no posting title can break or inject markup.
package slack

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"unicode/utf8"

	goslack "github.com/slack-go/slack"

	"github.com/careers-watcher/careers-watcher/internal/notify"
	"github.com/careers-watcher/careers-watcher/internal/notify/render"
	"github.com/careers-watcher/careers-watcher/internal/retry"
)

// Block Kit limits.
const (
	MaxBlocks      = 50
	MaxSectionText = 3000
	MaxHeaderText  = 150
	MaxContextText = 3000
)

// Per-item bounds so that one posting never fills a section by itself.
const (
	maxTitle        = 200  // characters of a title before escaping
	maxValue        = 200  // characters of a changed value before escaping
	maxURL          = 1000 // longer links are dropped (the title stays)
	maxChangesShown = 10
)

// Options configure a Slack notifier.
type Options struct {
	Name string // configured name (required)
	// URL is the incoming webhook URL (https://hooks.slack.com/services/...).
	// It is the secret: never logged or put in errors; only its host is logged.
	URL       string
	Client    *http.Client // nil -> 30s timeout; redirects are never followed
	Retry     retry.Policy // zero -> retry.Default
	Logger    *slog.Logger // nil -> slog.Default()
	UserAgent string       // "" -> render.DefaultUserAgent
	// Template, when set, is a Go text/template over render.Digest whose
	// output (Slack mrkdwn; escape untrusted text with {{mrkdwn .Title}} or
	// {{mrkdwnLink .URL .Title}}) replaces the default body. It is split into
	// sections at line ends. A failing template falls back to the default
	// body and is logged.
	Template string
	// HistoryURL, when set, is where the full list of a cut digest is said
	// to be: HistoryURL + "/" + source (e.g. the web view of the snapshot
	// repository's snapshot folder). "" names the snapshot folder.
	HistoryURL string
}

// Slack is a notify.Notifier and a render.Digester.
type Slack struct {
	render.Chat
}

var (
	_ notify.Notifier = (*Slack)(nil)
	_ render.Digester = (*Slack)(nil)
)

// New checks the options. Errors name the notifier, never the URL.
func New(o Options) (*Slack, error) {
	c, err := render.NewChat("slack", render.ChatOptions{
		Name: o.Name, URL: o.URL, Client: o.Client, Retry: o.Retry, Logger: o.Logger,
		UserAgent: o.UserAgent, Template: o.Template, HistoryURL: o.HistoryURL,
	})
	if err != nil {
		return nil, err
	}
	return &Slack{Chat: c}, nil
}

// Notify sends a one-event digest.
func (s *Slack) Notify(ctx context.Context, e notify.Event) error {
	return s.NotifyDigest(ctx, e.Data.Source, []notify.Event{e})
}

// NotifyDigest sends one message for the events of source. No events: no
// message.
func (s *Slack) NotifyDigest(ctx context.Context, source string, events []notify.Event) error {
	if len(events) == 0 {
		return nil
	}
	msg := s.Message(source, events)
	body, err := json.Marshal(msg)
	if err != nil {
		return fmt.Errorf("slack %q: %w", s.Notifier, err)
	}
	return s.Post.Post(ctx, body, "source", source, "events", len(events))
}

// Message builds the webhook message of a digest.
func (s *Slack) Message(source string, events []notify.Event) *goslack.WebhookMessage {
	d := render.NewDigest(source, events, render.More(s.History, source))
	var body []string // section texts, each within MaxSectionText
	shown := 0
	if s.Tmpl != nil {
		out, err := s.Tmpl.Execute(d)
		if err == nil && strings.TrimSpace(out) == "" {
			err = fmt.Errorf("template %s: empty output", s.Tmpl.Name())
		}
		if err != nil {
			render.Report(s.Log, "slack", s.Notifier, err)
		} else {
			body = split(out, MaxSectionText)
			shown = -1
		}
	}
	if shown == 0 {
		for _, it := range d.Items {
			body = append(body, Item(it))
		}
	}
	return build(d, body, shown < 0)
}

// build lays out the header, a context line and the sections, cutting to
// the block limit with a closing "and N more" note.
func build(d render.Digest, body []string, templated bool) *goslack.WebhookMessage {
	header := goslack.NewHeaderBlock(goslack.NewTextBlockObject(goslack.PlainTextType, render.Truncate(d.Header, MaxHeaderText), false, false))
	intro := render.Mrkdwn(d.Counts)
	if d.Company != "" {
		intro = render.Mrkdwn(d.Company) + " · " + intro
	}
	blocks := []goslack.Block{header, contextBlock(intro)}
	room := MaxBlocks - len(blocks)
	cut := 0
	if len(body) > room {
		cut = len(body) - (room - 1) // one block for the note
		body = body[:room-1]
	}
	for _, t := range body {
		blocks = append(blocks, goslack.NewSectionBlock(goslack.NewTextBlockObject(goslack.MarkdownType, t, false, false), nil, nil))
	}
	if cut > 0 {
		what := "postings"
		if templated {
			what = "parts"
		}
		blocks = append(blocks, contextBlock(moreNote(cut, what, d.More)))
	}
	return &goslack.WebhookMessage{
		Text:   render.Truncate(render.Mrkdwn(d.Header), MaxSectionText),
		Blocks: &goslack.Blocks{BlockSet: blocks},
	}
}

func moreNote(n int, what, where string) string {
	if n == 1 {
		what = strings.TrimSuffix(what, "s") // "1 more posting"
	}
	s := "… and " + strconv.Itoa(n) + " more " + what
	if strings.HasPrefix(where, "http://") || strings.HasPrefix(where, "https://") {
		return s + ": " + render.MrkdwnLink(where, where)
	}
	return s + " in " + render.Mrkdwn(where)
}

func contextBlock(text string) *goslack.ContextBlock {
	return goslack.NewContextBlock("", goslack.NewTextBlockObject(goslack.MarkdownType, render.Truncate(text, MaxContextText), false, false))
}

var marks = map[string]string{
	render.KindAdded:      ":new:",
	render.KindChanged:    ":pencil2:",
	render.KindRemoved:    ":wastebasket:",
	render.KindFailed:     ":warning:",
	render.KindSuspicious: ":warning:",
	render.KindRecovered:  ":white_check_mark:",
}

// Item is the mrkdwn of one event, at most MaxSectionText characters:
// ":new: *Added* <url|title>", then "level · location · pay", then for
// changes one line per field change (at most 10, then "+N more").
func Item(it render.Item) string {
	mark := marks[it.Kind]
	if mark == "" {
		mark = ":grey_question:"
	}
	if it.Posting == nil {
		line := mark + " *Source " + render.Mrkdwn(it.Kind) + "*: " + render.Mrkdwn(it.Source)
		if it.Error != "" {
			line += "\n" + render.Mrkdwn(render.Truncate(it.Error, 1000))
		}
		return line
	}
	title := render.Truncate(it.Title, maxTitle)
	link := render.Mrkdwn(title)
	if it.URL != "" && len(it.URL) <= maxURL {
		link = render.MrkdwnLink(it.URL, title)
	}
	lines := []string{mark + " *" + capital(it.Kind) + "* " + link}
	var facts []string
	for _, f := range []string{it.Levels, it.Location, it.Pay} {
		if f != "" {
			facts = append(facts, render.Mrkdwn(render.Truncate(f, 300)))
		}
	}
	if len(facts) > 0 {
		lines = append(lines, strings.Join(facts, " · "))
	}
	for i, c := range it.Changes {
		if i == maxChangesShown {
			lines = append(lines, "• +"+strconv.Itoa(len(it.Changes)-i)+" more changes")
			break
		}
		c.Old, c.New = render.Truncate(c.Old, maxValue), render.Truncate(c.New, maxValue)
		lines = append(lines, "• "+c.Format(render.Mrkdwn, " → "))
	}
	return joinWithin(lines, MaxSectionText)
}

func capital(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// joinWithin joins lines with newlines, leaving out the lines that would
// pass max characters (a line is never cut, so no markup is broken).
func joinWithin(lines []string, max int) string {
	var b strings.Builder
	n := 0
	for _, l := range lines {
		ln := utf8.RuneCountInString(l)
		if n > 0 {
			ln++
		}
		if n+ln > max {
			break
		}
		if n > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(l)
		n += ln
	}
	return b.String()
}

// split cuts text into chunks of at most max characters at line ends; a
// line longer than max is cut (templated text: the user owns its markup).
func split(text string, max int) []string {
	var out []string
	var cur []string
	n := 0
	flush := func() {
		if len(cur) > 0 {
			if s := strings.TrimSpace(strings.Join(cur, "\n")); s != "" {
				out = append(out, s)
			}
			cur, n = nil, 0
		}
	}
	for _, l := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n") {
		for utf8.RuneCountInString(l) > max {
			flush()
			r := []rune(l)
			out = append(out, string(r[:max]))
			l = string(r[max:])
		}
		ln := utf8.RuneCountInString(l)
		if n > 0 && n+1+ln > max {
			flush()
		}
		if n > 0 {
			n++
		}
		cur = append(cur, l)
		n += ln
	}
	flush()
	return out
}
