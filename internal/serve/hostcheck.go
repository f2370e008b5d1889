package serve

import (
	"net"
	"net/http"
	"strings"
)

// hostChecked refuses, when LoopbackHosts is set, a request whose Host
// header is not a loopback name or address (localhost, 127.0.0.1, [::1],
// any port): a web page whose name is rebound to 127.0.0.1 (DNS rebinding)
// reaches a tokenless loopback server with its own name in Host, and must
// not read it. A request without Host (HTTP/1.0) comes from no browser.
func (s *Server) hostChecked(h http.Handler) http.Handler {
	if !s.LoopbackHosts {
		return h
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Host == "" || LoopbackHost(r.Host) {
			h.ServeHTTP(w, r)
			return
		}
		s.refuse(w, r, http.StatusMisdirectedRequest, "misdirected request: host "+shortHost(r.Host)+
			" is not a loopback name; this server listens on loopback without serve.token and answers only localhost, 127.0.0.1 and [::1] (set serve.token to be reached by another name)")
	})
}

// LoopbackHost reports whether a Host header value (host or host:port)
// names the loopback interface: localhost (any case, a trailing dot too),
// or an address in 127.0.0.0/8 or ::1.
func LoopbackHost(hostport string) bool {
	host := hostport
	if h, _, err := net.SplitHostPort(hostport); err == nil {
		host = h
	} else if strings.HasPrefix(host, "[") && strings.HasSuffix(host, "]") {
		host = host[1 : len(host)-1]
	}
	if strings.EqualFold(strings.TrimSuffix(host, "."), "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// shortHost is a Host value for a message (net/http admits only valid
// host characters), cut at 100 bytes.
func shortHost(h string) string {
	if len(h) > 100 {
		return h[:100] + "..."
	}
	return h
}
