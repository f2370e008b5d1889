// Package webhook delivers events as Standard Webhooks
// (https://www.standardwebhooks.com): one JSON POST per event with the
// webhook-id, webhook-timestamp and, when a secret is set, webhook-signature
// headers.
package webhook

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/careers-watcher/careers-watcher/internal/notify"
	"github.com/careers-watcher/careers-watcher/internal/retry"
	"golang.org/x/net/http/httpguts"
)

// DefaultUserAgent is sent when Options.UserAgent is empty.
const DefaultUserAgent = "careers-watcher/1.0"

// Options configure a Webhook.
type Options struct {
	Name      string
	URL       string            // secret-bearing: never logged or put in errors; only the host is logged
	Secret    string            // "whsec_<base64>" (Standard Webhooks); "" = unsigned
	Headers   map[string]string // extra headers
	Client    *http.Client      // nil -> a client with a 30s timeout; redirects are never followed
	Retry     retry.Policy      // zero -> retry.Default
	UserAgent string            // "" -> DefaultUserAgent
	Now       func() time.Time  // for tests; nil -> time.Now
	Logger    *slog.Logger      // nil -> slog.Default()
}

// Webhook is a notify.Notifier that POSTs events to one URL.
type Webhook struct {
	name    string
	url     string
	host    string
	key     []byte // decoded secret; nil = unsigned
	secret  string
	headers map[string]string
	client  *http.Client
	policy  retry.Policy
	ua      string
	now     func() time.Time
	log     *slog.Logger
	redact  []string // strings that must never appear in an error
}

var _ notify.Notifier = (*Webhook)(nil)

// New checks the options and returns a Webhook. Errors name the notifier,
// never the URL or the secret.
func New(o Options) (*Webhook, error) {
	if o.Name == "" {
		return nil, errors.New("webhook: no name")
	}
	u, err := url.Parse(o.URL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("webhook %q: url must be an absolute http or https URL", o.Name)
	}
	w := &Webhook{
		name:    o.Name,
		url:     o.URL,
		host:    u.Hostname(),
		secret:  o.Secret,
		headers: map[string]string{},
		policy:  o.Retry,
		ua:      o.UserAgent,
		now:     o.Now,
		log:     o.Logger,
	}
	if o.Secret != "" {
		if w.key, err = decodeSecret(o.Secret); err != nil {
			return nil, fmt.Errorf("webhook %q: secret: %w", o.Name, err)
		}
	}
	for k, v := range o.Headers {
		if !httpguts.ValidHeaderFieldName(k) {
			return nil, fmt.Errorf("webhook %q: header %q: invalid name", o.Name, k)
		}
		if strings.ContainsAny(v, "\r\n\x00") {
			return nil, fmt.Errorf("webhook %q: header %q: invalid value", o.Name, k)
		}
		w.headers[k] = v
	}
	if w.policy == (retry.Policy{}) {
		w.policy = retry.Default
	}
	if w.ua == "" {
		w.ua = DefaultUserAgent
	}
	if w.now == nil {
		w.now = time.Now
	}
	if w.log == nil {
		w.log = slog.Default()
	}
	// A copy of the caller's client that does not follow redirects: a
	// redirected POST may turn into a GET, and a 2xx from elsewhere is not
	// a delivery.
	var c http.Client
	if o.Client != nil {
		c = *o.Client
	} else {
		c.Timeout = 30 * time.Second
	}
	c.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	w.client = &c

	w.redact = append(w.redact, o.URL)
	if u.RawQuery != "" {
		w.redact = append(w.redact, u.RawQuery)
	}
	if p := u.EscapedPath(); len(p) > 1 {
		w.redact = append(w.redact, p)
	}
	if pw, ok := u.User.Password(); ok && pw != "" {
		w.redact = append(w.redact, pw)
	}
	if o.Secret != "" {
		w.redact = append(w.redact, o.Secret, strings.TrimPrefix(o.Secret, secretPrefix))
	}
	return w, nil
}

// Name is the configured name.
func (w *Webhook) Name() string { return w.name }

const secretPrefix = "whsec_"

func decodeSecret(secret string) ([]byte, error) {
	b64, ok := strings.CutPrefix(secret, secretPrefix)
	if !ok {
		return nil, errors.New(`must start with "whsec_"`)
	}
	key, err := base64.StdEncoding.DecodeString(b64)
	if err != nil {
		if key, err = base64.RawStdEncoding.DecodeString(b64); err != nil {
			return nil, errors.New(`the part after "whsec_" is not base64`)
		}
	}
	if len(key) == 0 {
		return nil, errors.New("empty key")
	}
	return key, nil
}

// Sign returns the Standard Webhooks signature of a message:
// "v1," + base64(HMAC-SHA256(key, id + "." + ts + "." + body)), with key the
// base64-decoded part of secret after "whsec_".
func Sign(secret, id string, ts int64, body []byte) (string, error) {
	key, err := decodeSecret(secret)
	if err != nil {
		return "", fmt.Errorf("webhook: secret: %w", err)
	}
	return sign(key, id, ts, body), nil
}

func sign(key []byte, id string, ts int64, body []byte) string {
	m := hmac.New(sha256.New, key)
	m.Write([]byte(id))
	m.Write([]byte{'.'})
	m.Write([]byte(strconv.FormatInt(ts, 10)))
	m.Write([]byte{'.'})
	m.Write(body)
	return "v1," + base64.StdEncoding.EncodeToString(m.Sum(nil))
}

// Notify POSTs e, retrying network errors, 3xx (a redirect is not
// followed), 408, 429 and 5xx answers (honouring Retry-After, capped by the
// policy); another status is a permanent error.
func (w *Webhook) Notify(ctx context.Context, e notify.Event) error {
	if e.ID == "" {
		return fmt.Errorf("webhook %q: event has no id", w.name)
	}
	body, err := notify.Body(e)
	if err != nil {
		return fmt.Errorf("webhook %q: event %s: %w", w.name, e.ID, err)
	}
	attrs := []any{"notifier", w.name, "event_id", e.ID, "event_type", e.Type, "source", e.Data.Source, "host", w.host}
	return retry.Do(ctx, w.policy, func(attempt int) error {
		status, err := w.post(ctx, e.ID, body)
		if err != nil {
			w.log.Debug("webhook: attempt failed", append(attrs, "attempt", attempt, "status", status, "error", err.Error())...)
		} else {
			w.log.Debug("webhook: delivered", append(attrs, "attempt", attempt, "status", status)...)
		}
		return err
	})
}

// post makes one attempt. Its error is marked with retry.Again when another
// attempt may help.
func (w *Webhook) post(ctx context.Context, id string, body []byte) (int, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, w.url, bytes.NewReader(body))
	if err != nil {
		return 0, fmt.Errorf("webhook %q: %s", w.name, w.clean(err))
	}
	for k, v := range w.headers {
		req.Header.Set(k, v)
	}
	ts := w.now().Unix()
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("User-Agent", w.ua)
	req.Header.Set("webhook-id", id)
	req.Header.Set("webhook-timestamp", strconv.FormatInt(ts, 10))
	if w.key != nil {
		req.Header.Set("webhook-signature", sign(w.key, id, ts, body))
	}
	resp, err := w.client.Do(req)
	if err != nil {
		if cerr := ctx.Err(); cerr != nil {
			return 0, fmt.Errorf("webhook %q: %w", w.name, cerr)
		}
		return 0, retry.Again(fmt.Errorf("webhook %q: %s", w.name, w.clean(err)), 0)
	}
	// Drain a little so that the connection can be reused, then close.
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	resp.Body.Close()

	status := resp.StatusCode
	if status >= 200 && status < 300 {
		return status, nil
	}
	serr := fmt.Errorf("webhook %q: status %d", w.name, status)
	if status >= 300 && status < 400 {
		// A redirect is not followed (the signature and the headers must
		// not go to another address, and a redirected POST may turn into
		// a GET), and it is no delivery either: the event stays in the
		// outbox and is tried again until the url is fixed or it expires.
		return status, retry.Again(fmt.Errorf("%w: %s", serr, notify.RedirectNote(resp, w.clean)), 0)
	}
	if retry.Classify(status) == retry.Retry {
		after, _ := retry.RetryAfter(resp.Header, w.now())
		return status, retry.Again(serr, after)
	}
	return status, serr
}

// clean turns a transport error into text without the URL, its path, query
// or password, or the secret.
func (w *Webhook) clean(err error) string {
	var uerr *url.Error
	if errors.As(err, &uerr) {
		err = uerr.Err
	}
	msg := err.Error()
	for _, s := range w.redact {
		if s != "" {
			msg = strings.ReplaceAll(msg, s, "[redacted]")
		}
	}
	return msg
}
