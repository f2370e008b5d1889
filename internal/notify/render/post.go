package render

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/careers-watcher/careers-watcher/internal/notify"
	"github.com/careers-watcher/careers-watcher/internal/retry"
)

// DefaultUserAgent is sent by a Poster without a user agent.
const DefaultUserAgent = "careers-watcher/1.0"

// Poster is the HTTP delivery shared by the chat channels: it POSTs a JSON
// body to a secret-bearing URL with the retry policy of internal/retry
// (network errors, 408, 429 and 5xx are retried with backoff and jitter,
// Retry-After honoured and capped by the policy; any other status is a
// permanent error). Errors read `<channel> "<name>": status 404: <short
// answer>` and never contain the URL, its path or query.
type Poster struct {
	Channel   string // "slack", "discord", "teams"
	Name      string
	UserAgent string
	// After, when set, reads the wait a 429 answer asks for from its body
	// (Discord's retry_after); the Retry-After header is used otherwise.
	After func(h http.Header, body []byte) (time.Duration, bool)

	url    string
	host   string
	client *http.Client
	policy retry.Policy
	log    *slog.Logger
	now    func() time.Time
	redact []string
}

// NewPoster checks rawURL (absolute http or https) and fills the defaults:
// a nil client is one with a 30s timeout; redirects are never followed (a
// redirected POST may turn into a GET); a zero policy is retry.Default; a
// nil logger is slog.Default().
func NewPoster(channel, name, rawURL string, client *http.Client, policy retry.Policy, log *slog.Logger) (*Poster, error) {
	if name == "" {
		return nil, fmt.Errorf("%s: no name", channel)
	}
	u, err := url.Parse(rawURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("%s %q: url must be an absolute http or https URL", channel, name)
	}
	p := &Poster{Channel: channel, Name: name, UserAgent: DefaultUserAgent, url: rawURL, host: u.Hostname(), policy: policy, log: log, now: time.Now}
	if p.policy == (retry.Policy{}) {
		p.policy = retry.Default
	}
	if p.log == nil {
		p.log = slog.Default()
	}
	var c http.Client
	if client != nil {
		c = *client
	} else {
		c.Timeout = 30 * time.Second
	}
	c.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	p.client = &c
	p.redact = append(p.redact, rawURL)
	if u.RawQuery != "" {
		p.redact = append(p.redact, u.RawQuery)
		for _, vs := range u.Query() {
			for _, v := range vs {
				if len(v) >= 4 {
					p.redact = append(p.redact, v)
				}
			}
		}
	}
	if ep := u.EscapedPath(); len(ep) > 1 {
		p.redact = append(p.redact, ep)
		for _, seg := range strings.Split(ep, "/") {
			if len(seg) >= 8 {
				p.redact = append(p.redact, seg)
			}
		}
	}
	if pw, ok := u.User.Password(); ok && pw != "" {
		p.redact = append(p.redact, pw)
	}
	return p, nil
}

// Host is the URL's host name, safe to log.
func (p *Poster) Host() string { return p.host }

// Post delivers body (JSON), retrying as the policy says. attrs are added
// to the log lines.
func (p *Poster) Post(ctx context.Context, body []byte, attrs ...any) error {
	attrs = append([]any{"notifier", p.Name, "channel", p.Channel, "host", p.host}, attrs...)
	return retry.Do(ctx, p.policy, func(attempt int) error {
		status, err := p.once(ctx, body)
		if err != nil {
			p.log.Debug(p.Channel+": attempt failed", append(attrs, "attempt", attempt, "status", status, "error", err.Error())...)
		} else {
			p.log.Debug(p.Channel+": delivered", append(attrs, "attempt", attempt, "status", status)...)
		}
		return err
	})
}

func (p *Poster) once(ctx context.Context, body []byte) (int, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, p.url, bytes.NewReader(body))
	if err != nil {
		return 0, fmt.Errorf("%s %q: %s", p.Channel, p.Name, p.Clean(err))
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("User-Agent", p.UserAgent)
	resp, err := p.client.Do(req)
	if err != nil {
		if cerr := ctx.Err(); cerr != nil {
			return 0, fmt.Errorf("%s %q: %w", p.Channel, p.Name, cerr)
		}
		return 0, retry.Again(fmt.Errorf("%s %q: %s", p.Channel, p.Name, p.Clean(err)), 0)
	}
	answer, _ := io.ReadAll(io.LimitReader(resp.Body, 64<<10))
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	resp.Body.Close()

	status := resp.StatusCode
	if status >= 200 && status < 300 {
		return status, nil
	}
	msg := fmt.Sprintf("%s %q: status %d", p.Channel, p.Name, status)
	if a := p.answer(answer); a != "" {
		msg += ": " + a
	}
	serr := errors.New(msg)
	if status >= 300 && status < 400 {
		// Not followed, and no delivery: kept for another try (see
		// notify.RedirectNote).
		return status, retry.Again(fmt.Errorf("%s: %s", msg, notify.RedirectNote(resp, p.Clean)), 0)
	}
	if retry.Classify(status) == retry.Retry {
		var after time.Duration
		ok := false
		if p.After != nil && status == http.StatusTooManyRequests {
			after, ok = p.After(resp.Header, answer)
		}
		if !ok {
			after, _ = retry.RetryAfter(resp.Header, p.now())
		}
		return status, retry.Again(serr, after)
	}
	return status, serr
}

// answer is a short, cleaned and redacted excerpt of a server's answer.
func (p *Poster) answer(b []byte) string {
	s := Clean(string(b))
	if strings.HasPrefix(strings.ToLower(s), "<!doctype") || strings.HasPrefix(strings.ToLower(s), "<html") {
		return ""
	}
	return Truncate(p.redactString(s), 200)
}

// Clean turns a transport error into text without the URL, its path or
// query, or a password.
func (p *Poster) Clean(err error) string {
	var uerr *url.Error
	if errors.As(err, &uerr) {
		err = uerr.Err
	}
	return p.redactString(err.Error())
}

func (p *Poster) redactString(msg string) string {
	for _, s := range p.redact {
		if s != "" {
			msg = strings.ReplaceAll(msg, s, "[redacted]")
		}
	}
	return msg
}

// Report logs a template failure: the default text was used instead.
func Report(log *slog.Logger, channel, name string, err error) {
	if err == nil || log == nil {
		return
	}
	log.Warn(channel+": template failed, default text used", "notifier", name, "channel", channel, "error", err.Error())
}
