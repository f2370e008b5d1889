package normalize

import (
	"net/url"
	"strings"
)

// tracking are query parameters that never identify a posting (besides
// every utm_* one).
var tracking = map[string]bool{
	"gclid": true, "fbclid": true, "msclkid": true, "mc_cid": true, "mc_eid": true, "_ga": true,
	"_gl": true, "igshid": true, "_hsenc": true, "_hsmi": true, "yclid": true, "dclid": true,
}

// Tracking reports whether a query parameter only tracks a visit.
func Tracking(key string) bool {
	k := strings.ToLower(key)
	return strings.HasPrefix(k, "utm_") || tracking[k]
}

// StripTracking removes tracking parameters from q (in place) and returns it.
func StripTracking(q url.Values) url.Values {
	for k := range q {
		if Tracking(k) {
			q.Del(k)
		}
	}
	return q
}

// CleanURL is a posting's URL without tracking parameters and fragment, so
// that a link that only changed its campaign tags is no change. The rest of
// the URL is kept as it was (a URL that does not parse is returned
// trimmed).
func CleanURL(raw string) string {
	raw = strings.TrimSpace(raw)
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return raw
	}
	u.Fragment, u.RawFragment = "", ""
	if u.RawQuery != "" {
		q := u.Query()
		n := len(q)
		if StripTracking(q); len(q) != n {
			u.RawQuery = q.Encode()
		}
	}
	return u.String()
}
