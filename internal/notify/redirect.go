package notify

import (
	"errors"
	"net/http"
)

// RedirectNote is the end of the error of an HTTP channel whose receiver
// answered a redirect (3xx): where it points, only its scheme and host
// (the rest of a Location may carry a token), passed through clean (the
// channel's redaction of its secret URL), and what to do. The channels
// never follow a redirect: the signature and custom headers must not reach
// another address, and a redirected POST may turn into a GET. A redirect
// is no delivery and no permanent refusal either: the channels mark it
// retry.Again, so the event stays in the outbox (tried again by every
// pass until the url is fixed or outbox.expire ends) and the run reports
// it as pending.
func RedirectNote(resp *http.Response, clean func(error) string) string {
	if u, err := resp.Location(); err == nil && u.Host != "" {
		return "redirect to " + clean(errors.New(u.Scheme+"://"+u.Host+"/")) + " not followed: fix the notifier url"
	}
	return "redirect (no location) not followed: fix the notifier url"
}
