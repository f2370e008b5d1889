package scrape

import (
	"net/netip"
	"testing"
)

// 6to4 addresses carry an IPv4 address (2002:AABB:CCDD::): one that
// carries a private or loopback address is private too, as NAT64's are;
// IPv4-compatible addresses (::a.b.c.d, deprecated) are refused whole.
func TestSpecial6to4(t *testing.T) {
	for _, c := range []struct {
		ip   string
		want bool
	}{
		{"2002:7f00:1::", true},         // 127.0.0.1
		{"2002:a9fe:a9fe::1", true},     // 169.254.169.254, cloud metadata
		{"2002:c0a8:101::", true},       // 192.168.1.1
		{"2002:5db8:d70e::", false},     // 93.184.215.14, public
		{"::7f00:1", true},              // ::127.0.0.1
		{"::5db8:d70e", true},           // IPv4-compatible, deprecated
		{"2606:4700:4700::1111", false}, // public
	} {
		if got := Special(netip.MustParseAddr(c.ip)); got != c.want {
			t.Errorf("Special(%s) = %v, want %v", c.ip, got, c.want)
		}
	}
}
