package redact

import "encoding/base64"

// BasicAuth are the secrets of an HTTP Basic-auth header sent with user
// and a secret token: base64 of "user:token" in the standard and the URL
// alphabet, without padding (so that a padded writing, which holds it, is found
// too). A server
// refusing the credentials may echo the header it was sent (a git
// server's error body), which decodes to the token. The secrets carry the
// name of the token's secret; none when token is shorter than MinLen.
func BasicAuth(name, user, token string) []Secret {
	if len(token) < MinLen {
		return nil
	}
	cred := []byte(user + ":" + token)
	std := base64.RawStdEncoding.EncodeToString(cred)
	out := []Secret{{Name: name, Value: std}}
	if u := base64.RawURLEncoding.EncodeToString(cred); u != std {
		out = append(out, Secret{Name: name, Value: u})
	}
	return out
}
