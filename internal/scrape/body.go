package scrape

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
)

var jsonAccept = http.Header{"Accept": {"application/json"}}

// GetBody fetches u as JSON (Accept: application/json) and returns the body
// for an adapter's pure decode.
func (c *Client) GetBody(ctx context.Context, u string) ([]byte, error) {
	r, err := c.Do(ctx, Request{URL: u, Header: jsonAccept.Clone()})
	if err != nil {
		return nil, err
	}
	return r.Body, nil
}

// ListBody is GetBody as a conditional request (see Request.Conditional):
// ErrNotModified when the server says the listing is unchanged, so a 304
// costs no decoding.
func (c *Client) ListBody(ctx context.Context, u string) ([]byte, error) {
	r, err := c.Do(ctx, Request{URL: u, Header: jsonAccept.Clone(), Conditional: true})
	if err != nil {
		return nil, err
	}
	if r.NotModified {
		return nil, ErrNotModified
	}
	return r.Body, nil
}

// Unmarshal decodes a JSON body into v for a pure decode: the error shows
// the start of what came instead of JSON; the caller names the URL
// (fmt.Errorf("%s: %w", u, err) reads as DecodeJSON's error).
func Unmarshal(body []byte, v any) error {
	if err := json.Unmarshal(body, v); err != nil {
		return fmt.Errorf("invalid JSON: %w (body starts %q)", err, snippet(body))
	}
	return nil
}
