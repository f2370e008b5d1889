package scrape

import (
	"bytes"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"strings"

	whatwgurl "github.com/nlnwa/whatwg-url/url"
	"golang.org/x/net/html/charset"

	"github.com/careers-watcher/careers-watcher/internal/scrape/send"
)

// newSender is the registered sender (the watcher's: colly, see package
// send), else the plain one.
func newSender(cfg send.Config) send.Sender {
	if _, n := send.Registered(); n != nil {
		return n(cfg)
	}
	return newPlainSender(cfg)
}

// plainSender sends with net/http alone and reads a response as colly's
// collector does with the Pool's settings: a User-Agent and "Accept: */*"
// unless the request has its own, the URL normalized as a browser does
// (colly's WHATWG parse, see normalize), a form Content-Type on a POST
// without one, a cookie jar per pool, an error status as a response, at most
// MaxBody bytes of the body, and a body whose Content-Type names a charset
// other than UTF-8 converted to UTF-8. It is what a program that registers
// no sender uses (the test of one adapter package); the watcher registers
// colly's. TestSendersAgree holds the two to the same answers.
type plainSender struct {
	cfg    send.Config
	client *http.Client
}

func newPlainSender(cfg send.Config) send.Sender {
	jar, _ := cookiejar.New(nil)
	return &plainSender{cfg: cfg, client: &http.Client{
		Jar: jar, Timeout: cfg.Timeout, CheckRedirect: cfg.Redirect, Transport: cfg.Transport,
	}}
}

// urlParser is the WHATWG URL parser as colly v2's collector makes it
// (colly.go: whatwgUrl.NewParser(whatwgUrl.WithPercentEncodeSinglePercentSign())).
var urlParser = whatwgurl.NewParser(whatwgurl.WithPercentEncodeSinglePercentSign())

// normalize parses u as colly's collector does before it sends (WHATWG
// first, then net/url on the result): a backslash is a slash, "." and ".."
// segments (also "%2e" forms) are removed, and a space, a quote or a
// non-ASCII byte in the query is percent-encoded. The server then sees the
// same request line from either sender.
func normalize(u string) (string, error) {
	w, err := urlParser.Parse(u)
	if err != nil {
		return "", err
	}
	p, err := url.Parse(w.Href(false))
	if err != nil {
		return "", err
	}
	return p.String(), nil
}

func (s *plainSender) Send(method, u string, body io.Reader, hdr http.Header) (*send.Response, error) {
	u, err := normalize(u)
	if err != nil {
		return nil, err
	}
	req, err := http.NewRequestWithContext(s.cfg.Ctx, method, u, body)
	if err != nil {
		return nil, err
	}
	if hdr == nil {
		hdr = http.Header{}
	}
	req.Header = hdr
	if _, ok := hdr["User-Agent"]; !ok {
		hdr.Set("User-Agent", s.cfg.UserAgent)
	}
	if h := hdr.Get("Host"); h != "" {
		req.Host = h
	}
	if hdr.Get("Accept") == "" {
		hdr.Set("Accept", "*/*")
	}
	if method == http.MethodPost && hdr.Get("Content-Type") == "" {
		hdr.Add("Content-Type", "application/x-www-form-urlencoded")
	}
	resp, err := s.client.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(io.LimitReader(resp.Body, int64(s.cfg.MaxBody)))
	if err != nil {
		return nil, err
	}
	if b, err = toUTF8(b, resp.Header.Get("Content-Type")); err != nil {
		return nil, err
	}
	return &send.Response{Status: resp.StatusCode, Header: resp.Header, Body: b}, nil
}

// toUTF8 converts b to UTF-8 when contentType names another charset.
func toUTF8(b []byte, contentType string) ([]byte, error) {
	ct := strings.ToLower(contentType)
	if len(b) == 0 || !strings.Contains(ct, "charset") ||
		strings.Contains(ct, "utf-8") || strings.Contains(ct, "utf8") {
		return b, nil
	}
	for _, media := range []string{"image/", "video/", "audio/", "font/"} {
		if strings.Contains(ct, media) {
			return b, nil
		}
	}
	r, err := charset.NewReader(bytes.NewReader(b), ct)
	if err != nil {
		return nil, err // as colly's
	}
	return io.ReadAll(r)
}

// Limit has nothing to do: the Pool's Hosts keep a host's lanes.
func (s *plainSender) Limit(string, int) error { return nil }
