package scrape

import (
	"net/netip"
	"testing"
)

// The IANA special-purpose blocks that are not globally reachable are
// special: the documentation ranges (this VM's own eth0 was 192.0.2.2, and
// a redirect reached it), and the IPv6 ones; the addresses just past them
// are not.
func TestSpecialPurposeRegistry(t *testing.T) {
	for _, s := range []string{
		"192.0.2.2", "198.51.100.7", "203.0.113.10", "100.127.255.254", "198.19.255.1", "240.0.0.1", "255.255.255.255",
		"::ffff:192.0.2.2", "64:ff9b::c000:202", // the mapped and NAT64 forms
		"2001:db8::1", "3fff::1", "100::1", "100:0:0:1::1", "2001::1", "2001:2::1", "5f00::1", "fec0::1",
	} {
		if !Special(netip.MustParseAddr(s)) {
			t.Errorf("%s is not special", s)
		}
	}
	for _, s := range []string{"192.0.3.1", "198.51.101.1", "203.0.114.1", "198.20.0.1", "2001:4860::8888", "2a00:1450::1", "4000::1"} {
		if Special(netip.MustParseAddr(s)) {
			t.Errorf("%s is special", s)
		}
	}
}
