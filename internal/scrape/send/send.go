// Package send is the seam between scrape.Pool and the library that sends
// its requests. The watcher sends through colly (scrape/collysend, which
// scrape/platforms, the build's list of source types, registers); a
// program that registers nothing, such as the test of one adapter package,
// sends through scrape's own net/http sender, which reads a response the
// way colly does. Keeping colly behind this seam keeps colly and what it
// brings (protobuf, appengine, ...) out of the adapter packages' test
// binaries.
//
// The package depends on the standard library only, so that colly's
// sender and scrape's own tests can both import it.
package send

import (
	"context"
	"io"
	"net/http"
	"sync"
	"time"
)

// Config is what a Pool asks of its sender.
type Config struct {
	Ctx       context.Context // every request ends when it ends
	UserAgent string          // set on requests without a User-Agent header
	MaxBody   int             // bytes of a body read at most (> 0)
	Timeout   time.Duration   // per request
	// Redirect decides each redirect, as http.Client.CheckRedirect.
	Redirect  func(req *http.Request, via []*http.Request) error
	Transport http.RoundTripper
}

// Response is a response as read: the status (an error status is a
// response, not an error), the header, and the body converted to UTF-8
// when the Content-Type names another charset.
type Response struct {
	Status int
	Header http.Header
	Body   []byte
}

// Sender sends the requests of one Pool. Safe for concurrent use.
type Sender interface {
	// Send sends one request and reads its response.
	Send(method, url string, body io.Reader, hdr http.Header) (*Response, error)
	// Limit lets at most lanes requests to host run at once.
	Limit(host string, lanes int) error
}

// New makes a Sender.
type New func(Config) Sender

var (
	mu   sync.Mutex
	name string
	fn   New
)

// Register makes n, called name, the sender of every Pool made after it.
func Register(senderName string, n New) {
	mu.Lock()
	defer mu.Unlock()
	name, fn = senderName, n
}

// Registered is the registered sender and its name ("", nil: none).
func Registered() (string, New) {
	mu.Lock()
	defer mu.Unlock()
	return name, fn
}
