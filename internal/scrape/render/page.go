package render

import (
	"context"
	"fmt"
	"net/http"

	"github.com/careers-watcher/careers-watcher/internal/scrape"
)

// HTMLAccept is the Accept header of a plain request for an HTML page.
var HTMLAccept = http.Header{"Accept": {"text/html,application/xhtml+xml;q=0.9,*/*;q=0.8"}}

// Page gets the HTML page at u for the adapters that read pages (jsonld,
// html): through the browser when o is not nil, else as a plain request
// (conditional: NotModified when it comes back 304). A failure names the
// page as name does (a format with one %q: `page %q`); a 404 says it is
// not found.
func Page(ctx context.Context, c *scrape.Client, u string, o *Options, conditional bool, name string) (*scrape.Response, error) {
	var r *scrape.Response
	var err error
	if o != nil {
		r, err = Get(ctx, c, u, *o)
	} else {
		r, err = c.Do(ctx, scrape.Request{URL: u, Header: HTMLAccept, Conditional: conditional})
	}
	if err != nil {
		if scrape.IsStatus(err, http.StatusNotFound) {
			// the status stays readable (scrape.IsStatus): a page that
			// stays not found is gone (see jsonld's links)
			return nil, notFound{fmt.Sprintf(name+": not found (404)", u), err}
		}
		return nil, fmt.Errorf(name+": %w", u, err)
	}
	return r, nil
}

// notFound is Page's error for a 404: its own message, the answer's
// StatusError beneath.
type notFound struct {
	msg string
	err error
}

func (e notFound) Error() string { return e.msg }
func (e notFound) Unwrap() error { return e.err }
