package scrape

import (
	"errors"
	"net"
	"net/url"
	"syscall"
)

// NetError is a request that got no answer: its host's name did not
// resolve, or no connection was made. Its message names the host and what
// failed, not the URL of the request that met it first (often robots.txt,
// which is not to blame).
type NetError struct {
	Host string
	// Resolve: the host name did not resolve; else the connection failed.
	Resolve bool
	// Permanent: retrying in this run is pointless (the name does not
	// exist).
	Permanent bool
	Reason    string // "no such host", "connection refused", ...
	Err       error  // the error as the network package gave it
}

func (e *NetError) Error() string {
	if e.Resolve {
		return "cannot resolve host " + e.Host + ": " + e.Reason
	}
	return "cannot connect to " + e.Host + ": " + e.Reason
}

func (e *NetError) Unwrap() error { return e.Err }

// netError turns a name resolution or connection failure met by a request
// to host (or, when err says which request failed, that request's host: a
// redirect's target) into a *NetError; any other error is returned as it
// is.
func netError(host string, err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		// the request that failed: after a redirect, its target's host
		if t, perr := url.Parse(ue.URL); perr == nil && t.Host != "" {
			host = t.Host
		}
	}
	var dns *net.DNSError
	if errors.As(err, &dns) {
		reason := dns.Err
		if dns.IsNotFound {
			reason = "no such host"
		} else if dns.IsTimeout {
			reason = "timeout"
		}
		return &NetError{Host: host, Resolve: true, Permanent: dns.IsNotFound, Reason: reason, Err: err}
	}
	if errors.Is(err, syscall.ECONNREFUSED) {
		return &NetError{Host: host, Reason: "connection refused", Err: err}
	}
	var op *net.OpError
	if errors.As(err, &op) && op.Op == "dial" && op.Err != nil {
		return &NetError{Host: host, Reason: op.Err.Error(), Err: err}
	}
	return err
}
