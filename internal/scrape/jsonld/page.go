package jsonld

import (
	"net/url"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// OnPageAt is OnPage of the page whose URL is raw (an adapter's posting
// URL): a URL that does not parse is an error.
func OnPageAt(body []byte, raw string) (model.Raw, error) {
	page, err := url.Parse(raw)
	if err != nil {
		return model.Raw{}, err
	}
	return OnPage(body, page)
}
