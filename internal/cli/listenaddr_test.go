package cli

import (
	"net"
	"testing"
)

// serve logs the address it listens at as --listen gave it, with the port
// it got: 0.0.0.0 stays 0.0.0.0 (Go reports the listener as [::]).
func TestListenAddressLoggedAsGiven(t *testing.T) {
	for _, c := range []struct{ listen, got, want string }{
		{"0.0.0.0:18803", "[::]:18803", "0.0.0.0:18803"},
		{"127.0.0.1:0", "127.0.0.1:40123", "127.0.0.1:40123"},
		{"localhost:0", "127.0.0.1:40123", "localhost:40123"},
		{"[::1]:8080", "[::1]:8080", "[::1]:8080"},
		{":8080", "[::]:8080", "[::]:8080"},
	} {
		addr, err := net.ResolveTCPAddr("tcp", c.got)
		if err != nil {
			t.Fatal(err)
		}
		if got := listenedAt(c.listen, addr); got != c.want {
			t.Errorf("--listen %s, listener %s: %s, want %s", c.listen, c.got, got, c.want)
		}
	}
}
