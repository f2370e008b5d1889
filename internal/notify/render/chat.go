package render

import (
	"fmt"
	"log/slog"
	"net/http"

	"github.com/careers-watcher/careers-watcher/internal/retry"
)

// ChatOptions are the options every chat webhook channel (slack, discord,
// teams) takes.
type ChatOptions struct {
	Name       string // the configured name
	URL        string // the webhook URL: a secret, never logged or put in errors
	Client     *http.Client
	Retry      retry.Policy
	Logger     *slog.Logger
	UserAgent  string
	Template   string // a text/template over Digest, "" for the default body
	HistoryURL string // where the full list of a cut digest is
}

// Chat is what every chat webhook channel holds; the channel packages embed
// it.
type Chat struct {
	Notifier string // the configured name
	Post     *Poster
	Tmpl     *Template // nil: the default body
	History  string
	Log      *slog.Logger
}

// NewChat checks the options shared by the chat channels. kind names the
// channel in errors ("slack"), which name the notifier, never the URL.
func NewChat(kind string, o ChatOptions) (Chat, error) {
	p, err := NewPoster(kind, o.Name, o.URL, o.Client, o.Retry, o.Logger)
	if err != nil {
		return Chat{}, err
	}
	if o.UserAgent != "" {
		p.UserAgent = o.UserAgent
	}
	t, err := ParseText(kind, o.Template)
	if err != nil {
		return Chat{}, fmt.Errorf("%s %q: %w", kind, o.Name, err)
	}
	log := o.Logger
	if log == nil {
		log = slog.Default()
	}
	return Chat{Notifier: o.Name, Post: p, Tmpl: t, History: o.HistoryURL, Log: log}, nil
}

// Name is the configured name.
func (c Chat) Name() string { return c.Notifier }
