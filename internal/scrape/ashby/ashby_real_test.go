package ashby

import "testing"

// A bare "Remote" location takes the country of its address (the
// labelling protocol: "Remote" alone with the country in another field
// takes that country); other labels keep their form.
func TestLabelRemoteTakesAddressCountry(t *testing.T) {
	for _, c := range []struct{ name, country, want string }{
		{"Remote", "United States", "Remote, United States"},
		{"Remote (Canada)", "Canada", "Remote (Canada)"},
		{"Remote - Europe", "Germany", "Remote - Europe"},
		{"Toronto, Ontario", "Canada", "Toronto, Ontario, Canada"},
		{"Remote", "", "Remote"},
	} {
		if got := label(c.name, address{AddressCountry: c.country}); got != c.want {
			t.Errorf("label(%q, %q) = %q, want %q", c.name, c.country, got, c.want)
		}
	}
}
